#pragma once

// A station database in a temporary directory for tests: data and configuration in separate
// folders, as on a real station.
#include "storage/station_store.h"

#include <QTemporaryDir>
#include <memory>

namespace umbral::testing {

struct TempStation {
    QTemporaryDir root;
    storage::StationPaths paths;
    std::unique_ptr<storage::StationStore> store;

    TempStation() {
        paths.dataDir = root.filePath(QStringLiteral("data"));
        paths.configDir = root.filePath(QStringLiteral("config"));
    }
    storage::StationStore& open(storage::StationStore::Open mode = storage::StationStore::Open::CreateIfMissing) {
        store = std::make_unique<storage::StationStore>(paths, mode, storage::StationStore::Schema::MigrateForward);
        return *store;
    }
    void close() { store.reset(); }
};

} // namespace umbral::testing
