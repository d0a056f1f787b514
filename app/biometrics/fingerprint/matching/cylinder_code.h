#pragma once

// Minutia Cylinder-Code (MCC), bit-based variant: the local structure of every minutia encoded
// as a 16 x 16 x 6 bit cylinder (Cappelli, Ferrara, Maltoni, "Minutia Cylinder-Code: a new
// representation and matching technique for fingerprint recognition", IEEE TPAMI 32(12),
// 2010). Internal to umbral_finger_matching.

#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace umbral::biometrics::matching_detail {

// Parameters from the paper (section 5 and table 1), at 500 ppi.
inline constexpr int kNs = 16;                              // cells across the cylinder base
inline constexpr int kNd = 6;                               // direction layers
inline constexpr float kRadius = 70.0f;                     // R, pixels
inline constexpr float kSigmaS = 28.0f / 3.0f;              // spatial Gaussian
inline constexpr float kSigmaD = 2.0f * 3.14159265f / 9.0f; // directional Gaussian
inline constexpr float kMuPsi = 0.01f;                      // bit threshold on the contribution sum
inline constexpr float kHullOffset = 50.0f;          // Omega: convex hull enlargement, pixels
inline constexpr int kMinNeighbours = 2;             // minM
inline constexpr float kMinValidFraction = 0.75f;    // minVC, of the cells inside radius R
inline constexpr float kMinMatchableFraction = 0.6f; // minME, of the cells inside radius R
inline constexpr float kMaxDirectionDifference =
    3.14159265f / 2.0f; // delta-theta (tested as cos >= 0)

inline constexpr int kSpatialWords = kNs * kNs / 64;       // 4 words: one layer
inline constexpr int kCylinderWords = kSpatialWords * kNd; // 24 words: the whole cylinder

/// The cylinders of one fingerprint, structure-of-arrays for fast comparison. Only minutiae
/// with a valid cylinder are kept (enough neighbours, enough valid cells).
struct CylinderSet {
    std::vector<float> x, y;            ///< minutia position, pixels
    std::vector<float> direction;       ///< radians, image frame (y downwards)
    std::vector<float> cosDir, sinDir;  ///< of direction, for the fast direction test
    std::vector<std::uint64_t> cells;   ///< size() * kCylinderWords bits, layer-major; a cell is 1
                                        ///< only if valid
    std::vector<std::uint64_t> valid;   ///< size() * kSpatialWords: valid spatial cells
    std::vector<std::uint16_t> setBits; ///< number of 1 cells of each cylinder
    /// Per spatial cell, how many of the kNd layers are 1, as three bit planes (count = p0 + 2 p1
    /// + 4 p2), size() * 3 * kSpatialWords: counts the 1 cells over any set of spatial cells with
    /// 12 popcounts instead of 24.
    std::vector<std::uint64_t> layerCount;
    int minutiaCount = 0; ///< minutiae in the template, with or without cylinder

    std::size_t size() const { return x.size(); }
};

/// What a FingerMatchTemplate shares between its copies.
struct TemplateData {
    std::vector<Minutia> minutiae;
    CylinderSet cylinders;
};

/// Number of cells of a layer whose centre lies within the cylinder radius.
int cellsWithinRadius();

/// Builds the cylinders. Minutia directions are ISO degrees (minutiae.h).
CylinderSet buildCylinders(std::span<const Minutia> minutiae);

} // namespace umbral::biometrics::matching_detail
