#pragma once

#include "app/core/finger_position.h"

#include <QMetaType>
#include <QString>
#include <chrono>

namespace umbral::devices {

/// What a fingerprint capture should contain.
enum class FingerprintImpression {
    SingleFinger, ///< one flat finger
    LeftSlap,     ///< four fingers of the left hand at once (ANSI/NIST position 14)
    RightSlap,    ///< four fingers of the right hand at once (13)
    TwoThumbs,    ///< both thumbs side by side (15)
    Rolled,       ///< one finger rolled nail to nail
};

/// Which eye an iris capture should contain.
enum class IrisEye { Left, Right };

QString toKey(FingerprintImpression impression);
QString toKey(IrisEye eye);

/// One capture (or preview) asked of a device. The device decides when the presentation is good
/// enough (a press sensor: as soon as a finger lies on the platen) and gives up at the deadline
/// with DeviceErrorCode::CaptureTimeout.
///
/// `finger` and `eye` say what the station expects to be presented. Real devices cannot check
/// it and ignore it; the simulated devices present exactly that finger or eye.
struct CaptureSpec {
    enum class Kind { Fingerprint, Iris };
    Kind kind = Kind::Fingerprint;
    FingerprintImpression impression = FingerprintImpression::SingleFinger;
    /// SingleFinger / Rolled: which finger (Unknown: not said). Slaps: derived from impression.
    FingerPosition finger = FingerPosition::Unknown;
    IrisEye eye = IrisEye::Left;
    std::chrono::milliseconds timeout{10000};

    static CaptureSpec fingerprint(FingerprintImpression what,
                                   std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        return {Kind::Fingerprint, what, FingerPosition::Unknown, IrisEye::Left, timeout};
    }
    static CaptureSpec singleFinger(FingerPosition which,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        return {Kind::Fingerprint, FingerprintImpression::SingleFinger, which, IrisEye::Left,
                timeout};
    }
    static CaptureSpec iris(IrisEye which,
                            std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        return {Kind::Iris, FingerprintImpression::SingleFinger, FingerPosition::Unknown, which,
                timeout};
    }
    /// The ANSI/NIST position the capture shows: the finger for single and rolled captures
    /// (Unknown if not said), 13, 14 or 15 for slaps and thumbs, Unknown for iris.
    FingerPosition position() const;
    /// "single-finger", "single-finger right-index", "left-slap", ..., "iris-left".
    QString describe() const;
};

} // namespace umbral::devices

Q_DECLARE_METATYPE(umbral::devices::CaptureSpec)
