#include "app/interchange/wsq_entropy.h"

#include "app/interchange/interchange_error.h"

#include <string>

namespace umbral::interchange::wsq {

namespace {

constexpr int kMaxZeroRunSymbol = 100;
constexpr int kPositive8 = 101;
constexpr int kNegative8 = 102;
constexpr int kPositive16 = 103;
constexpr int kNegative16 = 104;
constexpr int kZeroRun8 = 105;
constexpr int kZeroRun16 = 106;
constexpr int kCoefficientOffset = 180; // symbols 107..254 are coefficients -73..74
constexpr int kMinTableCoefficient = -73;
constexpr int kMaxTableCoefficient = 74;
constexpr int kMaxRun = 0xFFFF;

// Calls emit(symbol, extraBits, extraLength) for each symbol coding `block`. Counting and
// encoding share this walk so the table always covers what is written.
template <typename Emit> void forEachSymbol(std::span<const std::int32_t> block, Emit&& emit) {
    std::size_t i = 0;
    while (i < block.size()) {
        if (block[i] == 0) {
            int run = 0;
            while (i < block.size() && block[i] == 0 && run < kMaxRun)
                ++run, ++i;
            if (run <= kMaxZeroRunSymbol)
                emit(run, 0u, 0);
            else if (run <= 0xFF)
                emit(kZeroRun8, static_cast<unsigned>(run), 8);
            else
                emit(kZeroRun16, static_cast<unsigned>(run), 16);
            continue;
        }
        const std::int32_t v = block[i++];
        if (v >= kMinTableCoefficient && v <= kMaxTableCoefficient)
            emit(v + kCoefficientOffset, 0u, 0);
        else if (v > 0)
            v > 0xFF ? emit(kPositive16, static_cast<unsigned>(v), 16)
                     : emit(kPositive8, static_cast<unsigned>(v), 8);
        else
            -v > 0xFF ? emit(kNegative16, static_cast<unsigned>(-v), 16)
                      : emit(kNegative8, static_cast<unsigned>(-v), 8);
    }
}

class BitWriter {
public:
    explicit BitWriter(std::vector<std::uint8_t>& out) : out_(out) {}

    void put(std::uint32_t bits, int length) {
        for (int b = length - 1; b >= 0; --b) {
            current_ = static_cast<std::uint8_t>((current_ << 1) | ((bits >> b) & 1u));
            if (++filled_ == 8)
                emitByte();
        }
    }

    void padToByte() {
        while (filled_ != 0)
            put(1, 1);
    }

private:
    void emitByte() {
        out_.push_back(current_);
        if (current_ == 0xFF)
            out_.push_back(0x00); // byte stuffing: 0xFF 0x00 is data, 0xFF xx a marker
        current_ = 0;
        filled_ = 0;
    }

    std::vector<std::uint8_t>& out_;
    std::uint8_t current_ = 0;
    int filled_ = 0;
};

// Bits of an entropy-coded segment. A marker (0xFF and a byte other than 0x00; also 0xFF
// 0xFF, a fill byte before a marker) ends the data; the reader stops in front of it.
class BitReader {
public:
    BitReader(std::span<const std::uint8_t> data, std::size_t pos) : data_(data), pos_(pos) {}

    /// 0 or 1, or -1 at a marker.
    int bit() {
        if (left_ == 0 && !load())
            return -1;
        --left_;
        return (current_ >> left_) & 1;
    }

    /// `length` bits of an escape value; a marker here cuts a coefficient in two.
    unsigned bits(int length) {
        unsigned v = 0;
        for (int i = 0; i < length; ++i) {
            const int b = bit();
            if (b < 0)
                throw InterchangeError(InterchangeErrorCode::Malformed,
                                       "WSQ entropy-coded data: a marker at byte " +
                                           std::to_string(pos_) + " cuts a coefficient value");
            v = (v << 1) | static_cast<unsigned>(b);
        }
        return v;
    }

    std::size_t position() const { return pos_; }

private:
    bool load() {
        if (pos_ >= data_.size())
            throw InterchangeError(InterchangeErrorCode::Truncated,
                                   "WSQ entropy-coded data runs to the end of the stream without "
                                   "a marker (truncated)");
        const std::uint8_t b = data_[pos_];
        if (b == 0xFF) {
            if (pos_ + 1 >= data_.size())
                throw InterchangeError(InterchangeErrorCode::Truncated,
                                       "WSQ stream ends inside a marker");
            if (data_[pos_ + 1] != 0x00)
                return false;
            pos_ += 2;
        } else {
            pos_ += 1;
        }
        current_ = b;
        left_ = 8;
        return true;
    }

    std::span<const std::uint8_t> data_;
    std::size_t pos_;
    std::uint8_t current_ = 0;
    int left_ = 0;
};

} // namespace

void countSymbols(std::span<const std::int32_t> block,
                  std::array<std::uint32_t, kSymbolCount>& frequencies) {
    forEachSymbol(block, [&](int symbol, unsigned, int) { ++frequencies[symbol]; });
}

void encodeBlock(std::span<const std::int32_t> block,
                 const std::array<HuffmanCode, kSymbolCount>& codes,
                 std::vector<std::uint8_t>& out) {
    BitWriter writer(out);
    forEachSymbol(block, [&](int symbol, unsigned extra, int extraLength) {
        const HuffmanCode& code = codes[symbol];
        writer.put(code.bits, code.length);
        if (extraLength > 0)
            writer.put(extra, extraLength);
    });
    writer.padToByte();
}

std::size_t decodeBlock(std::span<const std::uint8_t> data, std::size_t pos,
                        const HuffmanDecoder& decoder, std::vector<std::int32_t>& out,
                        std::size_t limit) {
    BitReader reader(data, pos);
    auto append = [&](std::size_t count, std::int32_t value) {
        if (count > limit - out.size())
            throw InterchangeError(InterchangeErrorCode::Inconsistent,
                                   "WSQ entropy-coded data holds more coefficients than the "
                                   "quantization table transmits (" +
                                       std::to_string(limit) + ")");
        out.insert(out.end(), count, value);
    };
    for (;;) {
        // A marker at a symbol boundary, or after the 1-bit padding of the last byte, ends the
        // block.
        const int symbol = decoder.decode([&] { return reader.bit(); });
        if (symbol < 0)
            return reader.position();
        if (symbol >= 1 && symbol <= kMaxZeroRunSymbol)
            append(static_cast<std::size_t>(symbol), 0);
        else if (symbol == kPositive8 || symbol == kNegative8 || symbol == kPositive16 ||
                 symbol == kNegative16) {
            const int length = symbol <= kNegative8 ? 8 : 16;
            const auto magnitude = static_cast<std::int32_t>(reader.bits(length));
            append(1, (symbol == kPositive8 || symbol == kPositive16) ? magnitude : -magnitude);
        } else if (symbol == kZeroRun8 || symbol == kZeroRun16)
            append(reader.bits(symbol == kZeroRun8 ? 8 : 16), 0);
        else if (symbol > kZeroRun16 && symbol < 0xFF)
            append(1, symbol - kCoefficientOffset);
        else
            throw InterchangeError(InterchangeErrorCode::Malformed,
                                   "WSQ entropy-coded data: undefined symbol " +
                                       std::to_string(symbol) + " before byte " +
                                       std::to_string(reader.position()));
    }
}

} // namespace umbral::interchange::wsq
