#include "app/biometrics/fingerprint/quality/region_of_interest.h"

#include "app/biometrics/fingerprint/quality/local_regions.h"

#include <cmath>
#include <cstdint>
#include <opencv2/imgproc.hpp>

namespace umbral::biometrics::detail {

namespace {

/// Gaussian smoothing of an 8-bit image with OpenCV's default sigma for `ksize`, computed in
/// single precision. NIST calls cv::GaussianBlur on 8-bit data, whose bit-exact fixed-point
/// path takes about 8 ms for the 91 x 91 kernel; the float path gives values within 1 grey
/// level of it, and the Otsu-thresholded mask differs by a few boundary pixels in 10^5 (see
/// docs/fingerprint-quality.md), at a third of the cost.
cv::Mat gaussianSmooth(const cv::Mat& grey8, int ksize) {
    cv::Mat f;
    grey8.convertTo(f, CV_32F);
    const cv::Mat k = cv::getGaussianKernel(ksize, 0, CV_32F);
    cv::Mat smoothed;
    cv::sepFilter2D(f, smoothed, CV_32F, k, k, cv::Point(-1, -1), 0, cv::BORDER_REFLECT_101);
    cv::Mat out;
    smoothed.convertTo(out, CV_8U);
    return out;
}

} // namespace

RegionOfInterest computeRegionOfInterest(const cv::Mat& grey8) {
    cv::Mat eroded;
    cv::erode(grey8, eroded, cv::Mat(5, 5, CV_8U, cv::Scalar(1)));
    cv::Mat binary;
    cv::threshold(gaussianSmooth(eroded, 41), binary, 0, 255, cv::THRESH_OTSU);
    cv::Mat background; // 255 = background, 0 = fingerprint (NIST's convention)
    cv::threshold(gaussianSmooth(binary, 91), background, 0, 255, cv::THRESH_OTSU);

    // Fill holes: contours of the inverted image that have a parent are holes in the print.
    {
        cv::Mat inverted = ~background;
        std::vector<std::vector<cv::Point>> contours;
        std::vector<cv::Vec4i> hierarchy;
        cv::findContours(inverted, contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);
        for (size_t h = 0; h < hierarchy.size(); ++h)
            if (hierarchy[h][3] != -1)
                cv::drawContours(background, contours, static_cast<int>(h), cv::Scalar(0),
                                 cv::FILLED, 8, hierarchy);
    }

    // Keep only the foreground region with the largest bounding box (NIST floods every region
    // from its first pixel in raster order and compares bounding-box areas).
    {
        cv::Mat flooded = background.clone();
        std::vector<cv::Point> seeds;
        std::vector<int> areas;
        for (int y = 0; y < flooded.rows; ++y) {
            const std::uint8_t* row = flooded.ptr<std::uint8_t>(y);
            for (int x = 0; x < flooded.cols; ++x) {
                if (row[x] != 0)
                    continue;
                cv::Rect box;
                cv::floodFill(flooded, cv::Point(x, y), cv::Scalar(255), &box);
                seeds.emplace_back(x, y);
                areas.push_back(box.area());
            }
        }
        size_t largest = 0;
        for (size_t i = 0; i < areas.size(); ++i)
            if (areas[i] > areas[largest])
                largest = i;
        for (size_t i = 0; i < seeds.size(); ++i)
            if (i != largest)
                cv::floodFill(background, seeds[i], cv::Scalar(255));
    }

    RegionOfInterest roi;
    roi.mask = background == 0;
    std::uint64_t greySum = 0;
    for (int y = 0; y < grey8.rows; ++y) {
        const std::uint8_t* m = roi.mask.ptr<std::uint8_t>(y);
        const std::uint8_t* g = grey8.ptr<std::uint8_t>(y);
        for (int x = 0; x < grey8.cols; ++x)
            if (m[x]) {
                ++roi.pixels;
                greySum += g[x];
            }
    }
    roi.meanGrey = roi.pixels > 0 ? static_cast<double>(greySum) / roi.pixels : 255.0;
    for (int y = 0; y < grey8.rows; y += kLocalRegion)
        for (int x = 0; x < grey8.cols; x += kLocalRegion) {
            const cv::Rect tile(x, y, std::min(kLocalRegion, grey8.cols - x),
                                std::min(kLocalRegion, grey8.rows - y));
            if (cv::countNonZero(roi.mask(tile)) > 0)
                roi.blocks.push_back(tile);
        }
    return roi;
}

namespace {

/// Coherence of one block: |sum of doubled-angle gradient vectors| / sum of their lengths.
/// Same loop order and expressions as NIST's QualityMap::getAngleOfBlock.
double blockCoherence(const cv::Mat& grey8, cv::Rect tile) {
    const int w = tile.width, h = tile.height;
    double sumX = 0.0, sumY = 0.0, lengths = 0.0;
    for (int k = 0; k < h; ++k) {
        const std::uint8_t* row = grey8.ptr<std::uint8_t>(tile.y + k) + tile.x;
        const std::uint8_t* up = grey8.ptr<std::uint8_t>(tile.y + std::max(k - 1, 0)) + tile.x;
        const std::uint8_t* down =
            grey8.ptr<std::uint8_t>(tile.y + std::min(k + 1, h - 1)) + tile.x;
        for (int l = 0; l < w; ++l) {
            double gx = 0.0, gy = 0.0;
            if (w > 1) {
                if (l == 0)
                    gx = row[1] - row[0];
                else if (l == w - 1)
                    gx = row[w - 1] - row[w - 2];
                else
                    gx = (row[l + 1] - row[l - 1]) / 2.0;
            }
            if (h > 1) {
                if (k == 0 || k == h - 1)
                    gy = down[l] - up[l];
                else
                    gy = (down[l] - up[l]) / 2.0;
            }
            const double vy = 2 * gx * gy;
            const double vx = gx * gx - gy * gy;
            sumY += vy;
            sumX += vx;
            lengths += std::sqrt(vy * vy + vx * vx);
        }
    }
    const double resultant = std::sqrt(sumX * sumX + sumY * sumY);
    return lengths != 0 ? resultant / lengths : 0.0;
}

} // namespace

Coherence roiCoherence(const cv::Mat& grey8, const RegionOfInterest& roi) {
    Coherence c;
    for (const cv::Rect& tile : roi.blocks)
        c.sum += blockCoherence(grey8, tile);
    c.relative = roi.blocks.empty() ? 0.0 : c.sum / static_cast<double>(roi.blocks.size());
    return c;
}

} // namespace umbral::biometrics::detail
