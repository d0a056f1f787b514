#include "app/biometrics/mrz/mrz_compose.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/mrz/mrz_check_digit.h"

#include <cctype>

namespace umbral::biometrics {

namespace {

// Upper case, spaces and hyphens to filler, padded with filler (or cut) to `length`.
std::string field(const std::string& value, std::size_t length, const char* what) {
    std::string out;
    for (char c : value) {
        const char u = char(std::toupper(static_cast<unsigned char>(c)));
        if (u == ' ' || u == '-')
            out += '<';
        else if (isMrzCharacter(u))
            out += u;
        else
            throw BiometricError(BiometricErrorCode::MalformedTemplate,
                                 std::string("the ") + what +
                                     " holds a character an MRZ cannot carry");
    }
    if (out.size() > length)
        out.resize(length);
    out.append(length - out.size(), '<');
    return out;
}

std::string date(const std::string& value, const char* what) {
    if (value.size() != 6)
        throw BiometricError(BiometricErrorCode::MalformedTemplate,
                             std::string("the ") + what + " needs six digits");
    for (char c : value)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            throw BiometricError(BiometricErrorCode::MalformedTemplate,
                                 std::string("the ") + what + " needs six digits");
    return value;
}

char digit(const std::string& data) {
    return char('0' + *mrzCheckDigit(data));
}

} // namespace

std::string composeTd3(const Td3Fields& f) {
    if (f.documentNumber.size() > 9)
        throw BiometricError(
            BiometricErrorCode::MalformedTemplate,
            "a passport number longer than nine characters does not fit a TD3 zone");
    const std::string name = field(f.primaryIdentifier + "<<" + f.secondaryIdentifier, 39, "name");
    const std::string line1 = field(f.documentCode, 2, "document code") +
                              field(f.issuingState, 3, "issuing state") + name;
    const std::string number = field(f.documentNumber, 9, "document number");
    const std::string birth = date(f.dateOfBirth, "date of birth");
    const std::string expiry = date(f.dateOfExpiry, "date of expiry");
    const std::string sex = f.sex == "M" || f.sex == "F" ? f.sex : "<";
    const std::string optional = field(f.optionalData, 14, "optional data");
    std::string line2 = number + digit(number) + field(f.nationality, 3, "nationality") + birth +
                        digit(birth) + sex + expiry + digit(expiry) + optional + digit(optional);
    line2 += digit(line2.substr(0, 10) + line2.substr(13, 7) + line2.substr(21, 22));
    return line1 + "\n" + line2;
}

} // namespace umbral::biometrics
