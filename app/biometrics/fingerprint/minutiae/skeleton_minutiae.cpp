#include "app/biometrics/fingerprint/minutiae/skeleton_minutiae.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace umbral::biometrics::minutiae_detail {

namespace {

constexpr int kDx[8] = {0, 1, 1, 1, 0, -1, -1, -1}; // N, NE, E, SE, S, SW, W, NW
constexpr int kDy[8] = {-1, -1, 0, 1, 1, 1, 0, -1};
// Branch directions are read about one ridge period from the minutia: closer, the pixel grid
// quantises them; further, the ridge may already curve.
constexpr int kDirectionReach = 10;
// The traced direction is replaced by the (smoother) orientation field when both agree within
// this angle; near a core they may not, and the trace is kept.
constexpr float kSnapTolerance = 35.0f * static_cast<float>(CV_PI) / 180.0f;

int crossingNumber(const cv::Mat& sk, int r, int c) {
    int sum = 0;
    for (int k = 0; k < 8; ++k) {
        const bool a = sk.at<uchar>(r + kDy[k], c + kDx[k]) != 0;
        const bool b = sk.at<uchar>(r + kDy[(k + 1) % 8], c + kDx[(k + 1) % 8]) != 0;
        sum += a != b;
    }
    return sum / 2;
}

float angleBetween(float a, float b) {
    float d = std::fmod(std::abs(a - b), 2.0f * static_cast<float>(CV_PI));
    return d > static_cast<float>(CV_PI) ? 2.0f * static_cast<float>(CV_PI) - d : d;
}

cv::Point2f branchVector(const SkeletonNode& node, const RidgeBranch& branch) {
    if (branch.path.empty())
        return {0.0f, 0.0f};
    const std::size_t i = std::min<std::size_t>(branch.path.size(), kDirectionReach) - 1;
    const cv::Point2f v = cv::Point2f(branch.path[i]) - node.position;
    const float n = std::hypot(v.x, v.y);
    return n > 0 ? v / n : cv::Point2f(0.0f, 0.0f);
}

} // namespace

