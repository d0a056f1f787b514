#include "app/sync/sync_worker.h"

#include "app/core/errors.h"

#include <QRandomGenerator>

namespace umbral::sync {

namespace {
const QString kActor = QStringLiteral("system:sync");
}

SyncWorker::SyncWorker(storage::StationPaths paths, SyncConfig config, TransactionBuilder builder,
                       std::function<std::unique_ptr<Transport>()> makeTransport, QObject* parent)
    : QObject(parent), paths_(std::move(paths)), config_(std::move(config)), builder_(std::move(builder)),
      makeTransport_(std::move(makeTransport)), poll_(this) {
    poll_.setSingleShot(true);
    connect(&poll_, &QTimer::timeout, this, &SyncWorker::tick);
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::start() {
    try {
        store_ = std::make_unique<storage::StationStore>(paths_, storage::StationStore::Open::ExistingOnly,
                                                         storage::StationStore::Schema::RequireCurrent);
        transport_ = makeTransport_();
        connect(transport_.get(), &Transport::finished, this, &SyncWorker::onFinished);
        storage::Transaction tx(store_->db());
        if (const int n = store_->queue().recoverInterrupted(); n > 0)
            store_->audit().append(kActor, QStringLiteral("queue.recover"), QStringLiteral("outbound_queue"),
                                   QStringLiteral("%1 interrupted sends back to pending").arg(n));
        tx.commit();
    } catch (const Error& e) {
        emit startFailed(e.message());
        return;
    }
    stopping_ = false;
    tick();
}

void SyncWorker::stop() {
    stopping_ = true;
    poll_.stop();
}

void SyncWorker::wake() {
    if (store_ && !inFlight_ && !stopping_)
        tick();
}

void SyncWorker::tick() {
    if (stopping_ || inFlight_ || !store_)
        return;
    std::optional<storage::QueueItem> item;
    try {
        item = store_->queue().claimNext(QDateTime::currentDateTimeUtc());
    } catch (const Error& e) {
        // The database is busy or the disk is full: try again later, lose nothing.
        poll_.start(config_.pollInterval);
        return;
    }
    if (!item) {
        emit idle();
        poll_.start(config_.pollInterval);
        return;
    }
    QByteArray transaction;
    try {
        transaction = builder_(*store_, *item);
    } catch (const std::exception& e) {
        SendOutcome bad{SendOutcome::Kind::Permanent, {}, QStringLiteral("cannot build the transaction: %1").arg(QString::fromUtf8(e.what()))};
        inFlight_ = item;
        onFinished(item->tcn, bad);
        return;
    }
    inFlight_ = item;
    transport_->send(item->tcn, transaction);
}

void SyncWorker::onFinished(const QString& tcn, const SendOutcome& outcome) {
    if (!inFlight_ || inFlight_->tcn != tcn)
        return; // a late answer for something no longer in flight changes nothing
    const storage::QueueItem item = *inFlight_;
    inFlight_.reset();
    try {
        storage::Transaction tx(store_->db());
        switch (outcome.kind) {
        case SendOutcome::Kind::Acknowledged:
            if (store_->queue().acknowledge(tcn, outcome.reference))
                store_->audit().append(kActor, QStringLiteral("queue.ack"), item.encounterId,
                                       QStringLiteral("%1 via %2").arg(outcome.reference, transport_->describe()));
            tx.commit();
            emit acknowledged(tcn, outcome.reference);
            break;
        case SendOutcome::Kind::Transient:
            if (config_.maxAttempts > 0 && item.attempts >= config_.maxAttempts) {
                store_->queue().recordFailure(item.id, outcome.error, QDateTime());
                store_->audit().append(kActor, QStringLiteral("queue.fail"), item.encounterId,
                                       QStringLiteral("gave up after %1 attempts: %2").arg(item.attempts).arg(outcome.error));
                tx.commit();
                emit failed(tcn, outcome.error);
            } else {
                const auto delay = retryDelay(config_, item.attempts, QRandomGenerator::global()->generateDouble());
                store_->queue().recordFailure(item.id, outcome.error,
                                              QDateTime::currentDateTimeUtc().addMSecs(delay.count()));
                tx.commit();
                emit retryScheduled(tcn, outcome.error, delay.count());
            }
            break;
        case SendOutcome::Kind::Permanent:
            store_->queue().recordFailure(item.id, outcome.error, QDateTime());
            store_->audit().append(kActor, QStringLiteral("queue.fail"), item.encounterId, outcome.error);
            tx.commit();
            emit failed(tcn, outcome.error);
            break;
        }
    } catch (const Error&) {
        // Could not record the outcome (disk full?): the row stays "sending" and is recovered
        // at the next start; the TCN makes the resend harmless.
    }
    if (!stopping_)
        QMetaObject::invokeMethod(this, &SyncWorker::tick, Qt::QueuedConnection);
}

} // namespace umbral::sync
