#pragma once

#include "app/interchange/an2k_record.h"
#include "app/interchange/wsq_codec.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace umbral::interchange {

/// The image a record carries, as its fields describe it.
struct RecordImage {
    std::string
        compression; ///< tagged CGA ("WSQ20", "JPEGB", "NONE", ...); binary GCA as the same names
    int width = 0;   ///< HLL
    int height = 0;  ///< VLL
    int bitsPerPixel = 8;   ///< BPX where the record has one, else 8 (24 for colour Type-10 NONE)
    std::string colorSpace; ///< CSP where the record has one
    std::span<const std::uint8_t> data; ///< points into the record: keep the record alive
    /// Text that precedes the image inside field 999 because the record repeats the 999 tag
    /// ("010110" GS "10.999:" in NIST's valid1.16); empty for a well-formed record.
    std::string repeatedTagPrefix;
};

/// The image of `record` (Types 3-6, 10, 13-17), or nullopt when the record type carries none
/// or the record has no image data. Numbers that do not parse are left 0.
std::optional<RecordImage> recordImage(const Record& record);

/// Decodes the image of `record`: WSQ with our decoder, JPEG (baseline), JPEG 2000 and PNG with
/// OpenCV, uncompressed 8-bit grey, 16-bit grey and 24-bit RGB as stored. Returns CV_8UC1,
/// CV_16UC1 or CV_8UC3 (BGR). Throws InterchangeError when the record has no image, the
/// compression is not supported (JPEGL, binary images) or the data does not decode.
cv::Mat decodeRecordImage(const Record& record, const WsqDecodeLimits& limits = {});

} // namespace umbral::interchange
