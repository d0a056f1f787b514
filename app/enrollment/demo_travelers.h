#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace umbral::enrollment {

/// The travelers the demo control panel presents to the simulated devices. Each has a travel
/// document (its zone is written by demoMrz) and an identity seed: the simulated scanners and
/// iris camera render that person's fingers and eyes, so the demo watchlist, built from the same
/// seeds (screening::demoWatchlistEntry), matches the listed ones for real. Invented people;
/// nobody's personal data. (Implemented in umbral_enrollment_screening.)
struct DemoTraveler {
    QString key;            ///< "garcia", stable for tests and settings
    std::uint64_t seed = 0; ///< identity seed of the simulated devices
    QString surname;
    QString givenNames;
    QString sex;         ///< "F", "M", "X"
    QString nationality; ///< ICAO code
    QString dateOfBirth; ///< YYMMDD
    QString documentNumber;
    QString dateOfExpiry;         ///< YYMMDD
    bool onDemoWatchlist = false; ///< listed in the demo watchlist package (a red hit)
};

const std::vector<DemoTraveler>& demoTravelers();
/// The traveler with `key`, or nullptr.
const DemoTraveler* findDemoTraveler(const QString& key);
/// The traveler's passport zone (TD3, check digits correct).
QString demoMrz(const DemoTraveler& traveler);

} // namespace umbral::enrollment
