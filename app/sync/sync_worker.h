#pragma once

#include "app/sync/sync_config.h"
#include "app/sync/transport.h"
#include "storage/outbound_queue.h"
#include "storage/station_store.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace umbral::sync {

/// Builds the transaction bytes (ANSI/NIST-ITL) for a queued encounter.
using TransactionBuilder = std::function<QByteArray(storage::StationStore& store, const storage::QueueItem& item)>;

/// Drains the durable outbound queue through a transport, one transaction at a time:
/// claim the oldest due row (pending -> sending), build its transaction, send it, and on the
/// answer move the row to acknowledged (audited), back to pending with an exponential backoff
/// with jitter, or to failed (audited) for a permanent refusal. The TCN is the idempotency key:
/// a resend after a lost acknowledgment is recognised by the central system as a duplicate.
/// Rows left in "sending" by a crash are put back to pending at start. The worker opens its own
/// database connection, so it can live on its own thread (moveToThread, then start()).
class SyncWorker : public QObject {
    Q_OBJECT
public:
    SyncWorker(storage::StationPaths paths, SyncConfig config, TransactionBuilder builder,
               std::function<std::unique_ptr<Transport>()> makeTransport, QObject* parent = nullptr);
    ~SyncWorker() override;

public slots:
    /// Opens the database, recovers interrupted sends and starts draining.
    void start();
    /// Stops after the transmission in flight (if any) is answered.
    void stop();
    /// Look for due rows now (e.g. right after a submit).
    void wake();

signals:
    void acknowledged(const QString& tcn, const QString& reference);
    void retryScheduled(const QString& tcn, const QString& error, qint64 delayMs);
    void failed(const QString& tcn, const QString& error);
    void idle();
    void startFailed(const QString& error);

private:
    void tick();
    void onFinished(const QString& tcn, const SendOutcome& outcome);

    storage::StationPaths paths_;
    SyncConfig config_;
    TransactionBuilder builder_;
    std::function<std::unique_ptr<Transport>()> makeTransport_;
    std::unique_ptr<storage::StationStore> store_;
    std::unique_ptr<Transport> transport_;
    QTimer poll_;
    std::optional<storage::QueueItem> inFlight_;
    bool stopping_ = false;
};

} // namespace umbral::sync
