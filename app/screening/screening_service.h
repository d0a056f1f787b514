#pragma once

// Screening as the station runs it: an encounter (or a traveler typed in) against the
// watchlist, the result and its alerts written in ONE transaction with the encounter's band and
// the audit rows, by a named user.
//
// How the desktop's submit step calls it (after EnrollmentService::submit has committed):
//     ScreeningService screening(store, ScreeningSettings::load(paths.settingsFile()));
//     ScreeningResult r = screening.screenEncounter(actor, encounter.id);   // on a worker thread
//     -> r.band (green/yellow/red), r.candidates[i].person.category / handlingInstructions for
//        the officer's result screen; r.alertIds for the supervisor.
// Keep one ScreeningService for the station's lifetime: its engine (the watchlist in memory) is
// built on first use and rebuilt only when an import changes the watchlist versions.

#include "app/core/user.h"
#include "app/screening/screening_engine.h"

#include <memory>
#include <mutex>

namespace umbral::storage { class StationStore; }

namespace umbral::screening {

struct ScreeningResult {
    ScreeningOutcome outcome;
    qint64 screeningId = 0;      ///< 0 for a query that stored nothing
    std::vector<qint64> alertIds;
    Band band() const { return outcome.band; }
};

class ScreeningService {
public:
    ScreeningService(storage::StationStore& store, ScreeningSettings settings,
                     BiometricBackends backends = defaultBiometricBackends());

    /// Screens a stored encounter. Needs EnrollTraveler (officers and supervisors). Writes the
    /// screening result, one alert per yellow or red candidate (state open, with all evidence),
    /// the encounter's band and the audit rows in one transaction.
    ScreeningResult screenEncounter(const Actor& actor, const QString& encounterId);

    /// Screens a traveler without an encounter (umbralctl screen --mrz): nothing is stored but
    /// the audit row. Needs EnrollTraveler.
    ScreeningResult screenTraveler(const Actor& actor, const Traveler& traveler, const std::vector<Capture>& captures);

    /// The engine for the current watchlist (built now if the watchlist changed since).
    std::shared_ptr<const ScreeningEngine> engine();
    /// Drops the engine; the next screening rebuilds it.
    void invalidate();

private:
    SampleSource sampleSource();

    storage::StationStore& store_;
    ScreeningSettings settings_;
    BiometricBackends backends_;
    std::mutex mutex_;
    std::shared_ptr<const ScreeningEngine> engine_;
};

} // namespace umbral::screening
