#include "app/enrollment/encounter_step.h"

#include <array>
#include <utility>

namespace umbral::enrollment {

namespace {
constexpr std::array<std::pair<EncounterStep, const char*>, 6> kKeys{{
    {EncounterStep::Document, "document"},
    {EncounterStep::Fingerprints, "fingerprints"},
    {EncounterStep::Irises, "irises"},
    {EncounterStep::Review, "review"},
    {EncounterStep::Submit, "submit"},
    {EncounterStep::Result, "result"},
}};
} // namespace

QString toKey(EncounterStep step) {
    for (const auto& [s, key] : kKeys)
        if (s == step)
            return QString::fromLatin1(key);
    return QStringLiteral("document");
}

std::optional<EncounterStep> parseEncounterStep(const QString& key) {
    for (const auto& [s, k] : kKeys)
        if (key == QLatin1String(k))
            return s;
    return std::nullopt;
}

} // namespace umbral::enrollment
