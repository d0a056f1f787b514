#pragma once

#include "devices/api/capture_spec.h"
#include "devices/api/device_error.h"
#include "devices/api/device_info.h"
#include "devices/api/device_log.h"
#include "devices/api/traveler_feedback.h"

#include <chrono>
#include <functional>
#include <opencv2/core.hpp>

namespace umbral::devices {

class DeviceEngine;

/// Thrown through a driver (by OperationContext::throwIfInterrupted or a driver's own check)
/// when the device thread was asked to end the running operation: stop(), close(), unplug or
/// destruction. Not an error; the engine decides what state follows.
struct OperationInterrupted {};

/// What a driver sees of the device thread while it runs one operation (open, preview or
/// capture). Only valid during that call, only on the device thread, except `interrupted()`
/// which any thread may read.
class OperationContext {
public:
    OperationContext(const OperationContext&) = delete;
    OperationContext& operator=(const OperationContext&) = delete;

    /// stop(), close(), unplug or shutdown asked the operation to end now.
    bool interrupted() const;
    /// Preview only: the operation should return at the next frame boundary because a capture
    /// is waiting or preview is no longer wanted. Always true when interrupted().
    bool leaveRequested() const;
    /// Throws OperationInterrupted when interrupted().
    void throwIfInterrupted() const;

    /// Sleeps for `duration`; returns false early (without throwing) once interrupted() or, in
    /// preview, leaveRequested(). Drivers use it for every wait instead of sleeping.
    bool waitFor(std::chrono::milliseconds duration);

    /// The capture deadline (time_point::max() while previewing or opening).
    std::chrono::steady_clock::time_point deadline() const { return deadline_; }
    bool deadlinePassed() const;

    /// Preview: hands one frame (8-bit grey, copied if it shares a buffer the driver reuses) to
    /// every subscriber's mailbox. Never blocks on consumers.
    void publish(const cv::Mat& grey8, int ppi);
    /// Reports feedback the traveler can act on; repeated identical feedback is reported once.
    void feedback(TravelerFeedback feedback);

    /// Installs a function the engine calls (on whatever thread asks for the interruption)
    /// to break a blocking wait at once, e.g. to cancel an in-flight USB transfer. It must not
    /// block. Removed automatically when the operation ends.
    void setInterruptHook(std::function<void()> hook);
    void clearInterruptHook();

    const QString& deviceId() const { return log_.deviceId(); }
    const DeviceLog& log() const { return log_; }

private:
    friend class DeviceEngine;
    enum class Purpose { Open, Preview, Capture };
    OperationContext(DeviceEngine& engine, Purpose purpose, std::uint64_t generation,
                     std::chrono::steady_clock::time_point deadline, const DeviceLog& log);

    DeviceEngine& engine_;
    Purpose purpose_;
    std::uint64_t generation_;
    std::chrono::steady_clock::time_point deadline_;
    const DeviceLog& log_;
};

/// The backend-specific part of a device: a small state machine that runs only on the device
/// thread (one operation at a time), in the manner of a libfprint driver. Device owns the
/// thread, the lifecycle and the frame hand-off; the driver only talks to its hardware (or
/// simulation). Every blocking step must end at the latest at its own timeout and should end
/// promptly when the context is interrupted (OperationContext::waitFor, interrupt hook).
///
/// Errors: throw DeviceError (device failures, capture timeouts, unsupported requests);
/// feedback for the traveler goes through OperationContext::feedback and is never thrown.
class DeviceDriver {
public:
    virtual ~DeviceDriver() = default;

    /// What the device is; called once, on the thread creating the Device.
    virtual DeviceInfo describe() const = 0;

    /// Connects to the hardware (Disconnected -> Idle). Throws DeviceError.
    virtual void open(OperationContext& context) = 0;
    /// Releases the hardware. Called after open() succeeded, also after failures and unplug.
    virtual void close() noexcept = 0;

    /// Runs the live preview until context.leaveRequested(): publishes frames and feedback.
    /// `expected` says what the station asked to see (Device::startPreview); devices that cannot
    /// tell may ignore it. Returning early is allowed (the engine calls it again while preview
    /// is wanted).
    virtual void preview(const CaptureSpec& expected, OperationContext& context) = 0;

    /// Waits for a presentation and captures one image (CV_8UC1, owned) at `ppi()`.
    /// Throws DeviceError (CaptureTimeout when nobody presented in time).
    virtual cv::Mat capture(const CaptureSpec& request, OperationContext& context) = 0;

    /// Pixels per inch of the images this device produces (0 for iris cameras).
    virtual int ppi() const = 0;
};

} // namespace umbral::devices
