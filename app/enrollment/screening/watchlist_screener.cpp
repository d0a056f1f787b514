#include "app/enrollment/screening/watchlist_screener.h"

#include "app/screening/screening_service.h"
#include "app/screening/screening_settings.h"

namespace umbral::enrollment {

WatchlistScreener::WatchlistScreener(QString settingsFile)
    : settingsFile_(std::move(settingsFile)) {}
WatchlistScreener::~WatchlistScreener() = default;

ScreeningOutcome WatchlistScreener::screen(storage::StationStore& store, const Actor& actor,
                                           const Encounter& encounter) {
    // One service for the writer thread's lifetime: its engine (the watchlist in memory) is
    // built on first use and rebuilt only when an import changes the watchlist.
    if (!service_ || store_ != &store) {
        service_ = std::make_unique<screening::ScreeningService>(
            store, screening::ScreeningSettings::load(settingsFile_));
        store_ = &store;
    }
    ScreeningOutcome out;
    if (service_->engine()->people() == 0) {
        out.band = Band::Pending; // nothing to screen against: say so, never "green"
        out.screened = false;
        return out;
    }
    const screening::ScreeningResult r = service_->screenEncounter(actor, encounter.id);
    out.band = r.band();
    if (out.band != Band::Green && !r.outcome.candidates.empty())
        out.category = r.outcome.candidates.front().person.category;
    if (!r.alertIds.empty())
        out.alertId = r.alertIds.front();
    return out;
}

} // namespace umbral::enrollment
