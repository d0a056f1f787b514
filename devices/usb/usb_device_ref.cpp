#include "devices/usb/usb_device_ref.h"

#include <libusb.h>
#include <utility>

namespace umbral::devices {

namespace {

libusb_device_descriptor descriptorOf(libusb_device* device) {
    libusb_device_descriptor descriptor{};
    if (device)
        libusb_get_device_descriptor(device, &descriptor); // cached by libusb: no I/O
    return descriptor;
}

} // namespace

UsbDeviceRef::UsbDeviceRef(libusb_device* device) : device_(device) {
    if (device_)
        libusb_ref_device(device_);
}

UsbDeviceRef::UsbDeviceRef(const UsbDeviceRef& other) : UsbDeviceRef(other.device_) {}

UsbDeviceRef::UsbDeviceRef(UsbDeviceRef&& other) noexcept
    : device_(std::exchange(other.device_, nullptr)) {}

UsbDeviceRef& UsbDeviceRef::operator=(UsbDeviceRef other) noexcept {
    std::swap(device_, other.device_);
    return *this;
}

UsbDeviceRef::~UsbDeviceRef() {
    if (device_)
        libusb_unref_device(device_);
}

int UsbDeviceRef::bus() const {
    return device_ ? libusb_get_bus_number(device_) : 0;
}
int UsbDeviceRef::address() const {
    return device_ ? libusb_get_device_address(device_) : 0;
}

QString UsbDeviceRef::portPath() const {
    std::uint8_t ports[8] = {};
    const int count = device_ ? libusb_get_port_numbers(device_, ports, sizeof ports) : 0;
    if (count <= 0)
        return QStringLiteral("%1.%2").arg(bus()).arg(address());
    QString path = QStringLiteral("%1-%2").arg(bus()).arg(ports[0]);
    for (int i = 1; i < count; ++i)
        path += QStringLiteral(".%1").arg(ports[i]);
    return path;
}

QString UsbDeviceRef::nodePath() const {
    return QStringLiteral("/dev/bus/usb/%1/%2")
        .arg(bus(), 3, 10, QLatin1Char('0'))
        .arg(address(), 3, 10, QLatin1Char('0'));
}

std::uint16_t UsbDeviceRef::vendorId() const {
    return descriptorOf(device_).idVendor;
}
std::uint16_t UsbDeviceRef::productId() const {
    return descriptorOf(device_).idProduct;
}
std::uint16_t UsbDeviceRef::bcdDevice() const {
    return descriptorOf(device_).bcdDevice;
}

} // namespace umbral::devices
