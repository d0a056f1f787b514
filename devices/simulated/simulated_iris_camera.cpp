#include "devices/simulated/simulated_iris_camera.h"

#include "app/core/thread_priority.h"

#include <algorithm>
#include <cmath>

namespace umbral::devices {

namespace {

constexpr auto kNoEyePoll = std::chrono::milliseconds(20);

double smoothstep(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

} // namespace

struct SimulatedIrisCameraDriver::InView {
    std::uint64_t presentation = 0;
    IrisEye eye = IrisEye::Left;
    std::uint64_t identity = 0;
    IrisImpressionSettings settled; ///< the eye in focus
    int frame = 0;                  ///< preview frames shown of this approach
};

SimulatedIrisCameraDriver::SimulatedIrisCameraDriver(SimulatedIrisCameraModel model,
                                                     std::shared_ptr<TravelerScript> script)
    : model_(std::move(model)), script_(std::move(script)) {}

SimulatedIrisCameraDriver::~SimulatedIrisCameraDriver() = default;

DeviceInfo SimulatedIrisCameraDriver::describe() const {
    DeviceInfo info;
    info.id = model_.id;
    info.backend = Backend::Simulated;
    info.modality = Modality::Iris;
    info.model = model_.model;
    info.serial = QStringLiteral("SIM-") + model_.id.section(QLatin1Char(':'), 1).toUpper();
    info.firmware = QStringLiteral("simulated");
    info.location = QStringLiteral("simulated");
    IrisCapabilities caps;
    caps.coverage = IrisCoverage::Both;
    caps.resolution = QSize(IrisSynthesizer::kFrameWidth, IrisSynthesizer::kFrameHeight);
    caps.illuminationWavelengthNm = 850;
    caps.previewRateHz = model_.previewFps;
    info.iris = caps;
    return info;
}

void SimulatedIrisCameraDriver::open(OperationContext& context) {
    // On the device's own thread, which renders every frame: yield to the UI thread (see the
    // simulated scanner).
    lowerCurrentThreadPriority(5);
    context.log().debug(QStringLiteral("simulated iris camera ready"));
}

void SimulatedIrisCameraDriver::close() noexcept {
    inView_.reset();
}

bool SimulatedIrisCameraDriver::presents(const SimulatedTraveler& traveler, IrisEye eye) const {
    return std::find(traveler.absentEyes.begin(), traveler.absentEyes.end(), eye) ==
           traveler.absentEyes.end();
}

void SimulatedIrisCameraDriver::approach(const SimulatedTraveler& traveler, IrisEye eye,
                                         std::uint64_t presentation) {
    if (presentation != countedPresentation_) {
        countedPresentation_ = presentation;
        approaches_ = 0;
    }
    auto view = std::make_unique<InView>();
    view->presentation = presentation;
    view->eye = eye;
    view->identity = irisIdentity(traveler.identitySeed, eye);
    if (traveler.irisSettings) {
        view->settled = *traveler.irisSettings;
    } else {
        const std::uint64_t impression =
            mixSeeds({view->identity, presentation, approaches_, 0x49524953ull}); // "IRIS"
        view->settled = impressionSettings(traveler.irisProfile, impression);
    }
    ++approaches_;
    inView_ = std::move(view);
}

IrisImpressionSettings SimulatedIrisCameraDriver::frameSettings(int frame) const {
    IrisImpressionSettings s = inView_->settled;
    const int frames = std::max(1, model_.approachFrames);
    if (frame < frames) {
        // Stepping up: farther (smaller iris), off to one side, out of focus; all settling
        // smoothly into the settled impression.
        const double rest = 1.0 - smoothstep(double(frame + 1) / frames);
        s.irisRadiusPx *= 1.0 - 0.3 * rest;
        s.eyeOffsetPx += cv::Point2d(45.0, -30.0) * rest;
        s.defocusSigmaPx += 4.0 * rest;
        s.motionBlurPx += 6.0 * rest;
    } else {
        // In focus: the pupil breathes (hippus); nothing else moves.
        s.pupilIrisRatio =
            std::clamp(s.pupilIrisRatio + 0.012 * std::sin(0.35 * double(frame)), 0.15, 0.8);
    }
    return s;
}

TravelerFeedback
SimulatedIrisCameraDriver::settledFeedback(const SimulatedTraveler& traveler) const {
    if (traveler.irisSettings)
        return TravelerFeedback::None;
    switch (traveler.irisProfile) {
    case IrisQualityProfile::TooFar:
        return TravelerFeedback::MoveCloser;
    case IrisQualityProfile::OffAxisGaze:
    case IrisQualityProfile::OffCentre:
        return TravelerFeedback::LookAtCamera;
    case IrisQualityProfile::Squinting:
    case IrisQualityProfile::EyeClosed:
    case IrisQualityProfile::HeavyLashes:
        return TravelerFeedback::OpenEyesWider;
    case IrisQualityProfile::MotionBlurred:
        return TravelerFeedback::HoldStill;
    default:
        return TravelerFeedback::None;
    }
}

void SimulatedIrisCameraDriver::preview(const CaptureSpec& expected, OperationContext& context) {
    const IrisEye eye = expected.eye;
    const auto interval = std::chrono::duration<double>(1.0 / std::max(1.0, model_.previewFps));
    if (empty_.empty())
        empty_ = cv::Mat(IrisSynthesizer::kFrameHeight, IrisSynthesizer::kFrameWidth, CV_8UC1,
                         cv::Scalar(24)); // dark room, nobody in front of the illuminators
    while (!context.leaveRequested()) {
        const auto started = std::chrono::steady_clock::now();
        const std::uint64_t presentation = script_->presentation();
        const std::optional<SimulatedTraveler> traveler = script_->traveler();
        if (!traveler || !presents(*traveler, eye)) {
            inView_.reset();
            context.feedback(TravelerFeedback::LookAtCamera);
            context.publish(empty_, 0);
        } else {
            if (!inView_ || inView_->presentation != presentation || inView_->eye != eye)
                approach(*traveler, eye, presentation);
            const int frame = inView_->frame++;
            context.publish(synthesizer_.render(inView_->identity, frameSettings(frame)).image, 0);
            context.feedback(frame < model_.approachFrames ? TravelerFeedback::MoveCloser
                                                           : settledFeedback(*traveler));
        }
        if (model_.paced)
            context.waitFor(std::chrono::duration_cast<std::chrono::milliseconds>(
                interval - (std::chrono::steady_clock::now() - started)));
    }
}

cv::Mat SimulatedIrisCameraDriver::capture(const CaptureSpec& spec, OperationContext& context) {
    const IrisEye eye = spec.eye;
    std::optional<SimulatedTraveler> traveler;
    std::uint64_t presentation = 0;
    for (;;) {
        presentation = script_->presentation();
        traveler = script_->traveler();
        if (traveler && presents(*traveler, eye))
            break;
        inView_.reset();
        context.feedback(TravelerFeedback::LookAtCamera);
        if (context.deadlinePassed())
            throw DeviceError(DeviceErrorCode::CaptureTimeout, model_.id,
                              QStringLiteral("nobody presented the %1").arg(spec.describe()));
        context.waitFor(kNoEyePoll);
        context.throwIfInterrupted();
    }
    int frame = 0;
    if (inView_ && inView_->presentation == presentation && inView_->eye == eye &&
        inView_->frame >= model_.approachFrames) {
        frame = inView_->frame; // in focus in the preview: take it as it is now
    } else {
        approach(*traveler, eye, presentation);
        context.feedback(TravelerFeedback::MoveCloser);
        if (!context.waitFor(model_.approach))
            context.throwIfInterrupted();
        frame = model_.approachFrames;
    }
    context.feedback(settledFeedback(*traveler));
    const IrisImpressionSettings settings = frameSettings(frame);
    SyntheticEye eyeImage = synthesizer_.render(inView_->identity, settings);

    SimulatedCaptureTruth truth;
    truth.identitySeed = inView_->identity;
    truth.impressionSeed = settings.impressionSeed;
    truth.frame = std::uint32_t(frame);
    truth.spec = spec;
    truth.iris = eyeImage.truth;
    script_->recordCapture(model_.id, std::move(truth));
    inView_.reset(); // the traveler steps back after a capture; the next is a new approach
    return eyeImage.image;
}

} // namespace umbral::devices
