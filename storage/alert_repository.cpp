#include "storage/alert_repository.h"

#include "app/core/errors.h"
#include "storage/key_ring.h"
#include "storage/sqlite_database.h"

namespace umbral::storage {

namespace {
QString iso(const QDateTime& t) { return t.toUTC().toString(Qt::ISODateWithMs); }
QDateTime fromIso(const QString& s) { return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs); }

QByteArray summaryContext(const QString& encounterId, const QString& screenedAt) {
    return "screening:" + encounterId.toUtf8() + ':' + screenedAt.toUtf8() + ":summary";
}
// The evidence belongs to one screening and one listed person; the reason to one alert row.
QByteArray evidenceContext(qint64 screeningId, const QString& list, const QString& entry) {
    return "alert:" + QByteArray::number(screeningId) + ':' + list.toUtf8() + ':' + entry.toUtf8() + ":evidence";
}
QByteArray reasonContext(qint64 alertId) { return "alert:" + QByteArray::number(alertId) + ":reason"; }

constexpr const char* kAlertColumns =
    "SELECT id, encounter_id, screening_id, list_id, entry_id, category, severity, band, state, score, "
    "evidence_sealed, created_at, decided_by, decided_at, decision_reason_sealed FROM alerts ";

Alert alertFrom(Statement& s, const KeyRing& keys) {
    Alert a;
    a.id = s.int64(0);
    a.encounterId = s.text(1);
    a.screeningId = s.int64(2);
    a.listId = s.text(3);
    a.watchlistEntryId = s.text(4);
    a.category = parseWatchlistCategory(s.text(5)).value_or(WatchlistCategory::Other);
    a.severity = int(s.int64(6));
    a.band = parseBand(s.text(7)).value_or(Band::Yellow);
    a.state = parseAlertState(s.text(8)).value_or(AlertState::Open);
    a.score = s.real(9);
    a.evidenceJson = keys.unseal(s.blob(10), evidenceContext(a.screeningId, a.listId, a.watchlistEntryId));
    a.createdAt = fromIso(s.text(11));
    a.decidedBy = s.text(12);
    a.decidedAt = fromIso(s.text(13));
    if (!s.isNull(14))
        a.decisionReason = QString::fromUtf8(keys.unseal(s.blob(14), reasonContext(a.id)));
    return a;
}

ScreeningRecord screeningFrom(Statement& s, const KeyRing& keys) {
    ScreeningRecord r;
    r.id = s.int64(0);
    r.encounterId = s.text(1);
    const QString at = s.text(2);
    r.screenedAt = fromIso(at);
    r.screenedBy = s.text(3);
    r.band = parseBand(s.text(4)).value_or(Band::Green);
    r.watchlistVersions = s.text(5);
    r.candidateCount = int(s.int64(6));
    r.durationMs = int(s.int64(7));
    r.summaryJson = keys.unseal(s.blob(8), summaryContext(r.encounterId, at));
    return r;
}
constexpr const char* kScreeningColumns =
    "SELECT id, encounter_id, screened_at, screened_by, band, watchlist_versions, candidate_count, "
    "duration_ms, summary_sealed FROM screening_results ";
} // namespace

