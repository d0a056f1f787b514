#pragma once

#include "app/core/alert.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace umbral::storage {

class Database;
class KeyRing;

/// What a supervisor decided about an alert.
enum class AlertDecision { Confirm, Dismiss, Escalate };
QString toKey(AlertDecision decision); ///< "confirm", "dismiss", "escalate"
std::optional<AlertDecision> parseAlertDecision(const QString& text);

/// What a decision did: changed the alert's state, or recorded the first of the two decisions a
/// red alert needs when the station requires a second supervisor.
enum class DecisionEffect { Applied, Proposed };
QString toKey(DecisionEffect effect); ///< "applied", "proposed"

/// One row of an alert's decision history. The reason is unsealed on load.
struct AlertDecisionRecord {
    qint64 id = 0;
    qint64 alertId = 0;
    QDateTime decidedAt; ///< UTC, millisecond precision
    QString actor;       ///< user name
    qint64 actorId = 0;
    AlertDecision decision = AlertDecision::Escalate;
    DecisionEffect effect = DecisionEffect::Applied;
    AlertState stateBefore = AlertState::Open;
    AlertState stateAfter = AlertState::Open;
    QString reason;
};

/// The append-only history of supervisors' decisions (triggers refuse UPDATE and DELETE). The
/// reason is sealed with the alert id, the time and the actor as context, so a reason moved to
/// another row does not open. Inserts join the caller's transaction.
class AlertDecisionRepository {
public:
    AlertDecisionRepository(Database& db, const KeyRing& keys) : db_(db), keys_(keys) {}

    /// Inserts the decision (decidedAt defaults to now). Returns its id.
    qint64 insert(AlertDecisionRecord& record);
    std::optional<AlertDecisionRecord> load(qint64 id) const;
    /// The decisions on one alert, oldest first.
    std::vector<AlertDecisionRecord> forAlert(qint64 alertId) const;
    qint64 count() const;

private:
    Database& db_;
    const KeyRing& keys_;
};

} // namespace umbral::storage
