#include "devices/api/device_backend.h"

namespace umbral::devices {

DeviceBackend::~DeviceBackend() = default;

std::shared_ptr<Device> DeviceBackend::device(const QString& id) {
    std::lock_guard lock(liveMutex_);
    auto found = live_.find(id);
    if (found != live_.end()) {
        if (auto existing = found->second.lock(); existing && !existing->isRemoved())
            return existing;
    }
    std::shared_ptr<Device> created = createDevice(id);
    if (created)
        live_[id] = created;
    else
        live_.erase(id);
    return created;
}

void DeviceBackend::reportRemoval(const QString& id) {
    std::shared_ptr<Device> live;
    {
        std::lock_guard lock(liveMutex_);
        auto found = live_.find(id);
        if (found != live_.end()) {
            live = found->second.lock();
            live_.erase(found);
        }
    }
    // Tell the device before anyone else hears of it: a capture in flight ends now, not at its
    // next timeout.
    if (live)
        live->markRemoved();
    Q_EMIT deviceRemoved(id);
}

} // namespace umbral::devices
