#pragma once

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace umbral::storage {

class Database;

enum class QueueState { Pending, Sending, Acknowledged, Failed };
QString toKey(QueueState s);
std::optional<QueueState> parseQueueState(const QString& text);

struct QueueItem {
    qint64 id = 0;
    QString encounterId;
    QString tcn;              ///< transaction control number: unique, the idempotency key
    QueueState state = QueueState::Pending;
    int attempts = 0;
    QString lastError;
    QDateTime nextAttemptAt;  ///< invalid: now
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime acknowledgedAt;
    QString ackReference;
};

/// The durable outbound queue: one row per submitted encounter, written in the same transaction
/// as the encounter. pending -> sending -> acknowledged; a failed send goes back to pending with
/// a later next_attempt_at, or to failed when the caller gives up. Rows are never deleted.
class OutboundQueue {
public:
    explicit OutboundQueue(Database& db) : db_(db) {}

    /// Queues an encounter (inside the caller's transaction). Returns the row id.
    qint64 enqueue(const QString& encounterId, const QString& tcn);
    /// Takes the oldest due pending row and marks it sending (attempts + 1). nullopt when none.
    std::optional<QueueItem> claimNext(const QDateTime& now);
    /// The central system acknowledged `tcn`. Idempotent: a duplicate acknowledgment of an
    /// acknowledged row changes nothing and returns false.
    bool acknowledge(const QString& tcn, const QString& reference);
    /// A send failed: back to pending, due at `retryAt`; or to failed when `retryAt` is invalid.
    void recordFailure(qint64 id, const QString& error, const QDateTime& retryAt);
    /// After a crash, rows left in sending go back to pending (the send may have happened; the
    /// TCN makes the resend idempotent at the receiver).
    int recoverInterrupted();
    /// Failed rows back to pending, due now. Returns how many.
    int retryFailed();
    std::vector<QueueItem> list(std::optional<QueueState> state = std::nullopt, int limit = 0) const;
    std::optional<QueueItem> findByEncounter(const QString& encounterId) const;
    qint64 count(QueueState state) const;

private:
    Database& db_;
};

} // namespace umbral::storage
