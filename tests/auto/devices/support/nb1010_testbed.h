#pragma once

// A umockdev test bed with an emulated NEXT NB-1010-U behind /dev/bus/usb/001/003, for tests of
// the USB backend and the NB-1010 driver that the recording alone cannot cover: hot-plug,
// unplugging mid-capture, malformed replies, silence, missing permissions.
//
// The test process must run under umockdev's preload library (ctest starts it with
// umockdev-wrapper). The emulator answers usbdevfs ioctls from umockdev's worker thread like the
// kernel would for the real device (bulk OUT 0x02 commands, bulk IN 0x83 replies and 90 image
// chunks of 540 bytes), following the protocol facts in devices/usb/drivers/nb1010.cpp.
// No Qt here: GLib headers and Qt keywords do not mix.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace umbral::devices::testing {

class Nb1010Testbed {
public:
    enum class Reply {
        Normal,      ///< 16-byte replies, as the real device
        WrongLength, ///< replies of 10 bytes
        Silent,      ///< commands are accepted, nothing ever comes back
    };
    enum class Unplug {
        Clean, ///< as the kernel does: transfers in flight end with ESHUTDOWN, then ENODEV
        Dead,  ///< transfers in flight never come back, not even when cancelled
    };

    Nb1010Testbed(); // an empty test bed
    ~Nb1010Testbed();
    Nb1010Testbed(const Nb1010Testbed&) = delete;
    Nb1010Testbed& operator=(const Nb1010Testbed&) = delete;

    /// Plugs the NB-1010 in: its sysfs entry and node from the recording's `device` description
    /// (with its root hub), answered by the emulator; sends the "add" uevent.
    void plug();
    /// Sends the "remove" uevent and removes the device; the emulator behaves as `how` says.
    void unplug(Unplug how);

    void setReply(Reply reply);
    void setFingerPresent(bool present);
    /// Holds the image chunks back after the capture command until releaseImage().
    void holdImage(bool hold);
    void releaseImage();
    /// True while the driver waits for an image chunk (an IN transfer of 540 bytes in flight).
    bool waitingForImageChunk() const;
    /// The image the emulated sensor sends: 180 rows of 256 pixels, a known pattern.
    static std::vector<std::uint8_t> sensorImage();

    /// Makes the device node unopenable for this process (mode 000; when running as root, the
    /// test bed is handed to "nobody" and the process drops its effective uid until
    /// restorePrivileges()).
    void denyAccess();
    void restorePrivileges();

    std::string rootDir() const;
    std::string nodePath() const { return "/dev/bus/usb/001/003"; }
    std::string sysfsPath() const;

    struct State;

private:
    std::unique_ptr<State> state_;
};

} // namespace umbral::devices::testing
