#include "app/screening/alert_service.h"

#include "app/core/errors.h"
#include "app/services/access.h"
#include "storage/station_store.h"

namespace umbral::screening {

bool AlertService::allowed(AlertState from, AlertState to) {
    if (to == AlertState::Open || from == to)
        return false;
    return from == AlertState::Open || (from == AlertState::Escalated && to != AlertState::Escalated);
}

std::vector<Alert> AlertService::list(const Actor& actor, const storage::AlertFilter& filter) {
    services::require(actor, Permission::ViewAlerts, "view alerts");
    std::vector<Alert> alerts = store_.alerts().list(filter);
    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("alert.list"), QStringLiteral("alerts"),
                          QStringLiteral("%1 alerts").arg(alerts.size()));
    tx.commit();
    return alerts;
}

Alert AlertService::get(const Actor& actor, qint64 id) {
    services::require(actor, Permission::ViewAlerts, "view alerts");
    auto alert = store_.alerts().load(id);
    if (!alert)
        throw Error(ErrorCode::NotFound, QStringLiteral("no alert %1").arg(id));
    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("alert.view"), QString::number(id));
    tx.commit();
    return *alert;
}

Alert AlertService::decide(const Actor& actor, qint64 id, AlertState decision, const QString& reason) {
    services::require(actor, Permission::AdjudicateAlerts, "decide alerts");
    if (reason.trimmed().isEmpty())
        throw Error(ErrorCode::InvalidInput, QStringLiteral("a decision on an alert needs a reason"));
    storage::Transaction tx(store_.db());
    auto alert = store_.alerts().load(id);
    if (!alert)
        throw Error(ErrorCode::NotFound, QStringLiteral("no alert %1").arg(id));
    if (!allowed(alert->state, decision))
        throw Error(ErrorCode::Conflict, QStringLiteral("alert %1 is %2 and cannot become %3")
                                             .arg(id).arg(toKey(alert->state), toKey(decision)));
    if (const auto officer = store_.alerts().enrollingOfficer(id)) {
        const bool sameUser = (actor.userId > 0 && officer->first == actor.userId) || officer->second == actor.name;
        if (sameUser)
            throw Error(ErrorCode::PermissionDenied, QStringLiteral("%1 enrolled encounter %2 and may not decide its alerts (four-eyes)")
                                                         .arg(actor.name, alert->encounterId));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store_.alerts().setState(id, decision, actor.name, reason.trimmed(), now);
    const QString verb = decision == AlertState::Confirmed ? QStringLiteral("alert.confirm")
                         : decision == AlertState::Dismissed ? QStringLiteral("alert.dismiss")
                                                            : QStringLiteral("alert.escalate");
    // The reason is the supervisor's words and may quote the traveler: sealed with the alert,
    // never copied into the audit log.
    store_.audit().append(actor.name, verb, QString::number(id),
                          QStringLiteral("%1 -> %2, encounter %3").arg(toKey(alert->state), toKey(decision), alert->encounterId));
    tx.commit();
    return *store_.alerts().load(id);
}

} // namespace umbral::screening
