#include "devices/replay/replay_backend.h"

namespace umbral::devices {

ReplayBackend::ReplayBackend(QStringList folders, QObject* parent)
    : DeviceBackend(parent), folders_(std::move(folders)) {}

void ReplayBackend::start() {
    if (started_)
        return;
    started_ = true;
    const QStringList folders = folders_;
    folders_.clear();
    for (const QString& folder : folders)
        addFolder(folder);
}

void ReplayBackend::addFolder(const QString& folder) {
    if (!started_) {
        folders_.append(folder);
        return;
    }
    ReplaySource source = ReplaySource::fromFolder(folder);
    {
        std::lock_guard lock(mutex_);
        if (!source.problem.isEmpty()) {
            problems_.append(source.problem);
            return;
        }
        for (const ReplaySource& known : sources_)
            if (known.folder == source.folder)
                return;
        sources_.push_back(source);
    }
    Q_EMIT deviceArrived(ReplayDriver(source).describe());
}

QList<DeviceInfo> ReplayBackend::devices() const {
    std::lock_guard lock(mutex_);
    QList<DeviceInfo> infos;
    for (const ReplaySource& source : sources_)
        infos.append(ReplayDriver(source).describe());
    return infos;
}

QStringList ReplayBackend::problems() const {
    std::lock_guard lock(mutex_);
    return problems_;
}

std::shared_ptr<Device> ReplayBackend::createDevice(const QString& id) {
    std::lock_guard lock(mutex_);
    for (const ReplaySource& source : sources_)
        if (source.deviceId() == id)
            return makeDevice(std::make_unique<ReplayDriver>(source));
    return nullptr;
}

} // namespace umbral::devices
