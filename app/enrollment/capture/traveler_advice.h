#pragma once

#include "app/biometrics/fingerprint/quality/capture_advice.h"
#include "app/biometrics/iris/iris_quality.h"
#include "devices/api/traveler_feedback.h"

#include <QString>
#include <optional>

namespace umbral::enrollment {

/// What the officer tells the traveler, whichever part of the station noticed it: the quality
/// assessment of a finger or an eye, or the device itself. The UI translates toKey().
enum class Advice {
    PlaceFinger,
    PressHarder,
    PressLighter,
    FingerTooDry,
    FingerTooWet,
    CentreFinger,
    HoldStill,
    PlaceAgain,
    OpenEyesWider,
    LookAtCamera,
    ComeCloser,
    MoveBack,
    CentreEye,
    CheckIllumination, ///< for the officer: light or contrast, not the traveler
};

/// "place-finger", "press-harder", ... (stable; used by translations and JSON).
QString toKey(Advice advice);
/// A short English instruction ("Press harder").
QString englishText(Advice advice);

Advice adviceFrom(biometrics::CaptureAdvice advice);
Advice adviceFrom(biometrics::IrisFeedback feedback);
/// nullopt for TravelerFeedback::None.
std::optional<Advice> adviceFrom(devices::TravelerFeedback feedback);

} // namespace umbral::enrollment
