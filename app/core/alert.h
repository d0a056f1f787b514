#pragma once

#include "app/core/encounter.h"
#include "app/core/watchlist_entry.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace umbral {

enum class AlertState { Open, Confirmed, Dismissed, Escalated };
QString toKey(AlertState state);
std::optional<AlertState> parseAlertState(const QString& text);

/// A screening hit awaiting a supervisor: one listed person a screened encounter may be.
/// Evidence (scores, per-field breakdown, per-finger and per-iris comparisons) is JSON and, like
/// the decision reason, personal data: sealed at rest, never logged.
struct Alert {
    qint64 id = 0;
    QString encounterId;
    qint64 screeningId = 0;    ///< the screening result that raised it
    QString listId;            ///< the watchlist (package list) the person is on
    QString watchlistEntryId;  ///< the issuer's id of the listed person
    WatchlistCategory category = WatchlistCategory::Other;
    int severity = 0;
    Band band = Band::Yellow;
    AlertState state = AlertState::Open;
    double score = 0.0;
    QByteArray evidenceJson;
    QDateTime createdAt;
    QString decidedBy;
    QString decisionReason;
    QDateTime decidedAt;
};

} // namespace umbral
