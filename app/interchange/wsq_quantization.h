#pragma once

#include "app/interchange/wsq_tree.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace umbral::interchange::wsq {

/// The WSQ quantization table (DQT): per subband a bin width Q and a zero-bin width Z, and one
/// bin centre C shared by all. Q = 0 means the subband is not transmitted (decoded as zeros).
struct QuantizationTable {
    double binCenter = 0.44;
    std::array<double, kSubbandCount> q{};
    std::array<double, kSubbandCount> z{};
};

/// How many coefficients a stream quantized with `table` carries: the areas of subbands 0..59
/// whose Q is not zero.
std::size_t transmittedCoefficientCount(const QuantizationTable& table, const WsqTree& tree);

/// The FBI encoder's bit allocation (WSQ specification Part 3): subband variances measured on
/// the central part of each subband, the relative bin widths Q'k = 10 / (Ak ln(var k)), and the
/// proportionality constant q solved iteratively so that the expected rate is `bitRate` bits per
/// pixel, dropping subbands whose share would be negative. Z = 1.2 Q, C = 0.44.
QuantizationTable allocateBits(const std::vector<float>& plane, int width, const WsqTree& tree,
                               double bitRate);

/// Quantizes the transmitted subbands in order, each row by row (spec A.3): 0 inside the zero
/// bin, otherwise floor((a - Z/2) / Q) + 1 for positive a and the mirror image for negative a.
std::vector<std::int32_t> quantize(const std::vector<float>& plane, int width, const WsqTree& tree,
                                   const QuantizationTable& table);

/// Writes the dequantized coefficients into `plane` (width x height, zeroed by the caller):
/// a = Q (p - C) + Z/2 for p > 0, Q (p + C) - Z/2 for p < 0. `coefficients` must hold exactly
/// transmittedCoefficientCount() values.
void dequantize(std::span<const std::int32_t> coefficients, const QuantizationTable& table,
                const WsqTree& tree, int width, std::vector<float>& plane);

} // namespace umbral::interchange::wsq
