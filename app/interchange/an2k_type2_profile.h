#pragma once

#include "app/interchange/an2k_record.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace umbral::interchange {

/// The Umbral Type-2 field profile (docs/interchange.md). Type-2 content is defined by a
/// domain; Umbral transactions name theirs in 1.013 DOM as "UMBRAL" US "1.0". The biographic
/// fields keep the FBI EBTS numbers and formats (NAM, CTZ, DOB, SEX, OCA); the travel document
/// fields, which EBTS does not have, use the block 2.300-2.303.
inline constexpr std::string_view kUmbralDomainName = "UMBRAL";
inline constexpr std::string_view kUmbralDomainVersion = "1.0";

namespace type2 {
inline constexpr int LEN = 1, IDC = 2;
inline constexpr int OCA = 9;   ///< originating agency case number: the encounter reference
inline constexpr int NAM = 18;  ///< "SURNAME,GIVEN NAMES"
inline constexpr int CTZ = 21;  ///< nationality, ICAO 9303 three-letter code
inline constexpr int DOB = 22;  ///< CCYYMMDD; MM and DD may be 00 when unknown
inline constexpr int SEX = 24;  ///< M, F or X (unspecified)
inline constexpr int TDT = 300; ///< travel document type, ICAO 9303 document code ("P", "ID")
inline constexpr int TDN = 301; ///< travel document number, letters and digits
inline constexpr int TDI = 302; ///< issuing state, ICAO 9303 three-letter code
inline constexpr int TDE = 303; ///< expiry date, CCYYMMDD
} // namespace type2

enum class Sex { Male, Female, Unspecified };

struct TravelDocumentData {
    std::string type;         ///< ICAO document code, e.g. "P"
    std::string number;       ///< without MRZ filler
    std::string issuingState; ///< ICAO code, e.g. "ESP", "D<<"
    std::string expiryDate;   ///< CCYYMMDD
};

/// What the Type-2 record of an Umbral transaction says about the traveler.
struct BiographicData {
    std::string surname;     ///< printable ASCII (transliterated as in the MRZ), no comma
    std::string givenNames;  ///< may be empty (single-name travelers)
    std::string dateOfBirth; ///< CCYYMMDD, 00 for an unknown month or day
    std::string nationality; ///< ICAO code
    Sex sex = Sex::Unspecified;
    TravelDocumentData document;
    std::string caseNumber; ///< 2.009 OCA, optional (the station's encounter reference)
};

/// Problems of `record` against the profile, as (field number, message). Empty when it
/// follows the profile.
std::vector<std::pair<int, std::string>> type2ProfileProblems(const Record& record);

/// The Type-2 record for `data` with IDC `idc` ("00"). Throws InterchangeError
/// (InvalidArgument) naming the field when a value breaks the profile.
Record makeType2Record(const BiographicData& data, const std::string& idc = "00");

/// Reads the profile's fields back from a Type-2 record (absent fields stay empty).
BiographicData parseType2Record(const Record& record);

/// True when 1.013 DOM of the transaction's Type-1 record names the Umbral domain.
bool usesUmbralProfile(const Transaction& transaction);

enum class MrzDateKind { Birth, Expiry };

/// An MRZ date (YYMMDD, '<' for unknown digits) as CCYYMMDD. Births take the latest century
/// that is not after `currentYear`; expiry dates 20YY unless that is more than 50 years ahead.
/// Unknown month or day become 00 (births only). Throws InterchangeError (InvalidArgument)
/// for anything else.
std::string mrzDateToCcyymmdd(std::string_view yymmdd, int currentYear, MrzDateKind kind);

} // namespace umbral::interchange
