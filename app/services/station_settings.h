#pragma once

#include <QString>

namespace umbral::services {

/// Station configuration from umbral.conf (INI) in the configuration directory. Missing keys
/// take the defaults below; thresholds are configuration, not code.
struct StationSettings {
    QString lane = QStringLiteral("LANE-01");
    QString stationId = QStringLiteral("UMBRAL-STATION");
    int maxFailedLogins = 5;      ///< failed logins before lock-out
    int lockoutSeconds = 300;     ///< lock-out duration
    int idleLockSeconds = 300;    ///< desktop locks after this much inactivity
    QString language = QStringLiteral("en");

    static StationSettings load(const QString& settingsFile);
    void save(const QString& settingsFile) const;
};

} // namespace umbral::services
