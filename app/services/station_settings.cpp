#include "app/services/station_settings.h"

#include <QSettings>

namespace umbral::services {

StationSettings StationSettings::load(const QString& file) {
    StationSettings s;
    QSettings ini(file, QSettings::IniFormat);
    s.lane = ini.value("station/lane", s.lane).toString();
    s.stationId = ini.value("station/id", s.stationId).toString();
    s.maxFailedLogins = qBound(1, ini.value("security/max_failed_logins", s.maxFailedLogins).toInt(), 100);
    s.lockoutSeconds = qBound(0, ini.value("security/lockout_seconds", s.lockoutSeconds).toInt(), 86400);
    s.idleLockSeconds = qBound(30, ini.value("security/idle_lock_seconds", s.idleLockSeconds).toInt(), 86400);
    s.language = ini.value("ui/language", s.language).toString();
    return s;
}

void StationSettings::save(const QString& file) const {
    QSettings ini(file, QSettings::IniFormat);
    ini.setValue("station/lane", lane);
    ini.setValue("station/id", stationId);
    ini.setValue("security/max_failed_logins", maxFailedLogins);
    ini.setValue("security/lockout_seconds", lockoutSeconds);
    ini.setValue("security/idle_lock_seconds", idleLockSeconds);
    ini.setValue("ui/language", language);
    ini.sync();
}

} // namespace umbral::services
