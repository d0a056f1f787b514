#pragma once

#include "app/interchange/wsq_huffman.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace umbral::interchange::wsq {

/// Adds the Huffman symbols (spec Table A.2) that code `block` to `frequencies`:
/// 1-100 a run of that many zeros, 101/102 a positive/negative coefficient in the next 8 bits,
/// 103/104 the same in 16 bits, 105/106 a zero run whose length follows in 8/16 bits,
/// 107-254 the coefficient (symbol - 180), i.e. -73..74.
void countSymbols(std::span<const std::int32_t> block,
                  std::array<std::uint32_t, kSymbolCount>& frequencies);

/// Appends the entropy-coded `block` to `out`: codewords most significant bit first, a 0x00
/// stuffed after every 0xFF byte, the last byte padded with 1 bits.
void encodeBlock(std::span<const std::int32_t> block,
                 const std::array<HuffmanCode, kSymbolCount>& codes,
                 std::vector<std::uint8_t>& out);

/// Decodes entropy-coded data from data[pos] until the next marker (0xFF followed by a byte
/// other than 0x00), appending coefficients to `out`. Returns the position of the marker.
/// Throws InterchangeError when the data ends without a marker, when a marker cuts a coefficient,
/// for an undefined symbol, or when `out` would exceed `limit` coefficients.
std::size_t decodeBlock(std::span<const std::uint8_t> data, std::size_t pos,
                        const HuffmanDecoder& decoder, std::vector<std::int32_t>& out,
                        std::size_t limit);

} // namespace umbral::interchange::wsq
