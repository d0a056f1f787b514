#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <span>

struct sqlite3;
struct sqlite3_stmt;

namespace umbral::storage {

/// A prepared statement. Bind by 1-based index, step, read columns. Resets on destruction.
class Statement {
public:
    Statement(sqlite3* db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);   ///< null QString binds NULL
    Statement& bind(int index, const QByteArray& value); ///< null QByteArray binds NULL
    Statement& bindNull(int index);

    /// Steps once. true: a row is available; false: done. Throws umbral::Error on failure.
    bool step();
    /// Steps to completion, for statements without results.
    void exec();
    void reset();

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// One SQLite connection (C API) with the station's settings: WAL, synchronous=FULL, foreign
/// keys on, a busy timeout. Errors become umbral::Error with a message naming the file.
class Database {
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

    Database(const QString& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs one or more statements without results.
    void exec(const char* sql);
    Statement prepare(const char* sql);
    /// The first column of the first row of `sql` as integer (0 when there is no row).
    qint64 scalarInt(const char* sql);
    qint64 lastInsertId() const;
    int changes() const;
    /// `PRAGMA integrity_check` result: "ok" or the first problems.
    QString integrityCheck();
    const QString& path() const { return path_; }
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    QString path_;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed without commit().
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

/// Throws umbral::Error for a SQLite result code; `context` says what was being done.
[[noreturn]] void throwSqlite(sqlite3* db, int rc, const QString& context);

} // namespace umbral::storage
