#include "app/core/capture.h"

#include <array>
#include <utility>

namespace umbral {

namespace {
constexpr std::array<std::pair<CaptureException, const char*>, 6> kExceptionKeys{{
    {CaptureException::None, "none"},
    {CaptureException::Amputated, "amputated"},
    {CaptureException::Bandaged, "bandaged"},
    {CaptureException::UnableToPrint, "unable"},
    {CaptureException::Refused, "refused"},
    {CaptureException::Other, "other"},
}};
}

QString toKey(Modality m) {
    return m == Modality::Finger ? QStringLiteral("finger") : QStringLiteral("iris");
}

QString toKey(CaptureException e) {
    for (const auto& [value, key] : kExceptionKeys)
        if (value == e)
            return QString::fromLatin1(key);
    return QStringLiteral("other");
}

std::optional<CaptureException> parseCaptureException(const QString& text) {
    for (const auto& [value, key] : kExceptionKeys)
        if (text.compare(QLatin1String(key), Qt::CaseInsensitive) == 0)
            return value;
    return std::nullopt;
}

QString Capture::slotKey() const {
    return modality == Modality::Finger ? QStringLiteral("finger:") + toKey(finger)
                                        : QStringLiteral("iris:") + toKey(iris);
}

} // namespace umbral
