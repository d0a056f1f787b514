#include "app/screening/date_of_birth.h"

#include <QDate>
#include <QRegularExpression>

namespace umbral::screening {

namespace {
// An unknown part: 00, XX, << (or a mix, as some records write "X<").
int part(const QString& s, bool* ok) {
    *ok = true;
    bool unknown = true;
    for (QChar c : s)
        if (c != QLatin1Char('0') && c != QLatin1Char('X') && c != QLatin1Char('x') && c != QLatin1Char('<'))
            unknown = false;
    if (unknown)
        return 0;
    return s.toInt(ok);
}

int digitDifferences(const PartialDate& a, const PartialDate& b) {
    const QString x = QStringLiteral("%1%2%3").arg(a.year, 4, 10, QLatin1Char('0')).arg(a.month, 2, 10, QLatin1Char('0')).arg(a.day, 2, 10, QLatin1Char('0'));
    const QString y = QStringLiteral("%1%2%3").arg(b.year, 4, 10, QLatin1Char('0')).arg(b.month, 2, 10, QLatin1Char('0')).arg(b.day, 2, 10, QLatin1Char('0'));
    int n = 0;
    for (int i = 0; i < x.size(); ++i)
        n += x[i] != y[i];
    return n;
}
} // namespace

QString PartialDate::toString() const {
    if (year == 0)
        return {};
    QString s = QStringLiteral("%1").arg(year, 4, 10, QLatin1Char('0'));
    if (month == 0)
        return s;
    s += QStringLiteral("-%1").arg(month, 2, 10, QLatin1Char('0'));
    if (day == 0)
        return s;
    return s + QStringLiteral("-%1").arg(day, 2, 10, QLatin1Char('0'));
}

std::optional<PartialDate> parsePartialDate(const QString& input) {
    const QString text = input.trimmed();
    if (text.isEmpty())
        return PartialDate{};
    static const QRegularExpression dashed(QStringLiteral("^(\\d{4})(?:-([0-9Xx<]{2})(?:-([0-9Xx<]{2}))?)?$"));
    static const QRegularExpression compact(QStringLiteral("^(\\d{4})([0-9Xx<]{2})([0-9Xx<]{2})$"));
    QRegularExpressionMatch m = dashed.match(text);
    if (!m.hasMatch())
        m = compact.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    PartialDate d;
    bool ok = true;
    d.year = m.captured(1).toInt(&ok);
    if (!ok || d.year < 1800 || d.year > 2200)
        return std::nullopt;
    if (m.lastCapturedIndex() >= 2 && !m.captured(2).isEmpty()) {
        d.month = part(m.captured(2), &ok);
        if (!ok || d.month > 12)
            return std::nullopt;
    }
    if (m.lastCapturedIndex() >= 3 && !m.captured(3).isEmpty()) {
        d.day = part(m.captured(3), &ok);
        if (!ok || d.day > 31)
            return std::nullopt;
        if (d.month == 0 && d.day != 0)
            return std::nullopt; // a day without its month means nothing
        if (d.day != 0 && !QDate(d.year, d.month, d.day).isValid())
            return std::nullopt;
    }
    return d;
}

QString toKey(DateRelation r) {
    switch (r) {
    case DateRelation::Unknown: return QStringLiteral("unknown");
    case DateRelation::Exact: return QStringLiteral("exact");
    case DateRelation::Consistent: return QStringLiteral("consistent");
    case DateRelation::DayMonthSwapped: return QStringLiteral("day-month-swapped");
    case DateRelation::OneDigitTypo: return QStringLiteral("one-digit-typo");
    case DateRelation::Conflict: return QStringLiteral("conflict");
    }
    return {};
}

DateComparison compareDates(const PartialDate& a, const PartialDate& b) {
    if (a.isEmpty() || b.isEmpty())
        return {DateRelation::Unknown, 0.0};
    if (a.isComplete() && b.isComplete()) {
        if (a.year == b.year && a.month == b.month && a.day == b.day)
            return {DateRelation::Exact, 1.0};
        if (a.year == b.year && a.month == b.day && a.day == b.month)
            return {DateRelation::DayMonthSwapped, 0.85};
        if (digitDifferences(a, b) == 1)
            return {DateRelation::OneDigitTypo, 0.7};
        return {DateRelation::Conflict, 0.0};
    }
    // At least one side is partial: compare what both know.
    if (a.year != b.year)
        return {DateRelation::Conflict, 0.0};
    if (a.month != 0 && b.month != 0) {
        if (a.month != b.month) {
            // A partial side's month may be the other side's day (swap) only when both days are known,
            // which is the complete case above; here a different month is a different date.
            return {DateRelation::Conflict, 0.0};
        }
        if (a.day != 0 && b.day != 0 && a.day != b.day)
            return {DateRelation::Conflict, 0.0};
        return {DateRelation::Consistent, 0.9};
    }
    return {DateRelation::Consistent, 0.8};
}

} // namespace umbral::screening
