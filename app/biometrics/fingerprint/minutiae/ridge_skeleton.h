#pragma once

// Binarisation of the enhanced image and thinning to a one-pixel ridge skeleton.
// Internal to umbral_finger_minutiae.

#include "app/biometrics/fingerprint/minutiae/gabor_enhancement.h"

#include <opencv2/core.hpp>

namespace umbral::biometrics::minutiae_detail {

/// Ridge pixels (CV_8U 0/255): Gabor response > 0 inside the mask. Ridge fragments and valley holes
/// smaller than `minArea` pixels are removed/filled: a speck of ink becomes a "dot" minutia
/// pair, a pore inside a ridge a "lake" of two false bifurcations.
cv::Mat binariseRidges(const RidgeEnhancement& enhanced, const cv::Mat& mask, int minArea);

/// Thins a binary image (CV_8U, non-zero = ridge) to an 8-connected skeleton one pixel wide
/// (CV_8U 0/255): Zhang-Suen thinning driven by lookup tables, then removal of the corner
/// pixels it leaves on diagonal staircases (they would give false crossing numbers).
cv::Mat thinRidges(const cv::Mat& binary);

} // namespace umbral::biometrics::minutiae_detail
