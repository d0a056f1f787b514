#pragma once

#include "devices/api/device_driver.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace umbral::devices {

/// A folder of images played as a device. An optional `device.json` in the folder says what the
/// device is (defaults in brackets):
/// ```
/// { "modality": "fingerprint" | "iris"          ["fingerprint"]
///   "model": "...",                              ["Replay of <folder name>"]
///   "ppi": 500,                                  [500; iris: 0]
///   "fps": 10,                                   [10: preview frames per second]
///   "impressions": ["single-finger", "left-slap", "right-slap", "two-thumbs", "rolled"]
///                                                [["single-finger"]] }
/// ```
/// Images (png, pgm, ppm, bmp, tif, tiff, jpg, jpeg) play in file-name order and start over
/// after the last; 16-bit and colour images are made 8-bit grey.
struct ReplaySource {
    QString folder;     ///< absolute path
    QStringList images; ///< absolute paths, in play order
    Modality modality = Modality::Fingerprint;
    QString model;
    int ppi = 500;
    double framesPerSecond = 10;
    FingerprintCapabilities fingerprint;
    QSize imageSize; ///< of the first image
    QString problem; ///< why the folder cannot be played (empty when it can)

    /// Reads the folder (and its device.json). Never throws: a folder that cannot be played
    /// comes back with `problem` set.
    static ReplaySource fromFolder(const QString& folder);
    QString deviceId() const { return QStringLiteral("replay:") + folder; }
};

/// The driver for a ReplaySource: preview publishes the images one after the other at the
/// source's frame rate; each capture returns the next image.
class ReplayDriver : public DeviceDriver {
public:
    explicit ReplayDriver(ReplaySource source);

    DeviceInfo describe() const override;
    int ppi() const override { return source_.ppi; }
    void open(OperationContext& context) override;
    void close() noexcept override {}
    void preview(const CaptureSpec& expected, OperationContext& context) override;
    cv::Mat capture(const CaptureSpec& request, OperationContext& context) override;

private:
    cv::Mat nextImage();

    ReplaySource source_;
    int next_ = 0;
};

} // namespace umbral::devices
