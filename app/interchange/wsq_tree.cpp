#include "app/interchange/wsq_tree.h"

namespace umbral::interchange::wsq {

namespace {

enum Quadrant { TopLeft = 0, TopRight = 1, BottomLeft = 2, BottomRight = 3 };

// The analysis filter bank gives the lowpass half ceil(n/2) samples and the highpass half
// floor(n/2). A spectrally inverted direction stores the highpass half first, so the first
// part is then the shorter one.
std::array<Region, 4> quadrants(const SplitNode& node) {
    const Region& r = node.region;
    const int firstWidth = node.invertRows ? r.width / 2 : (r.width + 1) / 2;
    const int firstHeight = node.invertColumns ? r.height / 2 : (r.height + 1) / 2;
    const int secondWidth = r.width - firstWidth;
    const int secondHeight = r.height - firstHeight;
    return {Region{r.x, r.y, firstWidth, firstHeight},
            Region{r.x + firstWidth, r.y, secondWidth, firstHeight},
            Region{r.x, r.y + firstHeight, firstWidth, secondHeight},
            Region{r.x + firstWidth, r.y + firstHeight, secondWidth, secondHeight}};
}

// A quadrant that holds a horizontal (vertical) highpass band is inverted in that direction when
// it is split again: top right inverts rows, bottom left columns, bottom right both.
SplitNode childSplit(const SplitNode& parent, Quadrant q) {
    return SplitNode{quadrants(parent)[q], q == TopRight || q == BottomRight,
                     q == BottomLeft || q == BottomRight};
}

struct Placement {
    int parent;
    Quadrant quadrant;
};

// Nodes 1..19 of the specification's decomposition (node 0 is the whole image): which quadrant
// of which earlier node each one splits. Parents always come before their children.
// clang-format off
constexpr std::array<Placement, kSplitCount> kSplitPlacement{{
    {-1, TopLeft},                                                      // 0: the image
    {0, TopLeft},     {0, TopRight},    {0, BottomLeft},                // 1-3
    {1, TopRight},    {1, BottomLeft},                                  // 4-5
    {4, TopLeft},     {4, TopRight},    {4, BottomLeft}, {4, BottomRight}, // 6-9
    {5, TopLeft},     {5, TopRight},    {5, BottomLeft}, {5, BottomRight}, // 10-13
    {1, TopLeft},                                                       // 14
    {14, TopLeft},    {14, TopRight},   {14, BottomLeft}, {14, BottomRight}, // 15-18
    {15, TopLeft},                                                      // 19
}};
// clang-format on

} // namespace

WsqTree buildWsqTree(int width, int height) {
    WsqTree tree;
    tree.splits[0] = SplitNode{Region{0, 0, width, height}, false, false};
    for (int n = 1; n < kSplitCount; ++n)
        tree.splits[n] =
            childSplit(tree.splits[kSplitPlacement[n].parent], kSplitPlacement[n].quadrant);

    // Subbands in transmission order: the four quadrants of a split node in a row, or single
    // quadrants of nodes whose other quadrants are split further.
    int s = 0;
    auto addAll = [&](int node) {
        for (const Region& r : quadrants(tree.splits[node]))
            tree.subbands[s++] = r;
    };
    auto addOne = [&](int node, Quadrant q) {
        tree.subbands[s++] = quadrants(tree.splits[node])[q];
    };

    addAll(19);                                                            // 0-3
    addOne(15, TopRight), addOne(15, BottomLeft), addOne(15, BottomRight); // 4-6
    for (int node : {16, 17, 18, 6, 7, 8, 9, 10, 11, 12, 13})              // 7-50
        addAll(node);
    addOne(1, BottomRight); // 51
    addAll(2), addAll(3);   // 52-59
    // 60-63: the bottom right quadrant of the image, split once; never transmitted.
    for (const Region& r : quadrants(childSplit(tree.splits[0], BottomRight)))
        tree.subbands[s++] = r;
    return tree;
}

} // namespace umbral::interchange::wsq
