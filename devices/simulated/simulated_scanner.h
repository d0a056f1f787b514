#pragma once

#include "devices/api/device_driver.h"
#include "devices/simulated/finger_synthesis.h"
#include "devices/simulated/simulated_traveler.h"

#include <chrono>
#include <memory>
#include <optional>

namespace umbral::devices {

/// What a simulated fingerprint scanner is.
struct SimulatedScannerModel {
    QString id = QStringLiteral("sim:finger");
    QString model = QStringLiteral("Umbral simulated single-finger scanner");
    bool slaps = false;     ///< a 4-4-2 slap scanner (1600x1500; takes single fingers too)
    double previewFps = 15; ///< preview frame rate (when paced)
    bool paced = true;      ///< false: preview renders as fast as it can (benchmarks)
    /// A capture asked for while no settled preview shows the finger waits this long for the
    /// finger to land and the pressure to settle, as a traveler's placement takes.
    std::chrono::milliseconds landing{700};
    PreviewTiming timing{}; ///< preview frames from first touch to settled
};

/// A simulated fingerprint scanner: renders what the TravelerScript presents with the finger
/// generator. Preview behaves like a real placement (PlacementPreview: the finger lands, contact
/// spreads, pressure settles) and says what the traveler should do; a capture gives the settled
/// impression. Each placement of a finger is a new impression (placement, distortion, noise);
/// the same script calls and captures give the same images every time.
class SimulatedScannerDriver : public DeviceDriver {
public:
    SimulatedScannerDriver(SimulatedScannerModel model, std::shared_ptr<TravelerScript> script,
                           std::shared_ptr<const FingerprintSynthesizer> synthesizer);
    ~SimulatedScannerDriver() override;

    DeviceInfo describe() const override;
    int ppi() const override { return 500; }
    void open(OperationContext& context) override;
    void close() noexcept override;
    void preview(const CaptureSpec& expected, OperationContext& context) override;
    cv::Mat capture(const CaptureSpec& spec, OperationContext& context) override;

private:
    struct OnGlass;
    FingerPosition resolve(const CaptureSpec& spec) const;
    bool presents(const SimulatedTraveler& traveler, FingerPosition position) const;
    void place(const SimulatedTraveler& traveler, FingerPosition position,
               std::uint64_t presentation);
    TravelerFeedback settledFeedback(const SimulatedTraveler& traveler) const;
    const cv::Mat& emptyPlaten(FingerPosition position);

    SimulatedScannerModel model_;
    std::shared_ptr<TravelerScript> script_;
    std::shared_ptr<const FingerprintSynthesizer> synthesizer_;
    std::unique_ptr<OnGlass> onGlass_; // the finger(s) on the platen now
    std::uint64_t countedPresentation_ = 0;
    std::uint64_t placements_ = 0; // placements in the current presentation
    cv::Mat emptySingle_;
    cv::Mat emptySlap_;
};

} // namespace umbral::devices
