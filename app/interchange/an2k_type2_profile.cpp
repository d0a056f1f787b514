#include "app/interchange/an2k_type2_profile.h"

#include "app/interchange/an2k_fields.h"
#include "app/interchange/an2k_value_checks.h"
#include "app/interchange/interchange_error.h"

#include <algorithm>

namespace umbral::interchange {

namespace {

bool isUpperOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ICAO 9303 state codes: three characters, letters with '<' filler ("D<<" is Germany).
bool isStateCode(std::string_view s) {
    return s.size() == 3 && s[0] >= 'A' && s[0] <= 'Z' &&
           std::all_of(s.begin() + 1, s.end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || c == '<'; });
}

bool isNamePart(std::string_view s) {
    return isPrintableAscii(s) && s.find(',') == std::string_view::npos;
}

std::string sexCode(Sex sex) {
    switch (sex) {
    case Sex::Male:
        return "M";
    case Sex::Female:
        return "F";
    case Sex::Unspecified:
        return "X";
    }
    return "X";
}

} // namespace

std::vector<std::pair<int, std::string>> type2ProfileProblems(const Record& record) {
    std::vector<std::pair<int, std::string>> problems;
    auto require = [&](int field, bool ok, const std::string& message) {
        if (!ok)
            problems.emplace_back(field, message);
    };
    auto mandatory = [&](int field) {
        const bool present = record.find(field) != nullptr;
        require(field, present, "missing (mandatory in the Umbral profile)");
        return present;
    };

    if (mandatory(type2::NAM)) {
        const std::string name = record.text(type2::NAM);
        const std::size_t comma = name.find(',');
        require(type2::NAM,
                comma != std::string::npos && comma > 0 && name.size() <= 100 &&
                    isNamePart(name.substr(0, comma)) && isNamePart(name.substr(comma + 1)),
                "\"" + name +
                    "\" is not SURNAME,GIVEN NAMES in printable ASCII (at most 100 characters)");
    }
    if (mandatory(type2::DOB))
        require(type2::DOB, isDate(record.text(type2::DOB), true),
                "\"" + record.text(type2::DOB) +
                    "\" is not a date CCYYMMDD (00 for an unknown month or day)");
    if (mandatory(type2::CTZ))
        require(type2::CTZ, isStateCode(record.text(type2::CTZ)),
                "\"" + record.text(type2::CTZ) + "\" is not an ICAO 9303 three-letter code");
    if (mandatory(type2::SEX)) {
        const std::string sex = record.text(type2::SEX);
        require(type2::SEX, sex == "M" || sex == "F" || sex == "X",
                "\"" + sex + "\" is not M, F or X");
    }
    if (mandatory(type2::TDT)) {
        const std::string t = record.text(type2::TDT);
        require(type2::TDT,
                (t.size() == 1 || t.size() == 2) && t[0] >= 'A' && t[0] <= 'Z' &&
                    std::all_of(t.begin(), t.end(), isUpperOrDigit),
                "\"" + t + "\" is not an ICAO document code (one or two letters or digits)");
    }
    if (mandatory(type2::TDN)) {
        const std::string n = record.text(type2::TDN);
        require(type2::TDN,
                !n.empty() && n.size() <= 20 && std::all_of(n.begin(), n.end(), isUpperOrDigit),
                "\"" + n + "\" is not 1-20 capital letters and digits");
    }
    if (mandatory(type2::TDI))
        require(type2::TDI, isStateCode(record.text(type2::TDI)),
                "\"" + record.text(type2::TDI) + "\" is not an ICAO 9303 three-letter code");
    if (mandatory(type2::TDE))
        require(type2::TDE, isDate(record.text(type2::TDE)),
                "\"" + record.text(type2::TDE) + "\" is not a date CCYYMMDD");
    if (const Field* oca = record.find(type2::OCA))
        require(type2::OCA,
                !oca->value.empty() && oca->value.size() <= 20 && isPrintableAscii(oca->value),
                "case number must be 1-20 printable characters");
    return problems;
}

Record makeType2Record(const BiographicData& data, const std::string& idc) {
    Record r;
    r.type = 2;
    r.set(type2::IDC, idc);
    if (!data.caseNumber.empty())
        r.set(type2::OCA, data.caseNumber);
    r.set(type2::NAM, data.surname + "," + data.givenNames);
    r.set(type2::CTZ, data.nationality);
    r.set(type2::DOB, data.dateOfBirth);
    r.set(type2::SEX, sexCode(data.sex));
    r.set(type2::TDT, data.document.type);
    r.set(type2::TDN, data.document.number);
    r.set(type2::TDI, data.document.issuingState);
    r.set(type2::TDE, data.document.expiryDate);
    const auto problems = type2ProfileProblems(r);
    if (!problems.empty()) {
        const FieldDefinition* def = findFieldDefinition(2, problems.front().first);
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               "Type-2 field " + fieldTag(2, problems.front().first) + " " +
                                   (def ? def->mnemonic : "") + ": " + problems.front().second);
    }
    return r;
}

BiographicData parseType2Record(const Record& record) {
    BiographicData d;
    const std::string name = record.text(type2::NAM);
    const std::size_t comma = name.find(',');
    d.surname = name.substr(0, comma);
    if (comma != std::string::npos)
        d.givenNames = name.substr(comma + 1);
    d.dateOfBirth = record.text(type2::DOB);
    d.nationality = record.text(type2::CTZ);
    const std::string sex = record.text(type2::SEX);
    d.sex = sex == "M" ? Sex::Male : sex == "F" ? Sex::Female : Sex::Unspecified;
    d.document = {record.text(type2::TDT), record.text(type2::TDN), record.text(type2::TDI),
                  record.text(type2::TDE)};
    d.caseNumber = record.text(type2::OCA);
    return d;
}

bool usesUmbralProfile(const Transaction& transaction) {
    if (transaction.records.empty() || transaction.records.front().type != 1)
        return false;
    const Field* dom = transaction.records.front().find(type1::DOM);
    return dom && dom->item(0, 0) == kUmbralDomainName;
}

std::string mrzDateToCcyymmdd(std::string_view yymmdd, int currentYear, MrzDateKind kind) {
    auto fail = [&]() -> std::string {
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               "MRZ date \"" + std::string(yymmdd) + "\" is not YYMMDD");
    };
    if (yymmdd.size() != 6 || !isDigits(yymmdd.substr(0, 2), 2, 2))
        return fail();
    std::string month(yymmdd.substr(2, 2)), day(yymmdd.substr(4, 2));
    for (std::string* part : {&month, &day}) {
        if (*part == "<<" && kind == MrzDateKind::Birth)
            *part = "00";
        else if (!isDigits(*part, 2, 2))
            return fail();
    }
    const int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
    int year = 2000 + yy;
    if (kind == MrzDateKind::Birth && year > currentYear)
        year -= 100;
    if (kind == MrzDateKind::Expiry && year > currentYear + 50)
        year -= 100;
    const std::string out = std::to_string(year) + month + day;
    if (!isDate(out, kind == MrzDateKind::Birth))
        return fail();
    return out;
}

} // namespace umbral::interchange
