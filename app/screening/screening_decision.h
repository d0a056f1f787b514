#pragma once

// Fusion of the evidence about one listed person into a band, with the reasons in words:
//   red:    a fingerprint or iris match at the red false-match rate of the configuration, an
//           exact document match (document_match_red), or two independent possible matches of
//           different kinds (corroborated_red: a fingerprint and an iris, or a biometric and the
//           biographic data);
//   yellow: one possible match: a biometric at the yellow rate, or a biographic score at
//           biographic_yellow;
//   green:  nothing that reaches those.
// A name alone, however close, is never red: namesakes are common, and a different date of
// birth lowers the biographic score below yellow (tests/auto/screening/biographic).

#include "app/core/encounter.h"
#include "app/core/watchlist_entry.h"
#include "app/screening/biographic_matcher.h"
#include "app/screening/biometric_search.h"
#include "app/screening/screening_settings.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace umbral::screening {

/// The listed person as screening shows them: ids, category, severity, what to do. No names
/// (those are in the biographic evidence, sealed).
struct ListedPerson {
    qint64 ref = 0;
    QString listId;
    QString entryId;
    WatchlistCategory category = WatchlistCategory::Other;
    int severity = 0;
    QString handlingInstructions;
};

struct ScreeningCandidate {
    ListedPerson person;
    std::optional<BiographicComparison> biographic;
    std::optional<FingerCandidate> finger;
    std::optional<IrisCandidate> iris;
    Band band = Band::Green;
    QStringList reasons; ///< why this band, one sentence each
    /// The strongest evidence as one number for ordering and for Alert::score: -log10 of the
    /// smallest biometric rate, or the biographic score when there is no biometric evidence.
    double strength = 0.0;

    /// Everything about this candidate (personal data: stored only sealed).
    QJsonObject toJson() const;
};

/// Sets band, reasons and strength.
void decide(ScreeningCandidate& candidate, const ScreeningSettings& settings);

/// Orders candidates: red before yellow before green, then by strength.
bool strongerCandidate(const ScreeningCandidate& a, const ScreeningCandidate& b);

} // namespace umbral::screening
