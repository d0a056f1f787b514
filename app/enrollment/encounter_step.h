#pragma once

#include <QString>
#include <optional>

namespace umbral::enrollment {

/// The steps of an encounter, in the order the officer goes through them.
///
/// ```
///   Document -> Fingerprints <-> Irises -> Review -> Submit -> Result
///      ^            |              |          |
///      +------------+--------------+----------+   back to any earlier step until submitted
/// ```
/// The capture steps and Review open once the document is complete; Submit opens once every
/// planned finger and both irises have a capture or an exception. Result is reached only by a
/// successful submission and leads only to a new encounter.
enum class EncounterStep { Document, Fingerprints, Irises, Review, Submit, Result };

/// "document", "fingerprints", "irises", "review", "submit", "result".
QString toKey(EncounterStep step);
std::optional<EncounterStep> parseEncounterStep(const QString& key);

} // namespace umbral::enrollment
