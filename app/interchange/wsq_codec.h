#pragma once

#include <opencv2/core.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace umbral::interchange {

/// What a WSQ stream says about itself (frame header and comments), read without decoding.
struct WsqHeader {
    int width = 0;
    int height = 0;
    int ppi = -1;           ///< from a NIST_COM comment ("PPI 500"); -1 when there is none
    int encoderNumber = 0;  ///< Ev of the frame header (2 for specification 3.x encoders)
    int softwareNumber = 0; ///< Sf: the implementation number the FBI assigns on certification
    std::vector<std::string> comments; ///< every COM segment, in order
};

/// Limits applied to a frame header before anything is allocated.
struct WsqDecodeLimits {
    std::int64_t maxPixels = 32'000'000; ///< a 10-print card at 500 ppi is about 28 million
};

struct WsqDecoded {
    cv::Mat image; ///< CV_8UC1, header.width x header.height
    WsqHeader header;
};

/// Reads SOI and the segments up to the frame header. Throws InterchangeError when the stream
/// is not WSQ or ends first.
WsqHeader readWsqHeader(std::span<const std::uint8_t> data);

/// Decodes a WSQ stream (FBI WSQ specification 3.1, odd-length filter banks). Malformed,
/// truncated or oversized input throws InterchangeError; it never reads outside `data`.
WsqDecoded decodeWsq(std::span<const std::uint8_t> data, const WsqDecodeLimits& limits = {});

struct WsqEncodeOptions {
    double bitRate = 0.75; ///< target bits per pixel; 0.75 is the FBI setting (about 15:1)
    int ppi = 500;         ///< written to the NIST_COM comment
    std::string comment;   ///< an extra COM segment when not empty
};

/// Smallest and largest image side the encoder accepts.
constexpr int kWsqMinSide = 64;
constexpr int kWsqMaxSide = 65535;

/// Encodes an 8-bit grey image with the specification's 9/7 filters and the FBI encoder's bit
/// allocation. Throws InterchangeError (InvalidArgument) for an empty, non-grey or out-of-range
/// image or a bit rate outside (0, 8].
std::vector<std::uint8_t> encodeWsq(const cv::Mat& grey8, const WsqEncodeOptions& options = {});

} // namespace umbral::interchange
