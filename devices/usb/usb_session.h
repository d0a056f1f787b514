#pragma once

#include "devices/api/device_driver.h"
#include "devices/usb/usb_device_ref.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

struct libusb_device_handle;
struct libusb_transfer;

namespace umbral::devices {

/// An open USB device with one claimed interface, for drivers (device thread only).
///
/// Transfers are libusb asynchronous transfers completed by UsbContext's event thread; the
/// calling thread waits for them, so an interruption (stop, unplug) cancels the transfer in
/// flight at once instead of waiting for its timeout. A transfer the system never gives back
/// (the device vanished and the cancellation cannot reach it) is abandoned after a short grace
/// and freed once the handle is closed, so no wait outlasts its timeout by more than ~1 s.
class UsbSession {
public:
    /// Opens `device` and claims `interfaceNumber`. Throws DeviceError: AccessDenied (the
    /// message names the udev rule), Busy, Removed, Io.
    UsbSession(const UsbDeviceRef& device, int interfaceNumber, const QString& deviceId,
               const QString& model);
    ~UsbSession(); // releases the interface and closes the handle
    UsbSession(const UsbSession&) = delete;
    UsbSession& operator=(const UsbSession&) = delete;

    /// Sends `data` to an OUT endpoint; throws unless all of it was sent.
    void write(std::uint8_t endpoint, std::span<const std::uint8_t> data,
               std::chrono::milliseconds timeout, OperationContext& context, const char* what);
    /// Reads up to `buffer.size()` bytes from an IN endpoint; returns how many arrived.
    int read(std::uint8_t endpoint, std::span<std::uint8_t> buffer,
             std::chrono::milliseconds timeout, OperationContext& context, const char* what);

private:
    struct Pending;
    int transfer(std::uint8_t endpoint, std::span<std::uint8_t> buffer,
                 std::chrono::milliseconds timeout, OperationContext& context, const char* what);

    libusb_device_handle* handle_ = nullptr;
    int interface_ = 0;
    QString deviceId_;
    std::vector<std::unique_ptr<Pending>> abandoned_;
};

/// The message for a device node the user may not open: names the udev rule that grants
/// access, so the technician knows the fix.
QString accessDeniedMessage(const QString& model, const QString& node, std::uint16_t vendorId,
                            std::uint16_t productId);

/// The file name of the udev rule generated from the driver tables.
inline constexpr const char* kUdevRuleFileName = "70-umbral-scanners.rules";

} // namespace umbral::devices
