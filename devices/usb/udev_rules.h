#pragma once

#include "devices/usb/usb_driver_registry.h"

#include <QString>
#include <span>

namespace umbral::devices {

/// The text of the udev rule file (kUdevRuleFileName) that gives the user logged in at the seat
/// access (uaccess) to every USB id in `drivers`' tables: one rule line per id. Generated at
/// build time (installer/udev) so the rule and the tables cannot drift apart.
QString udevRules(std::span<const UsbDriverEntry> drivers = usbDrivers());

} // namespace umbral::devices
