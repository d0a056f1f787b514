#pragma once

#include <QString>
#include <optional>

namespace umbral {

/// Eye label with the ANSI/NIST-ITL Type-17 FID codes (17.003): 0 undefined, 1 right, 2 left.
enum class IrisSide : int { Undefined = 0, Right = 1, Left = 2 };

QString toKey(IrisSide side); ///< "right", "left", "undefined"
std::optional<IrisSide> parseIrisSide(const QString& text);

} // namespace umbral
