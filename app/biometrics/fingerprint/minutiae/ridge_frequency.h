#pragma once

// Local ridge period (inverse frequency). Internal to umbral_finger_minutiae.

#include "app/biometrics/fingerprint/minutiae/orientation_field.h"

#include <opencv2/core.hpp>

namespace umbral::biometrics::minutiae_detail {

/// Smallest and largest ridge period accepted at 500 ppi (pixels). Human ridge spacing is
/// 0.3-0.6 mm (6-12 px at 500 ppi); the margin allows for pressure and children.
inline constexpr float kMinRidgePeriod = 5.0f;
inline constexpr float kMaxRidgePeriod = 15.0f;

/// Ridge period per block (CV_32F, same grid as `field`) from the autocorrelation of the grey
/// profile across the ridges (an oriented window of about 40 x 13 px). Blocks where no clear
/// period shows get the weighted average of their neighbours; the field is then smoothed.
/// `image` is the normalised CV_32F image. Background blocks get the value of the foreground
/// around them (the enhancement filters reach a little beyond the mask).
cv::Mat estimateRidgePeriod(const cv::Mat& image, const OrientationField& field,
                            const cv::Mat& blockMask, int blockSize);

} // namespace umbral::biometrics::minutiae_detail
