#include "storage/migrations.h"

#include "app/core/errors.h"
#include "storage/sqlite_database.h"

namespace umbral::storage {

namespace {

// Version 1: the station's core tables. Personal data and images live only in *_sealed
// columns (XChaCha20-Poly1305); document numbers are searchable only through doc_hash, a keyed
// BLAKE2b hash.
constexpr const char* kV1 = R"SQL(
CREATE TABLE station_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'administrator')),
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT,
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE encounters (
    id              TEXT PRIMARY KEY,
    lane            TEXT NOT NULL,
    officer_id      INTEGER REFERENCES users(id),
    officer_name    TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    doc_hash        BLOB,
    traveler_sealed BLOB NOT NULL,
    band            TEXT NOT NULL DEFAULT 'pending'
                    CHECK (band IN ('pending', 'green', 'yellow', 'red'))
) STRICT;
CREATE INDEX encounters_doc_hash ON encounters(doc_hash);
CREATE INDEX encounters_created ON encounters(created_at);

CREATE TABLE captures (
    id                      INTEGER PRIMARY KEY,
    encounter_id            TEXT NOT NULL REFERENCES encounters(id),
    slot                    TEXT NOT NULL,
    modality                TEXT NOT NULL CHECK (modality IN ('finger', 'iris')),
    position                INTEGER NOT NULL,
    width                   INTEGER NOT NULL,
    height                  INTEGER NOT NULL,
    ppi                     INTEGER NOT NULL,
    quality                 INTEGER NOT NULL,
    attempts                INTEGER NOT NULL,
    exception               TEXT NOT NULL,
    exception_reason_sealed BLOB,
    device_id               TEXT,
    captured_at             TEXT NOT NULL,
    image_sealed            BLOB,
    UNIQUE (encounter_id, slot)
) STRICT;

CREATE TABLE outbound_queue (
    id              INTEGER PRIMARY KEY,
    encounter_id    TEXT NOT NULL UNIQUE REFERENCES encounters(id),
    tcn             TEXT NOT NULL UNIQUE,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'acknowledged', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    acknowledged_at TEXT,
    ack_reference   TEXT
) STRICT;

CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)SQL";

// Version 2: sealed drafts of encounters in progress (resumed after a crash or power cut) and
// the index the sync worker uses to pick the next due queue row.
constexpr const char* kV2 = R"SQL(
CREATE TABLE encounter_drafts (
    user_id      INTEGER PRIMARY KEY REFERENCES users(id),
    encounter_id TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    draft_sealed BLOB NOT NULL
) STRICT;
CREATE INDEX outbound_queue_due ON outbound_queue(state, next_attempt_at);
)SQL";

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{
        {1, "core tables: users, encounters, captures, outbound queue, audit log", kV1},
        {2, "encounter drafts; outbound queue due index", kV2},
    };
    return all;
}

int latestSchemaVersion() { return migrations().back().version; }

int schemaVersion(Database& db) { return int(db.scalarInt("PRAGMA user_version")); }

std::vector<int> migrate(Database& db, int target) {
    if (target < 0)
        target = latestSchemaVersion();
    const int current = schemaVersion(db);
    if (current > latestSchemaVersion())
        throw Error(ErrorCode::Conflict,
                    QStringLiteral("database schema version %1 is newer than this program (%2); "
                                   "upgrade Umbral, do not downgrade the database")
                        .arg(current)
                        .arg(latestSchemaVersion()));
    std::vector<int> applied;
    for (const Migration& m : migrations()) {
        if (m.version <= current || m.version > target)
            continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.exec(QStringLiteral("PRAGMA user_version=%1").arg(m.version).toUtf8().constData());
        tx.commit();
        applied.push_back(m.version);
    }
    return applied;
}

} // namespace umbral::storage
