#pragma once

#include "app/enrollment/encounter_screener.h"

#include <QString>
#include <memory>

namespace umbral::screening {
class ScreeningService;
}

namespace umbral::enrollment {

/// Screening of a submitted encounter against the station's watchlist (umbral_screening): the
/// result, its alerts, the encounter's band and the audit rows are written by ScreeningService
/// in one transaction. The officer's outcome keeps the band, the category of the strongest
/// candidate and the alert number, never the listed person's record. A station with an empty
/// watchlist reports "not screened".
class WatchlistScreener : public EncounterScreener {
public:
    /// `settingsFile`: umbral.conf, read for the [watchlist] and [screening] sections.
    explicit WatchlistScreener(QString settingsFile);
    ~WatchlistScreener() override;
    ScreeningOutcome screen(storage::StationStore& store, const Actor& actor,
                            const Encounter& encounter) override;

private:
    QString settingsFile_;
    storage::StationStore* store_ = nullptr;
    std::unique_ptr<screening::ScreeningService> service_;
};

} // namespace umbral::enrollment
