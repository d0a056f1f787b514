#include "app/services/adjudication_service.h"

#include "app/core/errors.h"
#include "app/services/access.h"
#include "storage/station_store.h"

#include <QRegularExpression>

namespace umbral::services {

namespace {

bool samePerson(const Actor& actor, qint64 userId, const QString& name) {
    if (actor.userId != 0 && userId != 0 && actor.userId == userId)
        return true;
    // Encounters enrolled from umbralctl carry user id 0 and the actor's name: compare names too.
    return !name.isEmpty() && name.compare(actor.name, Qt::CaseInsensitive) == 0;
}

QString decisionWord(storage::AlertDecision d) {
    switch (d) {
    case storage::AlertDecision::Confirm:
        return QStringLiteral("confirm");
    case storage::AlertDecision::Dismiss:
        return QStringLiteral("dismiss");
    case storage::AlertDecision::Escalate:
        return QStringLiteral("escalate");
    }
    return {};
}

AlertState finalState(storage::AlertDecision d) {
    return d == storage::AlertDecision::Confirm ? AlertState::Confirmed : AlertState::Dismissed;
}

// The alert's number, as the screening writes it for alert.open: one subject for the whole story.
QString subjectFor(qint64 alertId) {
    return QString::number(alertId);
}

// What a refused decision throws, after its audit row is written.
struct Refusal {
    ErrorCode code;
    QString why;
};

} // namespace

DecisionEligibility decisionEligibility(const Actor& actor, const storage::AlertSummary& alert,
                                        const std::vector<storage::AlertDecisionRecord>& history,
                                        const AdjudicationSettings& settings) {
    DecisionEligibility e;
    if (!roleHas(actor.role, Permission::AdjudicateAlerts)) {
        e.whyNot = QStringLiteral("your role (%1) may not decide on alerts").arg(toKey(actor.role));
        return e;
    }
    if (alert.state == AlertState::Confirmed || alert.state == AlertState::Dismissed) {
        e.whyNot = QStringLiteral("this alert is already %1 (by %2)")
                       .arg(toKey(alert.state), alert.decidedBy);
        return e;
    }
    if (samePerson(actor, alert.officerId, alert.officerName)) {
        e.whyNot = QStringLiteral(
            "you enrolled this encounter: another supervisor must decide (four-eyes rule)");
        return e;
    }
    if (alert.state == AlertState::Escalated) {
        for (auto it = history.rbegin(); it != history.rend(); ++it) {
            if (it->effect == storage::DecisionEffect::Applied &&
                it->stateAfter == AlertState::Escalated) {
                if (samePerson(actor, it->actorId, it->actor)) {
                    e.whyNot =
                        QStringLiteral("you escalated this alert: another supervisor must decide");
                    return e;
                }
                break;
            }
        }
    }
    if (!history.empty() && history.back().effect == storage::DecisionEffect::Proposed) {
        const auto& pending = history.back();
        if (samePerson(actor, pending.actorId, pending.actor)) {
            e.whyNot =
                QStringLiteral("you proposed to %1 this alert: a second supervisor must decide")
                    .arg(decisionWord(pending.decision));
            return e;
        }
        e.pendingProposal = pending;
    }
    e.allowed = true;
    e.firstOfTwo =
        alert.band == Band::Red && settings.redRequiresSecondSupervisor && !e.pendingProposal;
    return e;
}

AdjudicationService::AdjudicationService(storage::StationStore& store,
                                         AdjudicationSettings settings)
    : store_(store), settings_(settings) {}

std::vector<storage::AlertSummary> AdjudicationService::queue(const Actor& actor, int limit) {
    require(actor, Permission::ViewAlerts, "list alerts");
    return storage::AlertQueueRepository(store_.db()).list(limit);
}

AlertCase AdjudicationService::open(const Actor& actor, qint64 alertId) {
    require(actor, Permission::ViewAlerts, "open alerts");
    AlertCase c;
    auto summary = storage::AlertQueueRepository(store_.db()).summary(alertId);
    auto alert = store_.alerts().load(alertId);
    if (!summary || !alert)
        throw Error(ErrorCode::NotFound, QStringLiteral("no alert %1").arg(alertId));
    c.summary = *summary;
    c.alert = *alert;
    auto encounter = store_.encounters().load(c.alert.encounterId);
    if (!encounter)
        throw Error(
            ErrorCode::NotFound,
            QStringLiteral("alert %1: no encounter %2").arg(alertId).arg(c.alert.encounterId));
    c.encounter = std::move(*encounter);
    auto watchlist = store_.watchlist();
    c.listed = watchlist.load(c.alert.listId, c.alert.watchlistEntryId, false);
    if (c.listed)
        c.samples = watchlist.samples(c.listed->ref);
    c.history = storage::AlertDecisionRepository(store_.db(), store_.keys()).forAlert(alertId);
    c.eligibility = decisionEligibility(actor, c.summary, c.history, settings_);

    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("alert.view"), subjectFor(alertId),
                          QStringLiteral("encounter %1; %2; %3")
                              .arg(c.alert.encounterId, toKey(c.alert.band), toKey(c.alert.state)));
    tx.commit();
    return c;
}

