#include "devices/api/grey8.h"

#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <string>

namespace umbral::devices {

cv::Mat toGrey8(const cv::Mat& image, int significantBits) {
    if (image.empty())
        throw std::invalid_argument("toGrey8: empty image");
    if (significantBits != 0 && (significantBits < 8 || significantBits > 16))
        throw std::invalid_argument("toGrey8: significantBits must be 0 or 8..16, not " +
                                    std::to_string(significantBits));
    cv::Mat grey;
    switch (image.channels()) {
    case 1:
        grey = image;
        break;
    case 2:
        if (image.depth() != CV_8U)
            throw std::invalid_argument("toGrey8: two-channel images must be 8-bit YUYV");
        cv::extractChannel(image, grey, 0);
        break;
    case 3:
        cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
        break;
    case 4:
        cv::cvtColor(image, grey, cv::COLOR_BGRA2GRAY);
        break;
    default:
        throw std::invalid_argument("toGrey8: unsupported channel count " +
                                    std::to_string(image.channels()));
    }
    if (grey.depth() == CV_8U)
        return grey;
    if (grey.depth() != CV_16U)
        throw std::invalid_argument("toGrey8: only 8-bit and 16-bit unsigned images are supported");
    const int bits = significantBits == 0 ? 16 : significantBits;
    cv::Mat out;
    grey.convertTo(out, CV_8U, 1.0 / double(1 << (bits - 8)));
    return out;
}

} // namespace umbral::devices
