// libFuzzer target: the WSQ decoder on arbitrary bytes. Malformed input must end in
// InterchangeError; anything else (a crash, a sanitizer report, another exception) is a bug.

#include "app/interchange/interchange_error.h"
#include "app/interchange/wsq_codec.h"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace umbral::interchange;
    const std::span<const std::uint8_t> bytes(data, size);
    try {
        (void)readWsqHeader(bytes);
    } catch (const InterchangeError&) {
    }
    try {
        // Small images only: the limit keeps every run fast, and the allocation check it
        // exercises is the same one that guards the real limit.
        const WsqDecoded decoded = decodeWsq(bytes, WsqDecodeLimits{128 * 128});
        if (decoded.image.cols != decoded.header.width ||
            decoded.image.rows != decoded.header.height)
            __builtin_trap();
    } catch (const InterchangeError&) {
    }
    return 0;
}
