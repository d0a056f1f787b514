#include "app/biometrics/fingerprint/matching/cylinder_code.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <bit>
#include <cmath>

namespace umbral::biometrics::matching_detail {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kCellSize = 2.0f * kRadius / kNs; // Delta-s
constexpr float kLayerAngle = 2.0f * kPi / kNd;   // Delta-d

float angleDifference(float a, float b) {
    // d-phi of the paper: a - b brought into [-pi, pi).
    float d = a - b;
    while (d < -kPi)
        d += 2.0f * kPi;
    while (d >= kPi)
        d -= 2.0f * kPi;
    return d;
}

// Share of a Gaussian (sigma-d) that falls into the direction layer centred `alpha` away: the
// directional contribution of the paper, integrated over the layer's width.
float directionalContribution(float alpha) {
    const float s = std::sqrt(2.0f) * kSigmaD;
    return 0.5f *
           (std::erf((alpha + kLayerAngle / 2) / s) - std::erf((alpha - kLayerAngle / 2) / s));
}

float spatialContribution(float distance) {
    return std::exp(-distance * distance / (2.0f * kSigmaS * kSigmaS)) /
           (kSigmaS * std::sqrt(2.0f * kPi));
}

float cellOffset(int index) {
    return static_cast<float>(index) + 0.5f - kNs / 2.0f;
}

} // namespace

int cellsWithinRadius() {
    static const int count = [] {
        int n = 0;
        for (int i = 0; i < kNs; ++i)
            for (int j = 0; j < kNs; ++j)
                n += std::hypot(cellOffset(i), cellOffset(j)) * kCellSize <= kRadius;
        return n;
    }();
    return count;
}

CylinderSet buildCylinders(std::span<const Minutia> minutiae) {
    CylinderSet set;
    set.minutiaCount = static_cast<int>(minutiae.size());
    const std::size_t n = minutiae.size();
    if (n < static_cast<std::size_t>(kMinNeighbours) + 1)
        return set;

    std::vector<cv::Point2f> points(n);
    std::vector<float> theta(n);
    for (std::size_t i = 0; i < n; ++i) {
        points[i] = {minutiae[i].x, minutiae[i].y};
        theta[i] = isoDegreesToImageRadians(minutiae[i].angleDeg);
    }
    // Cells are valid only over the print: the convex hull of the minutiae, enlarged by Omega.
    // (A template carries no segmentation mask, so the hull is all there is.)
    std::vector<cv::Point2f> hull;
    cv::convexHull(points, hull);

    const int minValid =
        static_cast<int>(std::ceil(kMinValidFraction * static_cast<float>(cellsWithinRadius())));
    const float neighbourReach = kRadius + 3.0f * kSigmaS;
    std::vector<std::size_t> near;
    near.reserve(n);

    for (std::size_t m = 0; m < n; ++m) {
        near.clear();
        for (std::size_t t = 0; t < n; ++t)
            if (t != m && cv::norm(points[t] - points[m]) <= neighbourReach)
                near.push_back(t);
        if (near.size() < static_cast<std::size_t>(kMinNeighbours))
            continue;

        std::array<std::uint64_t, kCylinderWords> cells{};
        std::array<std::uint64_t, kSpatialWords> valid{};
        int validCount = 0;
        const float c = std::cos(theta[m]), s = std::sin(theta[m]);
        // Relative directions of the neighbours, per direction layer, computed once.
        std::vector<std::array<float, kNd>> layerWeight(near.size());
        for (std::size_t q = 0; q < near.size(); ++q) {
            const float relative = angleDifference(theta[m], theta[near[q]]);
            for (int k = 0; k < kNd; ++k) {
                const float layerCentre = -kPi + (static_cast<float>(k) + 0.5f) * kLayerAngle;
                layerWeight[q][static_cast<std::size_t>(k)] =
                    directionalContribution(angleDifference(layerCentre, relative));
            }
        }
        for (int i = 0; i < kNs; ++i) {
            for (int j = 0; j < kNs; ++j) {
                const float a = cellOffset(i) * kCellSize, b = cellOffset(j) * kCellSize;
                if (std::hypot(a, b) > kRadius)
                    continue;
                // Cell axes turn with the minutia: a along its direction, b across it.
                const cv::Point2f p(points[m].x + a * c - b * s, points[m].y + a * s + b * c);
                if (cv::pointPolygonTest(hull, p, true) < -kHullOffset)
                    continue;
                const int cell = i * kNs + j;
                valid[static_cast<std::size_t>(cell / 64)] |= std::uint64_t{1} << (cell % 64);
                ++validCount;
                std::array<float, kNd> sum{};
                for (std::size_t q = 0; q < near.size(); ++q) {
                    const float d = static_cast<float>(cv::norm(points[near[q]] - p));
                    if (d > 3.0f * kSigmaS)
                        continue;
                    const float g = spatialContribution(d);
                    for (int k = 0; k < kNd; ++k)
                        sum[static_cast<std::size_t>(k)] +=
                            g * layerWeight[q][static_cast<std::size_t>(k)];
                }
                for (int k = 0; k < kNd; ++k)
                    if (sum[static_cast<std::size_t>(k)] >= kMuPsi)
                        cells[static_cast<std::size_t>(k * kSpatialWords + cell / 64)] |=
                            std::uint64_t{1} << (cell % 64);
            }
        }
        if (validCount < minValid)
            continue;
        set.x.push_back(points[m].x);
        set.y.push_back(points[m].y);
        set.direction.push_back(theta[m]);
        set.cosDir.push_back(c);
        set.sinDir.push_back(s);
        set.cells.insert(set.cells.end(), cells.begin(), cells.end());
        int ones = 0;
        for (std::uint64_t w : cells)
            ones += std::popcount(w);
        set.setBits.push_back(static_cast<std::uint16_t>(ones));
        set.valid.insert(set.valid.end(), valid.begin(), valid.end());
    }
    return set;
}

} // namespace umbral::biometrics::matching_detail
