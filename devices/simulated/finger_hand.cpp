#include "devices/simulated/finger_hand.h"

#include "devices/simulated/finger_random.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace umbral::devices::finger_detail {
namespace {

constexpr double kPi = 3.14159265358979323846;
double rad(double deg) {
    return deg * kPi / 180.0;
}

struct Local {
    double x, y, angleDeg; // hand frame: x across, y down, hand pointing up
};

} // namespace

std::vector<FingerSlot> layoutHand(FrictionRidgePosition slap, std::uint64_t identitySeed,
                                   std::uint64_t impressionSeed, const Placement& placement,
                                   const std::vector<cv::Size2f>& padSizes, cv::Size imageSize) {
    const std::vector<FrictionRidgePosition> fingers = fingersOf(slap);
    if (fingers.size() != padSizes.size() || fingers.size() < 2)
        throw std::invalid_argument("finger synthesis: layoutHand needs one pad size per finger");
    const double spread = std::clamp(placement.spread, 0.0, 1.0);
    Random hand(deriveSeed({identitySeed, static_cast<std::uint64_t>(slap), 0x48414E44ull}));
    Random jitter(deriveSeed(
        {identitySeed, static_cast<std::uint64_t>(slap), impressionSeed, 0x4A495454ull}));
    const size_t n = fingers.size();
    std::vector<Local> local(n);

    if (slap == FrictionRidgePosition::PlainThumbs) {
        // Thumbs side by side, tips leaning a little towards each other.
        const double lean = hand.uniform(6.0, 16.0);
        const double gap = 50.0 + 230.0 * spread + jitter.normal(0, 10);
        const double drop = hand.normal(0, 20) + jitter.normal(0, 10);
        local[0] = {-(padSizes[0].width / 2 + gap / 2), -drop / 2, lean + jitter.normal(0, 2.5)};
        local[1] = {padSizes[1].width / 2 + gap / 2, drop / 2, -lean + jitter.normal(0, 2.5)};
    } else {
        // Four fingers. The person's hand: how far each fingertip stands back from the middle
        // finger's, and the natural fan of the fingers (index to little). Left to right in the
        // image: right hand index..little, left hand little..index (mirror).
        const bool right = slap == FrictionRidgePosition::PlainRightFour;
        const double dropIndex = hand.uniform(35, 100), dropRing = hand.uniform(15, 70),
                     dropLittle = hand.uniform(150, 240);
        const double fanIndex = -hand.uniform(2, 7), fanMiddle = hand.uniform(-1.5, 1.5),
                     fanRing = hand.uniform(2, 6), fanLittle = hand.uniform(7, 14);
        // In index..little order.
        const double drops[4] = {dropIndex, 0.0, dropRing, dropLittle};
        const double fans[4] = {fanIndex, fanMiddle, fanRing, fanLittle};
        const double fanScale = 0.5 + spread;
        for (size_t i = 0; i < 4; ++i) {
            const size_t anatomical = right ? i : 3 - i; // 0 index .. 3 little
            const double fan = fans[anatomical] * fanScale;
            local[i].angleDeg = (right ? fan : -fan) + jitter.normal(0, 1.5);
            local[i].y = drops[anatomical] + jitter.normal(0, 8);
        }
        // Pads side by side with gaps that grow with spread. Fingers fanned apart at the tips
        // converge towards their bases: widen the gap so the lower pad corners do not overlap.
        double x = 0;
        for (size_t i = 0; i < 4; ++i) {
            if (i > 0) {
                const double base = 6.0 + 55.0 * spread + std::abs(jitter.normal(0, 6));
                const double lowerHalf = 0.5 * std::max(padSizes[i - 1].height, padSizes[i].height);
                const double converge =
                    std::max(0.0, lowerHalf * (std::sin(rad(local[i].angleDeg)) -
                                               std::sin(rad(local[i - 1].angleDeg))));
                x += padSizes[i - 1].width / 2 + base + 0.7 * converge + padSizes[i].width / 2;
            }
            local[i].x = x;
        }
    }

    // Centre the hand's pads on the hand origin.
    double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
    for (size_t i = 0; i < n; ++i) {
        minX = std::min(minX, local[i].x - padSizes[i].width / 2);
        maxX = std::max(maxX, local[i].x + padSizes[i].width / 2);
        minY = std::min(minY, local[i].y - padSizes[i].height / 2);
        maxY = std::max(maxY, local[i].y + padSizes[i].height / 2);
    }
    for (auto& l : local) {
        l.x -= (minX + maxX) / 2;
        l.y -= (minY + maxY) / 2;
    }

    // Rotate the hand and place it; then shift it back inside the image if it would leave it.
    const double psi = rad(placement.rotationDeg);
    const double c = std::cos(psi), s = std::sin(psi);
    std::vector<FingerSlot> slots(n);
    cv::Point2d centre(imageSize.width / 2.0 + placement.offset.x,
                       imageSize.height / 2.0 + placement.offset.y);
    double lo[2] = {1e9, 1e9}, hi[2] = {-1e9, -1e9};
    for (size_t i = 0; i < n; ++i) {
        slots[i].finger = fingers[i];
        slots[i].pose.rotationDeg = local[i].angleDeg + placement.rotationDeg;
        slots[i].pose.centre =
            cv::Point2d(c * local[i].x - s * local[i].y, s * local[i].x + c * local[i].y);
        // Extent of the pad's rotated box.
        const double a = rad(slots[i].pose.rotationDeg);
        const double hw = 0.5 * (std::abs(std::cos(a)) * padSizes[i].width +
                                 std::abs(std::sin(a)) * padSizes[i].height);
        const double hh = 0.5 * (std::abs(std::sin(a)) * padSizes[i].width +
                                 std::abs(std::cos(a)) * padSizes[i].height);
        lo[0] = std::min(lo[0], slots[i].pose.centre.x - hw);
        hi[0] = std::max(hi[0], slots[i].pose.centre.x + hw);
        lo[1] = std::min(lo[1], slots[i].pose.centre.y - hh);
        hi[1] = std::max(hi[1], slots[i].pose.centre.y + hh);
    }
    // A slap scanner's platen takes the fingertips near its top edge, the rest of the fingers
    // below them: place the highest fingertip a little under the top, then keep all inside.
    centre.y = 50.0 + jitter.uniform(0.0, 90.0) + 0.5 * std::max(0.0, placement.offset.y) - lo[1];
    const double margin = 12.0;
    const double dims[2] = {static_cast<double>(imageSize.width),
                            static_cast<double>(imageSize.height)};
    double* ctr[2] = {&centre.x, &centre.y};
    for (int k = 0; k < 2; ++k) {
        const double minC = margin - lo[k], maxC = dims[k] - margin - hi[k];
        if (minC <= maxC)
            *ctr[k] = std::clamp(*ctr[k], minC, maxC);
        else
            *ctr[k] = (minC + maxC) / 2; // does not fit: centre it, the edges are cut
    }
    for (auto& slot : slots)
        slot.pose.centre += centre;
    return slots;
}

} // namespace umbral::devices::finger_detail
