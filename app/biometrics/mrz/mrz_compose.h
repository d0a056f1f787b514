#pragma once

// Writing a TD3 (passport) zone from its fields, check digits computed: for demo travelers and
// for tests. The reverse of parseMrz for clean TD3 zones.

#include <string>

namespace umbral::biometrics {

struct Td3Fields {
    std::string documentCode = "P";  ///< one or two letters
    std::string issuingState;        ///< three letters
    std::string primaryIdentifier;   ///< surname(s), spaces allowed
    std::string secondaryIdentifier; ///< given name(s), spaces allowed
    std::string documentNumber;      ///< at most nine characters
    std::string nationality;         ///< three letters
    std::string dateOfBirth;         ///< YYMMDD
    std::string sex;                 ///< "M", "F" or "X" (written as '<')
    std::string dateOfExpiry;        ///< YYMMDD
    std::string optionalData;        ///< personal number, at most 14 characters
};

/// The two 44-character lines joined by '\n'. Letters are upper-cased, spaces become '<', and
/// names longer than the field are cut. Throws BiometricError (MalformedTemplate) for a field
/// that cannot be written (a character outside A-Z 0-9, a document number over nine
/// characters, a date not of six digits).
std::string composeTd3(const Td3Fields& fields);

} // namespace umbral::biometrics
