#include "app/biometrics/fingerprint/minutiae/gabor_enhancement.h"

#include "app/biometrics/fingerprint/minutiae/ridge_frequency.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace umbral::biometrics::minutiae_detail {

namespace {

constexpr int kAngleBins = 32;
constexpr float kPeriodStep = 0.5f;
constexpr int kPeriodBins = static_cast<int>((kMaxRidgePeriod - kMinRidgePeriod) / kPeriodStep) + 1;
// Two filter shapes. Continuous ridges: along the ridge a Gaussian of 4 px (Hong, Wan and
// Jain's sigma_x at 500 ppi) bridges pores and small breaks without bending around curved
// ridges; across them the envelope spans about one period either side of the centre. Ridges
// broken into dots (dry or noisy prints, the SFinGe prints of FVC2002 DB4): a longer Gaussian
// along (5 px) joins the dots, a narrower envelope across (0.35 period) keeps it from painting
// ridges into the gaps. The first pass decides: when smoothing along the ridges removes more
// than a third of the signal, the ridges are broken.
struct FilterShape {
    float sigmaAlong;
    float sigmaAcrossPerPeriod;
};
constexpr FilterShape kContinuousRidges{4.0f, 0.45f};
constexpr FilterShape kBrokenRidges{5.0f, 0.35f};
constexpr double kBrokenRidgeResidual = 0.33;
constexpr int kHalfAlong = 12; // the reach of the longest kernel (2.4 sigma at 5 px)
constexpr int kMaxHalfAcross = 14;

struct Tap {
    int offset;
    float weight;
};

// A 1-D kernel sampled along a direction, with bilinear weights merged per pixel offset, so the
// inner loop is a plain sparse dot product.
std::vector<Tap> sampledKernel(float dx, float dy, int half, const std::vector<float>& weights,
                               int stride) {
    std::map<int, float> merged;
    for (int t = -half; t <= half; ++t) {
        const float w = weights[static_cast<std::size_t>(t + half)];
        const float x = static_cast<float>(t) * dx, y = static_cast<float>(t) * dy;
        const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
        const float fx = x - static_cast<float>(x0), fy = y - static_cast<float>(y0);
        const float corner[4] = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
        const int offs[4] = {y0 * stride + x0, y0 * stride + x0 + 1, (y0 + 1) * stride + x0,
                             (y0 + 1) * stride + x0 + 1};
        for (int k = 0; k < 4; ++k)
            if (corner[k] > 1e-4f)
                merged[offs[k]] += w * corner[k];
    }
    std::vector<Tap> taps;
    taps.reserve(merged.size());
    for (const auto& [o, w] : merged)
        taps.push_back({o, w});
    return taps;
}

int halfAcross(float period, float sigmaPerPeriod) {
    const float sigma = sigmaPerPeriod * period;
    return std::min(kMaxHalfAcross, static_cast<int>(std::ceil(2.5f * sigma)));
}

std::vector<float> gaborProfile(float period, float sigmaPerPeriod) {
    const float sigma = sigmaPerPeriod * period;
    const int half = halfAcross(period, sigmaPerPeriod);
    std::vector<float> g(static_cast<std::size_t>(2 * half + 1));
    float sum = 0.0f, envelopeSum = 0.0f;
    std::vector<float> envelope(g.size());
    for (int t = -half; t <= half; ++t) {
        const float e = std::exp(-static_cast<float>(t * t) / (2 * sigma * sigma));
        envelope[static_cast<std::size_t>(t + half)] = e;
        g[static_cast<std::size_t>(t + half)] =
            e * std::cos(2.0f * static_cast<float>(CV_PI) * static_cast<float>(t) / period);
        sum += g[static_cast<std::size_t>(t + half)];
        envelopeSum += e;
    }
    // Remove the DC response so a flat region (or a slow illumination ramp) gives zero.
    float norm = 0.0f;
    for (std::size_t i = 0; i < g.size(); ++i) {
        g[i] -= sum * envelope[i] / envelopeSum;
        norm += std::abs(g[i]);
    }
    for (float& v : g)
        v /= norm;
    return g;
}

} // namespace

