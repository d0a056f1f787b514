#pragma once

// Where the fingers of a slap or a two-thumb capture land (internal header).

#include "devices/simulated/finger_render.h"
#include "devices/simulated/finger_synthesis.h"

#include <cstdint>
#include <vector>

namespace umbral::devices::finger_detail {

/// One finger of a multi-finger capture and where its pad lands.
struct FingerSlot {
    FrictionRidgePosition finger = FrictionRidgePosition::Unknown;
    FingerPose pose;
};

/// Lays out the fingers of `slap` (13, 14 or 15), left to right in the image, for a hand of
/// `identitySeed` placed at `placement` in an image of `imageSize`. `padSizes` holds each
/// finger's master pad size in the same order as fingersOf(slap). The person's hand shape
/// (finger lengths, natural fan) is fixed by the identity; `impressionSeed` adds the small
/// differences between two placements of the same hand. The fingertips land near the top of
/// the image, as on a slap scanner's platen; the hand is kept inside the image.
std::vector<FingerSlot> layoutHand(FrictionRidgePosition slap, std::uint64_t identitySeed,
                                   std::uint64_t impressionSeed, const Placement& placement,
                                   const std::vector<cv::Size2f>& padSizes, cv::Size imageSize);

} // namespace umbral::devices::finger_detail
