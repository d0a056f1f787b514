#pragma once

#include "app/core/encounter.h"
#include "app/enrollment/capture_plan.h"
#include "app/enrollment/document_entry.h"
#include "app/enrollment/encounter_captures.h"
#include "app/enrollment/encounter_step.h"
#include "app/enrollment/submission.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QObject>
#include <memory>
#include <optional>
#include <vector>

namespace umbral::enrollment {

/// One encounter as the officer works through it, without any widget: the step machine, the
/// document, the fingerprint plan and the captures slot by slot, warnings, the submission and
/// its result. Every change emits changed(), which is what the draft keeper saves; toDraft()
/// and fromDraft() carry the whole state across a crash.
///
/// Step rules (see EncounterStep): any step before the current one can be reopened until the
/// encounter is submitted; Fingerprints, Irises and Review open once the document is complete;
/// Submit opens once every planned finger and both eyes have a capture or an exception; Result
/// follows a successful submission only, and nothing leads back from it.
class EncounterWorkflow : public QObject {
    Q_OBJECT

public:
    explicit EncounterWorkflow(CapturePlan fingerPlan, QObject* parent = nullptr);
    ~EncounterWorkflow() override;

    QString encounterId() const { return encounterId_; }
    QDateTime startedAt() const { return startedAt_; }

    // ---- steps
    EncounterStep step() const { return step_; }
    /// Whether `target` can be opened now.
    bool canEnter(EncounterStep target) const;
    /// Why `target` cannot be opened (English, for logs and tests); empty when it can.
    QString whyNot(EncounterStep target) const;
    /// Opens `target` when allowed; returns whether the step changed. Submit is entered through
    /// beginSubmit(), Result through submitted().
    bool goTo(EncounterStep target);
    bool next();
    bool back();

    // ---- document
    const DocumentEntry& document() const { return document_; }
    DocumentEntry::MrzState setMrz(const QString& text, const QDate& today);
    void setTraveler(const Traveler& traveler);
    void confirmDocument(bool confirmed);

    // ---- fingerprints
    const CapturePlan& fingerPlan() const { return plan_; }
    /// Another scanner, another plan: fingers already captured stay captured.
    void setFingerPlan(const CapturePlan& plan);
    int currentImpression() const { return impression_; }
    void selectImpression(int index);
    /// Fingers of an impression the traveler presents (those without an exception).
    std::vector<FingerPosition> presentedFingers(int impression) const;
    /// Fingers of an impression with neither a capture nor an exception.
    std::vector<FingerPosition> openFingers(int impression) const;
    /// The first impression from `from` on (wrapping round) with an open finger.
    std::optional<int> nextOpenImpression(int from = 0) const;
    /// Takes the captures of one presentation (the slap image and its fingers, or one finger):
    /// each slot keeps its best. When the current impression has no open finger left, the next
    /// open one becomes current. Returns the slots whose kept capture changed.
    std::vector<QString> offerFingerprints(const std::vector<Capture>& captures);
    bool fingerprintsComplete() const;

    // ---- irises
    IrisSide currentIris() const { return iris_; }
    void selectIris(IrisSide side);
    /// Takes one or two iris captures (a two-eye camera gives both at once); moves to the
    /// other eye when this one is done. Returns the slots whose kept capture changed.
    std::vector<QString> offerIrises(const std::vector<Capture>& captures);
    bool irisesComplete() const;

    // ---- exceptions (fingers and eyes) and warnings
    /// Throws umbral::Error (InvalidInput) without a reason (see EncounterCaptures).
    void setException(const QString& slot, CaptureException exception, const QString& reason);
    void clearException(const QString& slot);
    const EncounterCaptures& captures() const { return captures_; }
    /// Replaces the warnings of one kind (the checks run again after every capture).
    void setWarnings(CaptureWarning::Kind kind, std::vector<CaptureWarning> warnings);
    const std::vector<CaptureWarning>& warnings() const { return warnings_; }

    // ---- submission
    /// The encounter to submit: this encounter's id, the traveler from the form, every capture
    /// and exception. The officer is filled in by EnrollmentService::submit.
    Encounter buildEncounter(const QString& lane) const;
    /// Review -> Submit. Returns false when Submit cannot be entered.
    bool beginSubmit();
    bool isSubmitting() const { return step_ == EncounterStep::Submit; }
    /// The submission failed: back to Review with the reason kept for the screen.
    void submitFailed(const QString& reason);
    QString lastSubmitError() const { return submitError_; }
    /// The submission succeeded: -> Result.
    void submitted(const SubmissionResult& result);
    const std::optional<SubmissionResult>& result() const { return result_; }
    /// A red result, or a screening that failed, stays on screen until the officer acknowledges it.
    bool needsAcknowledgement() const;
    void acknowledgeResult();
    bool isAcknowledged() const { return acknowledged_; }

    // ---- drafts
    /// Nothing entered yet: no document text, no capture, no exception.
    bool isPristine() const;

    /// The state a draft keeps. Cheap to take (images are implicitly shared byte arrays), so
    /// the UI thread takes it and a worker thread encodes it.
    struct DraftState {
        QString encounterId;
        QDateTime startedAt;
        EncounterStep step = EncounterStep::Document;
        QString mrzText;
        Traveler traveler;
        bool confirmed = false;
        CapturePlan plan;
        int impression = 0;
        IrisSide iris = IrisSide::Right;
        std::vector<std::pair<QString, CaptureSlot>> slotStates;
        std::vector<CaptureWarning> warnings;
    };
    DraftState snapshot() const;
    /// The draft as JSON bytes (images as base64 PNG); the caller seals it. Thread-safe.
    static QByteArray encodeDraft(const DraftState& state);
    /// encodeDraft(snapshot()).
    QByteArray toDraft() const { return encodeDraft(snapshot()); }
    /// Restores a draft. Throws umbral::Error (CorruptData) when it is not one.
    static std::unique_ptr<EncounterWorkflow> fromDraft(const QByteArray& draft, const QDate& today,
                                                        QObject* parent = nullptr);

Q_SIGNALS:
    /// Anything changed that a draft must keep.
    void changed();
    void stepChanged(umbral::enrollment::EncounterStep step);

private:
    bool documentComplete() const { return document_.isComplete(); }
    void setStep(EncounterStep step);
    void touch();
    void dropWarningsFor(const QString& slot);

    QString encounterId_;
    QDateTime startedAt_;
    EncounterStep step_ = EncounterStep::Document;
    DocumentEntry document_;
    CapturePlan plan_;
    int impression_ = 0;
    IrisSide iris_ = IrisSide::Right;
    EncounterCaptures captures_;
    std::vector<CaptureWarning> warnings_;
    QString submitError_;
    std::optional<SubmissionResult> result_;
    bool acknowledged_ = false;
};

} // namespace umbral::enrollment
