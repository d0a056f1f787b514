#include "app/biometrics/fingerprint/minutiae/false_minutiae.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace umbral::biometrics::minutiae_detail {

namespace {

float periodAt(const cv::Mat& period, cv::Point2f p) {
    const int x = std::clamp(static_cast<int>(std::lround(p.x)), 0, period.cols - 1);
    const int y = std::clamp(static_cast<int>(std::lround(p.y)), 0, period.rows - 1);
    return period.at<float>(y, x);
}

float angleBetween(float a, float b) {
    float d = std::fmod(std::abs(a - b), 2.0f * static_cast<float>(CV_PI));
    return d > static_cast<float>(CV_PI) ? 2.0f * static_cast<float>(CV_PI) - d : d;
}

void mark(std::vector<bool>& doomed, std::vector<const char*>& why, int i, const char* reason) {
    if (!doomed[static_cast<std::size_t>(i)]) {
        doomed[static_cast<std::size_t>(i)] = true;
        why[static_cast<std::size_t>(i)] = reason;
    }
}

} // namespace

void removeFalseMinutiae(std::vector<SkeletonNode>& nodes, const cv::Mat& mask,
                         const cv::Mat& period, int borderMargin) {
    const int n = static_cast<int>(nodes.size());
    std::vector<bool> doomed(static_cast<std::size_t>(n), false);
    std::vector<const char*> why(static_cast<std::size_t>(n), nullptr);

    // 1. Structure of the skeleton graph, decided on the graph as found (so the order in which
    //    minutiae are visited does not matter).
    for (int a = 0; a < n; ++a) {
        const SkeletonNode& A = nodes[static_cast<std::size_t>(a)];
        if (A.removed)
            continue;
        const float p = periodAt(period, A.position);
        for (const RidgeBranch& branch : A.branches) {
            const int b = branch.endNode;
            if (b < 0)
                continue;
            const SkeletonNode& B = nodes[static_cast<std::size_t>(b)];
            const float length = static_cast<float>(branch.path.size());
            const bool aEnd = A.type == MinutiaType::RidgeEnding;
            const bool bEnd = B.type == MinutiaType::RidgeEnding;
            if (aEnd && bEnd && length < 1.8f * p) {
                mark(doomed, why, a, "short ridge");
                mark(doomed, why, b, "short ridge");
            } else if (aEnd != bEnd && length < 0.6f * p) {
                mark(doomed, why, a, "spur");
                mark(doomed, why, b, "spur");
            } else if (!aEnd && !bEnd && length < 0.6f * p) {
                mark(doomed, why, a, "bridge");
                mark(doomed, why, b, "bridge");
            }
        }
        if (A.type == MinutiaType::Bifurcation) {
            for (std::size_t i = 0; i < A.branches.size(); ++i)
                for (std::size_t j = i + 1; j < A.branches.size(); ++j) {
                    const RidgeBranch& bi = A.branches[i];
                    const RidgeBranch& bj = A.branches[j];
                    if (bi.endNode >= 0 && bi.endNode == bj.endNode &&
                        static_cast<float>(bi.path.size()) < 3.0f * p &&
                        static_cast<float>(bj.path.size()) < 3.0f * p) {
                        mark(doomed, why, a, "lake");
                        mark(doomed, why, bi.endNode, "lake");
                    }
                }
        }
    }

    // 2. Border: ridges end where the print ends. Distance to the background, with the image
    //    frame counted as background.
    cv::Mat framed, distance;
    cv::copyMakeBorder(mask, framed, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
    cv::distanceTransform(framed, distance, cv::DIST_L2, 3);
    for (int a = 0; a < n; ++a) {
        const SkeletonNode& A = nodes[static_cast<std::size_t>(a)];
        const int x = std::clamp(static_cast<int>(std::lround(A.position.x)), 0, mask.cols - 1);
        const int y = std::clamp(static_cast<int>(std::lround(A.position.y)), 0, mask.rows - 1);
        if (distance.at<float>(y + 1, x + 1) < static_cast<float>(borderMargin))
            mark(doomed, why, a, "border");
    }

    // 3. Broken ridges: an ending points into its ridge, so the gap lies behind it; two endings
    //    that face each other across a short gap are one ridge.
    for (int a = 0; a < n; ++a) {
        const SkeletonNode& A = nodes[static_cast<std::size_t>(a)];
        if (A.removed || A.type != MinutiaType::RidgeEnding)
            continue;
        const float p = periodAt(period, A.position);
        for (int b = a + 1; b < n; ++b) {
            const SkeletonNode& B = nodes[static_cast<std::size_t>(b)];
            if (B.removed || B.type != MinutiaType::RidgeEnding)
                continue;
            const cv::Point2f d = B.position - A.position;
            const float dist = std::hypot(d.x, d.y);
            if (dist >= 1.6f * p || dist < 1e-3f)
                continue;
            const float gapDir = std::atan2(d.y, d.x);
            const float behindA = A.direction + static_cast<float>(CV_PI);
            const float behindB = B.direction + static_cast<float>(CV_PI);
            if (angleBetween(A.direction, B.direction) > 2.4f && // about opposite (> 137 deg)
                angleBetween(gapDir, behindA) < 0.8f &&          // B behind A (< 46 deg)
                angleBetween(gapDir + static_cast<float>(CV_PI), behindB) < 0.8f) {
                mark(doomed, why, a, "broken ridge");
                mark(doomed, why, b, "broken ridge");
            }
        }
    }

    // 4. Clusters: real minutiae are rarely packed more densely than one per ridge period;
    //    three or more neighbours that close mean a noisy, scarred or smudged region.
    std::vector<bool> clustered(static_cast<std::size_t>(n), false);
    for (int a = 0; a < n; ++a) {
        const SkeletonNode& A = nodes[static_cast<std::size_t>(a)];
        if (A.removed || doomed[static_cast<std::size_t>(a)])
            continue;
        const float p = periodAt(period, A.position);
        int close = 0;
        for (int b = 0; b < n; ++b) {
            if (b == a || nodes[static_cast<std::size_t>(b)].removed ||
                doomed[static_cast<std::size_t>(b)])
                continue;
            const cv::Point2f d = nodes[static_cast<std::size_t>(b)].position - A.position;
            if (std::hypot(d.x, d.y) < p)
                ++close;
        }
        clustered[static_cast<std::size_t>(a)] = close >= 3;
    }
    for (int a = 0; a < n; ++a)
        if (clustered[static_cast<std::size_t>(a)])
            mark(doomed, why, a, "cluster");

    for (int a = 0; a < n; ++a)
        if (doomed[static_cast<std::size_t>(a)] && !nodes[static_cast<std::size_t>(a)].removed) {
            nodes[static_cast<std::size_t>(a)].removed = true;
            nodes[static_cast<std::size_t>(a)].removedBecause = why[static_cast<std::size_t>(a)];
        }
}

} // namespace umbral::biometrics::minutiae_detail
