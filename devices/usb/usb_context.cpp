#include "devices/usb/usb_context.h"

#include "devices/api/device_log.h"

#include <algorithm>
#include <atomic>
#include <libusb.h>
#include <pthread.h>
#include <stdexcept>
#include <string>

namespace umbral::devices {

UsbContext::UsbContext() {
    const int result = libusb_init(&context_);
    if (result != LIBUSB_SUCCESS)
        throw std::runtime_error(std::string("libusb_init failed: ") + libusb_strerror(result));
    hasHotplug_ = libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG) != 0;
    eventThread_ = std::thread([this] { runEvents(); });
}

UsbContext::~UsbContext() {
    if (hotplugRegistered_)
        libusb_hotplug_deregister_callback(context_, hotplugHandle_);
    {
        std::lock_guard lock(queueMutex_);
        stopHotplug_ = true;
    }
    queueChanged_.notify_all();
    if (hotplugThread_.joinable())
        hotplugThread_.join();
    std::atomic_ref(stopEvents_).store(1);
    libusb_interrupt_event_handler(context_);
    eventThread_.join();
    queue_.clear(); // drop device references before libusb goes
    libusb_exit(context_);
}

void UsbContext::runEvents() {
    pthread_setname_np(pthread_self(), "usb-events");
    while (!std::atomic_ref(stopEvents_).load()) {
        timeval tv{0, 200000};
        // Completes every asynchronous transfer of every open device and runs hot-plug
        // callbacks; returns at the latest after 200 ms or when interrupted for shutdown.
        const int result = libusb_handle_events_timeout_completed(context_, &tv, &stopEvents_);
        if (result != LIBUSB_SUCCESS && result != LIBUSB_ERROR_INTERRUPTED)
            qCWarning(lcDevices).noquote()
                << "[usb] event handling failed:" << libusb_strerror(result);
    }
}

namespace {

int LIBUSB_CALL onHotplug(libusb_context*, libusb_device* device, libusb_hotplug_event event,
                          void* self) {
    static_cast<UsbContext*>(self)->enqueue(event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED
                                                ? UsbHotplugEvent::Arrived
                                                : UsbHotplugEvent::Left,
                                            device);
    return 0; // stay registered
}

} // namespace

void UsbContext::enqueue(UsbHotplugEvent kind, libusb_device* device) {
    {
        std::lock_guard lock(queueMutex_);
        queue_.push_back({kind, UsbDeviceRef(device)});
    }
    queueChanged_.notify_all();
}

void UsbContext::unwatch() {
    std::lock_guard lock(dispatchMutex_);
    listener_ = nullptr;
}

void UsbContext::watch(Listener listener) {
    {
        std::lock_guard lock(dispatchMutex_);
        listener_ = std::move(listener);
    }
    if (hasHotplug_) {
        const int result = libusb_hotplug_register_callback(
            context_,
            static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED |
                                              LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
            static_cast<libusb_hotplug_flag>(0), LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            LIBUSB_HOTPLUG_MATCH_ANY, &onHotplug, this, &hotplugHandle_);
        hotplugRegistered_ = result == LIBUSB_SUCCESS;
        if (!hotplugRegistered_) {
            qCWarning(lcDevices).noquote() << "[usb] hot-plug registration failed ("
                                           << libusb_strerror(result) << "); polling instead";
            hasHotplug_ = false;
        }
    }
    hotplugThread_ = std::thread([this] { runHotplug(); });
}

std::vector<UsbDeviceRef> UsbContext::presentDevices() const {
    libusb_device** list = nullptr;
    const ssize_t count = libusb_get_device_list(context_, &list);
    std::vector<UsbDeviceRef> devices;
    for (ssize_t i = 0; i < count; ++i)
        devices.emplace_back(list[i]);
    if (list)
        libusb_free_device_list(list, 1);
    return devices;
}

void UsbContext::runHotplug() {
    pthread_setname_np(pthread_self(), "usb-hotplug");
    std::vector<UsbDeviceRef> known;
    if (!hasHotplug_)
        known = presentDevices();
    std::unique_lock lock(queueMutex_);
    for (;;) {
        if (hasHotplug_)
            queueChanged_.wait(lock, [this] { return stopHotplug_ || !queue_.empty(); });
        else
            queueChanged_.wait_for(lock, std::chrono::seconds(1),
                                   [this] { return stopHotplug_ || !queue_.empty(); });
        if (stopHotplug_)
            return;
        if (!hasHotplug_ && queue_.empty()) {
            lock.unlock();
            pollOnce(known);
            lock.lock();
        }
        while (!queue_.empty()) {
            Event event = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            {
                std::lock_guard dispatch(dispatchMutex_);
                if (listener_)
                    listener_(event.kind, event.device);
            }
            lock.lock();
            if (stopHotplug_)
                return;
        }
    }
}

void UsbContext::pollOnce(std::vector<UsbDeviceRef>& known) {
    // Without hot-plug support: compare the device list with the last one, by bus and address.
    std::vector<UsbDeviceRef> now = presentDevices();
    const auto same = [](const UsbDeviceRef& a, const UsbDeviceRef& b) {
        return a.bus() == b.bus() && a.address() == b.address();
    };
    std::lock_guard lock(queueMutex_);
    for (const UsbDeviceRef& old : known)
        if (std::none_of(now.begin(), now.end(), [&](const auto& d) { return same(d, old); }))
            queue_.push_back({UsbHotplugEvent::Left, old});
    for (const UsbDeviceRef& fresh : now)
        if (std::none_of(known.begin(), known.end(), [&](const auto& d) { return same(d, fresh); }))
            queue_.push_back({UsbHotplugEvent::Arrived, fresh});
    known = std::move(now);
}

} // namespace umbral::devices
