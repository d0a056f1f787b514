#pragma once

// Parsing of ICAO 9303 machine-readable zones as an officer types them or a keyboard-wedge
// passport reader sends them.
//
//   MrzRecord r = parseMrz("P<UTOERIKSSON<<ANNA<MARIA<<<...\nL898902C36UTO7408122F12...", today);
//   r.documentNumber;                          // "L898902C3"
//   r.check(MrzField::DocumentNumber)->status; // CheckDigitStatus::Valid
//
// Nothing is corrected silently: a wrong check digit is reported as Wrong with the digit the
// data computes to, a letter where a digit belongs is reported as a problem at its position,
// and the fields keep exactly what is printed so the officer can compare them with the page.

#include "app/biometrics/mrz/mrz_record.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace umbral::biometrics {

/// Splits `text` into MRZ lines: lines end at CR, LF or CR LF; spaces and tabs around a line
/// are dropped, as are empty lines; ASCII letters are upper-cased. One line of exactly 88, 72
/// or 90 characters (a reader that sends no line breaks) is cut into 2 x 44, 2 x 36 or 3 x 30.
std::vector<std::string> splitMrzLines(std::string_view text);

/// The format of `lines` (as splitMrzLines gives them), decided by line count and length and,
/// between a document and a visa of the same size, by the document code ('V' is a visa).
/// nullopt when the lines fit no ICAO layout.
std::optional<MrzFormat> detectMrzFormat(const std::vector<std::string>& lines);

/// Parses a zone and verifies every check digit. `today` resolves two-digit years (a date of
/// birth is never in the future; an expiry lies within 50 years from today) and decides
/// `expired`. Throws BiometricError (MalformedTemplate) when the text fits no layout: the
/// message states the line lengths found and the ones expected. Everything else (wrong check
/// digits, bad characters, impossible dates) is reported in the record, never thrown.
MrzRecord parseMrz(std::string_view text, const CalendarDate& today);

} // namespace umbral::biometrics
