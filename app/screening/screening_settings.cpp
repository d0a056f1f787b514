#include "app/screening/screening_settings.h"

#include "app/core/errors.h"

#include <QSettings>

namespace umbral::screening {

namespace {
[[noreturn]] void bad(const char* key, const QString& why) {
    throw Error(ErrorCode::InvalidInput, QStringLiteral("umbral.conf %1: %2").arg(QLatin1String(key), why));
}

double rate(QSettings& ini, const char* key, double fallback) {
    if (!ini.contains(QLatin1String(key)))
        return fallback;
    bool ok = false;
    const double v = ini.value(QLatin1String(key)).toString().toDouble(&ok);
    if (!ok || !(v > 0.0) || v >= 1.0)
        bad(key, QStringLiteral("a false-match rate is a number between 0 and 1 (for example 1e-6)"));
    return v;
}

double unit(QSettings& ini, const char* key, double fallback) {
    if (!ini.contains(QLatin1String(key)))
        return fallback;
    bool ok = false;
    const double v = ini.value(QLatin1String(key)).toString().toDouble(&ok);
    if (!ok || v < 0.0 || v > 1.0)
        bad(key, QStringLiteral("a score threshold is a number from 0 to 1"));
    return v;
}

int integer(QSettings& ini, const char* key, int fallback, int lo, int hi) {
    if (!ini.contains(QLatin1String(key)))
        return fallback;
    bool ok = false;
    const int v = ini.value(QLatin1String(key)).toString().toInt(&ok);
    if (!ok || v < lo || v > hi)
        bad(key, QStringLiteral("a whole number from %1 to %2").arg(lo).arg(hi));
    return v;
}

bool boolean(QSettings& ini, const char* key, bool fallback) {
    if (!ini.contains(QLatin1String(key)))
        return fallback;
    const QString v = ini.value(QLatin1String(key)).toString().trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("yes"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("0") || v == QLatin1String("no"))
        return false;
    bad(key, QStringLiteral("true or false"));
}

QStringList list(QSettings& ini, const char* key) {
    // QSettings returns a string list for comma-separated values and a string otherwise.
    const QVariant v = ini.value(QLatin1String(key));
    return v.typeId() == QMetaType::QStringList ? v.toStringList() : QStringList{v.toString()};
}
} // namespace

ScreeningSettings ScreeningSettings::load(const QString& file) {
    ScreeningSettings s;
    QSettings ini(file, QSettings::IniFormat);
    if (ini.contains("watchlist/trusted_keys"))
        s.trustedKeys = list(ini, "watchlist/trusted_keys");
    s.demoMode = boolean(ini, "watchlist/demo_mode", s.demoMode);
    s.maxAgeDays = integer(ini, "watchlist/max_age_days", s.maxAgeDays, 1, 3650);
    s.fingerRedFmr = rate(ini, "screening/finger_red_fmr", s.fingerRedFmr);
    s.fingerYellowFmr = rate(ini, "screening/finger_yellow_fmr", s.fingerYellowFmr);
    s.irisRedFmr = rate(ini, "screening/iris_red_fmr", s.irisRedFmr);
    s.irisYellowFmr = rate(ini, "screening/iris_yellow_fmr", s.irisYellowFmr);
    if (s.fingerYellowFmr < s.fingerRedFmr)
        bad("screening/finger_yellow_fmr", QStringLiteral("must not be below finger_red_fmr"));
    if (s.irisYellowFmr < s.irisRedFmr)
        bad("screening/iris_yellow_fmr", QStringLiteral("must not be below iris_red_fmr"));
    s.biographicYellow = unit(ini, "screening/biographic_yellow", s.biographicYellow);
    s.biographicReport = unit(ini, "screening/biographic_report", s.biographicReport);
    if (s.biographicReport > s.biographicYellow)
        bad("screening/biographic_report", QStringLiteral("must not be above biographic_yellow"));
    s.documentMatchRed = boolean(ini, "screening/document_match_red", s.documentMatchRed);
    s.corroboratedRed = boolean(ini, "screening/corroborated_red", s.corroboratedRed);
    if (ini.contains("screening/finger_gallery_positions")) {
        s.fingerGalleryPositions.clear();
        for (const QString& item : list(ini, "screening/finger_gallery_positions")) {
            for (const QString& p : item.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const auto pos = parseFingerPosition(p.trimmed());
                if (!pos || !isSingleFinger(*pos))
                    bad("screening/finger_gallery_positions", QStringLiteral("'%1' is not a finger").arg(p.trimmed()));
                s.fingerGalleryPositions.push_back(*pos);
            }
        }
        if (s.fingerGalleryPositions.empty())
            bad("screening/finger_gallery_positions", QStringLiteral("name at least one finger"));
    }
    s.fingerShortlist = integer(ini, "screening/finger_shortlist", s.fingerShortlist, 1, 1000);
    s.maxCandidates = integer(ini, "screening/max_candidates", s.maxCandidates, 1, 100);
    return s;
}

void ScreeningSettings::save(const QString& file) const {
    QSettings ini(file, QSettings::IniFormat);
    ini.setValue("watchlist/trusted_keys", trustedKeys.join(QLatin1Char(',')));
    ini.setValue("watchlist/demo_mode", demoMode);
    ini.setValue("watchlist/max_age_days", maxAgeDays);
    ini.setValue("screening/finger_red_fmr", QString::number(fingerRedFmr, 'g', 6));
    ini.setValue("screening/finger_yellow_fmr", QString::number(fingerYellowFmr, 'g', 6));
    ini.setValue("screening/iris_red_fmr", QString::number(irisRedFmr, 'g', 6));
    ini.setValue("screening/iris_yellow_fmr", QString::number(irisYellowFmr, 'g', 6));
    ini.setValue("screening/biographic_yellow", biographicYellow);
    ini.setValue("screening/biographic_report", biographicReport);
    ini.setValue("screening/document_match_red", documentMatchRed);
    ini.setValue("screening/corroborated_red", corroboratedRed);
    QStringList positions;
    for (FingerPosition p : fingerGalleryPositions)
        positions << toKey(p);
    ini.setValue("screening/finger_gallery_positions", positions.join(QLatin1Char(',')));
    ini.setValue("screening/finger_shortlist", fingerShortlist);
    ini.setValue("screening/max_candidates", maxCandidates);
    ini.sync();
}

TrustedKeys ScreeningSettings::trusted() const { return TrustedKeys::parse(trustedKeys, demoMode); }

} // namespace umbral::screening
