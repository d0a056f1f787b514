#pragma once

#include "devices/api/device_backend.h"
#include "devices/uvc/uvc_camera.h"

#include <QFileSystemWatcher>
#include <mutex>
#include <vector>

namespace umbral::devices {

/// Near-infrared iris cameras that present as UVC: every V4L2 capture node offering a
/// monochrome format (GREY, Y10, Y12, Y16). Colour-only webcams are not iris cameras and are
/// left out. Arrivals and removals are noticed by watching the device directory (inotify), so
/// the backend's thread needs an event loop. Ids are "uvc:/dev/videoN".
class UvcBackend : public DeviceBackend {
    Q_OBJECT

public:
    explicit UvcBackend(QString devDirectory = QStringLiteral("/dev"), QObject* parent = nullptr);

    Backend kind() const override { return Backend::Uvc; }
    void start() override;
    QList<DeviceInfo> devices() const override;
    /// Looks at the device directory again (also done on every change of it).
    void rescan();

protected:
    std::shared_ptr<Device> createDevice(const QString& id) override;

private:
    QString devDirectory_;
    QFileSystemWatcher watcher_;
    mutable std::mutex mutex_;
    std::vector<UvcCameraDescription> present_;
};

} // namespace umbral::devices
