#pragma once

#include "app/core/encounter.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace umbral {

enum class AlertState { Open, Confirmed, Dismissed, Escalated };
QString toKey(AlertState state);
std::optional<AlertState> parseAlertState(const QString& text);

/// A screening hit awaiting a supervisor. Evidence (scores, per-field breakdown) is JSON.
struct Alert {
    qint64 id = 0;
    QString encounterId;
    QString watchlistEntryId;
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
