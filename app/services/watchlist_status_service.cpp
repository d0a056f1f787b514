#include "app/services/watchlist_status_service.h"

#include "app/services/access.h"
#include "storage/station_store.h"

#include <map>

namespace umbral::services {

WatchlistStatusService::WatchlistStatusService(storage::StationStore& store,
                                               screening::ScreeningSettings settings, Clock clock)
    : watchlist_(store, settings), settings_(std::move(settings)), clock_(std::move(clock)) {
    if (!clock_)
        clock_ = [] { return QDateTime::currentDateTimeUtc(); };
}

WatchlistStatus WatchlistStatusService::status(const Actor& actor) {
    require(actor, Permission::ManageWatchlist, "see the watchlist status");
    WatchlistStatus out;
    out.maxAgeDays = settings_.maxAgeDays;
    const QDateTime now = clock_();
    const auto stats = watchlist_.stats(actor);
    out.entries = stats.entries;
    // The latest package of each list says its version and age (packages come oldest first).
    std::map<QString, storage::WatchlistPackageRecord> latest;
    for (const auto& p : watchlist_.packages(actor))
        latest[p.listId] = p;
    for (const auto& [listId, p] : latest) {
        WatchlistListStatus s;
        s.listId = listId;
        s.version = p.version;
        s.kind = p.kind;
        s.issuer = p.issuer;
        s.createdAt = p.createdAt;
        s.expiresAt = p.expiresAt;
        s.importedAt = p.importedAt;
        s.importedBy = p.importedBy;
        const auto count = stats.entriesByList.find(listId);
        s.entries = count == stats.entriesByList.end() ? 0 : count->second;
        s.ageDays = p.createdAt.isValid() ? double(p.createdAt.secsTo(now)) / 86400.0 : 0.0;
        s.stale = s.ageDays > settings_.maxAgeDays;
        s.expired = p.expiresAt.isValid() && now > p.expiresAt;
        if (s.expired)
            out.warnings
                << QStringLiteral(
                       "Warning: the %1 list (version %2) expired on %3. Import a current package.")
                       .arg(listId)
                       .arg(p.version)
                       .arg(p.expiresAt.toString(Qt::ISODate));
        else if (s.stale)
            out.warnings << QStringLiteral("Warning: the %1 list (version %2) is %3 days old, more "
                                           "than the configured %4 "
                                           "days. Import a current package.")
                                .arg(listId)
                                .arg(p.version)
                                .arg(int(s.ageDays))
                                .arg(settings_.maxAgeDays);
        out.lists.push_back(s);
    }
    if (out.lists.empty())
        out.warnings << QStringLiteral(
            "Warning: no watchlist has been imported: screening cannot find anyone.");
    return out;
}

screening::ImportResult WatchlistStatusService::import(const Actor& actor, const QString& path,
                                                       const screening::ImportProgress& progress) {
    require(actor, Permission::ManageWatchlist, "import watchlist packages");
    return watchlist_.import(actor, path, progress);
}

} // namespace umbral::services
