#pragma once

#include <optional>
#include <string_view>

namespace umbral::interchange {

/// Small predicates for ANSI/NIST-ITL field values, shared by validation and the writers.

/// Decimal digits only, between minDigits and maxDigits of them.
bool isDigits(std::string_view s, std::size_t minDigits = 1, std::size_t maxDigits = 10);
/// The value of a string of 1-10 digits, or nullopt.
std::optional<long long> parseCount(std::string_view s);
/// CCYYMMDD, a real calendar date from 1900 on. With `unknownParts`, MM and/or DD may be 00.
bool isDate(std::string_view s, bool unknownParts = false);
/// CCYYMMDDhhmmssZ (Greenwich mean time).
bool isGmtDateTime(std::string_view s);
/// Characters 0x20-0x7E only (no separators, no control characters, 7-bit).
bool isPrintableAscii(std::string_view s);
/// Exactly `length` hexadecimal digits.
bool isHex(std::string_view s, std::size_t length);

} // namespace umbral::interchange
