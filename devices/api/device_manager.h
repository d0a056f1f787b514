#pragma once

#include "devices/api/device.h"
#include "devices/api/device_backend.h"
#include "devices/api/device_info.h"

#include <QList>
#include <QObject>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace umbral::devices {

/// The jobs devices do at an enrollment lane.
enum class DeviceRole {
    FingerprintSlap,   ///< 4-4-2 slaps: needs a four-finger scanner
    FingerprintSingle, ///< single flat (or rolled) fingers
    Iris,              ///< iris camera
};
QString toKey(DeviceRole role);

/// All devices of the station, from every backend: lists them, forwards arrivals and removals,
/// hands out Device objects and picks the device to use for each role.
///
/// ```
/// DeviceManager manager;
/// manager.addBackend(std::make_unique<SimulatedBackend>());
/// manager.addBackend(std::make_unique<UsbBackend>());
/// QObject::connect(&manager, &DeviceManager::deviceArrived, ...);
/// manager.start();
/// if (auto info = manager.pick(DeviceRole::FingerprintSlap))
///     auto scanner = manager.fingerprintScanner(info->id);
/// ```
/// Lives in one thread (usually the UI thread); its signals arrive there.
class DeviceManager : public QObject {
    Q_OBJECT

public:
    explicit DeviceManager(QObject* parent = nullptr);
    ~DeviceManager() override;

    /// Adds a backend (the manager owns it). Backends added after start() are started at once.
    DeviceBackend* addBackend(std::unique_ptr<DeviceBackend> backend);
    /// Starts every backend: present devices are reported by deviceArrived before this returns.
    void start();
    bool isStarted() const { return started_; }

    /// Every device present now, backend by backend in the order they were added.
    QList<DeviceInfo> devices() const;
    std::optional<DeviceInfo> find(const QString& id) const;

    /// The Device for `id`, shared while anyone holds it; nullptr when not present.
    std::shared_ptr<Device> device(const QString& id);
    std::shared_ptr<FingerprintScanner> fingerprintScanner(const QString& id);
    std::shared_ptr<IrisCamera> irisCamera(const QString& id);

    /// The device for `role`: the one set with setPreferredDevice if present; otherwise the first
    /// present device able to do the job, from the most preferred backend (by default USB, UVC,
    /// replay, simulated: real hardware first).
    std::optional<DeviceInfo> pick(DeviceRole role) const;
    /// Backend order for pick(); demo mode puts Backend::Simulated first.
    void setBackendPreference(QList<Backend> order);
    void setPreferredDevice(DeviceRole role, const QString& id);

    /// True when `info` can do the job of `role`.
    static bool suits(const DeviceInfo& info, DeviceRole role);

Q_SIGNALS:
    void deviceArrived(const umbral::devices::DeviceInfo& info);
    void deviceRemoved(const QString& id);

private:
    DeviceBackend* backendFor(const QString& id) const;

    std::vector<std::unique_ptr<DeviceBackend>> backends_;
    QList<Backend> preference_;
    std::map<DeviceRole, QString> preferred_;
    bool started_ = false;
};

} // namespace umbral::devices
