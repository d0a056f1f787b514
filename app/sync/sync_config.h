#pragma once

#include <QString>
#include <chrono>

namespace umbral::sync {

/// How the station transmits its outbound queue ([sync] in umbral.conf).
struct SyncConfig {
    QString endpoint;           ///< https://central.example/transactions; empty: no network sync
    QString exportDir;          ///< removable media folder for offline stations; empty: none
    QString caFile;             ///< extra CA certificate(s) (PEM) trusted for the endpoint
    std::chrono::milliseconds requestTimeout{30000};
    std::chrono::milliseconds backoffBase{2000};   ///< first retry after about this long
    std::chrono::milliseconds backoffCap{900000};  ///< never wait longer than this (15 min)
    std::chrono::milliseconds pollInterval{5000};  ///< look for due rows this often when idle
    int maxAttempts = 0;        ///< 0: retry forever (transient errors); permanent errors park as failed

    static SyncConfig load(const QString& settingsFile);
};

/// Exponential backoff with jitter: base * 2^(attempts-1), capped, then scaled by a random
/// factor in [0.5, 1.0] ("equal jitter") so that stations coming back online together do not
/// retry in lock-step. `random01` is in [0, 1).
std::chrono::milliseconds retryDelay(const SyncConfig& config, int attempts, double random01);

} // namespace umbral::sync
