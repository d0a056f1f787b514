#pragma once

// The screening engine: an immutable snapshot of the watchlist in memory (the biographic index
// and the biometric galleries) built from the sealed storage, and the search of one traveler
// against it. Built once per watchlist version (a few seconds for 100 000 people); screening
// itself touches storage only to read the shortlisted people's other fingers.

#include "app/core/traveler.h"
#include "app/screening/biographic_index.h"
#include "app/screening/biometric_search.h"
#include "app/screening/screening_decision.h"
#include "app/screening/screening_settings.h"

#include <QJsonObject>
#include <map>
#include <memory>
#include <unordered_map>

namespace umbral::storage { class StationStore; }

namespace umbral::screening {

/// Where a screening spent its time.
struct ScreeningTimings {
    double biographicMs = 0.0;
    double fingerPrepareMs = 0.0, fingerSearchMs = 0.0, fingerVerifyMs = 0.0;
    double irisPrepareMs = 0.0, irisSearchMs = 0.0;
    double totalMs = 0.0;
};

struct ScreeningOutcome {
    Band band = Band::Green;
    std::vector<ScreeningCandidate> candidates; ///< strongest first, yellow and red first
    std::vector<ProbeNote> probes;
    std::map<QString, qint64> watchlistVersions;
    qint64 fingerComparisons = 0, irisComparisons = 0;
    bool fingerprintsScreened = false, irisesScreened = false;
    ScreeningTimings timings;

    /// "KST:7,CRIMINAL:12"
    QString versionsText() const;
    /// The whole outcome as JSON (personal data: stored only sealed).
    QJsonObject toJson() const;
};

class ScreeningEngine {
public:
    /// Loads every entry and sample of the station's watchlist (unsealing them).
    static std::shared_ptr<const ScreeningEngine> build(storage::StationStore& store, const ScreeningSettings& settings,
                                                        const BiometricBackends& backends);

    /// Screens one traveler. `source` reads stored samples of shortlisted people (may be empty:
    /// then fingerprints are judged on the gallery fingers only).
    ScreeningOutcome screen(const Traveler& traveler, const std::vector<Capture>& captures, const SampleSource& source) const;

    const std::map<QString, qint64>& versions() const { return versions_; }
    int people() const { return int(people_.size()); }
    const ScreeningSettings& settings() const { return settings_; }
    const FingerprintSearch* fingerprints() const { return finger_.get(); }
    const IrisSearch* irises() const { return iris_.get(); }
    const BiographicIndex& biographic() const { return biographic_; }
    double buildMs() const { return buildMs_; }
    std::size_t memoryBytes() const;

private:
    ScreeningEngine() = default;
    ScreeningSettings settings_;
    std::map<QString, qint64> versions_;
    std::vector<ListedPerson> people_;
    std::unordered_map<qint64, int> byRef_;
    BiographicIndex biographic_;
    std::unique_ptr<FingerprintSearch> finger_;
    std::unique_ptr<IrisSearch> iris_;
    double buildMs_ = 0.0;
};

} // namespace umbral::screening
