#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <optional>

namespace umbral::devices {

/// The V4L2 pixel formats a near-infrared iris camera presents and the station decodes.
enum class V4l2Format {
    Grey, ///< 'GREY': 8-bit luminance
    Y10,  ///< 'Y10 ': 10-bit luminance in little-endian 16-bit words
    Y12,  ///< 'Y12 ': 12-bit luminance in little-endian 16-bit words
    Y16,  ///< 'Y16 ': 16-bit luminance, little-endian
    Yuyv, ///< 'YUYV': packed 4:2:2, its luma used (cameras that only offer colour modes)
};

/// The format for a V4L2 fourcc, or nothing for formats the station does not decode.
std::optional<V4l2Format> v4l2FormatFromFourcc(std::uint32_t fourcc);
std::uint32_t fourccOf(V4l2Format format);
/// True for the monochrome formats (everything but YUYV): cameras offering one are taken for
/// near-infrared iris cameras.
bool isMonochrome(V4l2Format format);
int bytesPerPixel(V4l2Format format);
/// 8, 10, 12 or 16.
int significantBits(V4l2Format format);

/// Decodes one raw V4L2 buffer (as OpenCV's V4L2 capture hands it out with CAP_PROP_CONVERT_RGB
/// off: a 1 x N byte row) into an owned 8-bit grey image of `width` x `height`. Rows may be
/// padded: the stride is taken from the buffer size when it holds exactly `height` rows, and
/// is width x bytes-per-pixel otherwise. Throws std::invalid_argument when the buffer is too
/// small for the image.
cv::Mat decodeV4l2Frame(const cv::Mat& raw, V4l2Format format, int width, int height);

} // namespace umbral::devices
