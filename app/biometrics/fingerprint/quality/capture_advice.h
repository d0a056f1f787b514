#pragma once

// Advice a traveller can follow, derived from the quality measures of a capture. Like libfprint's
// "retry" results, these are not errors: the capture is fine as an image, the finger needs to do
// something different.

#include "app/biometrics/fingerprint/quality/actionable_feedback.h"
#include "app/biometrics/fingerprint/quality/native_quality_measures.h"

#include <string>
#include <vector>

namespace umbral::biometrics {

enum class CaptureAdvice {
    PlaceFinger,  ///< nothing on the glass (uniform, empty or no ridges)
    PressHarder,  ///< too little contact area
    FingerTooDry, ///< light, broken ridges
    FingerTooWet, ///< dark, merged ridges (also: pressing too hard)
    CentreFinger, ///< the print runs off one edge of the capture area
    PlaceAgain    ///< poor quality without one clear cause
};

/// Short text for the traveller, in English ("press harder"); the UI translates it.
std::string adviceText(CaptureAdvice a);

/// Heuristic thresholds (see docs/fingerprint-quality.md for how they were chosen).
namespace advice_thresholds {
inline constexpr double kPoorClarity = 0.65;      ///< LCS mean below: ridges not clear
inline constexpr double kLightForeground = 175.0; ///< ROI mean grey above: light print
inline constexpr double kDarkForeground = 110.0;  ///< ROI mean grey below: dark print
inline constexpr double kOffCentre = 0.22; ///< foreground centre this far off (share of size)
/// Faint, unclear ridges on a contact area below this many pixels (1.3 x NIST's 50 000) come
/// from too little pressure rather than dry skin.
inline constexpr double kSmallContact = 65000.0;
inline constexpr int kLowScore = 35; ///< score below: ask for a new placement
} // namespace advice_thresholds

/// Advice for a capture of `imageSize` with measures `m` and unified score `score`, most
/// important first; empty when the capture is good.
std::vector<CaptureAdvice> captureAdvice(const NativeQualityMeasures& m, int score,
                                         cv::Size imageSize);

} // namespace umbral::biometrics
