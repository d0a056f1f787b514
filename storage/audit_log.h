#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <vector>

namespace umbral::storage {

class Database;
class KeyRing;

struct AuditRecord {
    qint64 seq = 0;
    QDateTime at;      ///< UTC
    QString actor;     ///< user name, or "cli:<os user>", or "system"
    QString action;    ///< dotted verb: "user.add", "encounter.submit", "alert.dismiss", ...
    QString subject;   ///< what it acted on: an id, never personal data
    QString detail;    ///< free text without personal data
};

struct AuditVerification {
    bool ok = true;
    qint64 rowsChecked = 0;
    qint64 firstBrokenSeq = 0; ///< 0 when ok
    QString problem;           ///< what is wrong with that row, in words
};

/// The append-only, hash-chained audit log. Each row carries a keyed BLAKE2b hash of its own
/// content and of the hash of the row before it; a keyed "head" in station_meta records the
/// last row so that cutting rows off the end is found too. UPDATE and DELETE are refused by
/// triggers. Appends join the caller's transaction so an action and its audit row commit together.
class AuditLog {
public:
    AuditLog(Database& db, const KeyRing& keys) : db_(db), keys_(keys) {}

    /// Appends one row (inside the caller's transaction, if any). Returns its sequence number.
    qint64 append(const QString& actor, const QString& action, const QString& subject,
                  const QString& detail = {});
    /// Rows in order, newest last; `limit` 0 for all, `afterSeq` for paging.
    std::vector<AuditRecord> list(qint64 afterSeq = 0, int limit = 0) const;
    /// Walks the whole chain; reports the first row that does not verify.
    AuditVerification verify() const;

private:
    QByteArray rowHash(qint64 seq, const QString& at, const QString& actor, const QString& action,
                       const QString& subject, const QString& detail, const QByteArray& prev) const;
    QString headValue(qint64 seq, const QByteArray& hash) const;

    Database& db_;
    const KeyRing& keys_;
};

} // namespace umbral::storage
