#include "app/biometrics/fingerprint/quality/local_regions.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace umbral::biometrics::detail {

void sampleRotatedWindow(const cv::Mat& image, cv::Rect window, int pad, double angleRadians,
                         cv::Rect crop, std::uint8_t* out) {
    // NIST rotates each local window with cv::warpAffine(..., INTER_NEAREST) after optionally
    // growing it by 2 pixels. We reproduce OpenCV's arithmetic exactly (matrix inversion, 10-bit
    // fixed-point source coordinates rounded with cvRound, arithmetic shift) so that every
    // sampled pixel is the one NIST's code reads; only the cropped part is computed.
    const int padded = window.width + 2 * pad;
    const cv::Point2f centre(static_cast<float>(padded) / 2.0f, static_cast<float>(padded) / 2.0f);
    const double degrees = angleRadians * (180.0 / M_PI);
    const cv::Matx23d r = cv::getRotationMatrix2D_(centre, degrees, 1.0);
    double m[6] = {r(0, 0), r(0, 1), r(0, 2), r(1, 0), r(1, 1), r(1, 2)};
    // Invert the affine map (warpAffine without WARP_INVERSE_MAP), as OpenCV does.
    double d = m[0] * m[4] - m[1] * m[3];
    d = d != 0 ? 1. / d : 0;
    const double a11 = m[4] * d, a22 = m[0] * d;
    m[0] = a11;
    m[1] *= -d;
    m[3] *= -d;
    m[4] = a22;
    const double b1 = -m[0] * m[2] - m[1] * m[5];
    const double b2 = -m[3] * m[2] - m[4] * m[5];
    m[2] = b1;
    m[5] = b2;

    constexpr int kAbBits = 10;
    constexpr int kAbScale = 1 << kAbBits;
    constexpr int kRoundDelta = kAbScale / 2;
    int adelta[64];
    int bdelta[64];
    CV_Assert(crop.x >= 0 && crop.x + crop.width <= 64);
    for (int x = crop.x; x < crop.x + crop.width; ++x) {
        adelta[x - crop.x] = static_cast<int>(std::lrint(m[0] * x * kAbScale));
        bdelta[x - crop.x] = static_cast<int>(std::lrint(m[3] * x * kAbScale));
    }
    // Source pixels: the grown window, clipped to the image; zero elsewhere.
    const int originX = window.x - pad, originY = window.y - pad;
    const int loX = std::max(0, -originX), loY = std::max(0, -originY);
    const int hiX = std::min(padded, image.cols - originX);
    const int hiY = std::min(padded, image.rows - originY);
    for (int y = crop.y; y < crop.y + crop.height; ++y) {
        const int x0 = static_cast<int>(std::lrint((m[1] * y + m[2]) * kAbScale)) + kRoundDelta;
        const int y0 = static_cast<int>(std::lrint((m[4] * y + m[5]) * kAbScale)) + kRoundDelta;
        for (int i = 0; i < crop.width; ++i) {
            const int sx = (x0 + adelta[i]) >> kAbBits; // in the grown window
            const int sy = (y0 + bdelta[i]) >> kAbBits;
            *out++ = (sx >= loX && sx < hiX && sy >= loY && sy < hiY)
                         ? image.at<std::uint8_t>(originY + sy, originX + sx)
                         : std::uint8_t{0};
        }
    }
}

} // namespace umbral::biometrics::detail
