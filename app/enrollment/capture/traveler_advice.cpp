#include "app/enrollment/capture/traveler_advice.h"

#include <array>
#include <utility>

namespace umbral::enrollment {

namespace {
struct AdviceName {
    Advice advice;
    const char* key;
    const char* text;
};
constexpr std::array<AdviceName, 14> kNames{{
    {Advice::PlaceFinger, "place-finger", "Place the finger on the glass"},
    {Advice::PressHarder, "press-harder", "Press harder"},
    {Advice::PressLighter, "press-lighter", "Press more lightly"},
    {Advice::FingerTooDry, "finger-too-dry", "Finger too dry: moisten it"},
    {Advice::FingerTooWet, "finger-too-wet", "Finger too wet: dry it"},
    {Advice::CentreFinger, "centre-finger", "Centre the finger on the glass"},
    {Advice::HoldStill, "hold-still", "Hold still"},
    {Advice::PlaceAgain, "place-again", "Lift and place again"},
    {Advice::OpenEyesWider, "open-eyes-wider", "Open your eyes wider"},
    {Advice::LookAtCamera, "look-at-camera", "Look at the camera"},
    {Advice::ComeCloser, "come-closer", "Come closer"},
    {Advice::MoveBack, "move-back", "Move back a little"},
    {Advice::CentreEye, "centre-eye", "Centre your eye in the frame"},
    {Advice::CheckIllumination, "check-illumination", "Officer: check the lighting"},
}};
} // namespace

QString toKey(Advice advice) {
    for (const AdviceName& n : kNames)
        if (n.advice == advice)
            return QString::fromLatin1(n.key);
    return QStringLiteral("place-again");
}

QString englishText(Advice advice) {
    for (const AdviceName& n : kNames)
        if (n.advice == advice)
            return QString::fromLatin1(n.text);
    return {};
}

Advice adviceFrom(biometrics::CaptureAdvice a) {
    using A = biometrics::CaptureAdvice;
    switch (a) {
    case A::PlaceFinger:
        return Advice::PlaceFinger;
    case A::PressHarder:
        return Advice::PressHarder;
    case A::FingerTooDry:
        return Advice::FingerTooDry;
    case A::FingerTooWet:
        return Advice::FingerTooWet;
    case A::CentreFinger:
        return Advice::CentreFinger;
    case A::PlaceAgain:
        break;
    }
    return Advice::PlaceAgain;
}

Advice adviceFrom(biometrics::IrisFeedback f) {
    using F = biometrics::IrisFeedback;
    switch (f) {
    case F::OpenEyesWider:
        return Advice::OpenEyesWider;
    case F::LookAtCamera:
        return Advice::LookAtCamera;
    case F::HoldStill:
        return Advice::HoldStill;
    case F::ComeCloser:
        return Advice::ComeCloser;
    case F::MoveBack:
        return Advice::MoveBack;
    case F::CentreEye:
        return Advice::CentreEye;
    case F::CheckIllumination:
        break;
    }
    return Advice::CheckIllumination;
}

std::optional<Advice> adviceFrom(devices::TravelerFeedback f) {
    using T = devices::TravelerFeedback;
    switch (f) {
    case T::None:
        return std::nullopt;
    case T::PlaceFinger:
        return Advice::PlaceFinger;
    case T::FingerTooShort:
        return Advice::PlaceAgain;
    case T::CentreFinger:
        return Advice::CentreFinger;
    case T::PressHarder:
        return Advice::PressHarder;
    case T::PressLighter:
        return Advice::PressLighter;
    case T::HoldStill:
        return Advice::HoldStill;
    case T::RemoveFinger:
        return Advice::PlaceAgain;
    case T::LookAtCamera:
        return Advice::LookAtCamera;
    case T::MoveCloser:
        return Advice::ComeCloser;
    case T::MoveBack:
        return Advice::MoveBack;
    case T::OpenEyesWider:
        return Advice::OpenEyesWider;
    }
    return std::nullopt;
}

} // namespace umbral::enrollment
