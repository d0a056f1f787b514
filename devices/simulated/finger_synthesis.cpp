#include "devices/simulated/finger_synthesis.h"

#include "devices/simulated/finger_hand.h"
#include "devices/simulated/finger_master.h"
#include "devices/simulated/finger_random.h"
#include "devices/simulated/finger_render.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <list>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace umbral::devices {

using namespace finger_detail;

bool isSingleFinger(FrictionRidgePosition position) noexcept {
    const int code = static_cast<int>(position);
    return code >= 1 && code <= 10;
}

bool isMultiFinger(FrictionRidgePosition position) noexcept {
    const int code = static_cast<int>(position);
    return code >= 13 && code <= 15;
}

std::vector<FrictionRidgePosition> fingersOf(FrictionRidgePosition position) {
    using F = FrictionRidgePosition;
    switch (position) {
    case F::PlainRightFour:
        return {F::RightIndex, F::RightMiddle, F::RightRing, F::RightLittle};
    case F::PlainLeftFour:
        return {F::LeftLittle, F::LeftRing, F::LeftMiddle, F::LeftIndex};
    case F::PlainThumbs:
        return {F::LeftThumb, F::RightThumb};
    default:
        if (isSingleFinger(position))
            return {position};
        return {};
    }
}

std::string toString(FrictionRidgePosition position) {
    switch (static_cast<int>(position)) {
    case 1:
        return "right thumb";
    case 2:
        return "right index";
    case 3:
        return "right middle";
    case 4:
        return "right ring";
    case 5:
        return "right little";
    case 6:
        return "left thumb";
    case 7:
        return "left index";
    case 8:
        return "left middle";
    case 9:
        return "left ring";
    case 10:
        return "left little";
    case 13:
        return "right 4-finger slap";
    case 14:
        return "left 4-finger slap";
    case 15:
        return "two thumbs";
    default:
        return "unknown position";
    }
}

std::string toString(FingerPatternClass pattern) {
    switch (pattern) {
    case FingerPatternClass::Arch:
        return "arch";
    case FingerPatternClass::TentedArch:
        return "tented arch";
    case FingerPatternClass::LeftLoop:
        return "left loop";
    case FingerPatternClass::RightLoop:
        return "right loop";
    case FingerPatternClass::Whorl:
        return "whorl";
    }
    return "unknown";
}

// ---------------------------------------------------------------------------------------------
// Master cache: least recently used masters are dropped past the capacity. Masters are built
// outside the lock (they take a while); if two threads build the same one, the first stored
// wins and both get the same result anyway (deterministic).

struct FingerprintSynthesizer::Cache {
    using Key = std::pair<std::uint64_t, int>;
    struct KeyHash {
        size_t operator()(const Key& k) const noexcept {
            return static_cast<size_t>(
                mix64(k.first ^ mix64(static_cast<std::uint64_t>(k.second))));
        }
    };
    struct Entry {
        std::shared_ptr<const MasterFingerprint> master;
        std::list<Key>::iterator use;
    };
    std::size_t capacity;
    mutable std::mutex mutex;
    std::list<Key> recency; // front = most recent
    std::unordered_map<Key, Entry, KeyHash> entries;
};

FingerprintSynthesizer::FingerprintSynthesizer(std::size_t masterCacheCapacity)
    : cache_(std::make_unique<Cache>()) {
    cache_->capacity = std::max<std::size_t>(1, masterCacheCapacity);
}

FingerprintSynthesizer::~FingerprintSynthesizer() = default;

std::size_t FingerprintSynthesizer::cachedMasterCount() const {
    std::lock_guard lock(cache_->mutex);
    return cache_->entries.size();
}

std::shared_ptr<const MasterFingerprint>
FingerprintSynthesizer::master(std::uint64_t identitySeed, FrictionRidgePosition finger) const {
    if (!isSingleFinger(finger))
        throw std::invalid_argument(
            "finger synthesis: a master needs a finger position 1-10, not " + toString(finger));
    return cached(identitySeed, static_cast<int>(finger),
                  [&] { return buildMaster(identitySeed, finger); });
}

namespace {
// Cache keys: the finger code for fingertip masters, this plus the code for the phalanx below.
constexpr int kLowerPhalanxKey = 100;
} // namespace

std::shared_ptr<const MasterFingerprint>
FingerprintSynthesizer::lowerPhalanx(std::uint64_t identitySeed,
                                     FrictionRidgePosition finger) const {
    const auto distal = master(identitySeed, finger);
    return cached(identitySeed, kLowerPhalanxKey + static_cast<int>(finger),
                  [&] { return buildMiddlePhalanx(identitySeed, finger, *distal); });
}

