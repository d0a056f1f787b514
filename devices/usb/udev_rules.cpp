#include "devices/usb/udev_rules.h"

#include "devices/usb/usb_session.h"

namespace umbral::devices {

QString udevRules(std::span<const UsbDriverEntry> drivers) {
    QString text =
        QStringLiteral(
            "# %1: generated at build time from the USB driver tables of Umbral\n"
            "# (devices/usb/usb_driver_registry.cpp). Do not edit: add ids to the driver tables.\n"
            "# Gives the user logged in at the seat access to the station's biometric devices.\n"
            "# Sorted before 73-seat-late.rules, which turns the uaccess tag into an ACL.\n")
            .arg(QString::fromLatin1(kUdevRuleFileName));
    for (const UsbDriverEntry& driver : drivers) {
        for (const UsbId& id : driver.ids) {
            text += QStringLiteral("\n# %1: %2\n")
                        .arg(QString::fromLatin1(driver.name.data(), qsizetype(driver.name.size())),
                             QString::fromLatin1(id.model.data(), qsizetype(id.model.size())));
            text += QStringLiteral("SUBSYSTEM==\"usb\", ENV{DEVTYPE}==\"usb_device\", "
                                   "ATTR{idVendor}==\"%1\", ATTR{idProduct}==\"%2\", "
                                   "TAG+=\"uaccess\"\n")
                        .arg(id.vendorId, 4, 16, QLatin1Char('0'))
                        .arg(id.productId, 4, 16, QLatin1Char('0'));
        }
    }
    return text;
}

} // namespace umbral::devices
