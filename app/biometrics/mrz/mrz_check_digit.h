#pragma once

// ICAO 9303 Part 3 §4.9: the check digit of an MRZ field. Each character has a value (digits
// their own, A..Z 10..35, the filler '<' 0); the values are weighted 7, 3, 1, 7, 3, 1, ... and
// the check digit is the sum modulo 10.

#include <optional>
#include <string_view>

namespace umbral::biometrics {

/// True for the characters an MRZ may hold: 'A'..'Z', '0'..'9' and the filler '<'.
bool isMrzCharacter(char c) noexcept;

/// The value of an MRZ character for check digits; nullopt for a character outside the MRZ set.
std::optional<int> mrzCharacterValue(char c) noexcept;

/// The check digit (0-9) of `data`; nullopt when `data` holds a character outside the MRZ set
/// (the digit cannot be computed then).
std::optional<int> mrzCheckDigit(std::string_view data) noexcept;

} // namespace umbral::biometrics
