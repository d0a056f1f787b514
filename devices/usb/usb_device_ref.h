#pragma once

#include <QString>
#include <cstdint>

struct libusb_device;

namespace umbral::devices {

/// A counted reference to a libusb_device (libusb_ref_device / libusb_unref_device), plus what
/// can be read from it without I/O: bus, address, port path and the device descriptor ids.
class UsbDeviceRef {
public:
    UsbDeviceRef() = default;
    explicit UsbDeviceRef(libusb_device* device); // takes a new reference
    UsbDeviceRef(const UsbDeviceRef& other);
    UsbDeviceRef(UsbDeviceRef&& other) noexcept;
    UsbDeviceRef& operator=(UsbDeviceRef other) noexcept;
    ~UsbDeviceRef();

    libusb_device* get() const { return device_; }
    explicit operator bool() const { return device_ != nullptr; }

    int bus() const;
    int address() const;
    /// "1-7" or "1-7.4": bus and port chain, stable while the device stays in the same socket;
    /// "1.3" (bus.address) when the port chain is unknown.
    QString portPath() const;
    /// "/dev/bus/usb/001/003"
    QString nodePath() const;
    std::uint16_t vendorId() const;
    std::uint16_t productId() const;
    std::uint16_t bcdDevice() const;

private:
    libusb_device* device_ = nullptr;
};

} // namespace umbral::devices
