#pragma once

// The demo watchlist: synthetic identities the simulated devices can present, signed with the
// demo key (package_signing.h), so a demo hit is a real biometric match and goes through the
// same import, verification and screening as a real list.
//
// Listed demo identity i (0-based) is the simulated traveler with seed demoListedTravelerSeed(i):
// present that seed to the simulated scanners and camera (devices/simulated/simulated_traveler.h)
// and screening finds entry "DEMO-<i+1>". Its fingers come from FingerprintSynthesizer with
// fingerIdentity(seed), its eyes from IrisSynthesizer with irisIdentity(seed, eye), each from an
// impression of its own (so the traveler's capture is another impression, as in life).

#include "app/core/traveler.h"
#include "app/core/watchlist_entry.h"

#include <QString>
#include <cstdint>
#include <functional>

namespace umbral::screening {

/// The simulated-traveler seed of the i-th listed demo identity: 1001, 1002, ...
std::uint64_t demoListedTravelerSeed(int index);

/// The biographic data of the i-th listed identity as its (fictitious, UTO) passport shows it.
Traveler demoTraveler(int index);

/// The i-th listed entry with ten fingerprints and two irises, each as image and as template or
/// code. Deterministic. Takes about a second per identity (the finger generator's masters).
WatchlistEntry demoWatchlistEntry(int index);

struct DemoWatchlistOptions {
    int identities = 10;
    QString listId = QStringLiteral("DEMO");
    qint64 version = 1;
    int validDays = 365;
    unsigned threads = 0; ///< 0: all cores
    std::function<void(int done, int total)> progress;
};

/// Writes the signed demo package. Throws umbral::Error when the file cannot be written.
void writeDemoWatchlist(const QString& path, const DemoWatchlistOptions& options);

} // namespace umbral::screening
