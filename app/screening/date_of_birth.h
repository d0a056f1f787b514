#pragma once

// Dates of birth as border records hold them: often partial (only the year, or year and
// month), sometimes with day and month swapped (a US-style record read as European), sometimes
// with one digit mistyped.

#include <QString>
#include <optional>

namespace umbral::screening {

/// A date of birth with possibly unknown parts (0 = unknown).
struct PartialDate {
    int year = 0;
    int month = 0;
    int day = 0;

    bool isEmpty() const { return year == 0; }
    bool isComplete() const { return year != 0 && month != 0 && day != 0; }
    /// "1980-05-17", "1980-05", "1980", or "" when empty.
    QString toString() const;
};

/// Parses "YYYY-MM-DD", "YYYY-MM", "YYYY", "YYYYMMDD", with unknown parts written as 00, XX or
/// "<<" ("1980-00-00", "1980-XX-XX"). nullopt for anything else (an impossible month or day
/// included); an empty string gives an empty date.
std::optional<PartialDate> parsePartialDate(const QString& text);

/// How two dates of birth relate.
enum class DateRelation {
    Unknown,         ///< one or both dates missing: no evidence either way
    Exact,           ///< all parts known on both sides and equal
    Consistent,      ///< the parts both sides know agree (one side is partial)
    DayMonthSwapped, ///< same year, day and month swapped
    OneDigitTypo,    ///< differ in exactly one digit of YYYYMMDD
    Conflict,        ///< known parts differ: a different date
};
QString toKey(DateRelation relation); ///< "unknown", "exact", "consistent", ...

struct DateComparison {
    DateRelation relation = DateRelation::Unknown;
    /// Similarity in [0, 1]: exact 1.0; consistent 0.9 with year and month known on both sides,
    /// 0.8 with only the year; day/month swapped 0.85; one digit 0.7; conflict 0. Unknown 0
    /// (and not counted: see `known()`).
    double score = 0.0;
    bool known() const { return relation != DateRelation::Unknown; }
};

DateComparison compareDates(const PartialDate& a, const PartialDate& b);

} // namespace umbral::screening
