#pragma once

// Block gradient moments and the ridge orientation field derived from them.
// Internal to umbral_finger_minutiae.

#include <opencv2/core.hpp>

namespace umbral::biometrics::minutiae_detail {

/// Per-block averages over blockSize x blockSize blocks (the image is padded by reflection to a
/// whole number of blocks). All CV_32F, size ceil(rows / blockSize) x ceil(cols / blockSize).
struct BlockMoments {
    int blockSize = 8;
    cv::Mat gxx, gyy, gxy; ///< mean of gx*gx, gy*gy, gx*gy (Sobel gradients)
    cv::Mat greyMean;      ///< mean grey level
    cv::Mat greyVariance;  ///< grey-level variance inside the block
};

BlockMoments computeBlockMoments(const cv::Mat& grey, int blockSize);

/// Ridge orientation per block in the image frame (y downwards): theta in [0, pi) is the
/// direction of the ridge tangent (cos theta, sin theta). Coherence in [0, 1].
struct OrientationField {
    cv::Mat theta;      ///< CV_32F
    cv::Mat coherence;  ///< CV_32F
    cv::Mat cos2, sin2; ///< CV_32F, smoothed doubled-angle unit vector components
};

/// Estimates the orientation from the moments (window of about 3 x 3 blocks), then averages the
/// doubled-angle vectors, weighted by their coherence, over the foreground with a Gaussian of
/// `smoothingBlocks` blocks standard deviation. Background blocks take the orientation of the
/// foreground around them.
OrientationField estimateOrientation(const BlockMoments& moments, const cv::Mat& blockMask,
                                     double smoothingBlocks);

/// Upsamples a doubled-angle field to pixel resolution (bilinear in the doubled-angle domain, so
/// the interpolation never averages 0 and 179 degrees into 90) and returns per-pixel theta.
cv::Mat pixelOrientation(const OrientationField& field, cv::Size imageSize, int blockSize);

} // namespace umbral::biometrics::minutiae_detail
