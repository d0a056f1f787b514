#include "app/screening/mrz_traveler.h"

#include "app/core/errors.h"

#include <QRegularExpression>
#include <QStringList>

namespace umbral::screening {

namespace {
QString field(const QString& line, int from, int length) {
    QString s = line.mid(from, length);
    while (s.endsWith(QLatin1Char('<')))
        s.chop(1);
    return s.replace(QLatin1Char('<'), QLatin1Char(' ')).trimmed();
}

// YYMMDD -> YYYY-MM-DD (partial when parts are '<'); the century puts the date in the past.
QString birthDate(const QString& yymmdd, const QDate& today) {
    bool okY = false;
    const int yy = yymmdd.left(2).toInt(&okY);
    if (!okY)
        return {};
    int year = 2000 + yy;
    if (year > today.year())
        year -= 100;
    bool okM = false, okD = false;
    const int mm = yymmdd.mid(2, 2).toInt(&okM), dd = yymmdd.mid(4, 2).toInt(&okD);
    QString s = QString::number(year);
    if (!okM || mm == 0)
        return s;
    s += QStringLiteral("-%1").arg(mm, 2, 10, QLatin1Char('0'));
    if (!okD || dd == 0)
        return s;
    if (QDate(year, mm, dd) > today)
        s = QStringLiteral("%1-%2-%3").arg(year - 100).arg(mm, 2, 10, QLatin1Char('0')).arg(dd, 2, 10, QLatin1Char('0'));
    else
        s += QStringLiteral("-%1").arg(dd, 2, 10, QLatin1Char('0'));
    return s;
}

void setName(Traveler& t, const QString& nameField) {
    const int split = nameField.indexOf(QStringLiteral("<<"));
    const QString surname = split >= 0 ? nameField.left(split) : nameField;
    const QString given = split >= 0 ? nameField.mid(split + 2) : QString();
    t.surname = QString(surname).replace(QLatin1Char('<'), QLatin1Char(' ')).simplified();
    t.givenNames = QString(given).replace(QLatin1Char('<'), QLatin1Char(' ')).simplified();
}
} // namespace

Traveler travelerFromMrz(const QString& text, const QDate& today) {
    QStringList lines;
    for (const QString& l : text.split(QRegularExpression(QStringLiteral("[\\r\\n]+")), Qt::SkipEmptyParts))
        lines << l.trimmed().toUpper();
    if (lines.size() == 1) {
        const QString z = lines.front();
        const int n = int(z.size());
        if (n == 90)
            lines = {z.mid(0, 30), z.mid(30, 30), z.mid(60, 30)};
        else if (n == 88 || n == 72)
            lines = {z.left(n / 2), z.mid(n / 2)};
    }
    QStringList lengths;
    for (const QString& l : lines)
        lengths << QString::number(l.size());
    Traveler t;
    TravelDocument& d = t.document;
    d.mrz = lines.join(QLatin1Char('\n'));
    if (lines.size() == 3 && lines[0].size() == 30 && lines[1].size() == 30 && lines[2].size() == 30) { // TD1
        d.documentCode = field(lines[0], 0, 2);
        d.issuingState = field(lines[0], 2, 3);
        d.number = field(lines[0], 5, 9);
        t.dateOfBirth = birthDate(lines[1].mid(0, 6), today);
        t.sex = field(lines[1], 7, 1);
        d.expiry = lines[1].mid(8, 6);
        d.nationality = field(lines[1], 15, 3);
        setName(t, lines[2]);
    } else if (lines.size() == 2 && ((lines[0].size() == 44 && lines[1].size() == 44) || (lines[0].size() == 36 && lines[1].size() == 36))) {
        const int n = int(lines[0].size()); // TD3 / MRV-A (44) or TD2 / MRV-B (36)
        d.documentCode = field(lines[0], 0, 2);
        d.issuingState = field(lines[0], 2, 3);
        setName(t, lines[0].mid(5, n - 5));
        d.number = field(lines[1], 0, 9);
        d.nationality = field(lines[1], 10, 3);
        t.dateOfBirth = birthDate(lines[1].mid(13, 6), today);
        t.sex = field(lines[1], 20, 1);
        d.expiry = lines[1].mid(21, 6);
    } else {
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("the MRZ has %1 line(s) of %2 characters; ICAO 9303 zones are 3 x 30 (TD1), "
                                   "2 x 36 (TD2) or 2 x 44 (TD3)").arg(lines.size()).arg(lengths.join(QLatin1Char('/'))));
    }
    t.nationality = d.nationality;
    return t;
}

} // namespace umbral::screening
