#pragma once

#include "devices/api/device_backend.h"
#include "devices/replay/replay_device.h"

#include <mutex>
#include <vector>

namespace umbral::devices {

/// Folders of images presented as devices (ReplaySource), e.g. recorded captures for training,
/// demos and tests. Ids are "replay:<absolute folder path>". Folders that cannot be played
/// (missing, no images, bad device.json) are not listed; problems() says why.
class ReplayBackend : public DeviceBackend {
    Q_OBJECT

public:
    explicit ReplayBackend(QStringList folders = {}, QObject* parent = nullptr);

    Backend kind() const override { return Backend::Replay; }
    void start() override;
    QList<DeviceInfo> devices() const override;

    /// Adds a folder (reported at once when started and playable).
    void addFolder(const QString& folder);
    /// "folder: reason" for every folder given that cannot be played.
    QStringList problems() const;

protected:
    std::shared_ptr<Device> createDevice(const QString& id) override;

private:
    bool started_ = false;
    QStringList folders_;
    mutable std::mutex mutex_;
    std::vector<ReplaySource> sources_;
    QStringList problems_;
};

} // namespace umbral::devices
