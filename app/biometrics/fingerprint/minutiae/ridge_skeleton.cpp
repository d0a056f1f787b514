#include "app/biometrics/fingerprint/minutiae/ridge_skeleton.h"

#include <opencv2/imgproc.hpp>

#include <array>
#include <bit>
#include <vector>

namespace umbral::biometrics::minutiae_detail {

namespace {

// Neighbour code of a pixel: bit k is set when neighbour P(k+2) of Zhang and Suen's numbering is
// foreground, going clockwise from north: N, NE, E, SE, S, SW, W, NW.
inline unsigned neighbourCode(const uchar* p, int stride) {
    return (p[-stride] ? 1u : 0u) | (p[-stride + 1] ? 2u : 0u) | (p[1] ? 4u : 0u) |
           (p[stride + 1] ? 8u : 0u) | (p[stride] ? 16u : 0u) | (p[stride - 1] ? 32u : 0u) |
           (p[-1] ? 64u : 0u) | (p[-stride - 1] ? 128u : 0u);
}

inline bool bit(unsigned code, int k) {
    return (code >> k) & 1u;
}

// 0 -> 1 transitions around the ring N, NE, ..., NW, N.
int transitions(unsigned code) {
    int a = 0;
    for (int k = 0; k < 8; ++k)
        if (!bit(code, k) && bit(code, (k + 1) % 8))
            ++a;
    return a;
}

struct ThinningTables {
    std::array<bool, 256> firstPass{};
    std::array<bool, 256> secondPass{};
    std::array<bool, 256> redundantCorner{};
};

// Number of 8-connected groups formed by the foreground neighbours of a pixel (the pixel itself
// excluded). Ring neighbours k and k+1 always touch; two edge neighbours (N and E, ...) touch
// diagonally through the corner between them, which the ring order already covers.
int neighbourGroups(unsigned code) {
    if (code == 0)
        return 0;
    int groups = 0;
    for (int k = 0; k < 8; ++k) {
        // A group starts at a set neighbour whose predecessor on the ring is not set, except
        // that an edge neighbour also touches the edge neighbour two steps back.
        if (!bit(code, k))
            continue;
        const int prev = (k + 7) % 8;
        if (bit(code, prev))
            continue;
        if (k % 2 == 0 && bit(code, (k + 6) % 8))
            continue; // N touches W, E touches N, ... across the empty corner
        ++groups;
    }
    return groups == 0 ? 1 : groups; // all eight set
}

ThinningTables makeTables() {
    ThinningTables t;
    for (unsigned code = 0; code < 256; ++code) {
        const int b = std::popcount(code);
        const bool shape = b >= 2 && b <= 6 && transitions(code) == 1;
        const bool n = bit(code, 0), e = bit(code, 2), s = bit(code, 4), w = bit(code, 6);
        t.firstPass[code] = shape && !(n && e && s) && !(e && s && w);
        t.secondPass[code] = shape && !(n && e && w) && !(n && s && w);
        // A pixel whose neighbours form one 8-connected group and that is not the end of a
        // line can go without disconnecting anything: that is the corner of a staircase.
        t.redundantCorner[code] = b >= 2 && neighbourGroups(code) == 1 &&
                                  ((n && e && !bit(code, 1)) || (e && s && !bit(code, 3)) ||
                                   (s && w && !bit(code, 5)) || (w && n && !bit(code, 7)));
    }
    return t;
}

const ThinningTables& tables() {
    static const ThinningTables t = makeTables();
    return t;
}

void removeSmallComponents(cv::Mat& binary, int minArea, uchar value) {
    cv::Mat labels, stats, centroids;
    cv::Mat target = binary == value;
    const int n = cv::connectedComponentsWithStats(target, labels, stats, centroids, 8, CV_32S);
    std::vector<uchar> small(static_cast<std::size_t>(n), 0);
    bool any = false;
    for (int i = 1; i < n; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) < minArea)
            small[static_cast<std::size_t>(i)] = 1, any = true;
    if (!any)
        return;
    const uchar replacement = value ? 0 : 255;
    for (int r = 0; r < binary.rows; ++r) {
        const int* pl = labels.ptr<int>(r);
        uchar* pb = binary.ptr<uchar>(r);
        for (int c = 0; c < binary.cols; ++c)
            if (pl[c] > 0 && small[static_cast<std::size_t>(pl[c])])
                pb[c] = replacement;
    }
}

} // namespace

cv::Mat binariseRidges(const RidgeEnhancement& enhanced, const cv::Mat& mask, int minArea) {
    cv::Mat binary = (enhanced.gabor > 0.0f) & mask;
    removeSmallComponents(binary, minArea, 255);
    // Holes: valley components entirely surrounded by ridge. The background outside the mask is
    // one big valley component, so it is never filled.
    removeSmallComponents(binary, minArea, 0);
    binary &= mask;
    return binary;
}

cv::Mat thinRidges(const cv::Mat& binary) {
    const ThinningTables& t = tables();
    cv::Mat img;
    cv::copyMakeBorder(binary != 0, img, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
    const int stride = static_cast<int>(img.step);
    uchar* data = img.data;

    std::vector<int> candidates;
    candidates.reserve(static_cast<std::size_t>(cv::countNonZero(img)));
    for (int r = 1; r < img.rows - 1; ++r)
        for (int c = 1; c < img.cols - 1; ++c)
            if (data[r * stride + c])
                candidates.push_back(r * stride + c);

    // Parallel Zhang-Suen: decide on the unchanged image, then delete, per sub-iteration.
    std::vector<int> doomed;
    bool changed = true;
    while (changed) {
        changed = false;
        for (int pass = 0; pass < 2; ++pass) {
            const auto& table = pass == 0 ? t.firstPass : t.secondPass;
            doomed.clear();
            for (int idx : candidates)
                if (table[neighbourCode(data + idx, stride)])
                    doomed.push_back(idx);
            for (int idx : doomed)
                data[idx] = 0;
            if (!doomed.empty()) {
                changed = true;
                std::erase_if(candidates, [data](int idx) { return data[idx] == 0; });
            }
        }
    }
    // Sequential clean-up of staircase corners (the decision sees earlier removals, so a
    // two-pixel corner loses exactly one pixel).
    for (int idx : candidates)
        if (t.redundantCorner[neighbourCode(data + idx, stride)])
            data[idx] = 0;

    cv::Mat skeleton = img(cv::Rect(1, 1, binary.cols, binary.rows)).clone();
    skeleton.setTo(255, skeleton != 0);
    return skeleton;
}

} // namespace umbral::biometrics::minutiae_detail
