#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QSize>
#include <QString>
#include <cstdint>
#include <optional>

namespace umbral::devices {

/// Where a device comes from.
enum class Backend { Simulated, Usb, Uvc, Replay };
/// What a device captures.
enum class Modality { Fingerprint, Iris };

/// "simulated", "usb", "uvc", "replay" / "fingerprint", "iris".
QString toKey(Backend backend);
QString toKey(Modality modality);

/// What a fingerprint scanner can capture.
struct FingerprintCapabilities {
    bool singleFinger = false; ///< one flat finger at a time
    bool fourFingerSlap = false;
    bool twoThumbs = false;
    bool rolled = false;
    int ppi = 500;
    QSize imageSize;          ///< pixels of a capture
    double previewRateHz = 0; ///< live frames per second while previewing (0: no live preview)
};

/// Which eyes an iris camera can capture: one side only, or either (Both: a binocular camera, or
/// one the traveler faces with either eye).
enum class IrisCoverage { Left, Right, Both };
QString toKey(IrisCoverage coverage);

/// What an iris camera can capture.
struct IrisCapabilities {
    IrisCoverage coverage = IrisCoverage::Both;
    QSize resolution; ///< pixels of a frame, e.g. 640x480
    int illuminationWavelengthNm = 850;
    double previewRateHz = 0;
};

/// A device as the station sees it, before and after it is opened. Backends fill in what they
/// know; a device that reports no serial or firmware leaves them empty.
struct DeviceInfo {
    QString id; ///< stable while plugged: "usb:1-7", "sim:slap", "uvc:/dev/video0"...
    Backend backend = Backend::Simulated;
    Modality modality = Modality::Fingerprint;
    std::uint16_t vendorId = 0; ///< USB ids (0 when not a USB device)
    std::uint16_t productId = 0;
    QString serial;
    QString model; ///< e.g. "NEXT Biometrics NB-1010-U"
    QString firmware;
    QString location; ///< where the OS shows it, e.g. "/dev/bus/usb/001/003"
    std::optional<FingerprintCapabilities> fingerprint; ///< set for Modality::Fingerprint
    std::optional<IrisCapabilities> iris;               ///< set for Modality::Iris

    bool isValid() const { return !id.isEmpty(); }
};

/// The JSON shape printed by `umbralctl devices list --json` (one object per device).
QJsonObject toJson(const DeviceInfo& info);
/// "298d:1010" (lower-case hex), or an empty string for non-USB devices.
QString usbIdText(const DeviceInfo& info);

} // namespace umbral::devices

Q_DECLARE_METATYPE(umbral::devices::DeviceInfo)
