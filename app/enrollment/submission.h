#pragma once

#include "app/core/encounter.h"
#include "app/core/watchlist_entry.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace umbral::enrollment {

/// What screening tells the officer about a submitted encounter: the band and, on a hit, the
/// watchlist category and the alert number to give the supervisor. Never the watchlist record
/// itself (no listed name, no reason for listing).
struct ScreeningOutcome {
    Band band = Band::Green;
    std::optional<WatchlistCategory> category; ///< set on a yellow or red hit
    qint64 alertId = 0;                        ///< the alert a supervisor adjudicates; 0: none
    bool screened = true; ///< false when no watchlist is loaded (the band stays Pending)
    /// Screening could not run (the encounter is stored and queued); band is Pending then and
    /// the officer must call the supervisor.
    QString error;
};

/// The outcome of submitting one encounter.
struct SubmissionResult {
    QString encounterId;
    QString tcn; ///< transaction control number queued for the central system
    ScreeningOutcome screening;
};

/// A warning about the captures that does not stop the encounter but that the officer must see.
struct CaptureWarning {
    enum class Kind {
        SameFingerTwice, ///< two slotKeys hold prints of the same finger
        HandsSwapped     ///< a slap shows the other hand than the one asked for
    };
    Kind kind = Kind::SameFingerTwice;
    QStringList slotKeys; ///< the slot keys concerned
};

/// "same-finger-twice", "hands-swapped".
QString toKey(CaptureWarning::Kind kind);

} // namespace umbral::enrollment
