#include "devices/simulated/finger_fields.h"
#include "devices/simulated/finger_random.h"
#include "devices/simulated/finger_synthesis.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace umbral::devices {

using namespace finger_detail;

PlacementPreview::PlacementPreview(const FingerprintSynthesizer& synthesizer, CaptureRequest target,
                                   PreviewTiming timing)
    : synthesizer_(synthesizer), target_(std::move(target)), timing_(timing),
      finalPlacement_(FingerprintSynthesizer::placementFor(target_)) {
    timing_.landingFrames = std::max(1, timing_.landingFrames);
    timing_.settlingFrames = std::max(0, timing_.settlingFrames);
}

bool PlacementPreview::settled() const noexcept {
    return frame_ >= timing_.landingFrames + timing_.settlingFrames;
}

CaptureRequest PlacementPreview::requestForFrame(int index) const {
    CaptureRequest r = target_;
    r.frame = static_cast<std::uint32_t>(index);
    const int total = timing_.landingFrames + timing_.settlingFrames;
    Random rnd(deriveSeed({target_.identitySeed, static_cast<std::uint64_t>(target_.position),
                           target_.impressionSeed, 0x50524556ull}));
    const double driftAngle = rnd.uniform(0, 6.283185307179586);
    const double driftTurn = rnd.uniform(-3.0, 3.0);
    Placement p = finalPlacement_;
    if (index < total) {
        // Contact spreads during landing; pressure rises and the slide stops over the whole
        // approach. Smooth steps: fast at first, settling gently.
        const double land = smoothstep(0.0, 1.0, (index + 1.0) / timing_.landingFrames);
        const double approach = smoothstep(0.0, 1.0, (index + 1.0) / (total + 1.0));
        FingerQuality q = target_.quality;
        q.contact = timing_.startContact + (target_.quality.contact - timing_.startContact) * land;
        q.pressure =
            timing_.startPressure + (target_.quality.pressure - timing_.startPressure) * approach;
        q.motion = timing_.startMotion + (target_.quality.motion - timing_.startMotion) * approach;
        r.quality = q;
        const double rest = 1.0 - approach;
        p.offset +=
            cv::Point2d(std::cos(driftAngle), std::sin(driftAngle)) * (timing_.driftPx * rest);
        p.rotationDeg += driftTurn * rest;
    } else {
        // On the glass: only a slight tremor from frame to frame.
        Random tremor(
            deriveSeed({target_.impressionSeed, static_cast<std::uint64_t>(index), 0x5452454Dull}));
        p.offset += cv::Point2d(tremor.normal(0, 0.4), tremor.normal(0, 0.4));
    }
    r.placement = p;
    return r;
}

SyntheticCapture PlacementPreview::nextFrame() {
    const CaptureRequest request = requestForFrame(frame_);
    ++frame_;
    if (frame_ <= timing_.landingFrames + timing_.settlingFrames)
        return synthesizer_.capture(request); // landing: every frame looks different

    // Settled: the fingers lie still and only tremble. Render the optics once, then move them
    // by each frame's tremor and expose them with the frame's own sensor noise.
    if (settledOptics_.empty()) {
        FingerprintSynthesizer::OpticalCapture optical = synthesizer_.renderOptics(request);
        settledOptics_ = std::move(optical.optics);
        settledGeometry_ = std::move(optical.capture);
        settledOffset_ = request.placement->offset;
    }
    const cv::Point2d shift = request.placement->offset - settledOffset_;
    cv::Mat moved;
    const cv::Matx23d translation(1, 0, shift.x, 0, 1, shift.y);
    cv::warpAffine(settledOptics_, moved, translation, settledOptics_.size(), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    SyntheticCapture frame = settledGeometry_;
    frame.image = FingerprintSynthesizer::exposeFrame(moved, request);
    frame.placement = *request.placement;
    for (SyntheticFinger& finger : frame.fingers)
        finger.box.center += cv::Point2f(static_cast<float>(shift.x), static_cast<float>(shift.y));
    return frame;
}

} // namespace umbral::devices
