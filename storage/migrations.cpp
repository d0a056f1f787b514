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

// Version 3: the watchlist and screening. A package row per imported signed package (list,
// version, issuer, signing key, creation and expiry). Entries keep category and severity in
// clear for counting and filtering; everything that identifies a person (names, aliases, date
// of birth, nationality, sex, documents, handling instructions) is sealed in biographic_sealed,
// document numbers are searchable only through doc_hash (the station's keyed look-up hash), and
// every fingerprint or iris sample is sealed. Screening results and alerts belong to an
// encounter; their evidence and a supervisor's reason are sealed (they quote names). Alerts
// name the listed person by list and entry id, so they outlive a package that removes the entry.
constexpr const char* kV3 = R"SQL(
CREATE TABLE watchlist_packages (
    id           INTEGER PRIMARY KEY,
    list_id      TEXT NOT NULL,
    version      INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('full', 'delta')),
    base_version INTEGER,
    issuer       TEXT NOT NULL,
    key_id       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    entry_count  INTEGER NOT NULL,
    file_sha256  TEXT NOT NULL,
    UNIQUE (list_id, version)
) STRICT;

CREATE TABLE watchlist_entries (
    id                INTEGER PRIMARY KEY,
    list_id           TEXT NOT NULL,
    entry_id          TEXT NOT NULL,
    category          TEXT NOT NULL
                      CHECK (category IN ('kst', 'criminal-warrant', 'immigration-violation', 'other')),
    severity          INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
    package_version   INTEGER NOT NULL,
    biographic_sealed BLOB NOT NULL,
    UNIQUE (list_id, entry_id)
) STRICT;

CREATE TABLE watchlist_documents (
    entry_ref INTEGER NOT NULL REFERENCES watchlist_entries(id) ON DELETE CASCADE,
    doc_hash  BLOB NOT NULL
) STRICT;
CREATE INDEX watchlist_documents_hash ON watchlist_documents(doc_hash);
CREATE INDEX watchlist_documents_entry ON watchlist_documents(entry_ref);

CREATE TABLE watchlist_biometrics (
    id          INTEGER PRIMARY KEY,
    entry_ref   INTEGER NOT NULL REFERENCES watchlist_entries(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    modality    TEXT NOT NULL CHECK (modality IN ('finger', 'iris')),
    position    INTEGER NOT NULL,
    format      TEXT NOT NULL CHECK (format IN ('image', 'iso-19794-2', 'iris-code')),
    ppi         INTEGER NOT NULL,
    data_sealed BLOB NOT NULL,
    UNIQUE (entry_ref, ordinal)
) STRICT;
CREATE INDEX watchlist_biometrics_modality ON watchlist_biometrics(modality, format);

CREATE TABLE screening_results (
    id                 INTEGER PRIMARY KEY,
    encounter_id       TEXT NOT NULL REFERENCES encounters(id),
    screened_at        TEXT NOT NULL,
    screened_by        TEXT NOT NULL,
    band               TEXT NOT NULL CHECK (band IN ('green', 'yellow', 'red')),
    watchlist_versions TEXT NOT NULL,
    candidate_count    INTEGER NOT NULL,
    duration_ms        INTEGER NOT NULL,
    summary_sealed     BLOB NOT NULL
) STRICT;
CREATE INDEX screening_results_encounter ON screening_results(encounter_id);

CREATE TABLE alerts (
    id                     INTEGER PRIMARY KEY,
    encounter_id           TEXT NOT NULL REFERENCES encounters(id),
    screening_id           INTEGER NOT NULL REFERENCES screening_results(id),
    list_id                TEXT NOT NULL,
    entry_id               TEXT NOT NULL,
    category               TEXT NOT NULL,
    severity               INTEGER NOT NULL,
    band                   TEXT NOT NULL CHECK (band IN ('yellow', 'red')),
    state                  TEXT NOT NULL CHECK (state IN ('open', 'confirmed', 'dismissed', 'escalated')),
    score                  REAL NOT NULL,
    evidence_sealed        BLOB NOT NULL,
    created_at             TEXT NOT NULL,
    decided_by             TEXT,
    decided_at             TEXT,
    decision_reason_sealed BLOB
) STRICT;
CREATE INDEX alerts_state ON alerts(state, created_at);
CREATE INDEX alerts_encounter ON alerts(encounter_id);
)SQL";

// Version 4: supervisors' decisions on alerts, one row per decision, append-only. A decision
// either changes the alert's state ("applied") or, for a red alert that needs a second
// supervisor, records the first of the two ("proposed"). The reason is personal data (it may
// quote names): sealed with the row's alert, time and actor as context.
constexpr const char* kV4 = R"SQL(
CREATE TABLE alert_decisions (
    id            INTEGER PRIMARY KEY,
    alert_id      INTEGER NOT NULL REFERENCES alerts(id),
    decided_at    TEXT NOT NULL,
    actor         TEXT NOT NULL,
    actor_id      INTEGER NOT NULL,
    decision      TEXT NOT NULL CHECK (decision IN ('confirm', 'dismiss', 'escalate')),
    effect        TEXT NOT NULL CHECK (effect IN ('proposed', 'applied')),
    state_before  TEXT NOT NULL CHECK (state_before IN ('open', 'confirmed', 'dismissed', 'escalated')),
    state_after   TEXT NOT NULL CHECK (state_after IN ('open', 'confirmed', 'dismissed', 'escalated')),
    reason_sealed BLOB NOT NULL
) STRICT;
CREATE INDEX alert_decisions_alert ON alert_decisions(alert_id, id);
CREATE INDEX alerts_created ON alerts(created_at);
CREATE TRIGGER alert_decisions_no_update BEFORE UPDATE ON alert_decisions
BEGIN SELECT RAISE(ABORT, 'alert decisions are append-only'); END;
CREATE TRIGGER alert_decisions_no_delete BEFORE DELETE ON alert_decisions
BEGIN SELECT RAISE(ABORT, 'alert decisions are append-only'); END;
)SQL";

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{
        {1, "core tables: users, encounters, captures, outbound queue, audit log", kV1},
        {2, "encounter drafts; outbound queue due index", kV2},
        {3, "watchlist packages, entries, documents, biometrics; screening results and alerts", kV3},
        {4, "alert decisions (four-eyes adjudication)", kV4},
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
