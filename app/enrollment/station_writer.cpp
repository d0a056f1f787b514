#include "app/enrollment/station_writer.h"

#include "app/core/errors.h"
#include "app/core/thread_priority.h"
#include "app/enrollment/enrollment_service.h"
#include "storage/station_store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace umbral::enrollment {

// Lives on the writer thread. The store is opened there on first use and closed there, so the
// SQLite connection (opened without a mutex) is only ever touched by this thread.
class StationWriter::Worker : public QObject {
public:
    Worker(StoreFactory storeFactory, ScreenerFactory screenerFactory)
        : storeFactory_(std::move(storeFactory)), screenerFactory_(std::move(screenerFactory)) {}

    storage::StationStore& store() {
        if (!store_)
            store_ = storeFactory_();
        return *store_;
    }
    EncounterScreener& screener() {
        if (!screener_)
            screener_ = screenerFactory_ ? screenerFactory_() : nullptr;
        if (!screener_)
            screener_ = std::make_unique<NoWatchlistScreener>();
        return *screener_;
    }
    void close() {
        screener_.reset();
        store_.reset();
    }

private:
    StoreFactory storeFactory_;
    ScreenerFactory screenerFactory_;
    std::unique_ptr<storage::StationStore> store_;
    std::unique_ptr<EncounterScreener> screener_;
};

namespace {
QString describe(const std::exception& e) {
    if (const auto* err = dynamic_cast<const Error*>(&e))
        return err->message();
    return QString::fromUtf8(e.what());
}
} // namespace

StationWriter::StationWriter(StoreFactory store, ScreenerFactory screener, QObject* parent)
    : QObject(parent), thread_(new QThread),
      worker_(new Worker(std::move(store), std::move(screener))) {
    qRegisterMetaType<umbral::enrollment::SubmissionResult>();
    thread_->setObjectName(QStringLiteral("station writer"));
    worker_->moveToThread(thread_);
    thread_->start();
    QMetaObject::invokeMethod(
        worker_, [] { lowerCurrentThreadPriority(5); }, Qt::QueuedConnection);
}

StationWriter::~StationWriter() {
    flush();
    QMetaObject::invokeMethod(
        worker_, [w = worker_] { w->close(); }, Qt::BlockingQueuedConnection);
    thread_->quit();
    thread_->wait();
    delete worker_;
    delete thread_;
}

void StationWriter::saveDraft(qint64 userId, EncounterWorkflow::DraftState state) {
    std::lock_guard lock(mutex_);
    if (submitted_.count(state.encounterId))
        return;
    pending_[userId] = std::move(state);
    if (writeQueued_)
        return;
    writeQueued_ = true;
    QMetaObject::invokeMethod(
        worker_, [this] { writePendingDrafts(); }, Qt::QueuedConnection);
}

// On the writer thread: takes every pending draft (the newest state of each) and writes it.
// Encoding happens here too, so the UI thread never spends time on base64 and JSON.
void StationWriter::writePendingDrafts() {
    std::map<qint64, EncounterWorkflow::DraftState> drafts;
    {
        std::lock_guard lock(mutex_);
        drafts.swap(pending_);
        writeQueued_ = false;
    }
    for (auto& [userId, state] : drafts) {
        try {
            const QByteArray bytes = EncounterWorkflow::encodeDraft(state);
            worker_->store().encounters().saveDraft(userId, state.encounterId, bytes);
            QMetaObject::invokeMethod(
                this,
                [this, id = state.encounterId, n = qint64(bytes.size())] {
                    emit draftSaved(id, n);
                },
                Qt::QueuedConnection);
        } catch (const std::exception& e) {
            QMetaObject::invokeMethod(
                this,
                [this, why = describe(e)] {
                    emit storageFailed(
                        tr("The encounter in progress could not be saved: %1").arg(why));
                },
                Qt::QueuedConnection);
        }
    }
}

