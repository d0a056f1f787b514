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

// The spatial Gaussian by squared distance, out to 3 sigma.
struct GaussianTable {
    static constexpr float kStep = 0.25f; // px^2
    std::vector<float> values;
    GaussianTable() {
        const float reach2 = 9.0f * kSigmaS * kSigmaS;
        values.resize(static_cast<std::size_t>(reach2 / kStep) + 2);
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = spatialContribution(std::sqrt(static_cast<float>(i) * kStep));
    }
    float at(float d2) const { return values[static_cast<std::size_t>(d2 / kStep + 0.5f)]; }
};
const GaussianTable& gaussianTable() {
    static const GaussianTable t;
    return t;
}

// The convex hull enlarged by Omega, rasterised at 4 px over its bounding box.
class ValidityRaster {
public:
    explicit ValidityRaster(const std::vector<cv::Point2f>& hull) {
        const cv::Rect2f box = cv::boundingRect(hull);
        const float margin = kHullOffset + 2 * kStep;
        origin_ = {box.x - margin, box.y - margin};
        const cv::Size size(static_cast<int>((box.width + 2 * margin) / kStep) + 1,
                            static_cast<int>((box.height + 2 * margin) / kStep) + 1);
        cv::Mat outside(size, CV_8U, cv::Scalar(255));
        std::vector<cv::Point> scaled;
        for (const auto& p : hull)
            scaled.emplace_back(cvRound((p.x - origin_.x) / kStep),
                                cvRound((p.y - origin_.y) / kStep));
        cv::fillConvexPoly(outside, scaled, cv::Scalar(0));
        cv::Mat distance;
        cv::distanceTransform(outside, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
        inside_ = distance <= kHullOffset / kStep;
    }
    bool contains(float x, float y) const {
        const int c = cvRound((x - origin_.x) / kStep), r = cvRound((y - origin_.y) / kStep);
        return r >= 0 && c >= 0 && r < inside_.rows && c < inside_.cols && inside_.at<uchar>(r, c);
    }

private:
    static constexpr float kStep = 4.0f;
    cv::Point2f origin_;
    cv::Mat inside_;
};

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
    // (A template carries no segmentation mask, so the hull is all there is.) Rasterised once at
    // 4 px so that each of the ~8 000 cell tests of a template is a look-up.
    std::vector<cv::Point2f> hull;
    cv::convexHull(points, hull);
    const ValidityRaster validity(hull);

    const int minValid =
        static_cast<int>(std::ceil(kMinValidFraction * static_cast<float>(cellsWithinRadius())));
    const float neighbourReach = kRadius + 3.0f * kSigmaS;
    const float contributionReach2 = 9.0f * kSigmaS * kSigmaS;
    const GaussianTable& gauss = gaussianTable();
    std::vector<std::size_t> near;
    near.reserve(n);
    std::vector<std::array<float, kNd>> layerWeight;

    for (std::size_t m = 0; m < n; ++m) {
        near.clear();
        for (std::size_t t = 0; t < n; ++t) {
            const float dx = points[t].x - points[m].x, dy = points[t].y - points[m].y;
            if (t != m && dx * dx + dy * dy <= neighbourReach * neighbourReach)
                near.push_back(t);
        }
        if (near.size() < static_cast<std::size_t>(kMinNeighbours))
            continue;

        std::array<std::uint64_t, kCylinderWords> cells{};
        std::array<std::uint64_t, kSpatialWords> valid{};
        int validCount = 0;
        const float c = std::cos(theta[m]), s = std::sin(theta[m]);
        // Relative directions of the neighbours, per direction layer, computed once.
        layerWeight.resize(near.size());
        for (std::size_t q = 0; q < near.size(); ++q) {
            const float relative = angleDifference(theta[m], theta[near[q]]);
            for (int k = 0; k < kNd; ++k) {
                const float layerCentre = -kPi + (static_cast<float>(k) + 0.5f) * kLayerAngle;
                layerWeight[q][static_cast<std::size_t>(k)] =
                    directionalContribution(angleDifference(layerCentre, relative));
            }
        }
        // Contributions: each neighbour adds to the cells within 3 sigma of it (about 7 x 7
        // cells), rather than every cell looking at every neighbour.
        std::array<std::array<float, kNd>, kNs * kNs> sum{};
        for (std::size_t q = 0; q < near.size(); ++q) {
            const float dx = points[near[q]].x - points[m].x, dy = points[near[q]].y - points[m].y;
            // Neighbour in the cylinder frame: u along the minutia direction, v across it.
            const float u = dx * c + dy * s, v = -dx * s + dy * c;
            const float reach = 3.0f * kSigmaS;
            const int i0 = std::max(
                0, static_cast<int>(std::floor((u - reach) / kCellSize + kNs / 2.0f - 0.5f)));
            const int i1 = std::min(
                kNs - 1, static_cast<int>(std::ceil((u + reach) / kCellSize + kNs / 2.0f - 0.5f)));
            const int j0 = std::max(
                0, static_cast<int>(std::floor((v - reach) / kCellSize + kNs / 2.0f - 0.5f)));
            const int j1 = std::min(
                kNs - 1, static_cast<int>(std::ceil((v + reach) / kCellSize + kNs / 2.0f - 0.5f)));
            for (int i = i0; i <= i1; ++i) {
                const float du = cellOffset(i) * kCellSize - u;
                for (int j = j0; j <= j1; ++j) {
                    const float dv = cellOffset(j) * kCellSize - v;
                    const float d2 = du * du + dv * dv;
                    if (d2 > contributionReach2)
                        continue;
                    const float g = gauss.at(d2);
                    auto& cellSum = sum[static_cast<std::size_t>(i * kNs + j)];
                    for (int k = 0; k < kNd; ++k)
                        cellSum[static_cast<std::size_t>(k)] +=
                            g * layerWeight[q][static_cast<std::size_t>(k)];
                }
            }
        }
        for (int i = 0; i < kNs; ++i) {
            for (int j = 0; j < kNs; ++j) {
                const float a = cellOffset(i) * kCellSize, b = cellOffset(j) * kCellSize;
                if (a * a + b * b > kRadius * kRadius)
                    continue;
                // Cell axes turn with the minutia: a along its direction, b across it.
                if (!validity.contains(points[m].x + a * c - b * s, points[m].y + a * s + b * c))
                    continue;
                const int cell = i * kNs + j;
                valid[static_cast<std::size_t>(cell / 64)] |= std::uint64_t{1} << (cell % 64);
                ++validCount;
                for (int k = 0; k < kNd; ++k)
                    if (sum[static_cast<std::size_t>(cell)][static_cast<std::size_t>(k)] >= kMuPsi)
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
        // Bit-sliced per-cell layer count: add the layers one by one with a ripple carry.
        std::uint64_t planes[3][kSpatialWords] = {};
        for (int k = 0; k < kNd; ++k)
            for (int w = 0; w < kSpatialWords; ++w) {
                std::uint64_t carry = cells[static_cast<std::size_t>(k * kSpatialWords + w)];
                for (auto& plane : planes) {
                    const std::uint64_t next = plane[w] & carry;
                    plane[w] ^= carry;
                    carry = next;
                }
            }
        for (const auto& plane : planes)
            set.layerCount.insert(set.layerCount.end(), plane, plane + kSpatialWords);
        set.valid.insert(set.valid.end(), valid.begin(), valid.end());
    }
    return set;
}

} // namespace umbral::biometrics::matching_detail
