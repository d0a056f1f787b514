#include "app/interchange/an2k_images.h"

#include "app/interchange/an2k_binary_record.h"
#include "app/interchange/an2k_value_checks.h"
#include "app/interchange/encoded_image_size.h"
#include "app/interchange/interchange_error.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace umbral::interchange {

namespace {

int toInt(const std::string& s) {
    const auto v = parseCount(s);
    return v && *v <= 1'000'000 ? static_cast<int>(*v) : 0;
}

// A defect seen in NIST's valid1.16: short text values tagged 999 ("10.999:010110" GS) before
// the real image field. Field 999 is binary to the end of the record (so the reader, like
// NBIS, keeps them as the start of the image data); skip them to find the image itself.
std::size_t skipRepeatedTags(const std::string& value, int type, std::string& prefix) {
    const std::string tag = std::to_string(type) + ".999:";
    std::size_t start = 0;
    for (;;) {
        const std::size_t gs = value.find(kGroupSeparator, start);
        if (gs == std::string::npos || gs - start > 64 ||
            !isPrintableAscii(std::string_view(value).substr(start, gs - start)) ||
            value.compare(gs + 1, tag.size(), tag) != 0)
            return start;
        prefix += (prefix.empty() ? "" : " | ") + value.substr(start, gs - start);
        start = gs + 1 + tag.size();
    }
}

bool hasImage(int type) {
    return (type >= 3 && type <= 6) || type == 10 || (type >= 13 && type <= 17);
}

[[noreturn]] void fail(InterchangeErrorCode code, const Record& r, const std::string& what) {
    throw InterchangeError(code, "Type-" + std::to_string(r.type) + " image: " + what);
}

} // namespace

std::optional<RecordImage> recordImage(const Record& record) {
    if (!hasImage(record.type))
        return std::nullopt;
    RecordImage image;
    const Field* data = nullptr;
    if (record.isBinary()) {
        static const char* kCodes[] = {"NONE", "WSQ20", "JPEGB", "JPEGL", "JP2", "JP2L", "PNG"};
        const int code = toInt(record.text(8));
        image.compression = record.type <= 4 ? (code >= 0 && code <= 6 ? kCodes[code] : "unknown")
                                             : "binary image (BCA " + record.text(8) + ")";
        image.width = toInt(record.text(6));
        image.height = toInt(record.text(7));
        image.bitsPerPixel = record.type <= 4 ? 8 : 1;
        data = record.find(binaryDataField(record.type));
    } else {
        image.compression = record.text(11);
        image.width = toInt(record.text(6));
        image.height = toInt(record.text(7));
        if (record.type == 10) {
            image.colorSpace = record.text(12);
            image.bitsPerPixel = image.colorSpace == "GRAY" ? 8 : 24;
        } else {
            image.bitsPerPixel = toInt(record.text(12));
            if (record.type == 16 || record.type == 17)
                image.colorSpace = record.text(13);
        }
        data = record.find(kImageDataField);
    }
    if (!data)
        return std::nullopt;
    std::size_t start = 0;
    if (!record.isBinary())
        start = skipRepeatedTags(data->value, record.type, image.repeatedTagPrefix);
    image.data = std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(data->value.data()) + start,
        data->value.size() - start);
    return image;
}

cv::Mat decodeRecordImage(const Record& record, const WsqDecodeLimits& limits) {
    const auto image = recordImage(record);
    if (!image)
        fail(InterchangeErrorCode::Invalid, record, "the record carries no image");
    const std::string& c = image->compression;
    if (c == "WSQ20")
        return decodeWsq(image->data, limits).image;
    if (c == "NONE") {
        const std::int64_t pixels = static_cast<std::int64_t>(image->width) * image->height;
        if (pixels <= 0 || pixels > limits.maxPixels)
            fail(InterchangeErrorCode::Invalid, record,
                 "HLL x VLL is empty or above the pixel limit");
        const int type = image->bitsPerPixel == 8    ? CV_8UC1
                         : image->bitsPerPixel == 16 ? CV_16UC1
                         : image->bitsPerPixel == 24 ? CV_8UC3
                                                     : -1;
        if (type < 0)
            fail(InterchangeErrorCode::Unsupported, record,
                 "uncompressed images of " + std::to_string(image->bitsPerPixel) +
                     " bits per pixel");
        const std::size_t bytes =
            static_cast<std::size_t>(pixels) * static_cast<std::size_t>(image->bitsPerPixel / 8);
        if (image->data.size() != bytes)
            fail(InterchangeErrorCode::Inconsistent, record,
                 std::to_string(image->data.size()) + " bytes of uncompressed data for " +
                     std::to_string(image->width) + " x " + std::to_string(image->height) + " x " +
                     std::to_string(image->bitsPerPixel) + " bits");
        cv::Mat out(image->height, image->width, type);
        std::copy(image->data.begin(), image->data.end(), out.data);
        if (type == CV_16UC1) // samples are stored most significant byte first
            for (int y = 0; y < out.rows; ++y)
                for (auto *p = out.ptr<std::uint16_t>(y), *e = p + out.cols; p != e; ++p)
                    *p = static_cast<std::uint16_t>((*p >> 8) | (*p << 8));
        if (type == CV_8UC3)
            cv::cvtColor(out, out, cv::COLOR_RGB2BGR);
        return out;
    }
    if (c == "JPEGB" || c == "JP2" || c == "JP2L" || c == "PNG") {
        // OpenCV's decoders allocate what the stream's own header declares, which need not be
        // HLL x VLL: check that size first.
        const auto declared = encodedImageSize(image->data);
        if (!declared)
            fail(InterchangeErrorCode::Malformed, record, c + " data has no readable image header");
        if (declared->width <= 0 || declared->height <= 0 ||
            declared->width * declared->height > limits.maxPixels)
            fail(InterchangeErrorCode::TooLarge, record,
                 c + " data declares " + std::to_string(declared->width) + " x " +
                     std::to_string(declared->height) + " pixels, outside the limit");
        cv::Mat decoded;
        try {
            const cv::Mat bytes(1, static_cast<int>(image->data.size()), CV_8UC1,
                                const_cast<std::uint8_t*>(image->data.data()));
            decoded = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
        } catch (const cv::Exception& e) {
            fail(InterchangeErrorCode::Malformed, record, c + " data does not decode: " + e.what());
        }
        if (decoded.empty())
            fail(InterchangeErrorCode::Malformed, record, c + " data does not decode");
        return decoded;
    }
    fail(InterchangeErrorCode::Unsupported, record, "compression \"" + c + "\" is not supported");
}

} // namespace umbral::interchange
