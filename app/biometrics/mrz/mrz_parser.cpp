#include "app/biometrics/mrz/mrz_parser.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/mrz/mrz_check_digit.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace umbral::biometrics {

namespace {

// Where a field lies: line, first column, length (ICAO 9303 Parts 4-7, 0-based).
struct Span {
    MrzField field;
    int line;
    int start;
    int length;
};

// One check digit: where it stands and the spans of zone text it protects.
struct CheckSpec {
    MrzField field;
    int line;
    int column;
    std::vector<Span> protects;
};

struct Layout {
    int lineCount;
    int lineLength;
    std::vector<Span> fields;
    std::vector<CheckSpec> checks;
};

// Field spans shared by the 2-line formats (TD2, TD3, MRV-A, MRV-B): only the name length, the
// optional data length and the composite differ.
Layout twoLineLayout(int length, bool composite, bool optionalCheck) {
    const int nameLength = length - 5;
    const int optionalLength = length - 28 - (composite ? 1 : 0) - (optionalCheck ? 1 : 0);
    Layout l{2, length, {}, {}};
    l.fields = {{MrzField::DocumentCode, 0, 0, 2},
                {MrzField::IssuingState, 0, 2, 3},
                {MrzField::Name, 0, 5, nameLength},
                {MrzField::DocumentNumber, 1, 0, 9},
                {MrzField::Nationality, 1, 10, 3},
                {MrzField::DateOfBirth, 1, 13, 6},
                {MrzField::Sex, 1, 20, 1},
                {MrzField::DateOfExpiry, 1, 21, 6},
                {MrzField::OptionalData, 1, 28, optionalLength}};
    l.checks = {{MrzField::DocumentNumber, 1, 9, {{MrzField::DocumentNumber, 1, 0, 9}}},
                {MrzField::DateOfBirth, 1, 19, {{MrzField::DateOfBirth, 1, 13, 6}}},
                {MrzField::DateOfExpiry, 1, 27, {{MrzField::DateOfExpiry, 1, 21, 6}}}};
    if (optionalCheck)
        l.checks.push_back({MrzField::OptionalData,
                            1,
                            28 + optionalLength,
                            {{MrzField::OptionalData, 1, 28, optionalLength}}});
    if (composite)
        l.checks.push_back({MrzField::Composite,
                            1,
                            length - 1,
                            {{MrzField::DocumentNumber, 1, 0, 10},
                             {MrzField::DateOfBirth, 1, 13, 7},
                             {MrzField::DateOfExpiry, 1, 21, length - 22}}});
    return l;
}

Layout td1Layout() {
    Layout l{3, 30, {}, {}};
    l.fields = {{MrzField::DocumentCode, 0, 0, 2},    {MrzField::IssuingState, 0, 2, 3},
                {MrzField::DocumentNumber, 0, 5, 9},  {MrzField::OptionalData, 0, 15, 15},
                {MrzField::DateOfBirth, 1, 0, 6},     {MrzField::Sex, 1, 7, 1},
                {MrzField::DateOfExpiry, 1, 8, 6},    {MrzField::Nationality, 1, 15, 3},
                {MrzField::OptionalData2, 1, 18, 11}, {MrzField::Name, 2, 0, 30}};
    l.checks = {{MrzField::DocumentNumber, 0, 14, {{MrzField::DocumentNumber, 0, 5, 9}}},
                {MrzField::DateOfBirth, 1, 6, {{MrzField::DateOfBirth, 1, 0, 6}}},
                {MrzField::DateOfExpiry, 1, 14, {{MrzField::DateOfExpiry, 1, 8, 6}}},
                {MrzField::Composite,
                 1,
                 29,
                 {{MrzField::DocumentNumber, 0, 5, 25},
                  {MrzField::DateOfBirth, 1, 0, 7},
                  {MrzField::DateOfExpiry, 1, 8, 7},
                  {MrzField::OptionalData2, 1, 18, 11}}}};
    return l;
}

Layout layoutFor(MrzFormat format) {
    switch (format) {
    case MrzFormat::TD1:
        return td1Layout();
    case MrzFormat::TD2:
        return twoLineLayout(36, true, false);
    case MrzFormat::TD3:
        return twoLineLayout(44, true, true);
    case MrzFormat::MrvA:
        return twoLineLayout(44, false, false);
    case MrzFormat::MrvB:
        return twoLineLayout(36, false, false);
    }
    return twoLineLayout(44, true, true);
}

std::string position(int line, int column) {
    return "line " + std::to_string(line + 1) + ", position " + std::to_string(column + 1);
}

std::string describeChar(char c) {
    if (std::isprint(static_cast<unsigned char>(c)))
        return std::string("'") + c + "'";
    return "byte " + std::to_string(static_cast<unsigned char>(c));
}

std::string withoutFiller(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '<')
            out += c;
    return out;
}

