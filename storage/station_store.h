#pragma once

#include "storage/alert_repository.h"
#include "storage/audit_log.h"
#include "storage/encounter_repository.h"
#include "storage/key_ring.h"
#include "storage/outbound_queue.h"
#include "storage/sqlite_database.h"
#include "storage/user_repository.h"
#include "storage/watchlist_repository.h"

#include <QString>
#include <memory>

namespace umbral::storage {

/// Where a station keeps its things. The key file lives in the configuration directory, never
/// beside the database, so a copy of the data directory alone reveals nothing.
struct StationPaths {
    QString dataDir;   ///< holds umbral.db (and its -wal/-shm)
    QString configDir; ///< holds keys/<database-id>.key and umbral.conf

    QString databaseFile() const;
    QString keyFileFor(const QString& databaseId) const;
    QString settingsFile() const;
    /// --data-dir / UMBRAL_DATA_DIR / the platform's app data location; likewise
    /// --config-dir / UMBRAL_CONFIG_DIR / the platform's config location.
    static StationPaths resolve(const QString& dataDirOption, const QString& configDirOption);
};

/// One open station database with its key ring and repositories. Opening checks, in order:
/// the data directory, the database file (a corrupt or foreign file is refused, never
/// overwritten), the schema version, the key file that belongs to this database (never created
/// over an existing database) and its key-check value.
class StationStore {
public:
    enum class Open {
        ExistingOnly,    ///< refuse when there is no database yet
        CreateIfMissing, ///< create database and key when neither exists
    };
    enum class Schema {
        RequireCurrent,  ///< refuse an older schema (tell the user to run `db migrate`)
        MigrateForward,  ///< migrate an older schema forward
        AsIs,            ///< open whatever version (db check / db migrate)
    };

    StationStore(const StationPaths& paths, Open open, Schema schema);
    ~StationStore();

    Database& db() { return *db_; }
    const KeyRing& keys() const { return *keys_; }
    const StationPaths& paths() const { return paths_; }
    QString databaseId() const { return databaseId_; }
    bool createdNow() const { return createdNow_; }

    UserRepository users() { return UserRepository(*db_); }
    EncounterRepository encounters() { return EncounterRepository(*db_, *keys_); }
    OutboundQueue queue() { return OutboundQueue(*db_); }
    AuditLog audit() { return AuditLog(*db_, *keys_); }
    WatchlistRepository watchlist() { return WatchlistRepository(*db_, *keys_); }
    AlertRepository alerts() { return AlertRepository(*db_, *keys_); }

private:
    void createNew();
    void openExisting(Schema schema);

    StationPaths paths_;
    std::unique_ptr<Database> db_;
    std::unique_ptr<KeyRing> keys_;
    QString databaseId_;
    bool createdNow_ = false;
};

} // namespace umbral::storage
