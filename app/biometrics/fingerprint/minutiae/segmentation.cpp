#include "app/biometrics/fingerprint/minutiae/segmentation.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace umbral::biometrics::minutiae_detail {

namespace {

// Below this mean squared gradient (grey levels per pixel, Sobel normalised to a derivative)
// nothing in the image deserves the name ridge: a blank platen or a flat synthetic image.
constexpr float kMinimumRidgeEnergy = 4.0f;

float percentile(const cv::Mat& values, double p) {
    std::vector<float> v(values.begin<float>(), values.end<float>());
    if (v.empty())
        return 0.0f;
    const auto k = static_cast<std::size_t>(std::clamp(p, 0.0, 1.0) * (v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

void fillHoles(cv::Mat& mask) {
    // Flood the background from the border of a one-pixel frame: whatever it cannot reach is a
    // hole inside the fingerprint (a scar, a pore cluster, a dry patch) and belongs to it.
    cv::Mat framed;
    cv::copyMakeBorder(mask, framed, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
    cv::floodFill(framed, cv::Point(0, 0), 128);
    cv::Mat inner = framed(cv::Rect(1, 1, mask.cols, mask.rows));
    mask.setTo(255, inner == 0);
}

} // namespace

cv::Mat segmentForeground(const BlockMoments& moments) {
    const int rows = moments.gxx.rows, cols = moments.gxx.cols;
    cv::Mat mask = cv::Mat::zeros(rows, cols, CV_8U);

    // Evidence over a 3 x 3 block window (24 px): a single block can be a pore or a speck.
    cv::Mat gxx, gyy, gxy;
    cv::blur(moments.gxx, gxx, cv::Size(3, 3), cv::Point(-1, -1), cv::BORDER_REPLICATE);
    cv::blur(moments.gyy, gyy, cv::Size(3, 3), cv::Point(-1, -1), cv::BORDER_REPLICATE);
    cv::blur(moments.gxy, gxy, cv::Size(3, 3), cv::Point(-1, -1), cv::BORDER_REPLICATE);
    cv::Mat smoothEnergy = gxx + gyy;

    const float strong = percentile(smoothEnergy, 0.95);
    if (strong < kMinimumRidgeEnergy)
        return mask;

    // Relative threshold: the platen background of an optical sensor is flat, the synthetic
    // (SFinGe) background is textured but far weaker than ridges, and low-contrast fingertips are
    // still several times stronger than either. Coherence keeps isotropic noise out.
    const float energyThreshold = std::max(0.06f * strong, kMinimumRidgeEnergy);
    for (int r = 0; r < rows; ++r) {
        const float* pxx = gxx.ptr<float>(r);
        const float* pyy = gyy.ptr<float>(r);
        const float* pxy = gxy.ptr<float>(r);
        uchar* pm = mask.ptr<uchar>(r);
        for (int c = 0; c < cols; ++c) {
            const float e = pxx[c] + pyy[c];
            if (e < energyThreshold)
                continue;
            const float d = pxx[c] - pyy[c];
            const float coherence = std::sqrt(d * d + 4.0f * pxy[c] * pxy[c]) / e;
            // Strong blocks pass on energy alone (ridges around a core or delta are not
            // coherent); weaker ones need a clear direction.
            if (e > 0.25f * strong || coherence > 0.3f)
                pm[c] = 255;
        }
    }

    const cv::Mat k3 = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3));
    // Replicated borders: a finger touching the edge of the image keeps its blocks there (the
    // border margin of the minutiae filter counts the image frame as background anyway).
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, k3, cv::Point(-1, -1), 2, cv::BORDER_REPLICATE);
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, k3, cv::Point(-1, -1), 2, cv::BORDER_REPLICATE);

    // Keep the fingerprint-sized regions: the largest one and any other at least a quarter of
    // its size (a finger split by a crease); small islands are dust, latent residue or text.
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    int largest = 0;
    for (int i = 1; i < n; ++i)
        largest = std::max(largest, stats.at<int>(i, cv::CC_STAT_AREA));
    const int minArea = std::max(12, largest / 4);
    cv::Mat kept = cv::Mat::zeros(rows, cols, CV_8U);
    for (int i = 1; i < n; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) >= minArea)
            kept.setTo(255, labels == i);
    fillHoles(kept);
    return kept;
}

cv::Mat pixelMask(const cv::Mat& blockMask, cv::Size imageSize, int blockSize) {
    const cv::Size padded(blockMask.cols * blockSize, blockMask.rows * blockSize);
    cv::Mat f, up;
    blockMask.convertTo(f, CV_32F);
    // Bilinear from block centres then threshold at half: a smooth outline instead of stairs.
    cv::resize(f, up, padded, 0, 0, cv::INTER_LINEAR);
    cv::Mat mask = up(cv::Rect(0, 0, imageSize.width, imageSize.height)) >= 127.5f;
    return mask;
}

} // namespace umbral::biometrics::minutiae_detail
