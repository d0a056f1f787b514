#include "devices/uvc/uvc_backend.h"

#include <algorithm>

namespace umbral::devices {

UvcBackend::UvcBackend(QString devDirectory, QObject* parent)
    : DeviceBackend(parent), devDirectory_(std::move(devDirectory)) {
    connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, [this] { rescan(); });
}

void UvcBackend::start() {
    watcher_.addPath(devDirectory_);
    rescan();
}

void UvcBackend::rescan() {
    std::vector<UvcCameraDescription> found;
    for (UvcCameraDescription& camera : listUvcCameras(devDirectory_))
        if (camera.isIrisCamera())
            found.push_back(std::move(camera));
    std::vector<UvcCameraDescription> arrived;
    QStringList removed;
    {
        std::lock_guard lock(mutex_);
        for (const UvcCameraDescription& old : present_)
            if (std::none_of(found.begin(), found.end(),
                             [&](const auto& camera) { return camera.node == old.node; }))
                removed.append(old.node);
        for (const UvcCameraDescription& camera : found)
            if (std::none_of(present_.begin(), present_.end(),
                             [&](const auto& old) { return old.node == camera.node; }))
                arrived.push_back(camera);
        present_ = found;
    }
    for (const QString& node : removed)
        reportRemoval(UvcCameraDriver::idFor(node));
    for (const UvcCameraDescription& camera : arrived)
        Q_EMIT deviceArrived(UvcCameraDriver(camera).describe());
}

QList<DeviceInfo> UvcBackend::devices() const {
    std::lock_guard lock(mutex_);
    QList<DeviceInfo> infos;
    for (const UvcCameraDescription& camera : present_)
        infos.append(UvcCameraDriver(camera).describe());
    return infos;
}

std::shared_ptr<Device> UvcBackend::createDevice(const QString& id) {
    std::lock_guard lock(mutex_);
    for (const UvcCameraDescription& camera : present_)
        if (UvcCameraDriver::idFor(camera.node) == id)
            return makeDevice(std::make_unique<UvcCameraDriver>(camera));
    return nullptr;
}

} // namespace umbral::devices