// '<' separates words inside a name; runs of spaces collapse.
std::string nameWords(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '<') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int daysIn(int y, int m) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[std::size_t(m - 1)];
}

int compareDates(int y1, int m1, int d1, const CalendarDate& b) {
    if (y1 != b.year)
        return y1 < b.year ? -1 : 1;
    if (m1 != b.month)
        return m1 < b.month ? -1 : 1;
    if (d1 != b.day)
        return d1 < b.day ? -1 : 1;
    return 0;
}

class Parser {
public:
    Parser(MrzFormat format, std::vector<std::string> lines, const CalendarDate& today)
        : layout_(layoutFor(format)), today_(today) {
        r_.format = format;
        r_.lines = std::move(lines);
    }

    MrzRecord run() {
        reportForeignCharacters();
        readFields();
        for (const CheckSpec& spec : layout_.checks)
            verify(spec);
        return std::move(r_);
    }

private:
    std::string_view text(const Span& s) const {
        return std::string_view(r_.lines[std::size_t(s.line)])
            .substr(std::size_t(s.start), std::size_t(s.length));
    }
    std::string_view field(MrzField f) const {
        for (const Span& s : layout_.fields)
            if (s.field == f)
                return text(s);
        return {};
    }
    const Span* span(MrzField f) const {
        for (const Span& s : layout_.fields)
            if (s.field == f)
                return &s;
        return nullptr;
    }
    MrzField fieldAt(int line, int column) const {
        for (const Span& s : layout_.fields)
            if (s.line == line && column >= s.start && column < s.start + s.length)
                return s.field;
        for (const CheckSpec& c : layout_.checks)
            if (c.line == line && c.column == column)
                return c.field;
        return MrzField::Layout;
    }
    void problem(MrzField f, int line, int column, std::string message) {
        r_.problems.push_back({f, line, column, std::move(message)});
    }

    void reportForeignCharacters() {
        for (int l = 0; l < int(r_.lines.size()); ++l)
            for (int c = 0; c < int(r_.lines[std::size_t(l)].size()); ++c) {
                const char ch = r_.lines[std::size_t(l)][std::size_t(c)];
                if (!isMrzCharacter(ch))
                    problem(fieldAt(l, c), l, c,
                            describeChar(ch) + " at " + position(l, c) +
                                " is not an MRZ character");
            }
    }

    // Letters-only fields (codes, states, names) and digit-only fields (dates) are checked
    // character by character so the officer sees exactly where the zone is damaged (an OCR
    // '0' in a name, an 'O' in a date).
    void requireClass(MrzField f, bool letters, bool digits, bool filler) {
        const Span* s = span(f);
        if (!s)
            return;
        const std::string_view t = text(*s);
        for (int i = 0; i < int(t.size()); ++i) {
            const char c = t[std::size_t(i)];
            if (!isMrzCharacter(c))
                continue; // already reported
            const bool ok = (letters && c >= 'A' && c <= 'Z') || (digits && c >= '0' && c <= '9') ||
                            (filler && c == '<');
            if (!ok)
                problem(f, s->line, s->start + i,
                        describeChar(c) + " at " + position(s->line, s->start + i) +
                            " does not belong in the " + toString(f) +
                            (digits && !letters ? " (digits only)" : " (letters only)"));
        }
    }

