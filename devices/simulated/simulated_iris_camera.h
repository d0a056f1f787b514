#pragma once

#include "devices/api/device_driver.h"
#include "devices/simulated/iris_synthesis.h"
#include "devices/simulated/simulated_traveler.h"

#include <chrono>
#include <memory>

namespace umbral::devices {

/// What a simulated iris camera is.
struct SimulatedIrisCameraModel {
    QString id = QStringLiteral("sim:iris");
    QString model = QStringLiteral("Umbral simulated NIR iris camera");
    double previewFps = 30;  ///< preview frame rate (when paced)
    bool paced = true;       ///< false: preview renders as fast as it can (benchmarks)
    int approachFrames = 15; ///< preview frames while the eye comes into focus
    /// A capture asked for while no settled preview shows the eye waits this long for the
    /// traveler to step into focus.
    std::chrono::milliseconds approach{500};
};

/// A simulated near-infrared iris camera (640 x 480, 850 nm, either eye): renders the eye the
/// TravelerScript presents with the iris generator. Preview behaves like a traveler stepping up:
/// the eye starts small, off-centre and out of focus and comes into focus over
/// `approachFrames`; then the pupil breathes slightly (hippus). A capture gives the settled
/// impression. Each approach of an eye is a new impression (dilation, torsion, lids, lashes).
class SimulatedIrisCameraDriver : public DeviceDriver {
public:
    SimulatedIrisCameraDriver(SimulatedIrisCameraModel model,
                              std::shared_ptr<TravelerScript> script);
    ~SimulatedIrisCameraDriver() override;

    DeviceInfo describe() const override;
    int ppi() const override { return 0; }
    void open(OperationContext& context) override;
    void close() noexcept override;
    void preview(const CaptureSpec& expected, OperationContext& context) override;
    cv::Mat capture(const CaptureSpec& spec, OperationContext& context) override;

private:
    struct InView;
    bool presents(const SimulatedTraveler& traveler, IrisEye eye) const;
    void approach(const SimulatedTraveler& traveler, IrisEye eye, std::uint64_t presentation);
    IrisImpressionSettings frameSettings(int frame) const;
    TravelerFeedback settledFeedback(const SimulatedTraveler& traveler) const;

    SimulatedIrisCameraModel model_;
    std::shared_ptr<TravelerScript> script_;
    IrisSynthesizer synthesizer_;    // not thread-safe: one per camera, used on its thread only
    std::unique_ptr<InView> inView_; // the eye in front of the camera now
    std::uint64_t countedPresentation_ = 0;
    std::uint64_t approaches_ = 0;
    cv::Mat empty_;
};

} // namespace umbral::devices
