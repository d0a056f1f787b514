#pragma once

// The scripting API of the simulated devices: who stands at the lane and how they present.
// Tests and the demo use it to present chosen travelers (a watchlisted one included) to the
// simulated scanners and iris camera; the images come from the finger and iris generators
// (finger_synthesis.h, iris_synthesis.h), so the same traveler seed always gives the same
// fingers and irises, and a watchlist built from those generators with the same seeds matches.

#include "app/core/finger_position.h"
#include "devices/api/capture_spec.h"
#include "devices/simulated/finger_synthesis.h"
#include "devices/simulated/iris_synthesis.h"

#include <QString>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace umbral::devices {

/// One traveler as the simulated devices see them.
struct SimulatedTraveler {
    std::uint64_t identitySeed = 1;     ///< who: the same seed is the same person
    std::string fingerProfile = "good"; ///< FingerQuality::profile name ("light", "dry", ...)
    IrisQualityProfile irisProfile = IrisQualityProfile::Good;
    std::optional<FingerQuality> fingerQuality; ///< exact finger knobs; overrides fingerProfile
    /// Exact iris settings; overrides irisProfile (its impressionSeed is used as given).
    std::optional<IrisImpressionSettings> irisSettings;
    /// Fingers the traveler cannot present (amputated, bandaged): a single-finger capture of one
    /// of them never sees a finger; slaps show the others.
    std::vector<FingerPosition> absentFingers;
    /// Eyes the traveler cannot present (missing, covered).
    std::vector<IrisEye> absentEyes;
};

/// The generator identity seed of a traveler's fingers (FingerprintSynthesizer: each finger
/// position of that seed is a different finger).
std::uint64_t fingerIdentity(std::uint64_t travelerSeed);
/// The generator identity seed of one of a traveler's eyes (IrisSynthesizer): the left and the
/// right iris of a person differ, as they do in life.
std::uint64_t irisIdentity(std::uint64_t travelerSeed, IrisEye eye);
/// The finger generator's position code for a station finger position (same ANSI/NIST codes).
FrictionRidgePosition toFrictionRidgePosition(FingerPosition position);

/// What the generator rendered for the last capture of a simulated device: the ground truth
/// tests and the demo compare against (finger boxes of a slap, iris circles, the seeds).
struct SimulatedCaptureTruth {
    std::uint64_t identitySeed = 0;   ///< the generator identity (fingerIdentity / irisIdentity)
    std::uint64_t impressionSeed = 0; ///< the generator impression seed
    std::uint32_t frame = 0;          ///< the generator frame (sensor noise) index
    CaptureSpec spec;
    std::vector<SyntheticFinger> fingers;    ///< fingerprint captures
    std::optional<IrisImpressionTruth> iris; ///< iris captures
};

/// Who stands at the simulated devices now. Shared by all simulated devices of a
/// SimulatedBackend; thread-safe. Each present() starts a new presentation: devices that were
/// previewing see the new traveler arrive (the finger lands again, the eye comes into focus
/// again), and impressions are numbered from zero again, so the same sequence of script calls
/// and captures gives the same images every time.
class TravelerScript {
public:
    /// A traveler steps up. Throws std::invalid_argument for an unknown finger profile.
    void present(const SimulatedTraveler& traveler);
    /// Nobody at the devices (the traveler has left, or has not arrived).
    void leave();

    std::optional<SimulatedTraveler> traveler() const;
    /// Counts present() and leave() calls: a change tells a device a new presentation began.
    std::uint64_t presentation() const;

    /// The ground truth of `deviceId`'s last capture, if it captured in this presentation.
    std::optional<SimulatedCaptureTruth> lastCapture(const QString& deviceId) const;
    /// Devices record what they rendered (called on device threads).
    void recordCapture(const QString& deviceId, SimulatedCaptureTruth truth);

private:
    mutable std::mutex mutex_;
    std::optional<SimulatedTraveler> traveler_;
    std::uint64_t presentation_ = 0;
    std::map<QString, SimulatedCaptureTruth> lastCaptures_;
};

/// A well-mixed seed from a few numbers (SplitMix64 steps), for deriving impression seeds.
std::uint64_t mixSeeds(std::initializer_list<std::uint64_t> parts);

} // namespace umbral::devices
