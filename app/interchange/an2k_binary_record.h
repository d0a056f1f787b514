#pragma once

#include "app/interchange/an2k_record.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace umbral::interchange {

/// Fixed-layout (binary) records, Types 3-8: big-endian integer fields after a 4-byte LEN,
/// then the image data up to LEN. Types 3, 4, 5 and 6 share one 18-byte header
/// (LEN IDC IMP FGP[6] ISR HLL VLL GCA), Type 8 has a 12-byte one (LEN IDC SIG SRT ISR HLL VLL),
/// Type 7 only LEN and IDC.

/// Bytes of the fixed header of a binary record of `type`.
std::size_t binaryHeaderSize(int type);

/// The field number of the image data of a binary record of `type` (4.009, 8.008, 7.003).
int binaryDataField(int type);

/// Parses one binary record of `type` starting at data[0] (its LEN tells where it ends).
/// `recordIndex` is used in error messages. Throws InterchangeError.
Record parseBinaryRecord(std::span<const std::uint8_t> data, int type, std::size_t recordIndex);

/// Appends the binary encoding of `record`, with LEN computed. Throws InterchangeError when a
/// field is missing, not a number, or out of its byte range.
void writeBinaryRecord(const Record& record, std::size_t recordIndex,
                       std::vector<std::uint8_t>& out);

} // namespace umbral::interchange
