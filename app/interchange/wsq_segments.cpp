#include "app/interchange/wsq_segments.h"

#include "app/interchange/interchange_error.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace umbral::interchange::wsq {

namespace {

std::string at(std::size_t pos) {
    return " at byte " + std::to_string(pos);
}

// The bytes of one segment after its 2-byte length, as a reader of their own: a table can
// neither read into the next segment nor leave `in` anywhere but after its end.
ByteReader segment(ByteReader& in, const char* name) {
    const std::size_t start = in.position();
    const std::uint16_t length = in.u16(name);
    if (length < 2)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               std::string("WSQ ") + name + " segment" + at(start) + ": length " +
                                   std::to_string(length) + " is below 2");
    const std::size_t body = length - 2u;
    if (body > in.remaining())
        throw InterchangeError(InterchangeErrorCode::Truncated,
                               std::string("WSQ ") + name + " segment" + at(start) + " declares " +
                                   std::to_string(length) + " bytes but only " +
                                   std::to_string(in.remaining() + 2) + " remain");
    ByteReader inner(in.data().subspan(0, in.position() + body), in.position());
    in.skip(body, name);
    return inner;
}

void put8(std::vector<std::uint8_t>& out, unsigned v) {
    out.push_back(static_cast<std::uint8_t>(v));
}
void put16(std::vector<std::uint8_t>& out, unsigned v) {
    put8(out, (v >> 8) & 0xFF);
    put8(out, v & 0xFF);
}
void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    put16(out, v >> 16);
    put16(out, v & 0xFFFF);
}

double readScaled16(ByteReader& in, const char* what) {
    ScaledValue s;
    s.scale = in.u8(what);
    s.value = in.u16(what);
    return s.decoded();
}

void writeScaled16(std::vector<std::uint8_t>& out, double v) {
    const ScaledValue s = encodeScaled(v, 65535.0);
    put8(out, s.scale);
    put16(out, s.value);
}

// A symmetric odd-length filter is sent as its centre tap and the taps to its right:
// sign byte, exponent byte, 32-bit mantissa each.
std::vector<double> readHalfFilter(ByteReader& in, int length) {
    const int half = length / 2;
    std::vector<double> filter(static_cast<std::size_t>(length));
    for (int k = 0; k <= half; ++k) {
        const std::uint8_t sign = in.u8("DTT");
        ScaledValue s;
        s.scale = in.u8("DTT");
        s.value = in.u32("DTT");
        const double v = sign != 0 ? -s.decoded() : s.decoded();
        filter[half + k] = v;
        filter[half - k] = v;
    }
    return filter;
}

void writeHalfFilter(std::vector<std::uint8_t>& out, const std::vector<double>& filter) {
    const int half = static_cast<int>(filter.size()) / 2;
    for (int k = 0; k <= half; ++k) {
        const double v = filter[half + k];
        put8(out, v < 0.0 ? 1 : 0);
        const ScaledValue s = encodeScaled(std::fabs(v), 4294967295.0);
        put8(out, s.scale);
        put32(out, s.value);
    }
}

} // namespace

void ByteReader::need(std::size_t n, const char* what) const {
    if (n > data_.size() - pos_)
        throw InterchangeError(InterchangeErrorCode::Truncated,
                               std::string("WSQ stream ends inside ") + what + at(pos_));
}

std::uint8_t ByteReader::u8(const char* what) {
    need(1, what);
    return data_[pos_++];
}

std::uint16_t ByteReader::u16(const char* what) {
    need(2, what);
    const auto v = static_cast<std::uint16_t>((data_[pos_] << 8) | data_[pos_ + 1]);
    pos_ += 2;
    return v;
}

std::uint32_t ByteReader::u32(const char* what) {
    need(4, what);
    const std::uint32_t v = (std::uint32_t{data_[pos_]} << 24) |
                            (std::uint32_t{data_[pos_ + 1]} << 16) |
                            (std::uint32_t{data_[pos_ + 2]} << 8) | std::uint32_t{data_[pos_ + 3]};
    pos_ += 4;
    return v;
}

void ByteReader::skip(std::size_t n, const char* what) {
    need(n, what);
    pos_ += n;
}

double ScaledValue::decoded() const {
    return static_cast<double>(value) / std::pow(10.0, scale);
}

