#include "storage/sqlite_database.h"

#include "app/core/errors.h"

#include <QStringList>
#include <sqlite3.h>

namespace umbral::storage {

namespace {
ErrorCode codeFor(int rc) {
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return ErrorCode::CorruptData;
    case SQLITE_CONSTRAINT:
        return ErrorCode::Conflict;
    default:
        return ErrorCode::StorageFailure;
    }
}

QString explain(int rc) {
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return QStringLiteral("the file is not a database or is encrypted/corrupt");
    case SQLITE_CORRUPT:
        return QStringLiteral("the database file is corrupt");
    case SQLITE_FULL:
        return QStringLiteral("the disk is full");
    case SQLITE_READONLY:
        return QStringLiteral("the database or its directory is read-only");
    case SQLITE_CANTOPEN:
        return QStringLiteral("the file cannot be opened (missing, or no permission)");
    case SQLITE_IOERR:
        return QStringLiteral("an input/output error (disk failure or full disk)");
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return QStringLiteral("permission denied");
    default:
        return {};
    }
}
} // namespace

void throwSqlite(sqlite3* db, int rc, const QString& context) {
    QString detail = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    const QString why = explain(rc);
    if (!why.isEmpty())
        detail = why + QStringLiteral(" (") + detail + QStringLiteral(")");
    throw Error(codeFor(rc), context + QStringLiteral(": ") + detail);
}

Statement::Statement(sqlite3* db, const char* sql) : db_(db) {
    const int rc = sqlite3_prepare_v3(db, sql, -1, 0, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        throwSqlite(db, rc, QStringLiteral("preparing a statement"));
}

Statement::~Statement() {
    if (stmt_)
        sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, qint64 value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, const QString& value) {
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(stmt_, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& value) {
    if (value.isNull())
        return bindNull(index);
    sqlite3_bind_blob(stmt_, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throwSqlite(db_, rc, QStringLiteral("executing a statement"));
}

void Statement::exec() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

qint64 Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

QString Statement::text(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL)
        return {};
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return QString::fromUtf8(p, sqlite3_column_bytes(stmt_, column));
}

QByteArray Statement::blob(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL)
        return {};
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? QByteArray(p, n) : QByteArray("");
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Database::Database(const QString& path, Mode mode) : path_(path) {
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const QByteArray p = path.toUtf8();
    const int rc = sqlite3_open_v2(p.constData(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        QString msg = QStringLiteral("opening database %1").arg(path);
        try {
            throwSqlite(db_, rc, msg);
        } catch (...) {
            sqlite3_close_v2(db_);
            db_ = nullptr;
            throw;
        }
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    try {
        // Reading the schema first turns "not a database" into a clear error before any write.
        scalarInt("SELECT count(*) FROM sqlite_schema");
        if (mode != Mode::ReadOnly) {
            // Large pages suit a database of image blobs (fewer pages, fewer overflow chains);
            // it takes effect only on a new, empty file.
            if (mode == Mode::ReadWriteCreate)
                exec("PRAGMA page_size=16384");
            exec("PRAGMA journal_mode=WAL");
        }
        // Every commit on this station is a promise (an encounter, a queue row, an audit row).
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
        exec("PRAGMA secure_delete=ON");
    } catch (const Error& e) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw Error(e.code(), QStringLiteral("database %1: %2").arg(path, e.message()));
    }
}

Database::~Database() {
    if (db_)
        sqlite3_close_v2(db_);
}

void Database::exec(const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
    if (err)
        sqlite3_free(err);
    if (rc != SQLITE_OK)
        throwSqlite(db_, rc, QStringLiteral("executing SQL"));
}

Statement Database::prepare(const char* sql) { return Statement(db_, sql); }

qint64 Database::scalarInt(const char* sql) {
    Statement s(db_, sql);
    return s.step() ? s.int64(0) : 0;
}

qint64 Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

QString Database::integrityCheck() {
    Statement s(db_, "PRAGMA integrity_check");
    QStringList lines;
    while (s.step() && lines.size() < 20)
        lines << s.text(0);
    return lines.join(QLatin1Char('\n'));
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
            // The connection may already have rolled back (e.g. after SQLITE_FULL).
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace umbral::storage
