#pragma once

#include <opencv2/core.hpp>

namespace umbral::devices {

/// Converts what a camera or an image file delivers into the 8-bit grey of a Frame:
/// - CV_8UC1 is returned as it is (shared, not copied);
/// - CV_8UC3 / CV_8UC4 (BGR / BGRA) become luminance;
/// - CV_8UC2 is taken as packed YUYV and keeps its Y (luma) channel;
/// - CV_16UC1 (and 16-bit colour, first made luminance) is scaled down from `significantBits`
///   (10 for a 10-bit sensor delivering 0..1023 in 16-bit words; 0 or 16 for the full range):
///   value * 2^(8 - significantBits), rounded, values beyond the range saturating at 255.
/// Throws std::invalid_argument for an empty image, other depths, or significantBits outside
/// 0 or 8..16.
cv::Mat toGrey8(const cv::Mat& image, int significantBits = 0);

} // namespace umbral::devices