std::shared_ptr<const MasterFingerprint>
FingerprintSynthesizer::cached(std::uint64_t identitySeed, int part,
                               const std::function<MasterFingerprint()>& build) const {
    const Cache::Key key{identitySeed, part};
    {
        std::lock_guard lock(cache_->mutex);
        auto it = cache_->entries.find(key);
        if (it != cache_->entries.end()) {
            cache_->recency.splice(cache_->recency.begin(), cache_->recency, it->second.use);
            return it->second.master;
        }
    }
    auto built = std::make_shared<const MasterFingerprint>(build());
    std::lock_guard lock(cache_->mutex);
    auto it = cache_->entries.find(key);
    if (it != cache_->entries.end())
        return it->second.master;
    cache_->recency.push_front(key);
    cache_->entries.emplace(key, Cache::Entry{built, cache_->recency.begin()});
    while (cache_->entries.size() > cache_->capacity) {
        cache_->entries.erase(cache_->recency.back());
        cache_->recency.pop_back();
    }
    return built;
}

cv::Size FingerprintSynthesizer::defaultImageSize(FrictionRidgePosition position) {
    if (isSingleFinger(position))
        return {416, 560};
    if (isMultiFinger(position))
        return {1600, 1500};
    throw std::invalid_argument("finger synthesis: unknown position " + toString(position));
}

Placement FingerprintSynthesizer::placementFor(const CaptureRequest& request) {
    if (request.placement)
        return *request.placement;
    Random rnd(deriveSeed({request.identitySeed, static_cast<std::uint64_t>(request.position),
                           request.impressionSeed, 0x504C4143ull}));
    Placement p;
    // Uniform over a disc: an offset in any direction, up to the range.
    const double r = request.range.maxOffsetPx * std::sqrt(rnd.uniform());
    const double a = rnd.uniform(0, 6.283185307179586);
    p.offset = cv::Point2d(r * std::cos(a), r * std::sin(a));
    p.rotationDeg = rnd.uniform(-request.range.maxRotationDeg, request.range.maxRotationDeg);
    p.spread = rnd.uniform(request.range.minSpread, request.range.maxSpread);
    return p;
}

namespace {

/// A finger of a slap is not pressed exactly like its neighbours.
FingerQuality varyPerFinger(const FingerQuality& q, double amount, FrictionRidgePosition finger,
                            Random& rnd) {
    FingerQuality v = q;
    auto wobble = [&](double x) { return std::clamp(x + amount * rnd.normal(), 0.0, 1.0); };
    v.pressure = wobble(q.pressure);
    // Little fingers reach the glass with less force.
    if (finger == FrictionRidgePosition::RightLittle || finger == FrictionRidgePosition::LeftLittle)
        v.pressure = std::clamp(v.pressure - 1.5 * amount, 0.0, 1.0);
    if (q.dryness > 0)
        v.dryness = wobble(q.dryness);
    if (q.wetness > 0)
        v.wetness = wobble(q.wetness);
    v.distortion = wobble(q.distortion);
    return v;
}

/// The phalanx below a fingertip, across the flexion crease: pressed more lightly, and
/// touching from the crease down only as far as `contactFraction` of it.
void renderLowerPhalanx(const MasterFingerprint& distal, const MasterFingerprint& phalanx,
                        const FingerPose& tip, const FingerQuality& tipQuality,
                        double contactFraction, cv::Size size, std::uint64_t seed,
                        cv::Mat& darkness, cv::Mat& contact) {
    Random rnd(seed);
    const double crease = rnd.uniform(14.0, 30.0);
    const double a = tip.rotationDeg * 3.14159265358979323846 / 180.0;
    const cv::Point2d down(-std::sin(a), std::cos(a));
    FingerPose pose;
    pose.rotationDeg = tip.rotationDeg + rnd.normal(0, 2.0);
    pose.centre =
        tip.centre + down * (distal.padSize.height / 2 + crease + phalanx.padSize.height / 2);
    FingerQuality q = tipQuality;
    q.pressure = 0.6 * tipQuality.pressure;
    q.contact = contactFraction;
    RenderOptions options;
    options.liftDirectionRad = 3.14159265358979323846 / 2; // the far end lifts off first
    accumulate(renderFinger(phalanx, pose, q, size, rnd.next(), options), darkness, contact);
}

std::uint64_t sceneSeed(const CaptureRequest& request) {
    return deriveSeed({request.identitySeed, static_cast<std::uint64_t>(request.position),
                       request.impressionSeed, 0x5343454Eull});
}

} // namespace

SyntheticCapture FingerprintSynthesizer::capture(const CaptureRequest& request) const {
    OpticalCapture optical = renderOptics(request);
    optical.capture.image = exposeFrame(optical.optics, request);
    return std::move(optical.capture);
}

cv::Mat FingerprintSynthesizer::exposeFrame(const cv::Mat& optics, const CaptureRequest& request) {
    return exposeSensor(optics, request.quality,
                        deriveSeed({sceneSeed(request), request.frame, 0x4E4F4953ull}));
}