void StationWriter::discardDraft(qint64 userId) {
    {
        std::lock_guard lock(mutex_);
        pending_.erase(userId);
    }
    QMetaObject::invokeMethod(
        worker_,
        [this, userId] {
            try {
                worker_->store().encounters().deleteDraft(userId);
            } catch (const std::exception& e) {
                QMetaObject::invokeMethod(
                    this, [this, why = describe(e)] { emit storageFailed(why); },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

void StationWriter::findDraft(qint64 userId) {
    QMetaObject::invokeMethod(
        worker_,
        [this, userId] {
            std::optional<QByteArray> draft;
            try {
                storage::StationStore& store = worker_->store();
                draft = store.encounters().loadDraft(userId);
                if (draft) {
                    // Submitted already (the crash came after the commit): the draft has done its
                    // job.
                    const QString id =
                        QJsonDocument::fromJson(*draft).object().value("encounterId").toString();
                    if (!id.isEmpty() && store.queue().findByEncounter(id)) {
                        store.encounters().deleteDraft(userId);
                        draft.reset();
                    }
                }
            } catch (const std::exception& e) {
                // Never delete what cannot be read: report it and carry on without it.
                draft.reset();
                QMetaObject::invokeMethod(
                    this,
                    [this, why = describe(e)] {
                        emit storageFailed(tr("A saved encounter could not be read: %1").arg(why));
                    },
                    Qt::QueuedConnection);
            }
            QMetaObject::invokeMethod(
                this,
                [this, userId, draft] {
                    if (draft)
                        emit draftFound(userId, *draft);
                    else
                        emit noDraft(userId);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void StationWriter::submit(const Actor& actor, const Encounter& encounter) {
    {
        std::lock_guard lock(mutex_);
        pending_.erase(actor.userId); // the submission deletes the draft in its transaction
        submitted_.insert(encounter.id);
    }
    QMetaObject::invokeMethod(
        worker_,
        [this, actor, submittedEncounter = encounter] {
            Encounter encounter = submittedEncounter; // submit() fills in the officer
            QString tcn;
            try {
                tcn = EnrollmentService(worker_->store()).submitAndDiscardDraft(actor, encounter);
            } catch (const std::exception& e) {
                {
                    std::lock_guard lock(mutex_); // not sent: its drafts are kept again
                    submitted_.erase(encounter.id);
                }
                QMetaObject::invokeMethod(
                    this,
                    [this, id = encounter.id, why = describe(e)] { emit submitFailed(id, why); },
                    Qt::QueuedConnection);
                return;
            }
            SubmissionResult result;
            result.encounterId = encounter.id;
            result.tcn = tcn;
            try {
                result.screening = worker_->screener().screen(worker_->store(), actor, encounter);
                worker_->store().encounters().setBand(encounter.id, result.screening.band);
            } catch (const std::exception& e) {
                result.screening = ScreeningOutcome{};
                result.screening.band = Band::Pending;
                result.screening.screened = false;
                result.screening.error = describe(e);
            }
            QMetaObject::invokeMethod(
                this, [this, result] { emit submitted(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void StationWriter::recordAcknowledgement(const Actor& actor, const QString& encounterId,
                                          Band band) {
    QMetaObject::invokeMethod(
        worker_,
        [this, actor, encounterId, band] {
            try {
                storage::StationStore& store = worker_->store();
                storage::Transaction tx(store.db());
                store.audit().append(actor.name, QStringLiteral("encounter.result-acknowledged"),
                                     encounterId, QStringLiteral("band %1").arg(toKey(band)));
                tx.commit();
            } catch (const std::exception& e) {
                QMetaObject::invokeMethod(
                    this, [this, why = describe(e)] { emit storageFailed(why); },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

void StationWriter::flush() {
    // Every request is queued to the worker in order: an empty blocking call returns once all
    // of them have run.
    QMetaObject::invokeMethod(
        worker_, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace umbral::enrollment
