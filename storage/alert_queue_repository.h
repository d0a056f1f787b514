#pragma once

#include "app/core/alert.h"
#include "storage/alert_decision_repository.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace umbral::storage {

class Database;

/// An alert as the supervisors' queue lists it: the clear columns of the alert, the lane and
/// enrolling officer of its encounter, and the latest decision. Nothing is unsealed, so a queue
/// of ten thousand alerts loads without opening any evidence.
struct AlertSummary {
    qint64 id = 0;
    QString encounterId;
    QString lane;
    qint64 officerId = 0; ///< the user who enrolled the encounter (four-eyes)
    QString officerName;
    QString listId;
    QString entryId;
    WatchlistCategory category = WatchlistCategory::Other;
    int severity = 0;
    Band band = Band::Yellow;
    AlertState state = AlertState::Open;
    double score = 0.0;
    QDateTime createdAt;
    QString decidedBy;
    QDateTime decidedAt;
    /// The latest decision, when there is one.
    std::optional<AlertDecision> lastDecision;
    std::optional<DecisionEffect> lastEffect;
    QString lastDecisionBy;

    /// A red alert whose first supervisor has decided and which waits for the second.
    bool awaitingSecond() const { return lastEffect == DecisionEffect::Proposed; }
};

/// The alert queue's reads (alerts joined with their encounters and latest decision).
class AlertQueueRepository {
public:
    explicit AlertQueueRepository(Database& db) : db_(db) {}

    /// Newest first; at most `limit` rows (0: all).
    std::vector<AlertSummary> list(int limit = 0) const;
    std::optional<AlertSummary> summary(qint64 alertId) const;

private:
    Database& db_;
};

} // namespace umbral::storage
