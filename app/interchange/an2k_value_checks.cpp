#include "app/interchange/an2k_value_checks.h"

#include <algorithm>
#include <cctype>

namespace umbral::interchange {

namespace {

int twoDigits(std::string_view s, std::size_t at) {
    return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

} // namespace

bool isDigits(std::string_view s, std::size_t minDigits, std::size_t maxDigits) {
    return s.size() >= minDigits && s.size() <= maxDigits &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<long long> parseCount(std::string_view s) {
    if (!isDigits(s, 1, 10))
        return std::nullopt;
    long long v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

bool isDate(std::string_view s, bool unknownParts) {
    if (!isDigits(s, 8, 8))
        return false;
    const int year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
    const int month = twoDigits(s, 4);
    const int day = twoDigits(s, 6);
    if (year < 1900)
        return false;
    if (unknownParts && month == 0)
        return day == 0;
    if (month < 1 || month > 12)
        return false;
    if (unknownParts && day == 0)
        return true;
    return day >= 1 && day <= daysInMonth(year, month);
}

bool isGmtDateTime(std::string_view s) {
    if (s.size() != 15 || s.back() != 'Z' || !isDate(s.substr(0, 8)) ||
        !isDigits(s.substr(8, 6), 6, 6))
        return false;
    return twoDigits(s, 8) < 24 && twoDigits(s, 10) < 60 && twoDigits(s, 12) < 60;
}

bool isPrintableAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
}

bool isHex(std::string_view s, std::size_t length) {
    return s.size() == length && std::all_of(s.begin(), s.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c)) != 0;
           });
}

} // namespace umbral::interchange
