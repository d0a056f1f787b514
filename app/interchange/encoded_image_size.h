#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace umbral::interchange {

struct PixelSize {
    std::int64_t width = 0;
    std::int64_t height = 0;
};

/// The size a JPEG (SOFn), PNG (IHDR) or JPEG 2000 (JP2 ihdr box or codestream SIZ) stream
/// declares, read from its header without decoding, or nullopt when the header is not found.
/// Used to refuse oversized images before a decoder allocates them.
std::optional<PixelSize> encodedImageSize(std::span<const std::uint8_t> data);

} // namespace umbral::interchange
