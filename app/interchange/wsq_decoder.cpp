#include "app/interchange/interchange_error.h"
#include "app/interchange/wsq_codec.h"
#include "app/interchange/wsq_entropy.h"
#include "app/interchange/wsq_segments.h"

#include <array>
#include <cmath>
#include <optional>

namespace umbral::interchange {

using namespace wsq;

namespace {

std::string markerName(std::uint16_t marker) {
    switch (marker) {
    case SOI:
        return "SOI";
    case EOI:
        return "EOI";
    case SOF:
        return "SOF";
    case SOB:
        return "SOB";
    case DTT:
        return "DTT";
    case DQT:
        return "DQT";
    case DHT:
        return "DHT";
    case DRI:
        return "DRI";
    case COM:
        return "COM";
    default:
        return "marker";
    }
}

// Tables and comments may appear before the frame header and between blocks; a later table
// replaces an earlier one with the same role.
struct Tables {
    std::optional<FilterBank> transform;
    std::optional<QuantizationTable> quantization;
    std::array<std::optional<HuffmanTable>, kHuffmanTableSlots> huffman;
};

// Reads a table or comment segment; returns false when `marker` is not one.
bool readTableOrComment(std::uint16_t marker, ByteReader& in, Tables& tables, WsqHeader& header) {
    switch (marker) {
    case DTT:
        tables.transform = readTransformTable(in);
        return true;
    case DQT:
        tables.quantization = readQuantizationTable(in);
        return true;
    case DHT:
        for (auto& [id, table] : readHuffmanTables(in))
            tables.huffman[static_cast<std::size_t>(id)] = std::move(table);
        return true;
    case COM: {
        std::string text = readComment(in);
        if (header.ppi < 0)
            header.ppi = ppiFromNistComment(text);
        header.comments.push_back(std::move(text));
        return true;
    }
    case DRI:
        throw InterchangeError(InterchangeErrorCode::Unsupported,
                               "WSQ stream: restart intervals (DRI) are not supported");
    default:
        return false;
    }
}

void expectStart(ByteReader& in) {
    if (in.remaining() < 2 || in.data()[0] != 0xFF || in.data()[1] != 0xA0)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               "not a WSQ stream: it does not start with the SOI marker FFA0");
    in.skip(2, "SOI");
}

// SOI, then tables and comments up to and including the frame header.
FrameHeader readUpToFrame(ByteReader& in, Tables& tables, WsqHeader& header) {
    expectStart(in);
    for (;;) {
        const std::size_t at = in.position();
        const std::uint16_t marker = readMarker(in);
        if (marker == SOF) {
            const FrameHeader frame = readFrameHeader(in);
            header.width = frame.width;
            header.height = frame.height;
            header.encoderNumber = frame.encoder;
            header.softwareNumber = frame.software;
            return frame;
        }
        if (!readTableOrComment(marker, in, tables, header))
            throw InterchangeError(InterchangeErrorCode::Malformed,
                                   "WSQ stream: " + markerName(marker) + " at byte " +
                                       std::to_string(at) + " before the frame header");
    }
}

cv::Mat toPixels(const std::vector<float>& plane, const FrameHeader& frame) {
    cv::Mat image(frame.height, frame.width, CV_8UC1);
    for (int y = 0; y < frame.height; ++y) {
        const float* src = plane.data() + static_cast<std::size_t>(y) * frame.width;
        auto* dst = image.ptr<std::uint8_t>(y);
        for (int x = 0; x < frame.width; ++x) {
            const double v = src[x] * frame.scale + frame.shift + 0.5;
            dst[x] = !(v >= 0.0) ? 0 : v >= 255.0 ? 255 : static_cast<std::uint8_t>(v);
        }
    }
    return image;
}

} // namespace

WsqHeader readWsqHeader(std::span<const std::uint8_t> data) {
    ByteReader in(data);
    Tables tables;
    WsqHeader header;
    readUpToFrame(in, tables, header);
    return header;
}

WsqDecoded decodeWsq(std::span<const std::uint8_t> data, const WsqDecodeLimits& limits) {
    ByteReader in(data);
    Tables tables;
    WsqDecoded result;
    const FrameHeader frame = readUpToFrame(in, tables, result.header);
    const std::int64_t pixels = static_cast<std::int64_t>(frame.width) * frame.height;
    if (pixels > limits.maxPixels)
        throw InterchangeError(InterchangeErrorCode::TooLarge,
                               "WSQ frame header declares " + std::to_string(frame.width) + " x " +
                                   std::to_string(frame.height) + " pixels, above the limit of " +
                                   std::to_string(limits.maxPixels));
    const WsqTree tree = buildWsqTree(frame.width, frame.height);

    std::vector<std::int32_t> coefficients;
    for (;;) {
        const std::size_t at = in.position();
        const std::uint16_t marker = readMarker(in);
        if (marker == EOI)
            break;
        if (readTableOrComment(marker, in, tables, result.header))
            continue;
        if (marker != SOB)
            throw InterchangeError(InterchangeErrorCode::Malformed,
                                   "WSQ stream: unexpected " + markerName(marker) + " at byte " +
                                       std::to_string(at));
        const int id = readBlockHeader(in);
        if (!tables.quantization)
            throw InterchangeError(InterchangeErrorCode::Malformed,
                                   "WSQ block at byte " + std::to_string(at) +
                                       " comes before any quantization table");
        if (!tables.huffman[static_cast<std::size_t>(id)])
            throw InterchangeError(InterchangeErrorCode::Malformed,
                                   "WSQ block at byte " + std::to_string(at) +
                                       " uses Huffman table " + std::to_string(id) +
                                       ", which is not defined");
        const std::size_t limit = transmittedCoefficientCount(*tables.quantization, tree);
        if (coefficients.size() > limit)
            throw InterchangeError(InterchangeErrorCode::Inconsistent,
                                   "WSQ block at byte " + std::to_string(at) +
                                       ": the quantization table now transmits fewer coefficients "
                                       "than the earlier blocks held");
        const HuffmanDecoder decoder(*tables.huffman[static_cast<std::size_t>(id)]);
        in = ByteReader(data, decodeBlock(data, in.position(), decoder, coefficients, limit));
    }

    if (!tables.transform)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               "WSQ stream has no transform table (DTT)");
    if (!tables.quantization)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               "WSQ stream has no quantization table (DQT)");
    const std::size_t expected = transmittedCoefficientCount(*tables.quantization, tree);
    if (coefficients.size() != expected)
        throw InterchangeError(InterchangeErrorCode::Truncated,
                               "WSQ stream carries " + std::to_string(coefficients.size()) +
                                   " of the " + std::to_string(expected) +
                                   " coefficients its tables announce");

    std::vector<float> plane(static_cast<std::size_t>(pixels), 0.0f);
    dequantize(coefficients, *tables.quantization, tree, frame.width, plane);
    coefficients = {};
    synthesize(plane, frame.width, frame.height, tree, *tables.transform);
    result.image = toPixels(plane, frame);
    return result;
}

} // namespace umbral::interchange
