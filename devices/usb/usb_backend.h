#pragma once

#include "devices/api/device_backend.h"
#include "devices/usb/usb_context.h"
#include "devices/usb/usb_driver_registry.h"

#include <memory>
#include <mutex>
#include <vector>

namespace umbral::devices {

/// Native USB devices: every plugged device whose id is in a driver table of the registry
/// (usbDrivers()), found at start and followed through libusb hot-plug. Ids are "usb:<port
/// path>", e.g. "usb:1-7", stable while the device stays in its socket.
///
/// Removal reaches a Device in use at once from the hot-plug thread, so a capture in flight
/// ends within a second instead of at its next timeout.
class UsbBackend : public DeviceBackend {
    Q_OBJECT

public:
    /// Initialises libusb. Throws std::runtime_error when libusb cannot start.
    explicit UsbBackend(QObject* parent = nullptr);
    ~UsbBackend() override;

    Backend kind() const override { return Backend::Usb; }
    void start() override;
    QList<DeviceInfo> devices() const override;

protected:
    std::shared_ptr<Device> createDevice(const QString& id) override;

private:
    struct Present {
        DeviceInfo info;
        UsbDriverArgs args;
        const UsbDriverEntry* driver = nullptr;
    };
    void onHotplug(UsbHotplugEvent event, const UsbDeviceRef& device);
    std::optional<Present> recognise(const UsbDeviceRef& device) const;

    std::shared_ptr<UsbContext> context_;
    mutable std::mutex mutex_;
    std::vector<Present> present_;
    bool started_ = false;
};

} // namespace umbral::devices
