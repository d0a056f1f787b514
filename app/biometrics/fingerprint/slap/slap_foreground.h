#pragma once

// Where a slap image shows ridges (internal to umbral_finger_slap).

#include <opencv2/core.hpp>

namespace umbral::biometrics::slap_detail {

/// The ridge-texture map of a slap at half resolution.
struct RidgeTexture {
    static constexpr double kScale = 0.5; ///< map pixels per image pixel
    cv::Mat mask;           ///< CV_8U 255 where ridges show, cleaned of specks and holes
    cv::Mat energy;         ///< CV_32F log band-pass energy (before thresholding)
    double threshold = 0.0; ///< the energy level that separates ridges from background
};

/// Computes the ridge-texture map of an 8-bit grey image at 500 ppi.
RidgeTexture ridgeTexture(const cv::Mat& grey500);

} // namespace umbral::biometrics::slap_detail
