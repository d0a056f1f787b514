// libFuzzer target: the ANSI/NIST-ITL reader on arbitrary bytes, then everything done with a
// transaction once read (validation, inspection, WSQ images, writing it back). Malformed input
// must end in InterchangeError. A transaction that reads must also write, read back to the same
// records (Type-1 aside: the writer regenerates CNT) and write again to the same bytes; if not,
// that is a bug and the target traps.

#include "app/interchange/an2k_images.h"
#include "app/interchange/an2k_inspect.h"
#include "app/interchange/an2k_io.h"
#include "app/interchange/an2k_validation.h"
#include "app/interchange/encoded_image_size.h"
#include "app/interchange/interchange_error.h"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace umbral::interchange;
    Transaction transaction;
    try {
        transaction = readTransaction(std::span<const std::uint8_t>(data, size));
    } catch (const InterchangeError&) {
        return 0;
    }
    (void)validateTransaction(transaction);
    (void)formatInspection(inspectTransaction(transaction));
    for (const Record& record : transaction.records) {
        const auto image = recordImage(record);
        if (!image)
            continue;
        if (image->compression != "WSQ20") {
            // JPEG, JPEG 2000 and PNG go to OpenCV, which is not under test here; the header
            // check that guards it is.
            (void)encodedImageSize(image->data);
            continue;
        }
        try {
            (void)decodeRecordImage(record, WsqDecodeLimits{128 * 128});
        } catch (const InterchangeError&) {
        }
    }
    try {
        const std::vector<std::uint8_t> written = writeTransaction(transaction);
        const Transaction reread = readTransaction(written);
        if (reread.records.size() != transaction.records.size() ||
            writeTransaction(reread) != written)
            __builtin_trap();
        for (std::size_t i = 1; i < reread.records.size(); ++i)
            if (!equalIgnoringLength(reread.records[i], transaction.records[i]))
                __builtin_trap();
    } catch (const InterchangeError&) {
        __builtin_trap(); // whatever reads must write and read again
    }
    return 0;
}
