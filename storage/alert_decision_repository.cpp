#include "storage/alert_decision_repository.h"

#include "app/core/errors.h"
#include "storage/key_ring.h"
#include "storage/sqlite_database.h"

namespace umbral::storage {

namespace {
QString iso(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// The context binds the sealed reason to its row's identity (not to its id, which is only known
// after the insert): the alert, the moment and the person who wrote it.
QByteArray reasonContext(qint64 alertId, const QString& at, const QString& actor) {
    return "alert-decision:" + QByteArray::number(alertId) + ':' + at.toUtf8() + ':' +
           actor.toUtf8() + ":reason";
}

constexpr const char* kColumns = "SELECT id, alert_id, decided_at, actor, actor_id, decision, "
                                 "effect, state_before, state_after, "
                                 "reason_sealed FROM alert_decisions ";

AlertDecisionRecord recordFrom(Statement& s, const KeyRing& keys) {
    AlertDecisionRecord r;
    r.id = s.int64(0);
    r.alertId = s.int64(1);
    const QString at = s.text(2);
    r.decidedAt = QDateTime::fromString(at, Qt::ISODateWithMs);
    r.actor = s.text(3);
    r.actorId = s.int64(4);
    r.decision = parseAlertDecision(s.text(5)).value_or(AlertDecision::Escalate);
    r.effect =
        s.text(6) == QLatin1String("proposed") ? DecisionEffect::Proposed : DecisionEffect::Applied;
    r.stateBefore = parseAlertState(s.text(7)).value_or(AlertState::Open);
    r.stateAfter = parseAlertState(s.text(8)).value_or(AlertState::Open);
    r.reason = QString::fromUtf8(keys.unseal(s.blob(9), reasonContext(r.alertId, at, r.actor)));
    return r;
}
} // namespace

QString toKey(AlertDecision d) {
    switch (d) {
    case AlertDecision::Confirm:
        return QStringLiteral("confirm");
    case AlertDecision::Dismiss:
        return QStringLiteral("dismiss");
    case AlertDecision::Escalate:
        return QStringLiteral("escalate");
    }
    return {};
}

std::optional<AlertDecision> parseAlertDecision(const QString& text) {
    for (AlertDecision d :
         {AlertDecision::Confirm, AlertDecision::Dismiss, AlertDecision::Escalate})
        if (text.compare(toKey(d), Qt::CaseInsensitive) == 0)
            return d;
    return std::nullopt;
}

QString toKey(DecisionEffect e) {
    return e == DecisionEffect::Proposed ? QStringLiteral("proposed") : QStringLiteral("applied");
}

qint64 AlertDecisionRepository::insert(AlertDecisionRecord& r) {
    if (!r.decidedAt.isValid())
        r.decidedAt = QDateTime::currentDateTimeUtc();
    const QString at = iso(r.decidedAt);
    r.decidedAt = QDateTime::fromString(at, Qt::ISODateWithMs); // what a reload gives back
    db_.prepare(
           "INSERT INTO alert_decisions(alert_id, decided_at, actor, actor_id, decision, effect, "
           "state_before, state_after, reason_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, r.alertId)
        .bind(2, at)
        .bind(3, r.actor)
        .bind(4, r.actorId)
        .bind(5, toKey(r.decision))
        .bind(6, toKey(r.effect))
        .bind(7, toKey(r.stateBefore))
        .bind(8, toKey(r.stateAfter))
        .bind(9, keys_.seal(r.reason.toUtf8(), reasonContext(r.alertId, at, r.actor)))
        .exec();
    r.id = db_.lastInsertId();
    return r.id;
}

std::optional<AlertDecisionRecord> AlertDecisionRepository::load(qint64 id) const {
    Statement s = db_.prepare((QByteArray(kColumns) + "WHERE id = ?").constData());
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return recordFrom(s, keys_);
}

std::vector<AlertDecisionRecord> AlertDecisionRepository::forAlert(qint64 alertId) const {
    Statement s =
        db_.prepare((QByteArray(kColumns) + "WHERE alert_id = ? ORDER BY id").constData());
    s.bind(1, alertId);
    std::vector<AlertDecisionRecord> out;
    while (s.step())
        out.push_back(recordFrom(s, keys_));
    return out;
}

qint64 AlertDecisionRepository::count() const {
    return db_.scalarInt("SELECT count(*) FROM alert_decisions");
}

} // namespace umbral::storage
