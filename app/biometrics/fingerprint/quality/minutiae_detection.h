#pragma once

// The minutiae detector the quality assessment uses by default: Umbral's own extractor
// (umbral_finger_minutiae). NIST uses FingerJet FX OSE, so the minutiae-based measures are
// comparable with NIST's but not equal (docs/fingerprint-quality.md).

#include "app/biometrics/fingerprint/quality/finger_quality.h"

namespace umbral::biometrics {

/// A MinutiaeDetector backed by extractMinutiae() (positions rounded to whole pixels).
MinutiaeDetector umbralMinutiaeDetector();

} // namespace umbral::biometrics
