#pragma once

#include "devices/api/device.h"
#include "devices/api/device_info.h"

#include <QList>
#include <QObject>
#include <map>
#include <memory>
#include <mutex>

namespace umbral::devices {

/// One source of devices (simulated, USB, UVC, replay), in the manner of a libobs source type:
/// it lists what it has, reports arrivals and removals, and creates Device objects.
///
/// Signals may be emitted from a backend's own thread (e.g. the libusb event thread); connect
/// with the default connection type and receivers get them queued in their own thread.
class DeviceBackend : public QObject {
    Q_OBJECT

public:
    ~DeviceBackend() override;

    virtual Backend kind() const = 0;
    /// Reports every device present now (deviceArrived, in the calling thread, before
    /// returning), then keeps watching for arrivals and removals. Called once.
    virtual void start() = 0;
    /// The devices present now. Thread-safe.
    virtual QList<DeviceInfo> devices() const = 0;

    /// The Device for `id`, created on first use and shared while anyone holds it; nullptr when
    /// no such device is present. Devices are created in the calling thread (their signals are
    /// delivered there).
    std::shared_ptr<Device> device(const QString& id);

Q_SIGNALS:
    void deviceArrived(const umbral::devices::DeviceInfo& info);
    void deviceRemoved(const QString& id);

protected:
    explicit DeviceBackend(QObject* parent = nullptr) : QObject(parent) {}

    /// Creates a new Device for a present `id` (nullptr if unknown).
    virtual std::shared_ptr<Device> createDevice(const QString& id) = 0;

    /// Backends call this when a device has gone: live Device objects are told at once
    /// (Device::markRemoved, from this thread), then deviceRemoved is emitted.
    void reportRemoval(const QString& id);

private:
    std::mutex liveMutex_;
    std::map<QString, std::weak_ptr<Device>> live_;
};

} // namespace umbral::devices
