#pragma once

#include <opencv2/core.hpp>
#include <string>

namespace umbral::biometrics {

/// Reads an image file exactly as stored (no silent conversion). Throws BiometricError
/// (UnreadableFile) when the file is missing or not a readable image.
cv::Mat readImageUnchanged(const std::string& path);

/// Checks that `image` is a non-empty 8-bit single-channel image; throws BiometricError with
/// NotGrey, UnsupportedDepth or EmptyImage otherwise. `what` names the input in the message.
void requireGrey8(const cv::Mat& image, const std::string& what = "image");

/// Reads `path` and requires 8-bit grey (see requireGrey8).
cv::Mat readGrey8(const std::string& path);

/// Resamples `image` from `fromPpi` to `toPpi` (area interpolation when shrinking, cubic when
/// enlarging). Returns `image` itself (no copy) when the two agree within 0.5 %.
cv::Mat resampleToPpi(const cv::Mat& image, double fromPpi, double toPpi = 500.0);

} // namespace umbral::biometrics
