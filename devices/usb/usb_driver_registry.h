#pragma once

#include "devices/api/device_driver.h"
#include "devices/usb/usb_device_ref.h"
#include "devices/usb/usb_id.h"

#include <memory>
#include <span>
#include <string_view>

namespace umbral::devices {

class UsbContext;

/// What a USB driver needs to create its DeviceDriver for one plugged device.
struct UsbDriverArgs {
    std::shared_ptr<UsbContext> context; ///< keep it: transfers complete on its event thread
    UsbDeviceRef device;
    QString deviceId;          ///< "usb:1-7"
    const UsbId* id = nullptr; ///< the table row that matched
};

/// One native USB driver: its name, the table of USB ids it serves, and how to create it.
/// Adding a device the driver already speaks to is one row in its table.
struct UsbDriverEntry {
    std::string_view name; ///< e.g. "nb1010"
    std::span<const UsbId> ids;
    std::unique_ptr<DeviceDriver> (*create)(const UsbDriverArgs& args);
};

/// Every USB driver of the station, in one explicit list (usb_driver_registry.cpp). The udev rule
/// installer/70-umbral-scanners.rules is generated from these tables at build time.
std::span<const UsbDriverEntry> usbDrivers();

/// The driver entry and id row serving `vendorId:productId`, or {nullptr, nullptr}.
std::pair<const UsbDriverEntry*, const UsbId*> findUsbDriver(std::uint16_t vendorId,
                                                             std::uint16_t productId);

} // namespace umbral::devices
