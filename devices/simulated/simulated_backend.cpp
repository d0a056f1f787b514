#include "devices/simulated/simulated_backend.h"

namespace umbral::devices {

SimulatedBackend::SimulatedBackend(QObject* parent) : SimulatedBackend(Options{}, parent) {}

SimulatedBackend::SimulatedBackend(Options options, QObject* parent)
    : DeviceBackend(parent), options_(std::move(options)),
      script_(std::make_shared<TravelerScript>()),
      synthesizer_(std::make_shared<FingerprintSynthesizer>()) {}

SimulatedBackend::~SimulatedBackend() = default;

QList<DeviceInfo> SimulatedBackend::allDevices() const {
    QList<DeviceInfo> all;
    if (options_.singleFingerScanner)
        all.append(SimulatedScannerDriver(options_.finger, script_, synthesizer_).describe());
    if (options_.slapScanner)
        all.append(SimulatedScannerDriver(options_.slap, script_, synthesizer_).describe());
    if (options_.irisCamera)
        all.append(SimulatedIrisCameraDriver(options_.iris, script_).describe());
    return all;
}

void SimulatedBackend::start() {
    if (started_)
        return;
    started_ = true;
    for (const DeviceInfo& info : devices())
        Q_EMIT deviceArrived(info);
}

QList<DeviceInfo> SimulatedBackend::devices() const {
    QList<DeviceInfo> present = allDevices();
    std::lock_guard lock(mutex_);
    present.removeIf([this](const DeviceInfo& info) { return unplugged_.count(info.id) > 0; });
    return present;
}

void SimulatedBackend::unplug(const QString& id) {
    {
        std::lock_guard lock(mutex_);
        if (!unplugged_.insert(id).second)
            return;
    }
    reportRemoval(id);
}

void SimulatedBackend::plug(const QString& id) {
    {
        std::lock_guard lock(mutex_);
        if (unplugged_.erase(id) == 0)
            return;
    }
    for (const DeviceInfo& info : allDevices())
        if (info.id == id && started_)
            Q_EMIT deviceArrived(info);
}

std::shared_ptr<Device> SimulatedBackend::createDevice(const QString& id) {
    {
        std::lock_guard lock(mutex_);
        if (unplugged_.count(id))
            return nullptr;
    }
    if (options_.singleFingerScanner && id == options_.finger.id)
        return makeDevice(
            std::make_unique<SimulatedScannerDriver>(options_.finger, script_, synthesizer_));
    if (options_.slapScanner && id == options_.slap.id)
        return makeDevice(
            std::make_unique<SimulatedScannerDriver>(options_.slap, script_, synthesizer_));
    if (options_.irisCamera && id == options_.iris.id)
        return makeDevice(std::make_unique<SimulatedIrisCameraDriver>(options_.iris, script_));
    return nullptr;
}

} // namespace umbral::devices
