#include "devices/simulated/simulated_scanner.h"

#include "app/core/thread_priority.h"

#include <algorithm>
#include <thread>

namespace umbral::devices {

namespace {

constexpr auto kNoFingerPoll = std::chrono::milliseconds(20);

} // namespace

struct SimulatedScannerDriver::OnGlass {
    std::uint64_t presentation = 0;
    FingerPosition position = FingerPosition::Unknown;
    CaptureRequest target;
    PlacementPreview preview;

    OnGlass(const FingerprintSynthesizer& synthesizer, std::uint64_t presentationId,
            FingerPosition where, CaptureRequest request, PreviewTiming timing)
        : presentation(presentationId), position(where), target(request),
          preview(synthesizer, std::move(request), timing) {}
};

SimulatedScannerDriver::SimulatedScannerDriver(
    SimulatedScannerModel model, std::shared_ptr<TravelerScript> script,
    std::shared_ptr<const FingerprintSynthesizer> synthesizer)
    : model_(std::move(model)), script_(std::move(script)), synthesizer_(std::move(synthesizer)) {}

SimulatedScannerDriver::~SimulatedScannerDriver() = default;

DeviceInfo SimulatedScannerDriver::describe() const {
    DeviceInfo info;
    info.id = model_.id;
    info.backend = Backend::Simulated;
    info.modality = Modality::Fingerprint;
    info.model = model_.model;
    info.serial = QStringLiteral("SIM-") + model_.id.section(QLatin1Char(':'), 1).toUpper();
    info.firmware = QStringLiteral("simulated");
    info.location = QStringLiteral("simulated");
    FingerprintCapabilities caps;
    caps.singleFinger = true;
    caps.fourFingerSlap = model_.slaps;
    caps.twoThumbs = model_.slaps;
    caps.ppi = 500;
    const cv::Size size = FingerprintSynthesizer::defaultImageSize(
        model_.slaps ? FrictionRidgePosition::PlainRightFour : FrictionRidgePosition::RightIndex);
    caps.imageSize = QSize(size.width, size.height);
    caps.previewRateHz = model_.previewFps;
    info.fingerprint = caps;
    return info;
}

void SimulatedScannerDriver::open(OperationContext& context) {
    // open() runs on the device's own thread. A real scanner's thread waits on USB; this one
    // renders every frame itself, as much work as scoring it: it must never keep the UI thread
    // of a demo station waiting for a core.
    lowerCurrentThreadPriority(5);
    context.log().debug(QStringLiteral("simulated scanner ready"));
}

void SimulatedScannerDriver::close() noexcept {
    onGlass_.reset();
}

FingerPosition SimulatedScannerDriver::resolve(const CaptureSpec& spec) const {
    const FingerPosition position = spec.position();
    // A single finger nobody named: the right index, the finger most often asked for.
    return position == FingerPosition::Unknown ? FingerPosition::RightIndex : position;
}

bool SimulatedScannerDriver::presents(const SimulatedTraveler& traveler,
                                      FingerPosition position) const {
    const auto absent = [&](FingerPosition finger) {
        return std::find(traveler.absentFingers.begin(), traveler.absentFingers.end(), finger) !=
               traveler.absentFingers.end();
    };
    if (isSingleFinger(position))
        return !absent(position);
    const std::vector<FingerPosition> fingers = fingersInSlap(position);
    return std::any_of(fingers.begin(), fingers.end(), [&](auto f) { return !absent(f); });
}

void SimulatedScannerDriver::place(const SimulatedTraveler& traveler, FingerPosition position,
                                   std::uint64_t presentation) {
    if (presentation != countedPresentation_) {
        countedPresentation_ = presentation;
        placements_ = 0;
    }
    CaptureRequest target;
    target.identitySeed = fingerIdentity(traveler.identitySeed);
    target.position = toFrictionRidgePosition(position);
    // Every placement is a new impression; numbered within the presentation so that the same
    // script gives the same impressions.
    target.impressionSeed =
        mixSeeds({target.identitySeed, std::uint64_t(position), presentation, placements_++});
    target.quality =
        traveler.fingerQuality.value_or(FingerQuality::profile(traveler.fingerProfile));
    if (!isSingleFinger(position))
        for (FingerPosition finger : fingersInSlap(position))
            if (std::find(traveler.absentFingers.begin(), traveler.absentFingers.end(), finger) !=
                traveler.absentFingers.end())
                target.absentFingers.push_back(toFrictionRidgePosition(finger));
    onGlass_ =
        std::make_unique<OnGlass>(*synthesizer_, presentation, position, target, model_.timing);
}

TravelerFeedback SimulatedScannerDriver::settledFeedback(const SimulatedTraveler& traveler) const {
    // The simulation knows how the traveler presents; it asks what a real scanner's finger
    // detection would ask for.
    const FingerQuality q =
        traveler.fingerQuality.value_or(FingerQuality::profile(traveler.fingerProfile));
    if (q.contact < 0.6)
        return TravelerFeedback::CentreFinger;
    if (q.pressure < 0.25)
        return TravelerFeedback::PressHarder;
    if (q.pressure > 0.9)
        return TravelerFeedback::PressLighter;
    if (q.motion > 0.5)
        return TravelerFeedback::HoldStill;
    return TravelerFeedback::None;
}

const cv::Mat& SimulatedScannerDriver::emptyPlaten(FingerPosition position) {
    cv::Mat& empty = isSingleFinger(position) ? emptySingle_ : emptySlap_;
    if (empty.empty()) {
        const cv::Size size =
            FingerprintSynthesizer::defaultImageSize(toFrictionRidgePosition(position));
        empty = cv::Mat(size, CV_8UC1, cv::Scalar(238));
    }
    return empty;
}

void SimulatedScannerDriver::preview(const CaptureSpec& expected, OperationContext& context) {
    const FingerPosition position = resolve(expected);
    const auto interval = std::chrono::duration<double>(1.0 / std::max(1.0, model_.previewFps));
    while (!context.leaveRequested()) {
        const auto started = std::chrono::steady_clock::now();
        const std::uint64_t presentation = script_->presentation();
        const std::optional<SimulatedTraveler> traveler = script_->traveler();
        if (!traveler || !presents(*traveler, position)) {
            onGlass_.reset();
            context.feedback(TravelerFeedback::PlaceFinger);
            context.publish(emptyPlaten(position), 500);
        } else {
            if (!onGlass_ || onGlass_->presentation != presentation ||
                onGlass_->position != position)
                place(*traveler, position, presentation);
            const SyntheticCapture frame = onGlass_->preview.nextFrame();
            context.publish(frame.image, 500);
            context.feedback(onGlass_->preview.settled() ? settledFeedback(*traveler)
                                                         : TravelerFeedback::HoldStill);
        }
        if (model_.paced)
            context.waitFor(std::chrono::duration_cast<std::chrono::milliseconds>(
                interval - (std::chrono::steady_clock::now() - started)));
    }
}

cv::Mat SimulatedScannerDriver::capture(const CaptureSpec& spec, OperationContext& context) {
    const FingerPosition position = resolve(spec);
    std::optional<SimulatedTraveler> traveler;
    std::uint64_t presentation = 0;
    for (;;) {
        presentation = script_->presentation();
        traveler = script_->traveler();
        if (traveler && presents(*traveler, position))
            break;
        onGlass_.reset();
        context.feedback(TravelerFeedback::PlaceFinger);
        if (context.deadlinePassed())
            throw DeviceError(DeviceErrorCode::CaptureTimeout, model_.id,
                              QStringLiteral("nobody presented the %1").arg(spec.describe()));
        context.waitFor(kNoFingerPoll);
        context.throwIfInterrupted();
    }

    CaptureRequest request;
    if (onGlass_ && onGlass_->presentation == presentation && onGlass_->position == position &&
        onGlass_->preview.settled()) {
        // The preview shows the finger settled on the glass: capture it as it lies now.
        request = onGlass_->preview.requestForFrame(onGlass_->preview.frameIndex());
    } else {
        place(*traveler, position, presentation);
        context.feedback(TravelerFeedback::HoldStill);
        if (!context.waitFor(model_.landing))
            context.throwIfInterrupted();
        const int settledFrame = model_.timing.landingFrames + model_.timing.settlingFrames;
        request = onGlass_->preview.requestForFrame(settledFrame);
    }
    context.feedback(settledFeedback(*traveler));
    SyntheticCapture rendered = synthesizer_->capture(request);

    SimulatedCaptureTruth truth;
    truth.identitySeed = request.identitySeed;
    truth.impressionSeed = request.impressionSeed;
    truth.frame = request.frame;
    truth.spec = spec;
    truth.fingers = rendered.fingers;
    script_->recordCapture(model_.id, std::move(truth));
    onGlass_.reset(); // the finger is lifted after a capture; the next one is a new placement
    return rendered.image;
}

} // namespace umbral::devices
