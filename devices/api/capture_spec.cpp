#include "devices/api/capture_spec.h"

namespace umbral::devices {

QString toKey(FingerprintImpression impression) {
    switch (impression) {
    case FingerprintImpression::SingleFinger:
        return QStringLiteral("single-finger");
    case FingerprintImpression::LeftSlap:
        return QStringLiteral("left-slap");
    case FingerprintImpression::RightSlap:
        return QStringLiteral("right-slap");
    case FingerprintImpression::TwoThumbs:
        return QStringLiteral("two-thumbs");
    case FingerprintImpression::Rolled:
        return QStringLiteral("rolled");
    }
    return QStringLiteral("unknown");
}

QString toKey(IrisEye eye) {
    switch (eye) {
    case IrisEye::Left:
        return QStringLiteral("iris-left");
    case IrisEye::Right:
        return QStringLiteral("iris-right");
    case IrisEye::Both:
        return QStringLiteral("iris-both");
    }
    return QStringLiteral("unknown");
}

QString CaptureSpec::describe() const {
    return kind == Kind::Fingerprint ? toKey(impression) : toKey(eye);
}

} // namespace umbral::devices
