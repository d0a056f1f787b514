#include "devices/simulated/simulated_traveler.h"

#include <stdexcept>

namespace umbral::devices {

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

} // namespace

std::uint64_t mixSeeds(std::initializer_list<std::uint64_t> parts) {
    std::uint64_t state = 0x756D6272616C0000ull; // "umbral"
    for (std::uint64_t part : parts)
        state = splitmix64(state ^ part);
    return state;
}

std::uint64_t fingerIdentity(std::uint64_t travelerSeed) {
    // The finger generator already makes every position of a seed a different finger.
    return travelerSeed;
}

std::uint64_t irisIdentity(std::uint64_t travelerSeed, IrisEye eye) {
    return mixSeeds({travelerSeed, eye == IrisEye::Left ? 0x4C45ull : 0x5249ull}); // "LE", "RI"
}

FrictionRidgePosition toFrictionRidgePosition(FingerPosition position) {
    // Both enumerations carry the ANSI/NIST-ITL Table 8 codes.
    return static_cast<FrictionRidgePosition>(static_cast<int>(position));
}

void TravelerScript::present(const SimulatedTraveler& traveler) {
    if (!traveler.fingerQuality)
        FingerQuality::profile(traveler.fingerProfile); // throws on an unknown name
    std::lock_guard lock(mutex_);
    traveler_ = traveler;
    ++presentation_;
    lastCaptures_.clear();
}

void TravelerScript::leave() {
    std::lock_guard lock(mutex_);
    traveler_.reset();
    ++presentation_;
    lastCaptures_.clear();
}

std::optional<SimulatedTraveler> TravelerScript::traveler() const {
    std::lock_guard lock(mutex_);
    return traveler_;
}

std::uint64_t TravelerScript::presentation() const {
    std::lock_guard lock(mutex_);
    return presentation_;
}

std::optional<SimulatedCaptureTruth> TravelerScript::lastCapture(const QString& deviceId) const {
    std::lock_guard lock(mutex_);
    const auto found = lastCaptures_.find(deviceId);
    if (found == lastCaptures_.end())
        return std::nullopt;
    return found->second;
}

void TravelerScript::recordCapture(const QString& deviceId, SimulatedCaptureTruth truth) {
    std::lock_guard lock(mutex_);
    lastCaptures_[deviceId] = std::move(truth);
}

} // namespace umbral::devices
