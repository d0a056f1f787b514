#pragma once

#include "devices/api/device_driver.h"
#include "devices/usb/usb_driver_registry.h"
#include "devices/usb/usb_session.h"

#include <array>
#include <chrono>
#include <memory>
#include <optional>

namespace umbral::devices::nb1010 {

/// The devices this driver serves.
inline constexpr std::array<UsbId, 1> kUsbIds{{
    {0x298d, 0x1010, "NEXT Biometrics NB-1010-U"},
}};

inline constexpr int kWidth = 256;
inline constexpr int kHeight = 180;
/// Manufacturer's figure for the 256 x 180 px active-thermal sensor; the recording says nothing
/// about scale.
inline constexpr int kPpi = 385;

/// Time limits of the driver.
struct Timing {
    std::chrono::milliseconds transfer{500};  ///< every command, reply and image chunk
    std::chrono::milliseconds fingerPoll{50}; ///< between two finger checks
};

/// The NB-1010-U press sensor (298d:1010), a small state machine in the manner of a libfprint
/// image driver:
///
/// ```
///  open: claim interface 0
///  capture:  [finger-off pending] --check finger every 50 ms until lifted--> (RemoveFinger)
///            await finger on --check finger every 50 ms (PlaceFinger)--> finger present
///            -> pre-capture command -> capture command -> 90 image chunks -> image
///            -> finger-off pending
///  preview:  await finger on -> read an image -> publish -> repeat
/// ```
/// Every transfer ends within `Timing::transfer`; a capture ends at its deadline
/// (CaptureTimeout). Wrong-length or malformed replies are Protocol errors, silence is
/// NoResponse, unplugging is Removed. Stop and unplug are allowed at any moment: an image read
/// cut short leaves chunks in the device, which are drained before the next command.
class Nb1010Driver : public DeviceDriver {
public:
    Nb1010Driver(std::shared_ptr<UsbContext> context, UsbDeviceRef device, QString deviceId,
                 Timing timing = {});
    ~Nb1010Driver() override;

    DeviceInfo describe() const override;
    int ppi() const override { return kPpi; }
    void open(OperationContext& context) override;
    void close() noexcept override;
    void preview(const CaptureSpec& expected, OperationContext& context) override;
    cv::Mat capture(const CaptureSpec& request, OperationContext& context) override;

private:
    struct Reply;
    int checkFinger(OperationContext& context);
    Reply command(std::span<const std::uint8_t> bytes, std::uint8_t expectedReplyCode,
                  const char* what, OperationContext& context);
    cv::Mat readImage(OperationContext& context);
    void awaitFinger(bool present, OperationContext& context);
    void drainAfterInterruptedImage(OperationContext& context);

    std::shared_ptr<UsbContext> context_;
    UsbDeviceRef device_;
    QString deviceId_;
    Timing timing_;
    std::unique_ptr<UsbSession> session_;
    bool fingerOffPending_ = false;
    bool imageInterrupted_ = false;
};

/// The registry's factory (usb_driver_registry.cpp).
std::unique_ptr<DeviceDriver> createDriver(const UsbDriverArgs& args);

} // namespace umbral::devices::nb1010
