#include "app/core/watchlist_entry.h"

#include <array>
#include <utility>

namespace umbral {

namespace {
constexpr std::array<std::pair<WatchlistCategory, const char*>, 4> kCategoryKeys{{
    {WatchlistCategory::KnownOrSuspectedTerrorist, "kst"},
    {WatchlistCategory::CriminalWarrant, "criminal-warrant"},
    {WatchlistCategory::ImmigrationViolation, "immigration-violation"},
    {WatchlistCategory::Other, "other"},
}};
} // namespace

QString toKey(WatchlistCategory category) {
    for (const auto& [value, key] : kCategoryKeys)
        if (value == category)
            return QString::fromLatin1(key);
    return QStringLiteral("other");
}

std::optional<WatchlistCategory> parseWatchlistCategory(const QString& text) {
    for (const auto& [value, key] : kCategoryKeys)
        if (text.compare(QLatin1String(key), Qt::CaseInsensitive) == 0)
            return value;
    return std::nullopt;
}

} // namespace umbral