    void readFields() {
        r_.documentCode = withoutFiller(field(MrzField::DocumentCode));
        r_.issuingState = withoutFiller(field(MrzField::IssuingState));
        r_.nationality = withoutFiller(field(MrzField::Nationality));
        requireClass(MrzField::DocumentCode, true, false, true);
        requireClass(MrzField::IssuingState, true, false, true);
        requireClass(MrzField::Nationality, true, false, true);
        requireClass(MrzField::Name, true, false, true);
        if (r_.documentCode.empty())
            problem(MrzField::DocumentCode, span(MrzField::DocumentCode)->line, 0,
                    "the document code is missing");

        const std::string_view name = field(MrzField::Name);
        const std::size_t sep = name.find("<<");
        r_.primaryIdentifier = nameWords(name.substr(0, sep));
        r_.secondaryIdentifier =
            sep == std::string_view::npos ? std::string() : nameWords(name.substr(sep + 2));
        r_.nameMayBeTruncated = !name.empty() && name.back() != '<';
        if (r_.primaryIdentifier.empty())
            problem(MrzField::Name, span(MrzField::Name)->line, span(MrzField::Name)->start,
                    "the primary identifier (surname) is missing");

        r_.documentNumber = withoutFiller(field(MrzField::DocumentNumber));
        r_.optionalData = withoutFiller(field(MrzField::OptionalData));
        r_.optionalData2 = withoutFiller(field(MrzField::OptionalData2));

        const std::string_view sex = field(MrzField::Sex);
        const Span* sexSpan = span(MrzField::Sex);
        if (sex == "M" || sex == "F" || sex == "X")
            r_.sex = std::string(sex);
        else if (sex == "<")
            r_.sex = "X";
        else
            problem(MrzField::Sex, sexSpan->line, sexSpan->start,
                    describeChar(sex.empty() ? '?' : sex[0]) + " at " +
                        position(sexSpan->line, sexSpan->start) + " is not a sex code (M, F or <)");

        r_.dateOfBirth = readDate(MrzField::DateOfBirth, true);
        r_.dateOfExpiry = readDate(MrzField::DateOfExpiry, false);
        const MrzDate& dob = r_.dateOfBirth;
        if (dob.valid && dob.year &&
            compareDates(*dob.year, dob.month.value_or(1), dob.day.value_or(1), today_) > 0)
            problem(MrzField::DateOfBirth, span(MrzField::DateOfBirth)->line,
                    span(MrzField::DateOfBirth)->start, "the date of birth lies in the future");
        const MrzDate& exp = r_.dateOfExpiry;
        r_.expired = exp.valid && compareDates(*exp.year, *exp.month, *exp.day, today_) < 0;
    }

    // YYMMDD. A date of birth may show "<<" for an unknown month or day (ICAO 9303 Part 3).
    MrzDate readDate(MrzField f, bool birth) {
        const Span* s = span(f);
        MrzDate d;
        d.raw = std::string(text(*s));
        auto pair = [&](int i) -> std::optional<int> {
            const char a = d.raw[std::size_t(i)], b = d.raw[std::size_t(i + 1)];
            if (std::isdigit(static_cast<unsigned char>(a)) &&
                std::isdigit(static_cast<unsigned char>(b)))
                return (a - '0') * 10 + (b - '0');
            return std::nullopt;
        };
        auto unknown = [&](int i) {
            return d.raw[std::size_t(i)] == '<' && d.raw[std::size_t(i + 1)] == '<';
        };
        bool readable = true;
        for (int i = 0; i < 6; i += 2) {
            const bool fillerAllowed = birth && i > 0;
            if (!pair(i) && !(fillerAllowed && unknown(i))) {
                readable = false;
                for (int k = i; k < i + 2; ++k) {
                    const char c = d.raw[std::size_t(k)];
                    if (isMrzCharacter(c) && !std::isdigit(static_cast<unsigned char>(c)))
                        problem(f, s->line, s->start + k,
                                describeChar(c) + " at " + position(s->line, s->start + k) +
                                    " does not belong in the " + toString(f) + " (digits only)");
                }
            }
        }
        if (!readable)
            return d;
        const int yy = *pair(0);
        const int century = today_.year / 100 * 100;
        int year = century + yy;
        if (birth && year > today_.year)
            year -= 100;
        if (!birth && year > today_.year + 50)
            year -= 100;
        d.year = year;
        d.month = pair(2);
        d.day = d.month ? pair(4) : std::nullopt;
        d.valid = true;
        if (d.month && (*d.month < 1 || *d.month > 12)) {
            d.valid = false;
            problem(f, s->line, s->start + 2,
                    "the " + toString(f) + " has no month " + std::to_string(*d.month));
        } else if (d.month && d.day && (*d.day < 1 || *d.day > daysIn(year, *d.month))) {
            d.valid = false;
            problem(f, s->line, s->start + 4,
                    "the " + toString(f) + " has no day " + std::to_string(*d.day) + " in month " +
                        std::to_string(*d.month));
        }
        if (!birth && (!d.month || !d.day)) {
            d.valid = false;
            problem(f, s->line, s->start, "the date of expiry is incomplete");
        }
        return d;
    }

    std::string protectedData(const CheckSpec& spec) const {
        std::string data;
        for (const Span& s : spec.protects)
            data += text(s);
        return data;
    }

    void verify(const CheckSpec& spec) {
        if (spec.field == MrzField::DocumentNumber && extendedDocumentNumber(spec))
            return;
        MrzCheckDigit c;
        c.field = spec.field;
        c.line = spec.line;
        c.column = spec.column;
        c.printed = r_.lines[std::size_t(spec.line)][std::size_t(spec.column)];
        const std::string data = protectedData(spec);
        c.computed = mrzCheckDigit(data);
        c.status = judge(c.printed, c.computed,
                         // An empty personal number may carry '<' instead of 0 (Part 4 note).
                         spec.field == MrzField::OptionalData &&
                             data.find_first_not_of('<') == std::string::npos);
        r_.checks.push_back(c);
    }

