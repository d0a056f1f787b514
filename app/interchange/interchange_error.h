#pragma once

#include <stdexcept>
#include <string>

namespace umbral::interchange {

/// Why interchange data (an ANSI/NIST-ITL transaction, a WSQ stream) was refused.
enum class InterchangeErrorCode {
    Truncated,       ///< the data ends before a length or a structure says it should
    Malformed,       ///< bytes that do not follow the format (bad tag, missing separator, marker)
    Inconsistent,    ///< parts that disagree (CNT against the records, LEN against the bytes, IDC)
    Invalid,         ///< parses, but a value breaks a rule of the standard or of our profile
    Unsupported,     ///< a legal feature this implementation does not handle
    TooLarge,        ///< a declared size above our limits, refused before allocating
    InvalidArgument, ///< caller input (an image, a struct) that cannot be written
};

/// The one exception type of umbral::interchange. The message names where the problem is
/// ("Type-14 record 3, field 14.013: ...", "WSQ DHT segment at byte 812: ...") in words a
/// technician can act on.
class InterchangeError : public std::runtime_error {
public:
    InterchangeError(InterchangeErrorCode code, const std::string& message)
        : std::runtime_error(message), code_(code) {}
    InterchangeErrorCode code() const noexcept { return code_; }

private:
    InterchangeErrorCode code_;
};

} // namespace umbral::interchange
