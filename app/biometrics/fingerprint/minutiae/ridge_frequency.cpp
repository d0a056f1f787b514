#include "app/biometrics/fingerprint/minutiae/ridge_frequency.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace umbral::biometrics::minutiae_detail {

namespace {

constexpr int kHalfLength = 20; // samples either side across the ridges
constexpr int kHalfWidth = 6;   // samples either side along the ridges
constexpr int kMinLag = 4;
constexpr int kMaxLag = 18;

float sampleBilinear(const cv::Mat& img, float x, float y) {
    x = std::clamp(x, 0.0f, static_cast<float>(img.cols - 1) - 0.001f);
    y = std::clamp(y, 0.0f, static_cast<float>(img.rows - 1) - 0.001f);
    const int x0 = static_cast<int>(x), y0 = static_cast<int>(y);
    const float fx = x - static_cast<float>(x0), fy = y - static_cast<float>(y0);
    const float* r0 = img.ptr<float>(y0);
    const float* r1 = img.ptr<float>(y0 + 1);
    return (1 - fy) * ((1 - fx) * r0[x0] + fx * r0[x0 + 1]) +
           fy * ((1 - fx) * r1[x0] + fx * r1[x0 + 1]);
}

// Period in pixels from the profile's autocorrelation, or 0 when there is no clear repetition.
float periodOfProfile(const std::array<float, 2 * kHalfLength + 1>& profile) {
    constexpr int n = 2 * kHalfLength + 1;
    float mean = 0.0f;
    for (float v : profile)
        mean += v;
    mean /= n;
    std::array<float, n> p{};
    for (int i = 0; i < n; ++i)
        p[i] = profile[i] - mean;
    std::array<float, kMaxLag + 2> r{};
    for (int lag = 0; lag <= kMaxLag + 1; ++lag) {
        float s = 0.0f;
        for (int i = 0; i + lag < n; ++i)
            s += p[i] * p[i + lag];
        r[lag] = s / static_cast<float>(n - lag);
    }
    if (r[0] <= 1e-6f)
        return 0.0f;
    // The first clear local maximum is the period; later ones are its multiples.
    int best = -1;
    float bestValue = 0.0f;
    for (int lag = kMinLag; lag <= kMaxLag; ++lag) {
        if (r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1] && r[lag] > bestValue) {
            if (best > 0 && r[lag] < 1.3f * bestValue)
                continue; // a harmonic of a period already found
            best = lag;
            bestValue = r[lag];
        }
    }
    if (best < 0 || bestValue < 0.2f * r[0])
        return 0.0f;
    // Sub-sample peak by a parabola through the three lags around it.
    const float a = r[best - 1], b = r[best], c = r[best + 1];
    const float denom = a - 2 * b + c;
    const float shift = std::abs(denom) > 1e-9f ? 0.5f * (a - c) / denom : 0.0f;
    return static_cast<float>(best) + std::clamp(shift, -0.5f, 0.5f);
}

} // namespace

cv::Mat estimateRidgePeriod(const cv::Mat& image, const OrientationField& field,
                            const cv::Mat& blockMask, int blockSize) {
    const int rows = blockMask.rows, cols = blockMask.cols;
    // Measured on every other block (16 px apart at blockSize 8): the window spans 40 px, so
    // neighbouring estimates are strongly correlated anyway, and this halves the cost twice.
    const int step = 2;
    cv::Mat period = cv::Mat::zeros(rows, cols, CV_32F);
    cv::Mat valid = cv::Mat::zeros(rows, cols, CV_32F);
    std::array<float, 2 * kHalfLength + 1> profile{};
    std::vector<float> found;
    for (int br = step / 2; br < rows; br += step) {
        for (int bc = step / 2; bc < cols; bc += step) {
            if (blockMask.at<uchar>(br, bc) == 0)
                continue;
            const float theta = field.theta.at<float>(br, bc);
            const float ux = std::cos(theta), uy = std::sin(theta); // along the ridge
            const float nx = -uy, ny = ux;                          // across the ridges
            const float cx = (static_cast<float>(bc) + 0.5f) * static_cast<float>(blockSize);
            const float cy = (static_cast<float>(br) + 0.5f) * static_cast<float>(blockSize);
            for (int d = -kHalfLength; d <= kHalfLength; ++d) {
                float s = 0.0f;
                for (int t = -kHalfWidth; t <= kHalfWidth; ++t)
                    s += sampleBilinear(
                        image, cx + static_cast<float>(d) * nx + static_cast<float>(t) * ux,
                        cy + static_cast<float>(d) * ny + static_cast<float>(t) * uy);
                profile[static_cast<std::size_t>(d + kHalfLength)] = s;
            }
            const float p = periodOfProfile(profile);
            if (p >= kMinRidgePeriod && p <= kMaxRidgePeriod) {
                period.at<float>(br, bc) = p;
                valid.at<float>(br, bc) = 1.0f;
                found.push_back(p);
            }
        }
    }

    float fallback = 9.0f; // typical adult ridge period at 500 ppi
    if (!found.empty()) {
        std::nth_element(found.begin(),
                         found.begin() + static_cast<std::ptrdiff_t>(found.size() / 2),
                         found.end());
        fallback = found[found.size() / 2];
    }
    // Normalised convolution fills the unmeasured blocks and smooths the measured ones; a
    // weak prior towards the median keeps isolated regions from drifting.
    cv::Mat num, den;
    cv::GaussianBlur(period, num, cv::Size(), 2.0, 2.0, cv::BORDER_REPLICATE);
    cv::GaussianBlur(valid, den, cv::Size(), 2.0, 2.0, cv::BORDER_REPLICATE);
    cv::Mat out(rows, cols, CV_32F);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const float w = den.at<float>(r, c);
            const float prior = 0.02f;
            float v = (num.at<float>(r, c) + prior * fallback) / (w + prior);
            v = std::clamp(v, kMinRidgePeriod, kMaxRidgePeriod);
            out.at<float>(r, c) = v;
        }
    return out;
}

} // namespace umbral::biometrics::minutiae_detail
