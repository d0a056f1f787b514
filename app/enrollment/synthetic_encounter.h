#pragma once

#include "app/core/encounter.h"

#include <cstdint>

namespace umbral::enrollment {

/// A complete synthetic encounter for tests, benchmarks and `umbralctl enroll --synthetic`:
/// invented biographic data, ten fingerprint images of 400x500 (500 ppi) and two iris images of
/// 640x480, deterministic for a seed. The images are plausible ridge/iris textures, not
/// matchable identities (the simulated devices provide those).
Encounter makeSyntheticEncounter(std::uint64_t seed, const QString& lane);

} // namespace umbral::enrollment