ScaledValue encodeScaled(double v, double limit) {
    if (!std::isfinite(v) || v < 0.0 || v >= limit)
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               "WSQ: value " + std::to_string(v) +
                                   " cannot be written as a scaled integer");
    ScaledValue s;
    if (v == 0.0)
        return s;
    double scaled = v;
    while (s.scale < 30 && scaled * 10.0 < limit) {
        scaled *= 10.0;
        ++s.scale;
    }
    s.value = static_cast<std::uint32_t>(std::llround(scaled));
    return s;
}

std::uint16_t readMarker(ByteReader& in) {
    const std::size_t start = in.position();
    if (in.u8("a marker") != 0xFF)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               "WSQ stream: expected a marker" + at(start));
    std::uint8_t code = in.u8("a marker");
    while (code == 0xFF) // fill bytes may precede a marker
        code = in.u8("a marker");
    const auto marker = static_cast<std::uint16_t>(0xFF00 | code);
    if (marker >= 0xFFB0 && marker <= 0xFFB7)
        throw InterchangeError(InterchangeErrorCode::Unsupported,
                               "WSQ stream: restart marker" + at(start) +
                                   " (restart intervals are not supported)");
    if (marker < SOI || marker > COM) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%04X", marker);
        throw InterchangeError(InterchangeErrorCode::Malformed, std::string("WSQ stream: ") + hex +
                                                                    at(start) +
                                                                    " is not a WSQ marker");
    }
    return marker;
}

FrameHeader readFrameHeader(ByteReader& in) {
    const std::size_t start = in.position();
    ByteReader s = segment(in, "SOF");
    FrameHeader f;
    f.black = s.u8("SOF");
    f.white = s.u8("SOF");
    f.height = s.u16("SOF");
    f.width = s.u16("SOF");
    f.shift = readScaled16(s, "SOF");
    f.scale = readScaled16(s, "SOF");
    f.encoder = s.u8("SOF");
    f.software = s.u16("SOF");
    if (f.width == 0 || f.height == 0)
        throw InterchangeError(InterchangeErrorCode::Invalid,
                               "WSQ frame header" + at(start) + ": image size " +
                                   std::to_string(f.width) + " x " + std::to_string(f.height));
    return f;
}

FilterBank readTransformTable(ByteReader& in) {
    const std::size_t start = in.position();
    ByteReader s = segment(in, "DTT");
    const int lowLength = s.u8("DTT");
    const int highLength = s.u8("DTT");
    FilterBank bank;
    bank.lowpass.resize(static_cast<std::size_t>(lowLength));
    bank.highpass.resize(static_cast<std::size_t>(highLength));
    try {
        requireSupportedFilterBank(bank); // lengths and parity, before reading the taps
    } catch (const InterchangeError& e) {
        throw InterchangeError(e.code(), std::string(e.what()) + at(start));
    }
    bank.lowpass = readHalfFilter(s, lowLength);
    bank.highpass = readHalfFilter(s, highLength);
    return bank;
}

QuantizationTable readQuantizationTable(ByteReader& in) {
    ByteReader s = segment(in, "DQT");
    QuantizationTable t;
    t.binCenter = readScaled16(s, "DQT");
    for (int k = 0; k < kSubbandCount; ++k) {
        t.q[k] = readScaled16(s, "DQT");
        t.z[k] = readScaled16(s, "DQT");
    }
    return t;
}

std::vector<std::pair<int, HuffmanTable>> readHuffmanTables(ByteReader& in) {
    const std::size_t start = in.position();
    ByteReader s = segment(in, "DHT");
    std::vector<std::pair<int, HuffmanTable>> tables;
    do {
        const int id = s.u8("DHT");
        if (id >= kHuffmanTableSlots)
            throw InterchangeError(InterchangeErrorCode::Invalid,
                                   "WSQ DHT segment" + at(start) + ": table id " +
                                       std::to_string(id) + " (ids are 0-7)");
        HuffmanTable table;
        int total = 0;
        for (auto& c : table.counts)
            total += (c = s.u8("DHT"));
        if (total > kSymbolCount)
            throw InterchangeError(InterchangeErrorCode::Invalid,
                                   "WSQ DHT segment" + at(start) + ": table " + std::to_string(id) +
                                       " lists " + std::to_string(total) + " codes (at most 256)");
        for (int i = 0; i < total; ++i)
            table.values.push_back(s.u8("DHT"));
        try {
            HuffmanDecoder check(table);
        } catch (const InterchangeError& e) {
            throw InterchangeError(e.code(), "WSQ DHT segment" + at(start) + ", table " +
                                                 std::to_string(id) + ": " + e.what());
        }
        tables.emplace_back(id, std::move(table));
    } while (s.remaining() > 0);
    return tables;
}

