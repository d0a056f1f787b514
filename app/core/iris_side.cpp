#include "app/core/iris_side.h"

namespace umbral {

QString toKey(IrisSide side) {
    switch (side) {
    case IrisSide::Right:
        return QStringLiteral("right");
    case IrisSide::Left:
        return QStringLiteral("left");
    case IrisSide::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

std::optional<IrisSide> parseIrisSide(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("right") || t == QLatin1String("1"))
        return IrisSide::Right;
    if (t == QLatin1String("left") || t == QLatin1String("2"))
        return IrisSide::Left;
    return std::nullopt;
}

} // namespace umbral
