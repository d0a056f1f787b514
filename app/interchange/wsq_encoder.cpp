#include "app/interchange/interchange_error.h"
#include "app/interchange/wsq_codec.h"
#include "app/interchange/wsq_entropy.h"
#include "app/interchange/wsq_segments.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace umbral::interchange {

using namespace wsq;

namespace {

// Bin widths past these only ever quantize to zero (coefficients of an 8-bit image stay far
// below); capping them keeps Z = 1.2 Q inside a 16-bit DQT field.
constexpr double kMaxBinWidth = 50000.0;

void requireEncodable(const cv::Mat& image, const WsqEncodeOptions& options) {
    if (image.empty())
        throw InterchangeError(InterchangeErrorCode::InvalidArgument, "WSQ encoder: empty image");
    if (image.type() != CV_8UC1)
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               "WSQ encoder: the image must be 8-bit grey (CV_8UC1)");
    if (image.cols < kWsqMinSide || image.rows < kWsqMinSide || image.cols > kWsqMaxSide ||
        image.rows > kWsqMaxSide)
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               "WSQ encoder: image of " + std::to_string(image.cols) + " x " +
                                   std::to_string(image.rows) + " pixels; each side must be " +
                                   std::to_string(kWsqMinSide) + ".." +
                                   std::to_string(kWsqMaxSide));
    if (!(options.bitRate > 0.0 && options.bitRate <= 8.0))
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               "WSQ encoder: bit rate " + std::to_string(options.bitRate) +
                                   " is outside (0, 8] bits per pixel");
    if (options.ppi <= 0)
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               "WSQ encoder: resolution must be positive");
}

// The NIST_COM comment NBIS-based readers take the resolution from.
std::string nistComment(int width, int height, int ppi, double bitRate) {
    char rate[32];
    std::snprintf(rate, sizeof rate, "%f", bitRate);
    return "NIST_COM 9\nPIX_WIDTH " + std::to_string(width) + "\nPIX_HEIGHT " +
           std::to_string(height) + "\nPIX_DEPTH 8\nPPI " + std::to_string(ppi) +
           "\nLOSSY 1\nCOLORSPACE GRAY\nCOMPRESSION WSQ\nWSQ_BITRATE " + rate;
}

} // namespace

std::vector<std::uint8_t> encodeWsq(const cv::Mat& grey8, const WsqEncodeOptions& options) {
    requireEncodable(grey8, options);
    const int width = grey8.cols;
    const int height = grey8.rows;

    // Shift by the mean and scale so the largest excursion is 128 (spec Part 3). M and R are
    // rounded to what the frame header carries first, so encoder and decoder use the same.
    double sum = 0.0;
    double minValue = 0.0, maxValue = 0.0;
    cv::minMaxLoc(grey8, &minValue, &maxValue);
    for (int y = 0; y < height; ++y) {
        const auto* row = grey8.ptr<std::uint8_t>(y);
        for (int x = 0; x < width; ++x)
            sum += row[x];
    }
    FrameHeader frame;
    frame.width = width;
    frame.height = height;
    frame.shift = encodeScaled(sum / (static_cast<double>(width) * height), 65535.0).decoded();
    const double excursion = std::max(frame.shift - minValue, maxValue - frame.shift) / 128.0;
    frame.scale = encodeScaled(excursion > 0.0 ? excursion : 1.0, 65535.0).decoded();
    frame.encoder = 2;  // specification 3.x encoders write 2
    frame.software = 0; // no FBI-assigned implementation number (not certified)

    std::vector<float> plane(static_cast<std::size_t>(width) * height);
    for (int y = 0; y < height; ++y) {
        const auto* row = grey8.ptr<std::uint8_t>(y);
        float* dst = plane.data() + static_cast<std::size_t>(y) * width;
        for (int x = 0; x < width; ++x)
            dst[x] = static_cast<float>((row[x] - frame.shift) / frame.scale);
    }

    const WsqTree tree = buildWsqTree(width, height);
    const FilterBank& bank = standardFilterBank();
    analyze(plane, width, height, tree, bank);

    QuantizationTable table = allocateBits(plane, width, tree, options.bitRate);
    for (int k = 0; k < kSubbandCount; ++k) {
        table.q[k] = std::min(table.q[k], kMaxBinWidth);
        table.z[k] = std::min(table.z[k], 1.2 * kMaxBinWidth);
    }
    table = representable(table);
    const std::vector<std::int32_t> coefficients = quantize(plane, width, tree, table);
    plane = {};

    // Three blocks: subbands 0-18 with table 0, 19-51 and 52-59 sharing table 1.
    std::size_t blockSize[3] = {0, 0, 0};
    for (int k = 0; k < kCodedSubbands; ++k)
        if (table.q[k] != 0.0)
            blockSize[k < kBlock2First   ? 0
                      : k < kBlock3First ? 1
                                         : 2] += static_cast<std::size_t>(tree.subbands[k].area());
    const std::span<const std::int32_t> all(coefficients);
    const std::span<const std::int32_t> blocks[3] = {
        all.subspan(0, blockSize[0]), all.subspan(blockSize[0], blockSize[1]),
        all.subspan(blockSize[0] + blockSize[1], blockSize[2])};

    std::array<std::uint32_t, kSymbolCount> lowFrequencies{};
    std::array<std::uint32_t, kSymbolCount> highFrequencies{};
    countSymbols(blocks[0], lowFrequencies);
    countSymbols(blocks[1], highFrequencies);
    countSymbols(blocks[2], highFrequencies);
    const HuffmanTable lowTable = buildHuffmanTable(lowFrequencies);
    const HuffmanTable highTable = buildHuffmanTable(highFrequencies);

    std::vector<std::uint8_t> out;
    out.reserve(static_cast<std::size_t>(width) * height * options.bitRate / 8.0 + 2048);
    writeMarker(SOI, out);
    writeComment(nistComment(width, height, options.ppi, options.bitRate), out);
    if (!options.comment.empty())
        writeComment(options.comment, out);
    writeTransformTable(bank, out);
    writeQuantizationTable(table, out);
    writeFrameHeader(frame, out);
    writeHuffmanTable(0, lowTable, out);
    writeBlockHeader(0, out);
    encodeBlock(blocks[0], canonicalCodes(lowTable), out);
    writeHuffmanTable(1, highTable, out);
    const auto highCodes = canonicalCodes(highTable);
    writeBlockHeader(1, out);
    encodeBlock(blocks[1], highCodes, out);
    writeBlockHeader(1, out);
    encodeBlock(blocks[2], highCodes, out);
    writeMarker(EOI, out);
    return out;
}

} // namespace umbral::interchange
