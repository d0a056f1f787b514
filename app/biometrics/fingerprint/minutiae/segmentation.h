#pragma once

// Foreground (fingerprint area) segmentation. Internal to umbral_finger_minutiae.

#include "app/biometrics/fingerprint/minutiae/orientation_field.h"

#include <opencv2/core.hpp>

namespace umbral::biometrics::minutiae_detail {

/// Block mask (CV_8U, 255 = fingerprint) from the gradient energy and orientation coherence of
/// the blocks: ridges give strong, coherent gradients; an empty platen, sensor noise or a
/// smudge do not. The mask is cleaned (closing, opening), reduced to the fingerprint-sized
/// connected regions, and its holes are filled. All zero when the image has no ridge signal.
cv::Mat segmentForeground(const BlockMoments& moments);

/// Per-pixel mask of `imageSize` from the block mask (nearest block, then smoothed edges).
cv::Mat pixelMask(const cv::Mat& blockMask, cv::Size imageSize, int blockSize);

} // namespace umbral::biometrics::minutiae_detail