qint64 AlertRepository::insertScreening(const ScreeningRecord& r) {
    const QString at = iso(r.screenedAt.isValid() ? r.screenedAt : QDateTime::currentDateTimeUtc());
    db_.prepare("INSERT INTO screening_results(encounter_id, screened_at, screened_by, band, watchlist_versions, "
                "candidate_count, duration_ms, summary_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, r.encounterId)
        .bind(2, at)
        .bind(3, r.screenedBy)
        .bind(4, toKey(r.band))
        .bind(5, r.watchlistVersions)
        .bind(6, r.candidateCount)
        .bind(7, r.durationMs)
        .bind(8, keys_.seal(r.summaryJson, summaryContext(r.encounterId, at)))
        .exec();
    return db_.lastInsertId();
}

std::optional<ScreeningRecord> AlertRepository::screening(qint64 id) const {
    Statement s = db_.prepare((QByteArray(kScreeningColumns) + "WHERE id = ?").constData());
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return screeningFrom(s, keys_);
}

std::optional<ScreeningRecord> AlertRepository::latestScreening(const QString& encounterId) const {
    Statement s = db_.prepare((QByteArray(kScreeningColumns) + "WHERE encounter_id = ? ORDER BY id DESC LIMIT 1").constData());
    s.bind(1, encounterId);
    if (!s.step())
        return std::nullopt;
    return screeningFrom(s, keys_);
}

qint64 AlertRepository::insertAlert(Alert& a) {
    if (a.band != Band::Red && a.band != Band::Yellow)
        throw Error(ErrorCode::InvalidInput, QStringLiteral("an alert is yellow or red"));
    if (!a.createdAt.isValid())
        a.createdAt = QDateTime::currentDateTimeUtc();
    a.state = AlertState::Open;
    db_.prepare("INSERT INTO alerts(encounter_id, screening_id, list_id, entry_id, category, severity, band, state, "
                "score, evidence_sealed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)")
        .bind(1, a.encounterId)
        .bind(2, a.screeningId)
        .bind(3, a.listId)
        .bind(4, a.watchlistEntryId)
        .bind(5, toKey(a.category))
        .bind(6, a.severity)
        .bind(7, toKey(a.band))
        .bind(8, a.score)
        .bind(9, keys_.seal(a.evidenceJson, evidenceContext(a.screeningId, a.listId, a.watchlistEntryId)))
        .bind(10, iso(a.createdAt))
        .exec();
    a.id = db_.lastInsertId();
    return a.id;
}

std::optional<Alert> AlertRepository::load(qint64 id) const {
    Statement s = db_.prepare((QByteArray(kAlertColumns) + "WHERE id = ?").constData());
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return alertFrom(s, keys_);
}

std::vector<Alert> AlertRepository::list(const AlertFilter& f) const {
    QByteArray sql = QByteArray(kAlertColumns) + "WHERE (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR band = ?2) "
                                                  "AND (?3 IS NULL OR encounter_id = ?3) ORDER BY id DESC LIMIT ?4";
    Statement s = db_.prepare(sql.constData());
    if (f.state)
        s.bind(1, toKey(*f.state));
    else
        s.bindNull(1);
    if (f.band)
        s.bind(2, toKey(*f.band));
    else
        s.bindNull(2);
    if (!f.encounterId.isEmpty())
        s.bind(3, f.encounterId);
    else
        s.bindNull(3);
    s.bind(4, f.limit > 0 ? qint64(f.limit) : qint64(-1));
    std::vector<Alert> out;
    while (s.step())
        out.push_back(alertFrom(s, keys_));
    return out;
}

void AlertRepository::setState(qint64 id, AlertState state, const QString& decidedBy, const QString& reason,
                               const QDateTime& at) {
    db_.prepare("UPDATE alerts SET state = ?, decided_by = ?, decided_at = ?, decision_reason_sealed = ? WHERE id = ?")
        .bind(1, toKey(state))
        .bind(2, decidedBy)
        .bind(3, iso(at))
        .bind(4, keys_.seal(reason.toUtf8(), reasonContext(id)))
        .bind(5, id)
        .exec();
    if (db_.changes() == 0)
        throw Error(ErrorCode::NotFound, QStringLiteral("no alert %1").arg(id));
}

qint64 AlertRepository::count(std::optional<AlertState> state) const {
    if (!state)
        return db_.scalarInt("SELECT count(*) FROM alerts");
    Statement s = db_.prepare("SELECT count(*) FROM alerts WHERE state = ?");
    s.bind(1, toKey(*state));
    return s.step() ? s.int64(0) : 0;
}

std::optional<std::pair<qint64, QString>> AlertRepository::enrollingOfficer(qint64 alertId) const {
    Statement s = db_.prepare("SELECT e.officer_id, e.officer_name FROM alerts a JOIN encounters e ON e.id = a.encounter_id "
                              "WHERE a.id = ?");
    s.bind(1, alertId);
    if (!s.step())
        return std::nullopt;
    return std::make_pair(s.isNull(0) ? qint64(0) : s.int64(0), s.text(1));
}

} // namespace umbral::storage
