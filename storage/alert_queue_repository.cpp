#include "storage/alert_queue_repository.h"

#include "storage/sqlite_database.h"

namespace umbral::storage {

namespace {
// The latest decision of each alert through the (alert_id, id) index: one look-up per alert,
// not a scan of the history.
constexpr const char* kSelect =
    "SELECT a.id, a.encounter_id, e.lane, e.officer_id, e.officer_name, a.list_id, a.entry_id, "
    "a.category, "
    "a.severity, a.band, a.state, a.score, a.created_at, a.decided_by, a.decided_at, "
    "d.decision, d.effect, d.actor "
    "FROM alerts a JOIN encounters e ON e.id = a.encounter_id "
    "LEFT JOIN alert_decisions d ON d.id = (SELECT max(x.id) FROM alert_decisions x WHERE "
    "x.alert_id = a.id) ";

QDateTime fromIso(const QString& s) {
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs);
}

AlertSummary summaryFrom(Statement& s) {
    AlertSummary a;
    a.id = s.int64(0);
    a.encounterId = s.text(1);
    a.lane = s.text(2);
    a.officerId = s.isNull(3) ? 0 : s.int64(3);
    a.officerName = s.text(4);
    a.listId = s.text(5);
    a.entryId = s.text(6);
    a.category = parseWatchlistCategory(s.text(7)).value_or(WatchlistCategory::Other);
    a.severity = int(s.int64(8));
    a.band = parseBand(s.text(9)).value_or(Band::Yellow);
    a.state = parseAlertState(s.text(10)).value_or(AlertState::Open);
    a.score = s.real(11);
    a.createdAt = fromIso(s.text(12));
    a.decidedBy = s.text(13);
    a.decidedAt = fromIso(s.text(14));
    if (!s.isNull(15)) {
        a.lastDecision = parseAlertDecision(s.text(15));
        a.lastEffect = s.text(16) == QLatin1String("proposed") ? DecisionEffect::Proposed
                                                               : DecisionEffect::Applied;
        a.lastDecisionBy = s.text(17);
    }
    return a;
}
} // namespace

std::vector<AlertSummary> AlertQueueRepository::list(int limit) const {
    Statement s = db_.prepare((QByteArray(kSelect) + "ORDER BY a.id DESC LIMIT ?").constData());
    s.bind(1, limit > 0 ? qint64(limit) : qint64(-1));
    std::vector<AlertSummary> out;
    while (s.step())
        out.push_back(summaryFrom(s));
    return out;
}

std::optional<AlertSummary> AlertQueueRepository::summary(qint64 alertId) const {
    Statement s = db_.prepare((QByteArray(kSelect) + "WHERE a.id = ?").constData());
    s.bind(1, alertId);
    if (!s.step())
        return std::nullopt;
    return summaryFrom(s);
}

} // namespace umbral::storage
