#pragma once

#include <array>

namespace umbral::interchange::wsq {

/// A rectangle of the coefficient plane (same size as the image).
struct Region {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    int area() const { return width * height; }
};

/// One application of the 2-D analysis filter bank: the region is split into four quadrants
/// (low/low top left). `invertRows` puts the horizontal highpass half first (spectral
/// inversion of a band that came out of a highpass), `invertColumns` likewise vertically.
struct SplitNode {
    Region region;
    bool invertRows = false;
    bool invertColumns = false;
};

constexpr int kSplitCount = 20;    ///< nodes of the decomposition tree (spec: W-tree)
constexpr int kSubbandCount = 64;  ///< subbands of the tree (spec: Q-tree)
constexpr int kCodedSubbands = 60; ///< subbands 60-63 are never transmitted
constexpr int kBlock2First = 19;   ///< first subband of the second Huffman block
constexpr int kBlock3First = 52;   ///< first subband of the third Huffman block

/// The WSQ 64-subband wavelet packet decomposition of a width x height image (WSQ
/// specification, Part 1 Annex A, Figures A.1/A.2): the 20 splits in the order the encoder
/// applies them, and the 64 subband rectangles in transmission order. Valid for any size >= 1;
/// subbands of tiny images may be empty.
struct WsqTree {
    std::array<SplitNode, kSplitCount> splits;
    std::array<Region, kSubbandCount> subbands;
};

WsqTree buildWsqTree(int width, int height);

} // namespace umbral::interchange::wsq
