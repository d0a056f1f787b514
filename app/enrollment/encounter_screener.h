#pragma once

#include "app/core/encounter.h"
#include "app/core/user.h"
#include "app/enrollment/submission.h"

namespace umbral::storage {
class StationStore;
}

namespace umbral::enrollment {

/// Screens a submitted encounter against the station's watchlist and records any alert. Called
/// on the station writer's thread, after the encounter has been committed, with that thread's
/// store. Throws umbral::Error when screening cannot run (the encounter stays submitted and
/// queued; the officer is told screening failed and to call the supervisor).
class EncounterScreener {
public:
    virtual ~EncounterScreener() = default;
    virtual ScreeningOutcome screen(storage::StationStore& store, const Actor& actor,
                                    const Encounter& encounter) = 0;
};

/// A station without a watchlist: every encounter stays Pending and is marked not screened.
class NoWatchlistScreener : public EncounterScreener {
public:
    ScreeningOutcome screen(storage::StationStore&, const Actor&, const Encounter&) override {
        ScreeningOutcome o;
        o.band = Band::Pending;
        o.screened = false;
        return o;
    }
};

} // namespace umbral::enrollment