DecisionOutcome AdjudicationService::decide(const Actor& actor, qint64 alertId,
                                            storage::AlertDecision decision,
                                            const QString& reason) {
    require(actor, Permission::AdjudicateAlerts, "decide on alerts");
    const QString trimmed = reason.trimmed();
    if (trimmed.size() < settings_.minReasonLength)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("a decision needs a reason of at least %1 characters")
                        .arg(settings_.minReasonLength));

    std::optional<Refusal> refusal;
    DecisionOutcome out;
    {
        // BEGIN IMMEDIATE: the checks and the write see the same alert, even when two
        // supervisors decide at the same moment from two connections.
        storage::Transaction tx(store_.db());
        const auto summary = storage::AlertQueueRepository(store_.db()).summary(alertId);
        if (!summary)
            throw Error(ErrorCode::NotFound, QStringLiteral("no alert %1").arg(alertId));
        storage::AlertDecisionRepository decisions(store_.db(), store_.keys());
        const auto history = decisions.forAlert(alertId);
        const DecisionEligibility e = decisionEligibility(actor, *summary, history, settings_);
        if (!e.allowed) {
            const bool conflict =
                summary->state == AlertState::Confirmed || summary->state == AlertState::Dismissed;
            refusal =
                Refusal{conflict ? ErrorCode::Conflict : ErrorCode::PermissionDenied, e.whyNot};
        } else if (decision == storage::AlertDecision::Escalate &&
                   summary->state == AlertState::Escalated) {
            refusal =
                Refusal{ErrorCode::Conflict, QStringLiteral("this alert is already escalated")};
        }

        if (!refusal) {
            storage::AlertDecisionRecord& r = out.record;
            r.alertId = alertId;
            r.actor = actor.name;
            r.actorId = actor.userId;
            r.decision = decision;
            r.reason = trimmed;
            r.stateBefore = summary->state;
            QString action, note, decidedBy = actor.name;
            if (decision == storage::AlertDecision::Escalate) {
                r.stateAfter = AlertState::Escalated;
                action = QStringLiteral("alert.escalate");
            } else if (e.pendingProposal) {
                const auto& first = *e.pendingProposal;
                decidedBy = QStringLiteral("%1, %2").arg(first.actor, actor.name);
                if (first.decision == decision) {
                    r.stateAfter = finalState(decision);
                    action = QStringLiteral("alert.%1").arg(decisionWord(decision));
                    note = QStringLiteral("second supervisor, agrees with decision #%1 by %2")
                               .arg(first.id)
                               .arg(first.actor);
                } else {
                    // Two supervisors disagree on a red alert: neither view wins; it goes up.
                    r.stateAfter = AlertState::Escalated;
                    action = QStringLiteral("alert.escalate");
                    note =
                        QStringLiteral(
                            "second supervisor chose %1 against decision #%2 (%3) by %4: escalated")
                            .arg(decisionWord(decision))
                            .arg(first.id)
                            .arg(decisionWord(first.decision), first.actor);
                }
            } else if (e.firstOfTwo) {
                r.effect = storage::DecisionEffect::Proposed;
                r.stateAfter = summary->state;
                action = QStringLiteral("alert.propose");
                note = QStringLiteral("awaits a second supervisor");
            } else {
                r.stateAfter = finalState(decision);
                action = QStringLiteral("alert.%1").arg(decisionWord(decision));
            }
            decisions.insert(r);
            if (r.effect == storage::DecisionEffect::Applied)
                store_.alerts().setState(alertId, r.stateAfter, decidedBy, trimmed, r.decidedAt);
            const QString reasonHash =
                QString::fromLatin1(store_.keys().auditHash(trimmed.toUtf8()).left(8).toHex());
            QString detail = QStringLiteral("%1; decision #%2; %3 -> %4; encounter %5; reason %6")
                                 .arg(decisionWord(decision))
                                 .arg(r.id)
                                 .arg(toKey(r.stateBefore), toKey(r.stateAfter),
                                      summary->encounterId, reasonHash);
            if (!note.isEmpty())
                detail += QStringLiteral("; ") + note;
            out.auditSeq = store_.audit().append(actor.name, action, subjectFor(alertId), detail);
            out.state = r.stateAfter;
            out.awaitingSecond = r.effect == storage::DecisionEffect::Proposed;
            tx.commit();
        }
    }
    if (refusal) {
        auditRefusal(actor, alertId, decision, refusal->why);
        throw Error(refusal->code, refusal->why);
    }
    return out;
}

void AdjudicationService::auditRefusal(const Actor& actor, qint64 alertId,
                                       storage::AlertDecision decision, const QString& why) {
    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("alert.refused"), subjectFor(alertId),
                          QStringLiteral("%1 refused: %2").arg(decisionWord(decision), why));
    tx.commit();
}

std::vector<storage::AlertDecisionRecord> AdjudicationService::history(const Actor& actor,
                                                                       qint64 alertId) {
    require(actor, Permission::ViewAlerts, "read alert decisions");
    return storage::AlertDecisionRepository(store_.db(), store_.keys()).forAlert(alertId);
}

storage::AlertDecisionRecord AdjudicationService::decisionRecord(const Actor& actor,
                                                                 qint64 decisionId) {
    require(actor, Permission::ViewAuditLog, "read decision reasons");
    auto record = storage::AlertDecisionRepository(store_.db(), store_.keys()).load(decisionId);
    if (!record)
        throw Error(ErrorCode::NotFound, QStringLiteral("no decision %1").arg(decisionId));
    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("alert.decision.read"),
                          subjectFor(record->alertId),
                          QStringLiteral("decision #%1").arg(decisionId));
    tx.commit();
    return *record;
}

qint64 AdjudicationService::decisionIdFromAuditDetail(const QString& detail) {
    static const QRegularExpression re(QStringLiteral("decision #(\\d+)"));
    const auto m = re.match(detail);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

} // namespace umbral::services