FingerprintSynthesizer::OpticalCapture
FingerprintSynthesizer::renderOptics(const CaptureRequest& request) const {
    const FrictionRidgePosition kind = request.position;
    if (!isSingleFinger(kind) && !isMultiFinger(kind))
        throw std::invalid_argument("finger synthesis: cannot capture position " +
                                    std::to_string(static_cast<int>(kind)));
    const cv::Size size = request.imageSize.empty() ? defaultImageSize(kind) : request.imageSize;
    const cv::Size minimum = isSingleFinger(kind) ? cv::Size(96, 96) : cv::Size(600, 500);
    if (size.width < minimum.width || size.height < minimum.height || size.width > 4000 ||
        size.height > 4000)
        throw std::invalid_argument("finger synthesis: image size " + std::to_string(size.width) +
                                    "x" + std::to_string(size.height) + " does not suit " +
                                    toString(kind));
    const std::vector<FrictionRidgePosition> fingers = fingersOf(kind);
    for (auto absent : request.absentFingers)
        if (std::find(fingers.begin(), fingers.end(), absent) == fingers.end())
            throw std::invalid_argument("finger synthesis: " + toString(absent) +
                                        " is not part of " + toString(kind));

    SyntheticCapture result;
    result.position = kind;
    result.placement = placementFor(request);

    std::vector<std::shared_ptr<const MasterFingerprint>> masters;
    for (auto f : fingers)
        masters.push_back(master(request.identitySeed, f));

    std::vector<FingerSlot> slots;
    if (isSingleFinger(kind)) {
        FingerSlot slot;
        slot.finger = kind;
        slot.pose.centre = cv::Point2d(size.width / 2.0 + result.placement.offset.x,
                                       size.height / 2.0 + result.placement.offset.y);
        slot.pose.rotationDeg = result.placement.rotationDeg;
        slots.push_back(slot);
    } else {
        std::vector<cv::Size2f> pads;
        for (const auto& m : masters)
            pads.push_back(m->padSize);
        slots = layoutHand(kind, request.identitySeed, request.impressionSeed, result.placement,
                           pads, size);
    }

    cv::Mat darkness(size, CV_32F, cv::Scalar(0)), contact(size, CV_32F, cv::Scalar(0));
    Random variation(deriveSeed({request.identitySeed, static_cast<std::uint64_t>(kind),
                                 request.impressionSeed, 0x56415259ull}));
    // A hand on a slap platen loses contact the same way on every finger: rolled to one side,
    // fingers curled (the lower pads lift) or tips raised. The side that lifts is shared. A
    // fingertip is close to a cylinder, so the edge of its contact runs along the finger when it
    // rolls and across it when it lifts or curls: directions along the masters' axes (0 = right
    // side, pi/2 = down), each finger's a few degrees off (its own shape, not the hand's).
    RenderOptions handContact;
    if (isMultiFinger(kind)) {
        const double quarter = variation.uniformInt(0, 3) * 1.5707963267948966;
        handContact.liftDirectionRad = quarter;
    }
    for (size_t i = 0; i < slots.size(); ++i) {
        // Draw the variation for every finger, present or not, so removing one finger does not
        // change how the others look.
        const FingerQuality q = isSingleFinger(kind)
                                    ? request.quality
                                    : varyPerFinger(request.quality, request.perFingerVariation,
                                                    slots[i].finger, variation);
        RenderOptions options = handContact;
        const double liftJitter = variation.normal(0, 0.07);
        if (options.liftDirectionRad >= 0)
            options.liftDirectionRad = std::fmod(
                options.liftDirectionRad + liftJitter + 6.283185307179586, 6.283185307179586);
        if (std::find(request.absentFingers.begin(), request.absentFingers.end(),
                      slots[i].finger) != request.absentFingers.end())
            continue;
        const std::uint64_t seed = deriveSeed(
            {request.identitySeed, static_cast<std::uint64_t>(kind), request.impressionSeed,
             static_cast<std::uint64_t>(slots[i].finger), 0x52454E44ull});
        RenderedFinger rendered = renderFinger(*masters[i], slots[i].pose, q, size, seed, options);
        accumulate(rendered, darkness, contact);
        if (rendered.contactAreaPx > 0)
            result.fingers.push_back({slots[i].finger, rendered.box, rendered.contactAreaPx});
        if (isMultiFinger(kind) && request.lowerPhalanxContact > 0.02)
            renderLowerPhalanx(*masters[i], *lowerPhalanx(request.identitySeed, slots[i].finger),
                               slots[i].pose, q, std::min(1.0, request.lowerPhalanxContact), size,
                               deriveSeed({seed, 0x4C4F5752ull}), darkness, contact);
    }
    OpticalCapture optical;
    optical.optics = composeOptics(darkness, contact, request.quality, sceneSeed(request));
    optical.capture = std::move(result);
    return optical;
}

} // namespace umbral::devices
