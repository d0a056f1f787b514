#include "app/biometrics/mrz/mrz_record.h"

#include <cstdio>

namespace umbral::biometrics {

std::string toString(MrzFormat format) {
    switch (format) {
    case MrzFormat::TD1:
        return "TD1";
    case MrzFormat::TD2:
        return "TD2";
    case MrzFormat::TD3:
        return "TD3";
    case MrzFormat::MrvA:
        return "MRV-A";
    case MrzFormat::MrvB:
        return "MRV-B";
    }
    return "unknown";
}

std::string toString(MrzField field) {
    switch (field) {
    case MrzField::DocumentCode:
        return "document code";
    case MrzField::IssuingState:
        return "issuing state";
    case MrzField::Name:
        return "name";
    case MrzField::DocumentNumber:
        return "document number";
    case MrzField::Nationality:
        return "nationality";
    case MrzField::DateOfBirth:
        return "date of birth";
    case MrzField::Sex:
        return "sex";
    case MrzField::DateOfExpiry:
        return "date of expiry";
    case MrzField::OptionalData:
        return "optional data";
    case MrzField::OptionalData2:
        return "optional data 2";
    case MrzField::Composite:
        return "composite";
    case MrzField::Layout:
        return "layout";
    }
    return "unknown";
}

std::string toString(CheckDigitStatus status) {
    switch (status) {
    case CheckDigitStatus::Valid:
        return "valid";
    case CheckDigitStatus::Wrong:
        return "wrong";
    case CheckDigitStatus::Unreadable:
        return "unreadable";
    case CheckDigitStatus::NotUsed:
        return "not used";
    }
    return "unknown";
}

std::string MrzDate::iso() const {
    if (!year)
        return {};
    char buf[16];
    if (month && day)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *year, *month, *day);
    else if (month)
        std::snprintf(buf, sizeof buf, "%04d-%02d", *year, *month);
    else
        std::snprintf(buf, sizeof buf, "%04d", *year);
    return buf;
}

const MrzCheckDigit* MrzRecord::check(MrzField field) const noexcept {
    for (const MrzCheckDigit& c : checks)
        if (c.field == field)
            return &c;
    return nullptr;
}

bool MrzRecord::checkDigitsValid() const noexcept {
    for (const MrzCheckDigit& c : checks)
        if (!c.ok())
            return false;
    return true;
}

} // namespace umbral::biometrics
