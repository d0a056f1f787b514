#pragma once

#include <QMetaType>
#include <QString>
#include <chrono>

namespace umbral::devices {

/// What a fingerprint capture should contain.
enum class FingerprintImpression {
    SingleFinger, ///< one flat finger
    LeftSlap,     ///< four fingers of the left hand at once
    RightSlap,    ///< four fingers of the right hand at once
    TwoThumbs,    ///< both thumbs side by side
    Rolled,       ///< one finger rolled nail to nail
};

/// Which eye(s) an iris capture should contain.
enum class IrisEye { Left, Right, Both };

QString toKey(FingerprintImpression impression);
QString toKey(IrisEye eye);

/// One capture asked of a device. The device decides when the presentation is good enough
/// (for a press sensor: as soon as a finger lies on the platen) and gives up at the deadline
/// with DeviceErrorCode::CaptureTimeout.
struct CaptureSpec {
    enum class Kind { Fingerprint, Iris };
    Kind kind = Kind::Fingerprint;
    FingerprintImpression impression = FingerprintImpression::SingleFinger;
    IrisEye eye = IrisEye::Both;
    std::chrono::milliseconds timeout{10000};

    static CaptureSpec fingerprint(FingerprintImpression what,
                                   std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        return {Kind::Fingerprint, what, IrisEye::Both, timeout};
    }
    static CaptureSpec iris(IrisEye which,
                            std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        return {Kind::Iris, FingerprintImpression::SingleFinger, which, timeout};
    }
    /// "single-finger", "left-slap", ..., or "iris-left", "iris-both".
    QString describe() const;
};

} // namespace umbral::devices

Q_DECLARE_METATYPE(umbral::devices::CaptureSpec)
