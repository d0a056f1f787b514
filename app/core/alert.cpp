#include "app/core/alert.h"

namespace umbral {

QString toKey(AlertState state) {
    switch (state) {
    case AlertState::Open:
        return QStringLiteral("open");
    case AlertState::Confirmed:
        return QStringLiteral("confirmed");
    case AlertState::Dismissed:
        return QStringLiteral("dismissed");
    case AlertState::Escalated:
        return QStringLiteral("escalated");
    }
    return {};
}

std::optional<AlertState> parseAlertState(const QString& text) {
    for (AlertState s : {AlertState::Open, AlertState::Confirmed, AlertState::Dismissed,
                         AlertState::Escalated})
        if (text.compare(toKey(s), Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

} // namespace umbral
