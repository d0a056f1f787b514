#pragma once

#include "app/interchange/wsq_huffman.h"
#include "app/interchange/wsq_quantization.h"
#include "app/interchange/wsq_transform.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace umbral::interchange::wsq {

/// WSQ markers (specification Part 1, Table B.1).
enum Marker : std::uint16_t {
    SOI = 0xFFA0, ///< start of image
    EOI = 0xFFA1, ///< end of image
    SOF = 0xFFA2, ///< start of frame (frame header)
    SOB = 0xFFA3, ///< start of block (block header, then entropy-coded data)
    DTT = 0xFFA4, ///< transform table
    DQT = 0xFFA5, ///< quantization table
    DHT = 0xFFA6, ///< Huffman table(s)
    DRI = 0xFFA7, ///< restart interval
    COM = 0xFFA8, ///< comment
};

constexpr int kHuffmanTableSlots = 8;

/// Big-endian reads with bounds checks: running past the end throws InterchangeError
/// (Truncated) naming `what` and the byte offset.
class ByteReader {
public:
    ByteReader(std::span<const std::uint8_t> data, std::size_t pos = 0) : data_(data), pos_(pos) {}
    std::uint8_t u8(const char* what);
    std::uint16_t u16(const char* what);
    std::uint32_t u32(const char* what);
    std::size_t position() const { return pos_; }
    std::size_t remaining() const { return data_.size() - pos_; }
    void skip(std::size_t n, const char* what);
    std::span<const std::uint8_t> data() const { return data_; }

private:
    void need(std::size_t n, const char* what) const;
    std::span<const std::uint8_t> data_;
    std::size_t pos_;
};

/// The frame header (SOF). `shift` and `scale` are M and R: pixel = coefficient * R + M.
struct FrameHeader {
    int black = 0;
    int white = 255;
    int width = 0;
    int height = 0;
    double shift = 0.0;
    double scale = 1.0;
    int encoder = 2;
    int software = 0;
};

/// A value transmitted as an 8-bit decimal exponent and an unsigned mantissa: v = value / 10^scale.
struct ScaledValue {
    std::uint8_t scale = 0;
    std::uint32_t value = 0;
    double decoded() const;
};

/// The most precise representation of `v` (>= 0) with a mantissa below `limit` (65535 for
/// 16-bit fields, 2^32-1 for filter taps). Throws InterchangeError when `v` does not fit.
ScaledValue encodeScaled(double v, double limit);

/// Reads the next marker, skipping 0xFF fill bytes. Throws when the bytes are not a WSQ marker.
std::uint16_t readMarker(ByteReader& in);

/// Segment readers: `in` is just after the marker. Each reads the 2-byte segment length, parses
/// inside that length (throwing InterchangeError on anything out of range) and leaves `in` after
/// the segment.
FrameHeader readFrameHeader(ByteReader& in);
FilterBank readTransformTable(ByteReader& in);
QuantizationTable readQuantizationTable(ByteReader& in);
std::vector<std::pair<int, HuffmanTable>> readHuffmanTables(ByteReader& in);
std::string readComment(ByteReader& in);
int readBlockHeader(ByteReader& in);

/// Segment writers (marker included).
void writeMarker(std::uint16_t marker, std::vector<std::uint8_t>& out);
void writeFrameHeader(const FrameHeader& frame, std::vector<std::uint8_t>& out);
void writeTransformTable(const FilterBank& bank, std::vector<std::uint8_t>& out);
void writeQuantizationTable(const QuantizationTable& table, std::vector<std::uint8_t>& out);
void writeHuffmanTable(int id, const HuffmanTable& table, std::vector<std::uint8_t>& out);
void writeComment(const std::string& text, std::vector<std::uint8_t>& out);
void writeBlockHeader(int tableId, std::vector<std::uint8_t>& out);

/// Rounds every Q and Z (and C) of `table` to what a DQT segment can carry, so that the encoder
/// quantizes with exactly the values the decoder will read.
QuantizationTable representable(const QuantizationTable& table);

/// The PPI entry of a NIST_COM comment ("NIST_COM 9\nPIX_WIDTH 500\n...PPI 500\n..."), or -1.
int ppiFromNistComment(const std::string& text);

} // namespace umbral::interchange::wsq
