#pragma once

#include "app/enrollment/auto_capture_policy.h"

#include <QString>

namespace umbral::enrollment {

/// The enrollment section of umbral.conf (INI, [enrollment]); thresholds are configuration.
///
/// ```ini
/// [enrollment]
/// finger_threshold=40        ; NFIQ 2-compatible score every finger must reach (0-100)
/// finger_frames_held=3       ; ... on this many consecutive preview frames
/// iris_threshold=50          ; ISO/IEC 29794-6 overall quality (0-100)
/// iris_frames_held=3
/// duplicate_finger_score=100 ; comparison score from which two fingers are the same finger
/// ```
struct EnrollmentSettings {
    AutoCaptureSettings finger{40, 3};
    AutoCaptureSettings iris{50, 3};
    double duplicateFingerScore = 100.0;

    static EnrollmentSettings load(const QString& settingsFile);
};

} // namespace umbral::enrollment
