#include "app/core/encounter.h"

#include <QUuid>

namespace umbral {

QString toKey(Band band) {
    switch (band) {
    case Band::Green:
        return QStringLiteral("green");
    case Band::Yellow:
        return QStringLiteral("yellow");
    case Band::Red:
        return QStringLiteral("red");
    case Band::Pending:
        break;
    }
    return QStringLiteral("pending");
}

std::optional<Band> parseBand(const QString& text) {
    for (Band b : {Band::Pending, Band::Green, Band::Yellow, Band::Red})
        if (text.compare(toKey(b), Qt::CaseInsensitive) == 0)
            return b;
    return std::nullopt;
}

QString Encounter::newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

} // namespace umbral
