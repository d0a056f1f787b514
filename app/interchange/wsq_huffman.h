#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace umbral::interchange::wsq {

constexpr int kMaxCodeLength = 16;
constexpr int kSymbolCount = 256;

/// A Huffman table as transmitted (DHT, same form as JPEG): how many codes there are of each
/// length 1..16, and the symbols in order of increasing code length.
struct HuffmanTable {
    std::array<std::uint8_t, kMaxCodeLength> counts{};
    std::vector<std::uint8_t> values;
};

/// The optimal table for the given symbol frequencies, limited to 16-bit codes, with no
/// all-ones codeword (JPEG Annex K.2 procedure, which the WSQ specification adopts). A block
/// without symbols still gets a valid one-code table.
HuffmanTable buildHuffmanTable(const std::array<std::uint32_t, kSymbolCount>& frequencies);

/// A symbol's codeword, most significant bit first. length 0: the symbol has no code.
struct HuffmanCode {
    std::uint16_t bits = 0;
    std::uint8_t length = 0;
};

/// Canonical codewords of `table`. Throws InterchangeError (Invalid) when the counts do not fit
/// the code space or disagree with the number of values.
std::array<HuffmanCode, kSymbolCount> canonicalCodes(const HuffmanTable& table);

/// Decoding tables for canonical codes (the JPEG MAXCODE/MINCODE/VALPTR arrays).
class HuffmanDecoder {
public:
    /// Throws InterchangeError (Invalid) for a table canonicalCodes() would refuse.
    explicit HuffmanDecoder(const HuffmanTable& table);

    /// Reads one symbol with `nextBit()` (returns 0/1, or -1 when the data ends). Returns the
    /// symbol, -1 when the data ended first, or throws InterchangeError when 16 bits do not
    /// make a code.
    template <typename NextBit> int decode(NextBit&& nextBit) const {
        int code = 0;
        for (int length = 1; length <= kMaxCodeLength; ++length) {
            const int bit = nextBit();
            if (bit < 0)
                return -1;
            code = (code << 1) | bit;
            if (code <= maxCode_[length])
                return values_[static_cast<std::size_t>(valueIndex_[length] + code -
                                                        minCode_[length])];
        }
        throwNoCode();
    }

private:
    [[noreturn]] static void throwNoCode();
    std::array<int, kMaxCodeLength + 1> minCode_{};
    std::array<int, kMaxCodeLength + 1> maxCode_{};
    std::array<int, kMaxCodeLength + 1> valueIndex_{};
    std::vector<std::uint8_t> values_;
};

} // namespace umbral::interchange::wsq
