#pragma once

#include "devices/api/device_driver.h"
#include "devices/uvc/v4l2_frame.h"

#include <QSize>
#include <QString>
#include <memory>
#include <vector>

namespace cv {
class VideoCapture;
}

namespace umbral::devices {

/// A V4L2 video capture node as found by listUvcCameras().
struct UvcCameraDescription {
    QString node;                    ///< "/dev/video0"
    QString card;                    ///< the name the driver gives, e.g. "IrisCam NIR"
    QString busInfo;                 ///< "usb-0000:00:14.0-3"
    std::vector<V4l2Format> formats; ///< the decodable formats it offers, in its order
    std::uint16_t vendorId = 0;      ///< from sysfs when it is a USB device
    std::uint16_t productId = 0;

    /// The format the station asks for: 8-bit grey when offered, else the 16-bit ones, else YUYV.
    std::optional<V4l2Format> preferredFormat() const;
    bool isIrisCamera() const; ///< offers a monochrome (near-infrared) format
};

/// The V4L2 capture nodes under `devDirectory` (video*) that offer a format the station decodes.
/// Nodes that cannot be opened or queried are skipped.
std::vector<UvcCameraDescription>
listUvcCameras(const QString& devDirectory = QStringLiteral("/dev"));

/// A near-infrared UVC iris camera through OpenCV's V4L2 capture, in raw mode (no RGB
/// conversion): 8-bit grey, 10/12/16-bit grey and YUYV frames are decoded to 8-bit grey.
/// Preview streams every frame; a capture is the next frame (judging quality is not the
/// device layer's job). A read blocks at most OpenCV's V4L2 select timeout (10 s by default,
/// OPENCV_VIDEOIO_V4L_SELECT_TIMEOUT); an unplugged camera fails at once.
class UvcCameraDriver : public DeviceDriver {
public:
    explicit UvcCameraDriver(UvcCameraDescription description, QSize resolution = QSize(640, 480));
    ~UvcCameraDriver() override;

    static QString idFor(const QString& node) { return QStringLiteral("uvc:") + node; }

    DeviceInfo describe() const override;
    int ppi() const override { return 0; }
    void open(OperationContext& context) override;
    void close() noexcept override;
    void preview(const CaptureSpec& expected, OperationContext& context) override;
    cv::Mat capture(const CaptureSpec& request, OperationContext& context) override;

private:
    cv::Mat nextFrame();

    UvcCameraDescription description_;
    QSize requested_;
    QSize actual_;
    V4l2Format format_ = V4l2Format::Grey;
    std::unique_ptr<cv::VideoCapture> capture_;
};

} // namespace umbral::devices
