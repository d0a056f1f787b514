#pragma once

#include "devices/api/device_backend.h"
#include "devices/simulated/simulated_iris_camera.h"
#include "devices/simulated/simulated_scanner.h"
#include "devices/simulated/simulated_traveler.h"

#include <mutex>
#include <set>

namespace umbral::devices {

/// The simulated devices of a station in demo mode (and of tests): a single-finger scanner
/// ("sim:finger"), a 4-4-2 slap scanner ("sim:slap") and an NIR iris camera ("sim:iris"), all
/// showing whoever the shared TravelerScript presents.
///
/// ```
/// auto backend = std::make_unique<SimulatedBackend>();
/// auto script = backend->script();
/// script->present({.identitySeed = 4242, .fingerProfile = "dry"});   // a chosen traveler
/// manager.addBackend(std::move(backend));
/// ```
/// unplug() / plug() simulate hot-plug, so the station's handling of it can be shown and tested.
class SimulatedBackend : public DeviceBackend {
    Q_OBJECT

public:
    struct Options {
        bool singleFingerScanner = true;
        bool slapScanner = true;
        bool irisCamera = true;
        SimulatedScannerModel finger{};
        SimulatedScannerModel slap{QStringLiteral("sim:slap"),
                                   QStringLiteral("Umbral simulated 4-4-2 slap scanner"), true};
        SimulatedIrisCameraModel iris{};
    };

    explicit SimulatedBackend(QObject* parent = nullptr);
    explicit SimulatedBackend(Options options, QObject* parent = nullptr);
    ~SimulatedBackend() override;

    Backend kind() const override { return Backend::Simulated; }
    void start() override;
    QList<DeviceInfo> devices() const override;

    /// Who the simulated devices see: the scripting API.
    std::shared_ptr<TravelerScript> script() const { return script_; }
    /// The finger generator the scanners share (masters are cached in it).
    std::shared_ptr<const FingerprintSynthesizer> fingerSynthesizer() const { return synthesizer_; }

    /// Simulates unplugging `id` (a Device in use ends with DeviceErrorCode::Removed).
    void unplug(const QString& id);
    /// Plugs `id` in again.
    void plug(const QString& id);

protected:
    std::shared_ptr<Device> createDevice(const QString& id) override;

private:
    QList<DeviceInfo> allDevices() const;

    Options options_;
    std::shared_ptr<TravelerScript> script_;
    std::shared_ptr<const FingerprintSynthesizer> synthesizer_;
    mutable std::mutex mutex_;
    std::set<QString> unplugged_;
    bool started_ = false;
};

} // namespace umbral::devices
