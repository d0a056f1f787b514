#pragma once

// Words the officer reads, translated (QCoreApplication::translate, context "Labels"), and the
// colour and symbol that go with a quality level: colour is never the only signal, every
// level also has a word, a number and a symbol.

#include "app/core/capture.h"
#include "app/core/encounter.h"
#include "app/core/watchlist_entry.h"
#include "app/enrollment/capture/traveler_advice.h"
#include "app/enrollment/encounter_step.h"

#include <QColor>
#include <QString>
#include <optional>

namespace umbral::ui {

enum class QualityLevel { NotSeen, Poor, Fair, Good };

/// Poor below the threshold, Good from threshold + 20, Fair between; NotSeen without a score.
QualityLevel qualityLevel(std::optional<int> score, int threshold);
QString qualityWord(QualityLevel level);   ///< "Good", "Fair", "Poor", "Not seen"
QString qualitySymbol(QualityLevel level); ///< "✔", "▲", "✖", "–"
QColor qualityColour(QualityLevel level);  ///< dark green, dark amber, dark red, grey
/// "72 ✔ Good", "31 ✖ Poor", "– Not seen".
QString qualityLabel(std::optional<int> score, int threshold);

QString adviceText(enrollment::Advice advice);
QString fingerName(FingerPosition finger); ///< "Right thumb", "Right four fingers"...
QString irisName(IrisSide side);           ///< "Right eye", "Left eye"
QString exceptionName(CaptureException e); ///< "Amputated", "Bandaged", "Unable to capture"...
QString stepName(enrollment::EncounterStep step); ///< "Document", "Fingerprints", ...
QString bandWord(Band band);                      ///< "GREEN", "YELLOW", "RED", "NOT SCREENED"
QString categoryName(WatchlistCategory category);
/// A short name for a slot key ("finger:right-index" -> "Right index").
QString slotName(const QString& slotKey);

} // namespace umbral::ui
