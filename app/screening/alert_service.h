#pragma once

// Alerts as supervisors work them: reading (audited: the evidence is personal data) and
// deciding. States: open -> confirmed | dismissed | escalated; escalated -> confirmed |
// dismissed; confirmed and dismissed are final. Every decision needs a reason, is audited, and
// obeys four-eyes: nobody decides on an encounter they enrolled.

#include "app/core/alert.h"
#include "app/core/user.h"
#include "storage/alert_repository.h"

namespace umbral::storage { class StationStore; }

namespace umbral::screening {

class AlertService {
public:
    explicit AlertService(storage::StationStore& store) : store_(store) {}

    /// Needs ViewAlerts. Audited ("alert.list").
    std::vector<Alert> list(const Actor& actor, const storage::AlertFilter& filter = {});
    /// Needs ViewAlerts. Audited ("alert.view"). Throws NotFound.
    Alert get(const Actor& actor, qint64 alertId);
    /// Confirms, dismisses or escalates. Needs AdjudicateAlerts; throws PermissionDenied for
    /// the enrolling officer (four-eyes), Conflict for a transition the state does not allow,
    /// InvalidInput for an empty reason. Returns the updated alert.
    Alert decide(const Actor& actor, qint64 alertId, AlertState decision, const QString& reason);

    /// Whether `from` may move to `to`.
    static bool allowed(AlertState from, AlertState to);

private:
    storage::StationStore& store_;
};

} // namespace umbral::screening