std::string readComment(ByteReader& in) {
    ByteReader s = segment(in, "COM");
    std::string text;
    text.reserve(s.remaining());
    while (s.remaining() > 0)
        text.push_back(static_cast<char>(s.u8("COM")));
    return text;
}

int readBlockHeader(ByteReader& in) {
    const std::size_t start = in.position();
    ByteReader s = segment(in, "SOB");
    const int id = s.u8("SOB");
    if (id >= kHuffmanTableSlots)
        throw InterchangeError(InterchangeErrorCode::Invalid,
                               "WSQ block header" + at(start) + ": Huffman table id " +
                                   std::to_string(id) + " (ids are 0-7)");
    return id;
}

void writeMarker(std::uint16_t marker, std::vector<std::uint8_t>& out) {
    put16(out, marker);
}

void writeFrameHeader(const FrameHeader& f, std::vector<std::uint8_t>& out) {
    writeMarker(SOF, out);
    put16(out, 17);
    put8(out, static_cast<unsigned>(f.black));
    put8(out, static_cast<unsigned>(f.white));
    put16(out, static_cast<unsigned>(f.height));
    put16(out, static_cast<unsigned>(f.width));
    writeScaled16(out, f.shift);
    writeScaled16(out, f.scale);
    put8(out, static_cast<unsigned>(f.encoder));
    put16(out, static_cast<unsigned>(f.software));
}

void writeTransformTable(const FilterBank& bank, std::vector<std::uint8_t>& out) {
    requireSupportedFilterBank(bank);
    writeMarker(DTT, out);
    const std::size_t taps = bank.lowpass.size() / 2 + 1 + bank.highpass.size() / 2 + 1;
    put16(out, static_cast<unsigned>(4 + 6 * taps));
    put8(out, static_cast<unsigned>(bank.lowpass.size()));
    put8(out, static_cast<unsigned>(bank.highpass.size()));
    writeHalfFilter(out, bank.lowpass);
    writeHalfFilter(out, bank.highpass);
}

void writeQuantizationTable(const QuantizationTable& table, std::vector<std::uint8_t>& out) {
    writeMarker(DQT, out);
    put16(out, 2 + 3 + 6 * kSubbandCount);
    writeScaled16(out, table.binCenter);
    for (int k = 0; k < kSubbandCount; ++k) {
        writeScaled16(out, table.q[k]);
        writeScaled16(out, table.z[k]);
    }
}

void writeHuffmanTable(int id, const HuffmanTable& table, std::vector<std::uint8_t>& out) {
    writeMarker(DHT, out);
    put16(out, static_cast<unsigned>(2 + 1 + kMaxCodeLength + table.values.size()));
    put8(out, static_cast<unsigned>(id));
    for (std::uint8_t c : table.counts)
        put8(out, c);
    out.insert(out.end(), table.values.begin(), table.values.end());
}

void writeComment(const std::string& text, std::vector<std::uint8_t>& out) {
    if (text.size() > 65533)
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               "WSQ comment of " + std::to_string(text.size()) +
                                   " bytes is longer than a COM segment holds (65533)");
    writeMarker(COM, out);
    put16(out, static_cast<unsigned>(text.size() + 2));
    out.insert(out.end(), text.begin(), text.end());
}

void writeBlockHeader(int tableId, std::vector<std::uint8_t>& out) {
    writeMarker(SOB, out);
    put16(out, 3);
    put8(out, static_cast<unsigned>(tableId));
}

QuantizationTable representable(const QuantizationTable& table) {
    QuantizationTable r;
    r.binCenter = encodeScaled(table.binCenter, 65535.0).decoded();
    for (int k = 0; k < kSubbandCount; ++k) {
        r.q[k] = encodeScaled(table.q[k], 65535.0).decoded();
        r.z[k] = encodeScaled(table.z[k], 65535.0).decoded();
    }
    return r;
}

int ppiFromNistComment(const std::string& text) {
    if (text.rfind("NIST_COM", 0) != 0)
        return -1;
    int ppi = -1;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        const std::size_t space = line.find_first_of(" \t");
        if (space == std::string::npos || line.compare(0, space, "PPI") != 0)
            continue;
        const std::size_t begin = line.find_first_not_of(" \t", space);
        if (begin == std::string::npos)
            continue;
        int value = 0;
        const auto [end, ec] =
            std::from_chars(line.data() + begin, line.data() + line.size(), value);
        (void)end;
        if (ec == std::errc() && value > 0)
            ppi = value;
    }
    return ppi;
}

} // namespace umbral::interchange::wsq
