#pragma once

#include "storage/station_store.h"

#include <functional>

namespace umbral::enrollment {

/// Makes a demo station screen for real: turns on [watchlist] demo_mode (so the published demo
/// key is trusted), and, when the station has no watchlist yet, writes the signed demo package
/// of `identities` listed simulated travelers (screening::writeDemoWatchlist) and imports it.
/// Opens its own connection; run it off the UI thread (a few seconds: the package's prints are
/// generated). Returns the number of people listed afterwards. Throws umbral::Error.
int prepareDemoWatchlist(const storage::StationPaths& paths, int identities,
                         const std::function<void(int done, int total)>& progress = {});

} // namespace umbral::enrollment
