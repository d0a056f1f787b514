#include "app/enrollment/screening/demo_watchlist_setup.h"

#include "app/screening/demo_watchlist.h"
#include "app/screening/screening_service.h"
#include "app/screening/screening_settings.h"
#include "app/screening/watchlist_service.h"

#include <QDir>
#include <QFile>

namespace umbral::enrollment {

int prepareDemoWatchlist(const storage::StationPaths& paths, int identities,
                         const std::function<void(int, int)>& progress) {
    screening::ScreeningSettings settings =
        screening::ScreeningSettings::load(paths.settingsFile());
    if (!settings.demoMode) {
        settings.demoMode = true;
        settings.save(paths.settingsFile());
    }
    storage::StationStore store(paths, storage::StationStore::Open::ExistingOnly,
                                storage::StationStore::Schema::RequireCurrent);
    {
        screening::ScreeningService service(store, settings);
        if (const int people = service.engine()->people(); people > 0)
            return people;
    }
    const QString package = QDir(paths.dataDir).filePath(QStringLiteral("demo-watchlist.umbralwl"));
    screening::DemoWatchlistOptions options;
    options.identities = identities;
    options.threads = 1; // in the background of a running station: leave the other core alone
    options.progress = progress;
    screening::writeDemoWatchlist(package, options);
    screening::WatchlistService watchlist(store, settings);
    const Actor system{0, QStringLiteral("system:demo"), Role::Administrator};
    watchlist.import(system, package);
    QFile::remove(package);
    screening::ScreeningService service(store, settings);
    return service.engine()->people();
}

} // namespace umbral::enrollment
