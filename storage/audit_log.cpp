#include "storage/audit_log.h"

#include "app/core/errors.h"
#include "storage/key_ring.h"
#include "storage/sqlite_database.h"

#include <QDataStream>
#include <QIODevice>

namespace umbral::storage {

namespace {
const QByteArray kGenesis(32, '\0');
constexpr const char* kHeadKey = "audit_head";

QString isoNow() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }
} // namespace

QByteArray AuditLog::rowHash(qint64 seq, const QString& at, const QString& actor,
                             const QString& action, const QString& subject, const QString& detail,
                             const QByteArray& prev) const {
    // Length-prefixed fields: no two different rows serialise to the same bytes.
    QByteArray message;
    QDataStream out(&message, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    auto bytes = [](const QString& s) { return s.isNull() ? QByteArray("") : s.toUtf8(); };
    out << qint64(seq) << bytes(at) << bytes(actor) << bytes(action) << bytes(subject) << bytes(detail)
        << prev;
    return keys_.auditHash(message);
}

QString AuditLog::headValue(qint64 seq, const QByteArray& hash) const {
    QByteArray message = QByteArrayLiteral("head:") + QByteArray::number(seq) + ':' + hash;
    return QString::number(seq) + QLatin1Char(':') +
           QString::fromLatin1(keys_.auditHash(message).toHex());
}

qint64 AuditLog::append(const QString& actor, const QString& action, const QString& subject,
                        const QString& detail) {
    qint64 prevSeq = 0;
    QByteArray prev = kGenesis;
    {
        Statement last = db_.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (last.step()) {
            prevSeq = last.int64(0);
            prev = last.blob(1);
        }
    }
    const qint64 seq = prevSeq + 1;
    const QString at = isoNow();
    // Null and empty strings must hash alike: what is read back is always a (possibly empty) string.
    const QString text = detail.isNull() ? QStringLiteral("") : detail;
    const QByteArray hash = rowHash(seq, at, actor, action, subject, text, prev);
    db_.prepare("INSERT INTO audit_log(seq, at, actor, action, subject, detail, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, seq)
        .bind(2, at)
        .bind(3, actor)
        .bind(4, action)
        .bind(5, subject)
        .bind(6, text)
        .bind(7, prev)
        .bind(8, hash)
        .exec();
    db_.prepare("INSERT INTO station_meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, QString::fromLatin1(kHeadKey))
        .bind(2, headValue(seq, hash))
        .exec();
    return seq;
}

std::vector<AuditRecord> AuditLog::list(qint64 afterSeq, int limit) const {
    Statement s = db_.prepare("SELECT seq, at, actor, action, subject, detail FROM audit_log "
                              "WHERE seq > ? ORDER BY seq LIMIT ?");
    s.bind(1, afterSeq).bind(2, limit > 0 ? qint64(limit) : qint64(-1));
    std::vector<AuditRecord> rows;
    while (s.step())
        rows.push_back({s.int64(0), QDateTime::fromString(s.text(1), Qt::ISODateWithMs), s.text(2),
                        s.text(3), s.text(4), s.text(5)});
    return rows;
}

AuditVerification AuditLog::verify() const {
    AuditVerification result;
    Statement s = db_.prepare("SELECT seq, at, actor, action, subject, detail, prev_hash, hash "
                              "FROM audit_log ORDER BY seq");
    QByteArray expectedPrev = kGenesis;
    qint64 expectedSeq = 1;
    auto broken = [&](qint64 seq, const QString& why) {
        result.ok = false;
        result.firstBrokenSeq = seq;
        result.problem = why;
        return result;
    };
    while (s.step()) {
        const qint64 seq = s.int64(0);
        const QByteArray prev = s.blob(6);
        const QByteArray stored = s.blob(7);
        if (seq != expectedSeq)
            return broken(seq, seq > expectedSeq
                                   ? QStringLiteral("rows %1 to %2 are missing").arg(expectedSeq).arg(seq - 1)
                                   : QStringLiteral("sequence out of order"));
        if (prev != expectedPrev)
            return broken(seq, QStringLiteral("does not follow the row before it (removed, "
                                              "inserted or reordered rows)"));
        const QByteArray computed =
            rowHash(seq, s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), prev);
        if (computed != stored)
            return broken(seq, QStringLiteral("content changed after it was written"));
        expectedPrev = stored;
        ++expectedSeq;
        ++result.rowsChecked;
    }
    Statement head = db_.prepare("SELECT value FROM station_meta WHERE key = ?");
    head.bind(1, QString::fromLatin1(kHeadKey));
    const QString recorded = head.step() ? head.text(0) : QString();
    const qint64 lastSeq = expectedSeq - 1;
    if (lastSeq == 0 && recorded.isEmpty())
        return result;
    if (recorded != headValue(lastSeq, expectedPrev)) {
        const qint64 recordedSeq = recorded.section(QLatin1Char(':'), 0, 0).toLongLong();
        if (recordedSeq > lastSeq)
            return broken(lastSeq + 1,
                          QStringLiteral("rows %1 to %2 were cut off the end").arg(lastSeq + 1).arg(recordedSeq));
        return broken(lastSeq, QStringLiteral("the recorded head of the chain does not match"));
    }
    return result;
}

} // namespace umbral::storage
