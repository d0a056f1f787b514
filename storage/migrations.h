#pragma once

#include <QString>
#include <vector>

namespace umbral::storage {

class Database;

/// One forward-only schema step. `version` is the user_version after it ran.
struct Migration {
    int version;
    const char* description;
    const char* sql;
};

/// Every migration, in order. Never edit a released one: add the next.
const std::vector<Migration>& migrations();
int latestSchemaVersion();
/// The database's schema version (PRAGMA user_version).
int schemaVersion(Database& db);
/// Applies the migrations after the current version up to `target` (default: latest), each in
/// its own transaction. Refuses a database newer than this program. Returns the versions applied.
std::vector<int> migrate(Database& db, int target = -1);

} // namespace umbral::storage
