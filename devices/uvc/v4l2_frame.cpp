#include "devices/uvc/v4l2_frame.h"

#include "devices/api/grey8.h"

#include <linux/videodev2.h>
#include <stdexcept>
#include <string>

namespace umbral::devices {

std::optional<V4l2Format> v4l2FormatFromFourcc(std::uint32_t fourcc) {
    switch (fourcc) {
    case V4L2_PIX_FMT_GREY:
        return V4l2Format::Grey;
    case V4L2_PIX_FMT_Y10:
        return V4l2Format::Y10;
    case V4L2_PIX_FMT_Y12:
        return V4l2Format::Y12;
    case V4L2_PIX_FMT_Y16:
        return V4l2Format::Y16;
    case V4L2_PIX_FMT_YUYV:
        return V4l2Format::Yuyv;
    default:
        return std::nullopt;
    }
}

std::uint32_t fourccOf(V4l2Format format) {
    switch (format) {
    case V4l2Format::Grey:
        return V4L2_PIX_FMT_GREY;
    case V4l2Format::Y10:
        return V4L2_PIX_FMT_Y10;
    case V4l2Format::Y12:
        return V4L2_PIX_FMT_Y12;
    case V4l2Format::Y16:
        return V4L2_PIX_FMT_Y16;
    case V4l2Format::Yuyv:
        return V4L2_PIX_FMT_YUYV;
    }
    return 0;
}

bool isMonochrome(V4l2Format format) {
    return format != V4l2Format::Yuyv;
}

int bytesPerPixel(V4l2Format format) {
    return format == V4l2Format::Grey ? 1 : 2;
}

int significantBits(V4l2Format format) {
    switch (format) {
    case V4l2Format::Grey:
    case V4l2Format::Yuyv:
        return 8;
    case V4l2Format::Y10:
        return 10;
    case V4l2Format::Y12:
        return 12;
    case V4l2Format::Y16:
        return 16;
    }
    return 8;
}

cv::Mat decodeV4l2Frame(const cv::Mat& raw, V4l2Format format, int width, int height) {
    if (width <= 0 || height <= 0)
        throw std::invalid_argument("decodeV4l2Frame: empty frame size");
    const std::size_t available = raw.total() * raw.elemSize();
    const std::size_t packed = std::size_t(width) * std::size_t(bytesPerPixel(format));
    std::size_t stride = packed;
    if (available % std::size_t(height) == 0 && available / std::size_t(height) >= packed)
        stride = available / std::size_t(height); // padded rows
    if (available < stride * std::size_t(height - 1) + packed)
        throw std::invalid_argument("decodeV4l2Frame: buffer of " + std::to_string(available) +
                                    " bytes is too small for " + std::to_string(width) + "x" +
                                    std::to_string(height));
    auto* bytes = const_cast<std::uint8_t*>(raw.ptr<std::uint8_t>());
    switch (format) {
    case V4l2Format::Grey:
        return cv::Mat(height, width, CV_8UC1, bytes, stride).clone();
    case V4l2Format::Yuyv:
        return toGrey8(cv::Mat(height, width, CV_8UC2, bytes, stride)).clone();
    case V4l2Format::Y10:
    case V4l2Format::Y12:
    case V4l2Format::Y16:
        // Little-endian words: the host order on the x86 and ARM stations we support.
        return toGrey8(cv::Mat(height, width, CV_16UC1, bytes, stride), significantBits(format));
    }
    throw std::invalid_argument("decodeV4l2Frame: unknown format");
}

} // namespace umbral::devices
