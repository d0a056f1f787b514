#include "devices/api/device_manager.h"

#include <algorithm>

namespace umbral::devices {

QString toKey(DeviceRole role) {
    switch (role) {
    case DeviceRole::FingerprintSlap:
        return QStringLiteral("fingerprint-slap");
    case DeviceRole::FingerprintSingle:
        return QStringLiteral("fingerprint-single");
    case DeviceRole::Iris:
        return QStringLiteral("iris");
    }
    return QStringLiteral("unknown");
}

DeviceManager::DeviceManager(QObject* parent)
    : QObject(parent), preference_{Backend::Usb, Backend::Uvc, Backend::Replay,
                                   Backend::Simulated} {
    qRegisterMetaType<DeviceInfo>();
}

DeviceManager::~DeviceManager() = default;

DeviceBackend* DeviceManager::addBackend(std::unique_ptr<DeviceBackend> backend) {
    DeviceBackend* raw = backend.get();
    connect(raw, &DeviceBackend::deviceArrived, this, &DeviceManager::deviceArrived);
    connect(raw, &DeviceBackend::deviceRemoved, this, &DeviceManager::deviceRemoved);
    backends_.push_back(std::move(backend));
    if (started_)
        raw->start();
    return raw;
}

void DeviceManager::start() {
    if (started_)
        return;
    started_ = true;
    for (const auto& backend : backends_)
        backend->start();
}

QList<DeviceInfo> DeviceManager::devices() const {
    QList<DeviceInfo> all;
    for (const auto& backend : backends_)
        all.append(backend->devices());
    return all;
}

std::optional<DeviceInfo> DeviceManager::find(const QString& id) const {
    for (const auto& backend : backends_)
        for (const DeviceInfo& info : backend->devices())
            if (info.id == id)
                return info;
    return std::nullopt;
}

DeviceBackend* DeviceManager::backendFor(const QString& id) const {
    for (const auto& backend : backends_)
        for (const DeviceInfo& info : backend->devices())
            if (info.id == id)
                return backend.get();
    return nullptr;
}

std::shared_ptr<Device> DeviceManager::device(const QString& id) {
    DeviceBackend* backend = backendFor(id);
    return backend ? backend->device(id) : nullptr;
}

std::shared_ptr<FingerprintScanner> DeviceManager::fingerprintScanner(const QString& id) {
    return std::dynamic_pointer_cast<FingerprintScanner>(device(id));
}

std::shared_ptr<IrisCamera> DeviceManager::irisCamera(const QString& id) {
    return std::dynamic_pointer_cast<IrisCamera>(device(id));
}

bool DeviceManager::suits(const DeviceInfo& info, DeviceRole role) {
    switch (role) {
    case DeviceRole::FingerprintSlap:
        return info.modality == Modality::Fingerprint && info.fingerprint &&
               info.fingerprint->fourFingerSlap;
    case DeviceRole::FingerprintSingle:
        return info.modality == Modality::Fingerprint && info.fingerprint &&
               (info.fingerprint->singleFinger || info.fingerprint->rolled);
    case DeviceRole::Iris:
        return info.modality == Modality::Iris && info.iris.has_value();
    }
    return false;
}

std::optional<DeviceInfo> DeviceManager::pick(DeviceRole role) const {
    const QList<DeviceInfo> present = devices();
    if (auto pinned = preferred_.find(role); pinned != preferred_.end()) {
        for (const DeviceInfo& info : present)
            if (info.id == pinned->second && suits(info, role))
                return info;
    }
    const auto rank = [this](Backend backend) {
        const auto index = preference_.indexOf(backend);
        return index < 0 ? preference_.size() : index;
    };
    std::optional<DeviceInfo> best;
    for (const DeviceInfo& info : present) {
        if (!suits(info, role))
            continue;
        if (!best || rank(info.backend) < rank(best->backend))
            best = info;
    }
    return best;
}

void DeviceManager::setBackendPreference(QList<Backend> order) {
    preference_ = std::move(order);
}

void DeviceManager::setPreferredDevice(DeviceRole role, const QString& id) {
    if (id.isEmpty())
        preferred_.erase(role);
    else
        preferred_[role] = id;
}

} // namespace umbral::devices
