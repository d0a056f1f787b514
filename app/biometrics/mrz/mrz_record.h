#pragma once

// What an ICAO 9303 machine-readable zone says, field by field, with the verdict on every check
// digit and every character that breaks the format. Produced by parseMrz (mrz_parser.h).

#include <optional>
#include <string>
#include <vector>

namespace umbral::biometrics {

/// The MRZ layouts of ICAO 9303: TD1 (3 x 30, identity cards, Part 5), TD2 (2 x 36, Part 6),
/// TD3 (2 x 44, passports, Part 4) and the machine-readable visas MRV-A (2 x 44) and MRV-B
/// (2 x 36, Part 7), which have no composite check digit.
enum class MrzFormat { TD1, TD2, TD3, MrvA, MrvB };

/// The fields of an MRZ, as named by ICAO 9303.
enum class MrzField {
    DocumentCode,
    IssuingState,
    Name,
    DocumentNumber,
    Nationality,
    DateOfBirth,
    Sex,
    DateOfExpiry,
    OptionalData,  ///< TD3 personal number / TD1 optional data 1 / TD2 and visa optional data
    OptionalData2, ///< TD1 line 2 optional data
    Composite,     ///< the composite check digit over several fields
    Layout         ///< the zone as a whole (line count, line lengths)
};

/// "TD1", "TD2", "TD3", "MRV-A", "MRV-B".
std::string toString(MrzFormat format);
/// "document number", "date of birth", ... (English, lower case).
std::string toString(MrzField field);

/// The verdict on one check digit.
enum class CheckDigitStatus {
    Valid,      ///< the printed digit equals the computed one
    Wrong,      ///< a digit is printed and it is not the computed one
    Unreadable, ///< the position holds no digit, or the field holds a character outside the
                ///< MRZ set so no digit can be computed
    NotUsed     ///< the filler '<' where ICAO allows it (an empty optional-data field)
};
std::string toString(CheckDigitStatus status);

/// One check digit of the zone: which field it protects, where it stands, what is printed and
/// what the data computes to.
struct MrzCheckDigit {
    MrzField field = MrzField::DocumentNumber;
    int line = 0;                ///< 0-based line of the check digit
    int column = 0;              ///< 0-based column of the check digit
    char printed = '<';          ///< the character found there
    std::optional<int> computed; ///< what the protected data computes to
    CheckDigitStatus status = CheckDigitStatus::Unreadable;

    /// Valid, or NotUsed where that is allowed.
    bool ok() const noexcept {
        return status == CheckDigitStatus::Valid || status == CheckDigitStatus::NotUsed;
    }
};

/// Something in the zone that breaks ICAO 9303 other than a check digit: a character outside
/// the MRZ set, a letter in a date, an impossible date, an unknown sex code.
struct MrzProblem {
    MrzField field = MrzField::Layout;
    int line = -1;   ///< 0-based; -1 when not tied to one position
    int column = -1; ///< 0-based; -1 when not tied to one position
    std::string message;
};

/// A date as an MRZ writes it (YYMMDD), with the century resolved. ICAO allows '<' for an
/// unknown month or day of birth: those parts are then absent.
struct MrzDate {
    std::string raw;          ///< the six characters as printed
    std::optional<int> year;  ///< four digits, century resolved; absent when unreadable
    std::optional<int> month; ///< 1-12; absent when unknown or unreadable
    std::optional<int> day;   ///< 1-31; absent when unknown or unreadable
    bool valid = false;       ///< digits (or allowed fillers) forming a real calendar date

    /// "1974-08-12", "1974-08", "1974", or empty when the year is unreadable.
    std::string iso() const;
};

/// A calendar day, for resolving two-digit years and telling whether a document has expired.
struct CalendarDate {
    int year = 2000;
    int month = 1;
    int day = 1;
};

/// The zone parsed. Text fields have the filler removed ('<' inside names becomes a space).
struct MrzRecord {
    MrzFormat format = MrzFormat::TD3;
    std::vector<std::string> lines; ///< the normalised lines the record was read from

    std::string documentCode;        ///< "P", "I", "ID", "V"...
    std::string issuingState;        ///< ICAO 3-letter code ("D" for Germany)
    std::string documentNumber;      ///< including the extension of a long TD1/TD2 number
    std::string primaryIdentifier;   ///< surname(s)
    std::string secondaryIdentifier; ///< given name(s)
    bool nameMayBeTruncated = false; ///< the name field is full to its last position
    std::string nationality;
    MrzDate dateOfBirth;
    std::string sex; ///< "M", "F" or "X" (the MRZ filler means unspecified)
    MrzDate dateOfExpiry;
    bool expired = false;      ///< the expiry date lies before the date given to the parser
    std::string optionalData;  ///< personal number / optional data (filler removed)
    std::string optionalData2; ///< TD1 only

    std::vector<MrzCheckDigit> checks; ///< every check digit of the format, in zone order
    std::vector<MrzProblem> problems;  ///< everything else that breaks the format

    /// The check digit protecting `field`, or nullptr when the format has none for it.
    const MrzCheckDigit* check(MrzField field) const noexcept;
    /// Every check digit ok().
    bool checkDigitsValid() const noexcept;
    /// No problem and every check digit ok(): the zone can be trusted as read.
    bool isClean() const noexcept { return problems.empty() && checkDigitsValid(); }
};

} // namespace umbral::biometrics
