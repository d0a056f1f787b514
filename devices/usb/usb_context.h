#pragma once

#include "devices/usb/usb_device_ref.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

struct libusb_context;

namespace umbral::devices {

enum class UsbHotplugEvent { Arrived, Left };

/// The station's one libusb context. It runs libusb's event handling on its own thread
/// ("usb-events"), so asynchronous transfers of every USB device complete there, and reports
/// hot-plug arrivals and removals from libusb's hot-plug callbacks.
///
/// libusb calls hot-plug callbacks inside its event handling, where blocking libusb calls are not
/// allowed; the callback therefore only queues the event, and a second thread ("usb-hotplug")
/// hands it to the listener. The listener may do anything except wait for the event thread
/// to stop. Where libusb has no hot-plug support, the hot-plug thread polls the device list
/// once a second instead.
class UsbContext {
public:
    using Listener = std::function<void(UsbHotplugEvent, const UsbDeviceRef&)>;

    /// Initialises libusb and starts the event thread. Throws std::runtime_error on failure.
    UsbContext();
    /// Stops both threads and exits libusb. Every device handle must be closed by then.
    ~UsbContext();
    UsbContext(const UsbContext&) = delete;
    UsbContext& operator=(const UsbContext&) = delete;

    libusb_context* raw() const { return context_; }
    bool hasHotplug() const { return hasHotplug_; }

    /// Starts reporting arrivals and removals to `listener` (on the "usb-hotplug" thread).
    /// Devices already present are not reported: call presentDevices() after this.
    void watch(Listener listener);
    /// Stops reporting; returns once a listener call in progress has returned.
    void unwatch();

    /// The devices connected now.
    std::vector<UsbDeviceRef> presentDevices() const;

    /// Queues a hot-plug event for the listener; called from libusb's hot-plug callback.
    void enqueue(UsbHotplugEvent kind, libusb_device* device);

private:
    struct Event {
        UsbHotplugEvent kind;
        UsbDeviceRef device;
    };
    void runEvents();
    void runHotplug();
    void pollOnce(std::vector<UsbDeviceRef>& known);

    libusb_context* context_ = nullptr;
    bool hasHotplug_ = false;
    int hotplugHandle_ = 0;
    bool hotplugRegistered_ = false;

    int stopEvents_ = 0; // libusb's "completed" flag: read by libusb, written once at shutdown
    std::thread eventThread_;

    std::mutex queueMutex_;
    std::condition_variable queueChanged_;
    std::deque<Event> queue_;
    bool stopHotplug_ = false;
    std::mutex dispatchMutex_; // held while the listener runs
    Listener listener_;        // guarded by dispatchMutex_
    std::thread hotplugThread_;
};

} // namespace umbral::devices
