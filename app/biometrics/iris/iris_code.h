#pragma once

// Iris codes: the normalised iris filtered with a complex Gabor wavelet, each response
// quantised to two bits (the signs of its real and imaginary parts: the phase quadrant), on a
// grid of 8 rings x 128 angles, so 2048 code bits with 2048 mask bits. A mask bit is cleared
// where the filter's support is mostly occluded (lids, lashes, reflections) and where the
// response is too weak for its sign to be trusted (Daugman's "fragile bits").
//
// Layout: ring r, angle j, part p (0 real, 1 imaginary) is bit r * 256 + 2 j + p, counted from
// bit 0 of word 0 (little-endian in files). Rotating the eye by one angular step (2.8125
// degrees) shifts each ring's 256 bits by two.

#include "app/biometrics/iris/iris_normalisation.h"
#include "app/biometrics/iris/iris_segmentation.h"

#include <array>
#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace umbral::biometrics {

inline constexpr int kIrisCodeRings = 8;
inline constexpr int kIrisCodeAngles = 128;
inline constexpr int kIrisCodeBits = kIrisCodeRings * kIrisCodeAngles * 2; // 2048
inline constexpr int kIrisCodeWords = kIrisCodeBits / 64;                  // 32
inline constexpr double kIrisCodeAngleStepDeg = 360.0 / kIrisCodeAngles;

/// One eye's iris code and its mask.
struct IrisTemplate {
    std::array<std::uint64_t, kIrisCodeWords> code{};
    std::array<std::uint64_t, kIrisCodeWords> mask{};

    /// Number of mask bits set (bits that can be compared).
    int validBits() const;
    bool bit(int ring, int angle, int part) const;
    bool maskBit(int ring, int angle, int part) const;

    /// The template file: "UMIRIS" magic, format version, ring/angle/bit counts, then the code
    /// and the mask (little-endian 64-bit words). 524 bytes.
    std::vector<std::uint8_t> serialise() const;
    /// Throws BiometricError (MalformedTemplate) on anything that is not such a file.
    static IrisTemplate deserialise(const std::vector<std::uint8_t>& bytes);
};

/// Encodes a normalised iris (kNormalisedRows x kNormalisedColumns).
IrisTemplate encodeNormalisedIris(const NormalisedIris& normalised);

/// Normalises and encodes a segmented image.
IrisTemplate encodeIris(const cv::Mat& image, const IrisSegmentation& segmentation);

/// Segments, normalises and encodes. Throws BiometricError (IrisSegmentationError when the
/// image holds no usable eye).
IrisTemplate encodeIris(const cv::Mat& image);

} // namespace umbral::biometrics
