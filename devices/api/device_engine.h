#pragma once

// Internal to umbral_devices_api: the device thread behind every Device. Not for consumers.

#include "devices/api/device.h"
#include "devices/api/device_driver.h"
#include "devices/api/device_log.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace umbral::devices {

/// Runs one DeviceDriver on its own named thread and keeps the lifecycle of device_state.h.
/// Requests set wishes under a mutex (want open, want preview, queued captures) and bump an
/// interruption generation when the running operation must end; the thread compares what is
/// wished with what is, one step at a time (the restart/abort pattern of Qt's mandelbrot
/// example). Signals are marshalled to the Device's own thread.
class DeviceEngine {
public:
    DeviceEngine(Device& owner, std::unique_ptr<DeviceDriver> driver);
    ~DeviceEngine();

    DeviceInfo info() const;
    DeviceState state() const { return state_.load(); }
    std::optional<DeviceError> lastError() const;
    QString threadName() const { return threadName_; }

    void requestOpen();
    void requestPreview(const CaptureSpec& expected);
    void requestStop();
    void requestClose();
    void requestCapture(const CaptureSpec& request);
    void markRemoved();
    bool isRemoved() const;

    std::shared_ptr<FrameMailbox> subscribe(std::size_t capacity);

    // For OperationContext.
    bool interrupted(std::uint64_t generation) const;
    bool leaveRequested(std::uint64_t generation) const;
    bool waitFor(std::uint64_t generation, bool preview, std::chrono::milliseconds duration);
    void publish(const cv::Mat& grey8, int ppi);
    void feedback(TravelerFeedback feedback);
    void setInterruptHook(std::function<void()> hook);
    void clearInterruptHook();

private:
    void run();
    bool hasWorkLocked() const;
    bool interruptedLocked(std::uint64_t generation) const;
    bool leaveRequestedLocked(std::uint64_t generation) const;
    void interruptLocked(); // bumps the generation, calls the hook, wakes waiters
    void setStateLocked(DeviceState state);
    void runOpen(std::unique_lock<std::mutex>& lock);
    void runPreview(std::unique_lock<std::mutex>& lock);
    void runCapture(std::unique_lock<std::mutex>& lock, const CaptureSpec& request);
    void closeSessionLocked(std::unique_lock<std::mutex>& lock);
    void failSessionLocked(std::unique_lock<std::mutex>& lock, const DeviceError& error);
    void reportRemovalLocked(std::unique_lock<std::mutex>& lock, const QString& during,
                             bool captureRunning);
    void cancelPendingCapturesLocked();
    void postError(const DeviceError& error);
    Frame makeFrame(const cv::Mat& image, int ppi, FrameKind kind);
    std::optional<DeviceError> validate(const CaptureSpec& request) const;
    template <typename Fn> void post(Fn&& fn);

    Device& owner_;
    std::unique_ptr<DeviceDriver> driver_;
    DeviceLog log_;
    QString threadName_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    DeviceInfo info_;
    std::atomic<DeviceState> state_{DeviceState::Disconnected};
    std::optional<DeviceError> lastError_;
    bool quit_ = false;
    bool wantOpen_ = false;
    bool wantPreview_ = false;
    bool recoverRequested_ = false;
    bool sessionOpen_ = false;
    std::atomic<bool> removed_{false};
    bool removalHandled_ = false;
    bool removalReported_ = false;
    std::deque<CaptureSpec> captures_;
    CaptureSpec previewSpec_;
    std::uint64_t generation_ = 0;
    std::uint64_t previewRestarts_ = 0;  // bumped when the expected presentation changes
    std::uint64_t previewStartedAt_ = 0; // previewRestarts_ when the running preview started

    std::mutex hookMutex_;
    std::function<void()> hook_;

    std::mutex subscribersMutex_;
    std::vector<std::weak_ptr<FrameMailbox>> subscribers_;
    std::atomic<std::uint64_t> nextSequence_{1};
    TravelerFeedback lastFeedback_ = TravelerFeedback::None; // device thread only

    std::thread thread_;
};

} // namespace umbral::devices