    static CheckDigitStatus judge(char printed, std::optional<int> computed, bool fillerAllowed) {
        if (printed == '<' && fillerAllowed)
            return CheckDigitStatus::NotUsed;
        if (printed < '0' || printed > '9' || !computed)
            return CheckDigitStatus::Unreadable;
        return printed - '0' == *computed ? CheckDigitStatus::Valid : CheckDigitStatus::Wrong;
    }

    // TD1 and TD2 documents with a number longer than nine characters print '<' in the check
    // digit's place and continue the number at the start of the optional data, followed by its
    // check digit and a filler (ICAO 9303 Part 5 §4.2.2 note j, Part 6 §4.2.2 note j).
    bool extendedDocumentNumber(const CheckSpec& spec) {
        if (r_.format != MrzFormat::TD1 && r_.format != MrzFormat::TD2)
            return false;
        const std::string& line = r_.lines[std::size_t(spec.line)];
        const Span* optional = span(MrzField::OptionalData);
        if (line[std::size_t(spec.column)] != '<' || !optional)
            return false;
        const std::string_view opt = text(*optional);
        const std::size_t end = opt.find('<');
        if (end == 0)
            return false; // '<' with nothing following: an unreadable check digit, judged normally
        const std::string_view extension =
            opt.substr(0, end == std::string_view::npos ? opt.size() : end);
        MrzCheckDigit c;
        c.field = MrzField::DocumentNumber;
        c.line = optional->line;
        c.column = optional->start + int(extension.size()) - 1;
        c.printed = extension.back();
        const std::string number = std::string(field(MrzField::DocumentNumber)) +
                                   std::string(extension.substr(0, extension.size() - 1));
        c.computed = mrzCheckDigit(number);
        c.status = extension.size() < 2 ? CheckDigitStatus::Unreadable
                                        : judge(c.printed, c.computed, false);
        r_.checks.push_back(c);
        r_.documentNumber = withoutFiller(number);
        r_.optionalData =
            end == std::string_view::npos ? std::string() : withoutFiller(opt.substr(end));
        return true;
    }

    Layout layout_;
    CalendarDate today_;
    MrzRecord r_;
};

} // namespace

std::vector<std::string> splitMrzLines(std::string_view text) {
    std::vector<std::string> lines;
    std::string current;
    auto flush = [&] {
        const auto first = current.find_first_not_of(" \t");
        if (first != std::string::npos) {
            const auto last = current.find_last_not_of(" \t");
            lines.push_back(current.substr(first, last - first + 1));
        }
        current.clear();
    };
    for (char c : text) {
        if (c == '\r' || c == '\n')
            flush();
        else
            current += (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    }
    flush();
    if (lines.size() == 1) {
        const std::string one = lines.front();
        const int per = one.size() == 88 ? 44 : one.size() == 72 ? 36 : one.size() == 90 ? 30 : 0;
        if (per > 0) {
            lines.clear();
            for (std::size_t i = 0; i < one.size(); i += std::size_t(per))
                lines.push_back(one.substr(i, std::size_t(per)));
        }
    }
    return lines;
}

std::optional<MrzFormat> detectMrzFormat(const std::vector<std::string>& lines) {
    auto all = [&](std::size_t count, std::size_t length) {
        return lines.size() == count &&
               std::all_of(lines.begin(), lines.end(),
                           [&](const std::string& l) { return l.size() == length; });
    };
    const bool visa = !lines.empty() && !lines.front().empty() && lines.front().front() == 'V';
    if (all(3, 30))
        return MrzFormat::TD1;
    if (all(2, 36))
        return visa ? MrzFormat::MrvB : MrzFormat::TD2;
    if (all(2, 44))
        return visa ? MrzFormat::MrvA : MrzFormat::TD3;
    return std::nullopt;
}

MrzRecord parseMrz(std::string_view text, const CalendarDate& today) {
    std::vector<std::string> lines = splitMrzLines(text);
    const std::optional<MrzFormat> format = detectMrzFormat(lines);
    if (!format) {
        std::string found;
        for (const std::string& l : lines)
            found += (found.empty() ? "" : ", ") + std::to_string(l.size());
        throw BiometricError(
            BiometricErrorCode::MalformedTemplate,
            "the text is not a machine-readable zone: found " + std::to_string(lines.size()) +
                " line(s)" + (found.empty() ? "" : " of " + found) +
                " characters; expected 2 lines of 44 (passport), 2 of 36 or 3 of 30 (card)");
    }
    return Parser(*format, std::move(lines), today).run();
}

} // namespace umbral::biometrics
