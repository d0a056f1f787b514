#include "devices/api/traveler_feedback.h"

namespace umbral::devices {

QString toText(TravelerFeedback feedback) {
    switch (feedback) {
    case TravelerFeedback::None:
        return {};
    case TravelerFeedback::PlaceFinger:
        return QStringLiteral("Place the finger on the scanner");
    case TravelerFeedback::FingerTooShort:
        return QStringLiteral("Keep the finger down longer");
    case TravelerFeedback::CentreFinger:
        return QStringLiteral("Centre the finger");
    case TravelerFeedback::PressHarder:
        return QStringLiteral("Press harder");
    case TravelerFeedback::PressLighter:
        return QStringLiteral("Press more lightly");
    case TravelerFeedback::HoldStill:
        return QStringLiteral("Hold still");
    case TravelerFeedback::RemoveFinger:
        return QStringLiteral("Lift the finger");
    case TravelerFeedback::LookAtCamera:
        return QStringLiteral("Look at the camera");
    case TravelerFeedback::MoveCloser:
        return QStringLiteral("Move closer");
    case TravelerFeedback::MoveBack:
        return QStringLiteral("Move back a little");
    case TravelerFeedback::OpenEyesWider:
        return QStringLiteral("Open the eyes wide");
    }
    return {};
}

QString toKey(TravelerFeedback feedback) {
    switch (feedback) {
    case TravelerFeedback::None:
        return QStringLiteral("none");
    case TravelerFeedback::PlaceFinger:
        return QStringLiteral("place-finger");
    case TravelerFeedback::FingerTooShort:
        return QStringLiteral("finger-too-short");
    case TravelerFeedback::CentreFinger:
        return QStringLiteral("centre-finger");
    case TravelerFeedback::PressHarder:
        return QStringLiteral("press-harder");
    case TravelerFeedback::PressLighter:
        return QStringLiteral("press-lighter");
    case TravelerFeedback::HoldStill:
        return QStringLiteral("hold-still");
    case TravelerFeedback::RemoveFinger:
        return QStringLiteral("remove-finger");
    case TravelerFeedback::LookAtCamera:
        return QStringLiteral("look-at-camera");
    case TravelerFeedback::MoveCloser:
        return QStringLiteral("move-closer");
    case TravelerFeedback::MoveBack:
        return QStringLiteral("move-back");
    case TravelerFeedback::OpenEyesWider:
        return QStringLiteral("open-eyes-wider");
    }
    return QStringLiteral("unknown");
}

} // namespace umbral::devices
