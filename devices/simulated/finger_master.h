#pragma once

// Stage 1 of the generator (internal header): builds the master print of one finger.

#include "devices/simulated/finger_synthesis.h"

#include <cstdint>

namespace umbral::devices::finger_detail {

/// Builds the master of `finger` (1-10) of `identitySeed`. Deterministic; about 0.1-0.3 s.
MasterFingerprint buildMaster(std::uint64_t identitySeed, FrictionRidgePosition finger);

/// Builds the print of the phalanx below the fingertip of `finger` (middle phalanx; proximal
/// for a thumb), which shows under the fingertip in slaps. Deterministic; about 0.1 s.
MasterFingerprint buildMiddlePhalanx(std::uint64_t identitySeed, FrictionRidgePosition finger,
                                     const MasterFingerprint& distal);

/// The orientation field of a zero-pole model (Sherlock & Monro): ridge direction in radians,
/// y down, at canvas point p for the given cores and deltas and far-field direction.
double zeroPoleOrientation(const cv::Point2f& p, const std::vector<cv::Point2f>& cores,
                           const std::vector<cv::Point2f>& deltas, double farFieldRad);

/// Grows a ridge pattern inside `region` (CV_8U mask) by iterated space-variant Gabor
/// filtering of a few random seeds, following `orientation` (radians) and `period` (pixels).
/// Returns CV_32F in [-1, 1]. Exposed for tests of the growth itself.
cv::Mat growRidges(const cv::Mat& orientation, const cv::Mat& period, const cv::Mat& region,
                   std::uint64_t seed, int seedCount);

} // namespace umbral::devices::finger_detail
