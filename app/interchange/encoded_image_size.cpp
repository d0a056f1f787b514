#include "app/interchange/encoded_image_size.h"

#include <algorithm>

namespace umbral::interchange {

namespace {

std::uint32_t be(std::span<const std::uint8_t> d, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | d[at + static_cast<std::size_t>(i)];
    return v;
}

bool has(std::span<const std::uint8_t> d, std::size_t at, std::size_t n) {
    return at <= d.size() && n <= d.size() - at;
}

std::optional<PixelSize> jpeg(std::span<const std::uint8_t> d) {
    std::size_t pos = 2;
    while (has(d, pos, 4)) {
        if (d[pos] != 0xFF)
            return std::nullopt;
        const std::uint8_t m = d[pos + 1];
        if (m == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD9)) { // markers without a segment
            pos += 2;
            continue;
        }
        const std::uint32_t length = be(d, pos + 2, 2);
        const bool frame = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
        if (frame && has(d, pos + 4, 5))
            return PixelSize{be(d, pos + 7, 2), be(d, pos + 5, 2)};
        if (length < 2)
            return std::nullopt;
        pos += 2 + length;
    }
    return std::nullopt;
}

std::optional<PixelSize> codestream(std::span<const std::uint8_t> d, std::size_t at) {
    // SOC FF4F, then SIZ FF51: Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz.
    if (!has(d, at, 4 + 2 + 2 + 16) || be(d, at, 2) != 0xFF4F || be(d, at + 2, 2) != 0xFF51)
        return std::nullopt;
    const std::int64_t x = be(d, at + 8, 4), y = be(d, at + 12, 4), x0 = be(d, at + 16, 4),
                       y0 = be(d, at + 20, 4);
    return PixelSize{std::max<std::int64_t>(0, x - x0), std::max<std::int64_t>(0, y - y0)};
}

// JP2 boxes: length (4, 1 means an 8-byte length follows), type (4). The size is in the ihdr
// box inside the jp2h super-box.
std::optional<PixelSize> jp2(std::span<const std::uint8_t> d, std::size_t pos, std::size_t end,
                             int depth) {
    while (pos + 8 <= end && has(d, pos, 8)) {
        std::uint64_t length = be(d, pos, 4);
        const std::uint32_t type = be(d, pos + 4, 4);
        std::size_t header = 8;
        if (length == 1) {
            if (!has(d, pos, 16))
                return std::nullopt;
            length = (std::uint64_t{be(d, pos + 8, 4)} << 32) | be(d, pos + 12, 4);
            header = 16;
        } else if (length == 0) {
            length = end - pos;
        }
        if (length < header || length > end - pos)
            return std::nullopt;
        if (type == 0x69686472 /* ihdr */ && length >= header + 8)
            return PixelSize{be(d, pos + header + 4, 4), be(d, pos + header, 4)};
        if (type == 0x6A703268 /* jp2h */ && depth == 0)
            if (auto size = jp2(d, pos + header, pos + static_cast<std::size_t>(length), 1))
                return size;
        if (type == 0x6A703263 /* jp2c */ && depth == 0)
            return codestream(d, pos + header);
        pos += static_cast<std::size_t>(length);
    }
    return std::nullopt;
}

} // namespace

std::optional<PixelSize> encodedImageSize(std::span<const std::uint8_t> data) {
    static constexpr std::uint8_t kPng[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (has(data, 0, 2) && data[0] == 0xFF && data[1] == 0xD8)
        return jpeg(data);
    if (has(data, 0, 24) && std::equal(std::begin(kPng), std::end(kPng), data.begin()) &&
        be(data, 12, 4) == 0x49484452 /* IHDR */)
        return PixelSize{be(data, 16, 4), be(data, 20, 4)};
    if (has(data, 0, 4) && be(data, 0, 4) == 0xFF4FFF51)
        return codestream(data, 0);
    if (has(data, 0, 12) && be(data, 0, 4) == 12 && be(data, 4, 4) == 0x6A502020 /* "jP  " */)
        return jp2(data, 0, data.size(), 0);
    return std::nullopt;
}

} // namespace umbral::interchange
