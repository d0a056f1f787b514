#pragma once

#include "app/interchange/an2k_record.h"

#include <cstdint>
#include <span>
#include <vector>

namespace umbral::interchange {

/// Reads an ANSI/NIST-ITL transaction in the traditional encoding (editions 1-2000 to 1-2011:
/// tags with two or more field digits, Types 1-99). Every record the Type-1 CNT field lists is
/// read, tagged records field by field (field 999 is binary up to the record's end), binary
/// records (Types 3-8) by their fixed layout. Structure that cannot be parsed (bad tags, LEN
/// against the bytes, CNT against the records, IDC, duplicate fields, trailing bytes) throws
/// InterchangeError naming the record and field, e.g. "Type-14 record 3, field 14.001: ...".
/// Whether the values follow the standard is checked separately (validateTransaction).
Transaction readTransaction(std::span<const std::uint8_t> data);

/// Writes `transaction` in the traditional encoding: tags as "14.013", every LEN computed,
/// the Type-1 CNT field regenerated from the records (type and IDC of each). Throws
/// InterchangeError (InvalidArgument) for records that cannot be written: Type-1 not first,
/// a missing IDC, duplicate fields, field 999 not last, a separator FS or GS inside a text value.
std::vector<std::uint8_t> writeTransaction(const Transaction& transaction);

} // namespace umbral::interchange
