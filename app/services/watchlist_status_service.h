#pragma once

#include "app/core/user.h"
#include "app/screening/screening_settings.h"
#include "app/screening/watchlist_service.h"

#include <QDateTime>
#include <functional>
#include <vector>

namespace umbral::storage {
class StationStore;
}

namespace umbral::services {

/// One list of the station's watchlist, as the administrator's page shows it.
struct WatchlistListStatus {
    QString listId;
    qint64 version = 0;
    QString kind; ///< kind of the latest package: "full" or "delta"
    QString issuer;
    QDateTime createdAt; ///< when the issuer built the latest package
    QDateTime expiresAt;
    QDateTime importedAt;
    QString importedBy;
    qint64 entries = 0;
    double ageDays = 0.0; ///< since createdAt
    bool stale = false;   ///< older than [watchlist] max_age_days
    bool expired = false; ///< past expiresAt
};

struct WatchlistStatus {
    std::vector<WatchlistListStatus> lists;
    int maxAgeDays = 7;
    qint64 entries = 0;
    /// Sentences for the administrator: stale or expired lists, or no watchlist at all.
    QStringList warnings;
};

/// The watchlist for administrators (ManageWatchlist): what is loaded, how old it is, and the
/// import of a package with progress. Imports go through screening::WatchlistService (one
/// transaction, refusals audited and changing nothing).
class WatchlistStatusService {
public:
    using Clock = std::function<QDateTime()>;
    WatchlistStatusService(storage::StationStore& store, screening::ScreeningSettings settings,
                           Clock clock = {});

    /// Checks and converts each entry's samples at import (see screening::SamplePreparer).
    void setSamplePreparer(screening::SamplePreparer preparer) {
        watchlist_.setSamplePreparer(std::move(preparer));
    }

    WatchlistStatus status(const Actor& actor);
    screening::ImportResult import(const Actor& actor, const QString& path,
                                   const screening::ImportProgress& progress = {});

private:
    screening::WatchlistService watchlist_;
    screening::ScreeningSettings settings_;
    Clock clock_;
};

} // namespace umbral::services
