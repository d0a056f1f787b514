#pragma once

// Adjudication of screening alerts by supervisors, with the four-eyes rules enforced here (not
// by hiding buttons):
//  - only a role with AdjudicateAlerts decides; ViewAlerts to look;
//  - nobody decides on an encounter they enrolled (by user id, and by name for encounters
//    enrolled from umbralctl);
//  - an escalated alert is decided by someone other than the supervisor who escalated it;
//  - with [adjudication] red_requires_second_supervisor, confirming or dismissing a red alert
//    takes two different supervisors: the first decision is recorded as proposed and the alert
//    stays as it was; a second supervisor who agrees makes it final, one who disagrees escalates
//    the alert (both decisions stay in its history);
//  - every decision carries a reason of at least min_reason_length characters.
// Every look (alert.view), decision (alert.confirm / alert.dismiss / alert.escalate /
// alert.propose) and refused attempt (alert.refused) is in the audit log, in the same
// transaction as the decision it records. The reason is personal data: it is sealed in the
// decision row, and the audit row carries the decision's number and a keyed hash of the
// reason, so the chain covers the reason without holding it in clear.

#include "app/core/alert.h"
#include "app/core/encounter.h"
#include "app/core/user.h"
#include "app/services/adjudication_settings.h"
#include "storage/alert_decision_repository.h"
#include "storage/alert_queue_repository.h"
#include "storage/watchlist_repository.h"

#include <optional>
#include <vector>

namespace umbral::storage {
class StationStore;
}

namespace umbral::services {

/// Whether an actor may decide on an alert now, and why not.
struct DecisionEligibility {
    bool allowed = false;
    QString whyNot; ///< in words, for the screen and the error; empty when allowed
    /// Confirming or dismissing now records the first of two decisions (red alert, station
    /// requires a second supervisor, nobody has proposed yet).
    bool firstOfTwo = false;
    /// The first supervisor's decision this one would complete (red alerts, second supervisor).
    std::optional<storage::AlertDecisionRecord> pendingProposal;
};

/// The pure four-eyes rule: who may decide on `alert` given its decision history.
DecisionEligibility decisionEligibility(const Actor& actor, const storage::AlertSummary& alert,
                                        const std::vector<storage::AlertDecisionRecord>& history,
                                        const AdjudicationSettings& settings);

/// Everything a supervisor sees of one alert.
struct AlertCase {
    Alert alert;                   ///< with the stored evidence JSON and decision
    storage::AlertSummary summary; ///< lane, enrolling officer, latest decision
    Encounter encounter;           ///< unsealed, with captures
    std::optional<storage::StoredWatchlistEntry> listed; ///< nullopt when no longer on the list
    std::vector<storage::WatchlistSample> samples;       ///< the listed person's biometrics
    std::vector<storage::AlertDecisionRecord> history;   ///< oldest first
    DecisionEligibility eligibility;                     ///< for the actor who opened it
};

struct DecisionOutcome {
    storage::AlertDecisionRecord record;
    AlertState state = AlertState::Open; ///< the alert's state afterwards
    bool awaitingSecond = false;         ///< recorded as the first of two
    qint64 auditSeq = 0;                 ///< the audit row that records it
};

class AdjudicationService {
public:
    AdjudicationService(storage::StationStore& store, AdjudicationSettings settings);

    const AdjudicationSettings& settings() const { return settings_; }

    /// The alert queue, newest first (ViewAlerts). Not audited: it shows no evidence.
    std::vector<storage::AlertSummary> queue(const Actor& actor, int limit = 0);
    /// Opens one alert with its evidence (ViewAlerts). Audited as alert.view. Throws NotFound.
    AlertCase open(const Actor& actor, qint64 alertId);
    /// Decides (AdjudicateAlerts). Throws InvalidInput (reason too short), NotFound,
    /// PermissionDenied (four-eyes: own encounter, own escalation, own proposal) or Conflict
    /// (already decided, already escalated); a refusal other than a missing role is audited as
    /// alert.refused and changes nothing else.
    DecisionOutcome decide(const Actor& actor, qint64 alertId, storage::AlertDecision decision,
                           const QString& reason);
    /// The decisions on an alert (ViewAlerts).
    std::vector<storage::AlertDecisionRecord> history(const Actor& actor, qint64 alertId);
    /// One decision with its reason, for the audit browser (ViewAuditLog). Audited as
    /// alert.decision.read. Throws NotFound.
    storage::AlertDecisionRecord decisionRecord(const Actor& actor, qint64 decisionId);

    /// The decision number an audit row's detail refers to ("decision #12; ..."), or 0.
    static qint64 decisionIdFromAuditDetail(const QString& detail);

private:
    void auditRefusal(const Actor& actor, qint64 alertId, storage::AlertDecision decision,
                      const QString& why);

    storage::StationStore& store_;
    AdjudicationSettings settings_;
};

} // namespace umbral::services