std::vector<SkeletonNode> findSkeletonMinutiae(const cv::Mat& skeleton, const cv::Mat& theta) {
    cv::Mat sk;
    cv::copyMakeBorder(skeleton, sk, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
    const int rows = sk.rows, cols = sk.cols;

    cv::Mat cn = cv::Mat::zeros(rows, cols, CV_8U);
    for (int r = 1; r < rows - 1; ++r)
        for (int c = 1; c < cols - 1; ++c)
            if (sk.at<uchar>(r, c))
                cn.at<uchar>(r, c) = static_cast<uchar>(crossingNumber(sk, r, c));

    std::vector<SkeletonNode> nodes;
    cv::Mat nodeId(rows, cols, CV_32S, cv::Scalar(-1));
    for (int r = 1; r < rows - 1; ++r) {
        for (int c = 1; c < cols - 1; ++c) {
            const int k = cn.at<uchar>(r, c);
            if (!sk.at<uchar>(r, c) || nodeId.at<int>(r, c) >= 0)
                continue;
            if (k == 1) {
                SkeletonNode n;
                n.type = MinutiaType::RidgeEnding;
                n.pixels = {cv::Point(c, r)};
                nodeId.at<int>(r, c) = static_cast<int>(nodes.size());
                nodes.push_back(std::move(n));
            } else if (k >= 3) {
                // Adjacent branching pixels are one bifurcation seen through the pixel grid.
                SkeletonNode n;
                n.type = MinutiaType::Bifurcation;
                const int id = static_cast<int>(nodes.size());
                std::deque<cv::Point> queue{cv::Point(c, r)};
                nodeId.at<int>(r, c) = id;
                while (!queue.empty()) {
                    const cv::Point p = queue.front();
                    queue.pop_front();
                    n.pixels.push_back(p);
                    for (int d = 0; d < 8; ++d) {
                        const int y = p.y + kDy[d], x = p.x + kDx[d];
                        if (sk.at<uchar>(y, x) && cn.at<uchar>(y, x) >= 3 &&
                            nodeId.at<int>(y, x) < 0) {
                            nodeId.at<int>(y, x) = id;
                            queue.emplace_back(x, y);
                        }
                    }
                }
                nodes.push_back(std::move(n));
            }
        }
    }

    for (auto& n : nodes) {
        cv::Point2f sum(0, 0);
        for (const auto& p : n.pixels)
            sum += cv::Point2f(p);
        n.position = sum / static_cast<float>(n.pixels.size());
    }

    // Trace the branches. `stamp` marks the pixels a trace has used, per trace.
    cv::Mat stamp(rows, cols, CV_32S, cv::Scalar(-1));
    int traceId = 0;
    for (int id = 0; id < static_cast<int>(nodes.size()); ++id) {
        SkeletonNode& node = nodes[static_cast<std::size_t>(id)];
        // Start pixels: skeleton neighbours of the node that are not the node itself, grouped
        // by adjacency (two touching start pixels lead into the same branch).
        std::vector<cv::Point> starts;
        for (const auto& p : node.pixels)
            for (int d = 0; d < 8; ++d) {
                const cv::Point q(p.x + kDx[d], p.y + kDy[d]);
                if (sk.at<uchar>(q) && nodeId.at<int>(q) != id &&
                    std::find(starts.begin(), starts.end(), q) == starts.end())
                    starts.push_back(q);
            }
        std::vector<int> group(starts.size(), -1);
        int groups = 0;
        for (std::size_t i = 0; i < starts.size(); ++i) {
            if (group[i] >= 0)
                continue;
            group[i] = groups;
            std::deque<std::size_t> q{i};
            while (!q.empty()) {
                const std::size_t a = q.front();
                q.pop_front();
                // Edge-adjacent only: consecutive pixels of one ring run always share an edge,
                // while the first pixels of two branches may touch at a corner.
                for (std::size_t b = 0; b < starts.size(); ++b)
                    if (group[b] < 0 &&
                        std::abs(starts[a].x - starts[b].x) + std::abs(starts[a].y - starts[b].y) ==
                            1) {
                        group[b] = groups;
                        q.push_back(b);
                    }
            }
            ++groups;
        }

        for (int g = 0; g < groups; ++g) {
            const int trace = traceId++;
            // The node and the first pixels of its other branches are off limits to this trace.
            for (const auto& p : node.pixels)
                stamp.at<int>(p) = trace;
            for (const auto& p : starts)
                stamp.at<int>(p) = trace;
            // Begin at the member closest (4-adjacent) to the node if there is one.
            cv::Point cur(-1, -1);
            for (std::size_t i = 0; i < starts.size(); ++i) {
                if (group[i] != g)
                    continue;
                bool fourAdjacent = false;
                for (const auto& p : node.pixels)
                    fourAdjacent |= std::abs(p.x - starts[i].x) + std::abs(p.y - starts[i].y) == 1;
                if (cur.x < 0 || fourAdjacent)
                    cur = starts[i];
            }
            RidgeBranch branch;
            branch.path.push_back(cur);
            while (true) {
                const int other = nodeId.at<int>(cur);
                if (other >= 0 && other != id) {
                    branch.endNode = other;
                    break;
                }
                if (static_cast<int>(branch.path.size()) >= kMaxTrace)
                    break;
                cv::Point next(-1, -1);
                int nextRank = 99;
                for (int d = 0; d < 8; ++d) {
                    const cv::Point q(cur.x + kDx[d], cur.y + kDy[d]);
                    if (!sk.at<uchar>(q) || stamp.at<int>(q) == trace)
                        continue;
                    // Another minutia first, then edge neighbours, then corners: on a thin
                    // skeleton this follows the ridge and never cuts a corner past a junction.
                    const int rank = nodeId.at<int>(q) >= 0 ? 0 : (d % 2 == 0 ? 1 : 2);
                    if (rank < nextRank) {
                        nextRank = rank;
                        next = q;
                    }
                }
                if (next.x < 0) {
                    branch.deadEnd = true;
                    break;
                }
                stamp.at<int>(next) = trace;
                branch.path.push_back(next);
                cur = next;
            }
            node.branches.push_back(std::move(branch));
        }
    }

    // Back to image coordinates (the padding shifted everything by one pixel).
    for (auto& n : nodes) {
        n.position -= cv::Point2f(1.0f, 1.0f);
        for (auto& p : n.pixels)
            p -= cv::Point(1, 1);
        for (auto& b : n.branches)
            for (auto& p : b.path)
                p -= cv::Point(1, 1);
    }

    for (auto& n : nodes) {
        if (n.type == MinutiaType::Bifurcation && n.branches.size() < 3) {
            n.removed = true;
            n.removedBecause = "junction without three branches";
            continue;
        }
        if (n.type == MinutiaType::RidgeEnding && n.branches.size() != 1) {
            n.removed = true;
            n.removedBecause = "isolated pixel";
            continue;
        }
        cv::Point2f dir;
        if (n.type == MinutiaType::RidgeEnding) {
            dir = branchVector(n, n.branches[0]); // into the ridge
        } else {
            // The two branches closest in angle enclose the valley the direction points along.
            float best = -2.0f;
            for (std::size_t i = 0; i < n.branches.size(); ++i)
                for (std::size_t j = i + 1; j < n.branches.size(); ++j) {
                    const cv::Point2f a = branchVector(n, n.branches[i]);
                    const cv::Point2f b = branchVector(n, n.branches[j]);
                    const float dot = a.dot(b);
                    if (dot > best) {
                        best = dot;
                        dir = a + b;
                    }
                }
        }
        float traced = std::atan2(dir.y, dir.x);
        const int x = std::clamp(static_cast<int>(std::lround(n.position.x)), 0, theta.cols - 1);
        const int y = std::clamp(static_cast<int>(std::lround(n.position.y)), 0, theta.rows - 1);
        float field = theta.at<float>(y, x);
        if (angleBetween(field, traced) > static_cast<float>(CV_PI) / 2)
            field += static_cast<float>(CV_PI);
        const float chosen = angleBetween(field, traced) < kSnapTolerance ? field : traced;
        n.direction = std::remainder(chosen, 2.0f * static_cast<float>(CV_PI));
    }
    return nodes;
}

} // namespace umbral::biometrics::minutiae_detail
