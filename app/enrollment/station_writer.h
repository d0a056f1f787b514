#pragma once

#include "app/core/encounter.h"
#include "app/core/user.h"
#include "app/enrollment/encounter_screener.h"
#include "app/enrollment/encounter_workflow.h"
#include "app/enrollment/submission.h"

#include <QObject>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>

class QThread;

namespace umbral::storage {
class StationStore;
}

namespace umbral::enrollment {

/// The encounter workflow's storage, off the UI thread: sealed drafts, submission and
/// screening, in order, on one thread ("station writer") with its own connection to the station
/// database. Requests return at once; outcomes come back as signals in the thread the writer
/// was created in.
///
/// Drafts are coalesced: when writes lag behind changes, only the newest state of each user's
/// draft is written, and a submission or a discard cancels a draft write still waiting.
class StationWriter : public QObject {
    Q_OBJECT

public:
    /// Opens the writer thread's own store (called on that thread).
    using StoreFactory = std::function<std::unique_ptr<storage::StationStore>()>;
    /// Makes the screener (called on the writer thread, once).
    using ScreenerFactory = std::function<std::unique_ptr<EncounterScreener>()>;

    StationWriter(StoreFactory store, ScreenerFactory screener, QObject* parent = nullptr);
    /// Finishes every request made so far, then stops the thread.
    ~StationWriter() override;

    /// Seals and saves `state` as the draft of `userId` (newest wins).
    void saveDraft(qint64 userId, EncounterWorkflow::DraftState state);
    /// Deletes the draft of `userId`.
    void discardDraft(qint64 userId);
    /// Looks for the draft of `userId`: draftFound or noDraft follows. A draft whose encounter
    /// was submitted already (a crash between commit and screen) is deleted, and noDraft follows.
    void findDraft(qint64 userId);
    /// Submits (encounter, queue row, audit and draft deletion in one transaction), then
    /// screens. submitted or submitFailed follows.
    void submit(const Actor& actor, const Encounter& encounter);
    /// Records in the audit log that `actor` acknowledged the result of `encounterId` (a red
    /// result, or a screening that did not run, must be acknowledged).
    void recordAcknowledgement(const Actor& actor, const QString& encounterId, Band band);
    /// Waits until every request made so far is done (shutdown, tests).
    void flush();

Q_SIGNALS:
    void draftSaved(const QString& encounterId, qint64 bytes);
    void draftFound(qint64 userId, const QByteArray& draft);
    void noDraft(qint64 userId);
    void submitted(const umbral::enrollment::SubmissionResult& result);
    /// The encounter was NOT stored; `reason` says why (the draft is kept). An encounter that
    /// was stored but could not be screened is `submitted` with ScreeningOutcome::error set.
    void submitFailed(const QString& encounterId, const QString& reason);
    /// A draft could not be written or read (storage failure): the UI says so.
    void storageFailed(const QString& reason);

private:
    class Worker;
    void writePendingDrafts();

    QThread* thread_;
    Worker* worker_;
    std::mutex mutex_;
    std::map<qint64, EncounterWorkflow::DraftState> pending_;
    bool writeQueued_ = false;
    /// Encounters handed to submit(): a draft of one of them arriving later (the workflow can
    /// still change while the submission runs) must not be written after the submission deleted
    /// the draft, or the station would offer to resume an encounter it already sent.
    std::set<QString> submitted_;
};

} // namespace umbral::enrollment

Q_DECLARE_METATYPE(umbral::enrollment::SubmissionResult)
