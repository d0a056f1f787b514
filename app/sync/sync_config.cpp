#include "app/sync/sync_config.h"

#include <QSettings>
#include <algorithm>
#include <cmath>

namespace umbral::sync {

SyncConfig SyncConfig::load(const QString& settingsFile) {
    SyncConfig c;
    QSettings ini(settingsFile, QSettings::IniFormat);
    c.endpoint = ini.value("sync/endpoint").toString();
    c.exportDir = ini.value("sync/export_dir").toString();
    c.caFile = ini.value("sync/ca_file").toString();
    auto ms = [&](const char* key, std::chrono::milliseconds def) {
        return std::chrono::milliseconds(std::max<qint64>(1, ini.value(key, qint64(def.count())).toLongLong()));
    };
    c.requestTimeout = ms("sync/request_timeout_ms", c.requestTimeout);
    c.backoffBase = ms("sync/backoff_base_ms", c.backoffBase);
    c.backoffCap = ms("sync/backoff_cap_ms", c.backoffCap);
    c.pollInterval = ms("sync/poll_interval_ms", c.pollInterval);
    c.maxAttempts = std::max(0, ini.value("sync/max_attempts", 0).toInt());
    return c;
}

std::chrono::milliseconds retryDelay(const SyncConfig& config, int attempts, double random01) {
    const int exponent = std::clamp(attempts - 1, 0, 30);
    const double raw = double(config.backoffBase.count()) * std::pow(2.0, exponent);
    const double capped = std::min(raw, double(config.backoffCap.count()));
    const double jittered = capped * (0.5 + 0.5 * std::clamp(random01, 0.0, 1.0));
    return std::chrono::milliseconds(std::max<qint64>(1, qint64(jittered)));
}

} // namespace umbral::sync
