#pragma once

#include "app/interchange/an2k_record.h"

#include <cstddef>
#include <string>
#include <vector>

namespace umbral::interchange {

/// One way a transaction departs from ANSI/NIST-ITL 1-2011 (or, for the Type-2 record of an
/// Umbral transaction, from the Umbral profile).
struct ValidationFinding {
    std::size_t recordIndex = 0; ///< from 1, in file order (the Type-1 record is 1)
    int recordType = 0;
    int field = 0; ///< 0 when the finding is about the whole record
    std::string message;

    /// "Type-14 record 3, field 14.006: HLL 1800 differs from the WSQ image width 1600"
    std::string text() const { return location(recordIndex, recordType, field) + message; }
};

/// Checks every record: mandatory fields, value formats and ranges (dates, codes, quality
/// metric subfields, segment boxes), field order, printable text, and that image data agrees
/// with the record (a WSQ stream's size with HLL/VLL, uncompressed data with HLL x VLL x BPX,
/// the signature of JPEG, JPEG 2000 and PNG data). Returns all findings; empty when valid.
std::vector<ValidationFinding> validateTransaction(const Transaction& transaction);

/// Throws InterchangeError (Invalid) listing every finding, one per line, when there is any.
void requireValidTransaction(const Transaction& transaction);

} // namespace umbral::interchange
