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
    }
    return QStringLiteral("unknown");
}

FingerPosition CaptureSpec::position() const {
    if (kind == Kind::Iris)
        return FingerPosition::Unknown;
    switch (impression) {
    case FingerprintImpression::LeftSlap:
        return FingerPosition::PlainLeftFour;
    case FingerprintImpression::RightSlap:
        return FingerPosition::PlainRightFour;
    case FingerprintImpression::TwoThumbs:
        return FingerPosition::PlainThumbs;
    case FingerprintImpression::SingleFinger:
    case FingerprintImpression::Rolled:
        return finger;
    }
    return FingerPosition::Unknown;
}

QString CaptureSpec::describe() const {
    if (kind == Kind::Iris)
        return toKey(eye);
    if ((impression == FingerprintImpression::SingleFinger ||
         impression == FingerprintImpression::Rolled) &&
        finger != FingerPosition::Unknown)
        return toKey(impression) + QLatin1Char(' ') + umbral::toKey(finger);
    return toKey(impression);
}

} // namespace umbral::devices
