#include "storage/outbound_queue.h"

#include "app/core/errors.h"
#include "storage/sqlite_database.h"

namespace umbral::storage {

namespace {
QString iso(const QDateTime& t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); }
QDateTime fromIso(const QString& s) {
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs);
}
constexpr const char* kSelect =
    "SELECT id, encounter_id, tcn, state, attempts, last_error, next_attempt_at, created_at, "
    "updated_at, acknowledged_at, ack_reference FROM outbound_queue ";

QueueItem readItem(const Statement& s) {
    QueueItem q;
    q.id = s.int64(0);
    q.encounterId = s.text(1);
    q.tcn = s.text(2);
    q.state = parseQueueState(s.text(3)).value_or(QueueState::Pending);
    q.attempts = int(s.int64(4));
    q.lastError = s.text(5);
    q.nextAttemptAt = fromIso(s.text(6));
    q.createdAt = fromIso(s.text(7));
    q.updatedAt = fromIso(s.text(8));
    q.acknowledgedAt = fromIso(s.text(9));
    q.ackReference = s.text(10);
    return q;
}
} // namespace

QString toKey(QueueState s) {
    switch (s) {
    case QueueState::Pending:
        return QStringLiteral("pending");
    case QueueState::Sending:
        return QStringLiteral("sending");
    case QueueState::Acknowledged:
        return QStringLiteral("acknowledged");
    case QueueState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<QueueState> parseQueueState(const QString& text) {
    for (QueueState s : {QueueState::Pending, QueueState::Sending, QueueState::Acknowledged,
                         QueueState::Failed})
        if (text.compare(toKey(s), Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

qint64 OutboundQueue::enqueue(const QString& encounterId, const QString& tcn) {
    const QString now = iso(QDateTime::currentDateTimeUtc());
    db_.prepare("INSERT INTO outbound_queue(encounter_id, tcn, state, attempts, created_at, updated_at) "
                "VALUES (?, ?, 'pending', 0, ?, ?)")
        .bind(1, encounterId)
        .bind(2, tcn)
        .bind(3, now)
        .bind(4, now)
        .exec();
    return db_.lastInsertId();
}

std::optional<QueueItem> OutboundQueue::claimNext(const QDateTime& now) {
    Transaction tx(db_);
    Statement s = db_.prepare((QByteArray(kSelect) +
                               "WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) "
                               "ORDER BY id LIMIT 1")
                                  .constData());
    s.bind(1, iso(now));
    if (!s.step())
        return std::nullopt;
    QueueItem item = readItem(s);
    item.state = QueueState::Sending;
    item.attempts += 1;
    db_.prepare("UPDATE outbound_queue SET state = 'sending', attempts = ?, updated_at = ? WHERE id = ?")
        .bind(1, item.attempts)
        .bind(2, iso(now))
        .bind(3, item.id)
        .exec();
    tx.commit();
    return item;
}

bool OutboundQueue::acknowledge(const QString& tcn, const QString& reference) {
    const QString now = iso(QDateTime::currentDateTimeUtc());
    db_.prepare("UPDATE outbound_queue SET state = 'acknowledged', acknowledged_at = ?, "
                "ack_reference = ?, updated_at = ?, last_error = NULL "
                "WHERE tcn = ? AND state != 'acknowledged'")
        .bind(1, now)
        .bind(2, reference)
        .bind(3, now)
        .bind(4, tcn)
        .exec();
    return db_.changes() > 0;
}

void OutboundQueue::recordFailure(qint64 id, const QString& error, const QDateTime& retryAt) {
    db_.prepare("UPDATE outbound_queue SET state = ?, last_error = ?, next_attempt_at = ?, updated_at = ? "
                "WHERE id = ? AND state != 'acknowledged'")
        .bind(1, retryAt.isValid() ? QStringLiteral("pending") : QStringLiteral("failed"))
        .bind(2, error)
        .bind(3, iso(retryAt))
        .bind(4, iso(QDateTime::currentDateTimeUtc()))
        .bind(5, id)
        .exec();
}

int OutboundQueue::recoverInterrupted() {
    db_.prepare("UPDATE outbound_queue SET state = 'pending', updated_at = ? WHERE state = 'sending'")
        .bind(1, iso(QDateTime::currentDateTimeUtc()))
        .exec();
    return db_.changes();
}

int OutboundQueue::retryFailed() {
    db_.prepare("UPDATE outbound_queue SET state = 'pending', next_attempt_at = NULL, updated_at = ? "
                "WHERE state = 'failed'")
        .bind(1, iso(QDateTime::currentDateTimeUtc()))
        .exec();
    return db_.changes();
}

std::vector<QueueItem> OutboundQueue::list(std::optional<QueueState> state, int limit) const {
    Statement s = db_.prepare(
        (QByteArray(kSelect) + "WHERE (? IS NULL OR state = ?) ORDER BY id LIMIT ?").constData());
    const QString st = state ? toKey(*state) : QString();
    s.bind(1, st).bind(2, st).bind(3, limit > 0 ? qint64(limit) : qint64(-1));
    std::vector<QueueItem> out;
    while (s.step())
        out.push_back(readItem(s));
    return out;
}

std::optional<QueueItem> OutboundQueue::findByEncounter(const QString& encounterId) const {
    Statement s = db_.prepare((QByteArray(kSelect) + "WHERE encounter_id = ?").constData());
    s.bind(1, encounterId);
    if (s.step())
        return readItem(s);
    return std::nullopt;
}

qint64 OutboundQueue::count(QueueState state) const {
    Statement s = db_.prepare("SELECT count(*) FROM outbound_queue WHERE state = ?");
    s.bind(1, toKey(state));
    return s.step() ? s.int64(0) : 0;
}

} // namespace umbral::storage
