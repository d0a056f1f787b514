#include "devices/usb/usb_driver_registry.h"

#include "devices/usb/drivers/nb1010.h"

#include <array>

namespace umbral::devices {

namespace {

// The one list of native USB drivers. A new driver adds its entry here.
const std::array kDrivers{
    UsbDriverEntry{"nb1010", nb1010::kUsbIds, &nb1010::createDriver},
};

} // namespace

std::span<const UsbDriverEntry> usbDrivers() {
    return kDrivers;
}

std::pair<const UsbDriverEntry*, const UsbId*> findUsbDriver(std::uint16_t vendorId,
                                                             std::uint16_t productId) {
    for (const UsbDriverEntry& driver : kDrivers)
        for (const UsbId& id : driver.ids)
            if (id.vendorId == vendorId && id.productId == productId)
                return {&driver, &id};
    return {nullptr, nullptr};
}

} // namespace umbral::devices
