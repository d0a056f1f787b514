#pragma once

// The preview path of the capture screen: score the newest frame, finger by finger, fast, with
// advice the traveller can follow. Finger regions are rotated boxes, as the slap segmenter
// (umbral_finger_slap) produces them.

#include "app/biometrics/fingerprint/quality/actionable_feedback.h"
#include "app/biometrics/fingerprint/quality/capture_advice.h"

#include <opencv2/core.hpp>

#include <optional>
#include <span>
#include <vector>

namespace umbral::biometrics {

struct PreviewFingerQuality {
    cv::RotatedRect region;                     ///< the finger region scored (frame coordinates)
    std::optional<int> score;                   ///< 0..100; empty when nothing could be scored
    std::vector<CaptureAdvice> advice;          ///< most important first; empty when good
    std::optional<ActionableFeedback> feedback; ///< NIST's feedback values, when measured
};

/// Scores `frame` (8-bit grey at `ppi`). With `fingers` empty the whole frame is one finger;
/// otherwise each rotated box is cut out upright (the box's width across the finger, height
/// along it), brought to 500 ppi and scored on its own. Minutiae are not extracted (the unified
/// score does not use them), which keeps a 4-finger slap well above 15 frames per second.
/// Never throws for what is on the glass: a region with no usable print comes back unscored
/// with PlaceFinger; a box running off the frame adds CentreFinger. Throws BiometricError only
/// for a frame of the wrong kind (not 8-bit grey, empty, ppi outside 100..5000).
std::vector<PreviewFingerQuality> scorePreviewFrame(const cv::Mat& frame, double ppi,
                                                    std::span<const cv::RotatedRect> fingers = {});

/// The upright 500 ppi image of one finger region (white outside the frame), as the preview
/// path scores it.
cv::Mat uprightFingerImage(const cv::Mat& frame, double ppi, const cv::RotatedRect& region);

} // namespace umbral::biometrics
