#include "app/interchange/wsq_huffman.h"

#include "app/interchange/interchange_error.h"

#include <algorithm>
#include <string>

namespace umbral::interchange::wsq {

namespace {

constexpr int kReserved = kSymbolCount; // extra symbol that keeps the all-ones code unused

// Index of the least positive frequency, the largest index among equals, skipping `except`.
int leastFrequent(const std::array<std::uint64_t, kSymbolCount + 1>& freq, int except) {
    int best = -1;
    for (int v = 0; v <= kSymbolCount; ++v) {
        if (v == except || freq[v] == 0)
            continue;
        if (best < 0 || freq[v] <= freq[best])
            best = v;
    }
    return best;
}

void checkCounts(const HuffmanTable& table) {
    std::size_t total = 0;
    long long available = 1; // codes left at the current length
    for (int length = 1; length <= kMaxCodeLength; ++length) {
        available *= 2;
        const int n = table.counts[length - 1];
        if (n > available)
            throw InterchangeError(InterchangeErrorCode::Invalid,
                                   "Huffman table: " + std::to_string(n) + " codes of length " +
                                       std::to_string(length) + " do not fit the code space");
        available -= n;
        total += static_cast<std::size_t>(n);
    }
    if (total != table.values.size())
        throw InterchangeError(InterchangeErrorCode::Invalid,
                               "Huffman table: the counts give " + std::to_string(total) +
                                   " codes but " + std::to_string(table.values.size()) +
                                   " values are listed");
}

} // namespace

HuffmanTable buildHuffmanTable(const std::array<std::uint32_t, kSymbolCount>& frequencies) {
    std::array<std::uint64_t, kSymbolCount + 1> freq{};
    bool any = false;
    for (int v = 0; v < kSymbolCount; ++v) {
        freq[v] = frequencies[v];
        any = any || freq[v] > 0;
    }
    if (!any)
        freq[1] = 1; // an empty block: give the table one (unused) code so it is well formed
    freq[kReserved] = 1;

    // Code sizes by repeatedly merging the two least frequent trees (JPEG Figure K.1).
    std::array<int, kSymbolCount + 1> codeSize{};
    std::array<int, kSymbolCount + 1> next{};
    next.fill(-1);
    for (;;) {
        int v1 = leastFrequent(freq, -1);
        int v2 = leastFrequent(freq, v1);
        if (v2 < 0)
            break;
        freq[v1] += freq[v2];
        freq[v2] = 0;
        for (++codeSize[v1]; next[v1] >= 0; ++codeSize[v1])
            v1 = next[v1];
        next[v1] = v2;
        for (++codeSize[v2]; next[v2] >= 0; ++codeSize[v2])
            v2 = next[v2];
    }

    // Number of codes of each size. Skewed frequencies give sizes far beyond 16 (up to the
    // number of symbols), so the array covers every possible size.
    std::array<int, kSymbolCount + 2> bits{};
    int maxSize = 0;
    for (int v = 0; v <= kSymbolCount; ++v) {
        if (codeSize[v] > 0)
            ++bits[codeSize[v]];
        maxSize = std::max(maxSize, codeSize[v]);
    }

    // Limit to 16 bits (JPEG Figure K.3): move pairs of the longest codes up, splitting a
    // shorter code into two.
    for (int i = maxSize; i > kMaxCodeLength; --i) {
        while (bits[i] > 0) {
            int j = i - 2;
            while (bits[j] == 0)
                --j;
            bits[i] -= 2;
            bits[i - 1] += 1;
            bits[j + 1] += 2;
            bits[j] -= 1;
        }
    }
    // Drop the reserved symbol: it sorts last, so it is one of the longest codes.
    int longest = kMaxCodeLength;
    while (bits[longest] == 0)
        --longest;
    bits[longest] -= 1;

    HuffmanTable table;
    for (int length = 1; length <= kMaxCodeLength; ++length)
        table.counts[length - 1] = static_cast<std::uint8_t>(bits[length]);
    for (int size = 1; size <= maxSize; ++size)
        for (int v = 0; v < kSymbolCount; ++v)
            if (codeSize[v] == size)
                table.values.push_back(static_cast<std::uint8_t>(v));
    return table;
}

std::array<HuffmanCode, kSymbolCount> canonicalCodes(const HuffmanTable& table) {
    checkCounts(table);
    std::array<HuffmanCode, kSymbolCount> codes{};
    std::uint32_t code = 0;
    std::size_t k = 0;
    for (int length = 1; length <= kMaxCodeLength; ++length) {
        for (int i = 0; i < table.counts[length - 1]; ++i, ++code)
            codes[table.values[k++]] =
                HuffmanCode{static_cast<std::uint16_t>(code), static_cast<std::uint8_t>(length)};
        code <<= 1;
    }
    return codes;
}

HuffmanDecoder::HuffmanDecoder(const HuffmanTable& table) : values_(table.values) {
    checkCounts(table);
    int code = 0;
    int index = 0;
    for (int length = 1; length <= kMaxCodeLength; ++length) {
        const int n = table.counts[length - 1];
        valueIndex_[length] = index;
        minCode_[length] = code;
        maxCode_[length] = n > 0 ? code + n - 1 : -1;
        code = (code + n) << 1;
        index += n;
    }
}

void HuffmanDecoder::throwNoCode() {
    throw InterchangeError(InterchangeErrorCode::Malformed,
                           "WSQ entropy-coded data: no Huffman code matches the next 16 bits");
}

} // namespace umbral::interchange::wsq
