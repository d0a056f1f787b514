#pragma once

#include "app/core/alert.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace umbral::storage {

class Database;
class KeyRing;

/// One screening of an encounter: the band it got, against which watchlist versions, and the
/// whole evidence (every candidate with its breakdown) sealed.
struct ScreeningRecord {
    qint64 id = 0;
    QString encounterId;
    QDateTime screenedAt;
    QString screenedBy;         ///< the actor who submitted or re-screened
    Band band = Band::Green;
    QString watchlistVersions;  ///< "KST:7,CRIMINAL:12": what was screened against
    int candidateCount = 0;
    int durationMs = 0;
    QByteArray summaryJson;     ///< unsealed on load
};

struct AlertFilter {
    std::optional<AlertState> state;
    std::optional<Band> band;
    QString encounterId; ///< empty: any
    int limit = 0;       ///< 0: all
};

/// Screening results and alerts. Evidence, summaries and decision reasons are personal data:
/// sealed with the row they belong to as context. Writes join the caller's transaction, so a
/// screening result, its alerts, the encounter's band and the audit rows commit together.
class AlertRepository {
public:
    AlertRepository(Database& db, const KeyRing& keys) : db_(db), keys_(keys) {}

    qint64 insertScreening(const ScreeningRecord& record);
    std::optional<ScreeningRecord> screening(qint64 id) const;
    /// The newest screening of an encounter.
    std::optional<ScreeningRecord> latestScreening(const QString& encounterId) const;

    /// Inserts an alert (state open). Fills in id and createdAt. Returns the id.
    qint64 insertAlert(Alert& alert);
    std::optional<Alert> load(qint64 id) const;
    /// Newest first.
    std::vector<Alert> list(const AlertFilter& filter = {}) const;
    /// Records a decision (or an escalation). Throws NotFound for an unknown alert.
    void setState(qint64 id, AlertState state, const QString& decidedBy, const QString& reason,
                  const QDateTime& at);
    qint64 count(std::optional<AlertState> state = std::nullopt) const;
    /// Who enrolled the encounter an alert belongs to (user id, 0 for a command-line technician,
    /// and name), for the four-eyes rule. nullopt for an unknown alert.
    std::optional<std::pair<qint64, QString>> enrollingOfficer(qint64 alertId) const;

private:
    Database& db_;
    const KeyRing& keys_;
};

} // namespace umbral::storage
