#pragma once

// Oriented Gabor enhancement. Internal to umbral_finger_minutiae.

#include <opencv2/core.hpp>

namespace umbral::biometrics::minutiae_detail {

/// Filters `image` (CV_32F, normalised to zero local mean and unit local deviation) with an even
/// Gabor filter tuned per pixel to the local ridge orientation `theta` (CV_32F, image frame,
/// ridge tangent) and ridge period `period` (CV_32F, pixels). The isotropic-envelope Gabor is
/// separable in the rotated frame, so it is applied as a Gaussian along the ridge followed by
/// a zero-mean cosine-Gaussian across it, each sampled along the rotated axis. Orientation is
/// quantised to 32 steps of 5.6 degrees, period to 0.5 px. Ridges broken into dots get a longer
/// Gaussian along and a narrower envelope across (decided per image, see the .cpp).
struct RidgeEnhancement {
    /// Gabor response: positive on ridges (dark), negative in valleys; 0 where `mask` is 0.
    cv::Mat gabor;
    /// The first (along-ridge Gaussian) pass alone, negated so ridges are positive: pores and
    /// noise smoothed away, ridge/valley widths kept (for display and diagnostics).
    cv::Mat alongRidge;
    /// Share of the signal inside the mask removed by smoothing along the ridges.
    double alongRidgeResidual = 0.0;
    /// The image was filtered with the broken-ridge shape.
    bool brokenRidges = false;
};

/// All CV_32F of the image size.
RidgeEnhancement enhanceRidges(const cv::Mat& image, const cv::Mat& theta, const cv::Mat& period,
                               const cv::Mat& mask);

} // namespace umbral::biometrics::minutiae_detail