RidgeEnhancement enhanceRidges(const cv::Mat& image, const cv::Mat& theta, const cv::Mat& period,
                               const cv::Mat& mask) {
    const int pad = kHalfAlong + kMaxHalfAcross + 2;
    cv::Mat src;
    cv::copyMakeBorder(image, src, pad, pad, pad, pad, cv::BORDER_REFLECT);
    const int stride = src.cols; // CV_32F continuous after copyMakeBorder
    const int rows = image.rows, cols = image.cols;

    // Angle and period bins per pixel of the padded frame (replicated outward).
    cv::Mat angleBin(rows, cols, CV_8U), periodBin(rows, cols, CV_8U);
    for (int r = 0; r < rows; ++r) {
        const float* pt = theta.ptr<float>(r);
        const float* pp = period.ptr<float>(r);
        uchar* pa = angleBin.ptr<uchar>(r);
        uchar* pb = periodBin.ptr<uchar>(r);
        for (int c = 0; c < cols; ++c) {
            int a = static_cast<int>(std::lround(pt[c] / CV_PI * kAngleBins)) % kAngleBins;
            pa[c] = static_cast<uchar>(a < 0 ? a + kAngleBins : a);
            const float p = std::clamp(pp[c], kMinRidgePeriod, kMaxRidgePeriod);
            pb[c] = static_cast<uchar>(std::lround((p - kMinRidgePeriod) / kPeriodStep));
        }
    }
    cv::Mat angleBinPad, periodBinPad;
    cv::copyMakeBorder(angleBin, angleBinPad, pad, pad, pad, pad, cv::BORDER_REPLICATE);
    cv::copyMakeBorder(periodBin, periodBinPad, pad, pad, pad, pad, cv::BORDER_REPLICATE);

    // Along-ridge kernels of both shapes, per orientation.
    const auto alongKernels = [stride](float sigma) {
        // Truncated at two sigma: the tails only blur the curvature.
        const int half = std::min(kHalfAlong, static_cast<int>(std::lround(2.0f * sigma)));
        std::vector<float> along(2 * half + 1);
        float s = 0.0f;
        for (int t = -half; t <= half; ++t)
            s += along[static_cast<std::size_t>(t + half)] =
                std::exp(-static_cast<float>(t * t) / (2 * sigma * sigma));
        for (float& v : along)
            v /= s;
        std::vector<std::vector<Tap>> taps(kAngleBins);
        for (int a = 0; a < kAngleBins; ++a) {
            const float t = static_cast<float>(a) * static_cast<float>(CV_PI) / kAngleBins;
            taps[static_cast<std::size_t>(a)] =
                sampledKernel(std::cos(t), std::sin(t), half, along, stride);
        }
        return taps;
    };

    // Work region: the mask dilated by the reach of the across-ridge pass, in padded coordinates.
    cv::Mat maskPad;
    cv::copyMakeBorder(mask, maskPad, pad, pad, pad, pad, cv::BORDER_CONSTANT, 0);
    cv::Mat reach;
    cv::dilate(maskPad, reach,
               cv::getStructuringElement(cv::MORPH_RECT,
                                         cv::Size(2 * kMaxHalfAcross + 3, 2 * kMaxHalfAcross + 3)));

    cv::Mat smoothed = cv::Mat::zeros(src.size(), CV_32F);
    const float* s0 = src.ptr<float>(0);
    const auto smoothAlong = [&](const std::vector<std::vector<Tap>>& alongTaps) {
        for (int r = kHalfAlong + 1; r < src.rows - kHalfAlong - 1; ++r) {
            const uchar* pr = reach.ptr<uchar>(r);
            const uchar* pa = angleBinPad.ptr<uchar>(r);
            float* out = smoothed.ptr<float>(r);
            for (int c = kHalfAlong + 1; c < src.cols - kHalfAlong - 1; ++c) {
                if (!pr[c])
                    continue;
                const float* base = s0 + r * stride + c;
                float acc = 0.0f;
                for (const Tap& tap : alongTaps[pa[c]])
                    acc += tap.weight * base[tap.offset];
                out[c] = acc;
            }
        }
    };
    smoothAlong(alongKernels(kContinuousRidges.sigmaAlong));
    // Share of the (unit-variance) signal inside the mask that smoothing along the ridges took
    // away: small for continuous ridges, large when they are broken into dots.
    double removed = 0.0, total = 0.0;
    for (int r = 0; r < rows; ++r) {
        const uchar* pm = mask.ptr<uchar>(r);
        const float* pv = src.ptr<float>(r + pad) + pad;
        const float* ps = smoothed.ptr<float>(r + pad) + pad;
        for (int c = 0; c < cols; ++c)
            if (pm[c]) {
                removed += (pv[c] - ps[c]) * (pv[c] - ps[c]);
                total += pv[c] * pv[c];
            }
    }
    RidgeEnhancement result;
    result.alongRidgeResidual = total > 0.0 ? removed / total : 0.0;
    result.brokenRidges = result.alongRidgeResidual > kBrokenRidgeResidual;
    const FilterShape shape = result.brokenRidges ? kBrokenRidges : kContinuousRidges;
    if (result.brokenRidges)
        smoothAlong(alongKernels(shape.sigmaAlong));

    std::vector<std::vector<Tap>> acrossTaps(static_cast<std::size_t>(kAngleBins * kPeriodBins));
    cv::Mat enhanced = cv::Mat::zeros(rows, cols, CV_32F);
    const float* m0 = smoothed.ptr<float>(0);
    for (int r = 0; r < rows; ++r) {
        const uchar* pm = mask.ptr<uchar>(r);
        const uchar* pa = angleBinPad.ptr<uchar>(r + pad);
        const uchar* pb = periodBinPad.ptr<uchar>(r + pad);
        float* out = enhanced.ptr<float>(r);
        for (int c = 0; c < cols; ++c) {
            if (!pm[c])
                continue;
            const int a = pa[c + pad], b = pb[c + pad];
            std::vector<Tap>& taps = acrossTaps[static_cast<std::size_t>(a * kPeriodBins + b)];
            if (taps.empty()) {
                const float t = static_cast<float>(a) * static_cast<float>(CV_PI) / kAngleBins;
                const float p = kMinRidgePeriod + static_cast<float>(b) * kPeriodStep;
                // Across the ridge is the normal (-sin, cos) of the tangent.
                taps = sampledKernel(-std::sin(t), std::cos(t),
                                     halfAcross(p, shape.sigmaAcrossPerPeriod),
                                     gaborProfile(p, shape.sigmaAcrossPerPeriod), stride);
            }
            const float* base = m0 + (r + pad) * stride + (c + pad);
            float acc = 0.0f;
            for (const Tap& tap : taps)
                acc += tap.weight * base[tap.offset];
            // Ridges are dark: the filter answers negatively on them; flip so ridges are > 0.
            out[c] = -acc;
        }
    }
    result.gabor = enhanced;
    result.alongRidge = -smoothed(cv::Rect(pad, pad, cols, rows));
    return result;
}

} // namespace umbral::biometrics::minutiae_detail
