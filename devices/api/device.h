#pragma once

#include "devices/api/capture_spec.h"
#include "devices/api/device_error.h"
#include "devices/api/device_info.h"
#include "devices/api/device_state.h"
#include "devices/api/frame.h"
#include "devices/api/frame_mailbox.h"
#include "devices/api/traveler_feedback.h"

#include <QObject>
#include <memory>
#include <optional>

namespace umbral::devices {

class DeviceDriver;
class DeviceEngine;

/// One fingerprint scanner or iris camera, whatever its backend, following the lifecycle in
/// device_state.h. Obtain devices from a DeviceManager (or a backend); use FingerprintScanner /
/// IrisCamera for typed captures.
///
/// Threading: each Device runs its driver on its own named thread ("dev <id>"). Every public
/// function returns at once and may be called from any thread; the work happens on the device
/// thread. Signals are emitted on the thread this QObject lives in (queued from the device
/// thread), so that thread needs a running event loop. Preview frames do not travel as signals:
/// they go into the bounded mailboxes handed out by subscribe(), where a slow consumer skips
/// frames and never blocks the device.
class Device : public QObject {
    Q_OBJECT

public:
    ~Device() override;

    /// What the device is. Refreshed once it has been opened (firmware, serial...).
    DeviceInfo info() const;
    QString id() const;
    Modality modality() const;
    /// The current state as the device thread sees it (stateChanged follows asynchronously).
    DeviceState state() const;
    /// The last DeviceError reported by errorOccurred, if any.
    std::optional<DeviceError> lastError() const;
    /// The device thread's name as set with pthread_setname_np (at most 15 characters).
    QString threadName() const;

    /// Connects to the hardware: Disconnected -> Idle. From Error: tries to reopen.
    void open();
    /// Starts the live preview (opens first when needed): -> Previewing. `expected` says what the
    /// station is about to capture (slap, finger, eye); without it, a single finger or the left
    /// eye. Calling it again while previewing switches what is expected.
    void startPreview();
    void startPreview(const CaptureSpec& expected);
    /// Ends preview or a running capture (pending captures are cancelled): -> Idle. From Error:
    /// tries to reopen. Allowed in every state.
    void stop();
    /// Releases the hardware: -> Disconnected.
    void close();
    /// Asks for one capture (opens first when needed). The result arrives as captureCompleted
    /// or captureFailed; stop() ends it with captureCancelled. While previewing, the preview
    /// resumes after the capture. Requests queue up in order.
    void capture(const CaptureSpec& request);

    /// A new mailbox that receives every preview frame from now on. The device keeps only a
    /// weak reference: drop the pointer to unsubscribe.
    std::shared_ptr<FrameMailbox> subscribe(std::size_t capacity = 1);

    /// Backends call this (from any thread) the moment the hardware has gone. The running
    /// operation is interrupted at once; the device ends Disconnected and, if it was open,
    /// reports a DeviceError with code Removed. A removed Device stays removed: a device that is
    /// plugged in again is a new Device.
    void markRemoved();
    bool isRemoved() const;

Q_SIGNALS:
    void stateChanged(umbral::devices::DeviceState state);
    void feedbackChanged(umbral::devices::TravelerFeedback feedback);
    void captureCompleted(const umbral::devices::Frame& frame);
    /// A capture ended without an image (the error says why). Device failures are reported by
    /// errorOccurred as well; capture timeouts and unsupported requests only here.
    void captureFailed(const umbral::devices::DeviceError& error);
    /// A capture request was ended by stop() or close() before it produced an image.
    void captureCancelled();
    /// A device failure or removal. The device is then in Error or Disconnected.
    void errorOccurred(const umbral::devices::DeviceError& error);

protected:
    /// Starts the device thread. `driver` is used only on that thread from now on.
    Device(std::unique_ptr<DeviceDriver> driver, QObject* parent);

private:
    friend class DeviceEngine;
    std::unique_ptr<DeviceEngine> engine_;
};

/// A fingerprint scanner: single finger, slap, thumbs or rolled, as its capabilities say.
class FingerprintScanner : public Device {
    Q_OBJECT
public:
    explicit FingerprintScanner(std::unique_ptr<DeviceDriver> driver, QObject* parent = nullptr);

    FingerprintCapabilities capabilities() const;
    /// capture(CaptureSpec::fingerprint(what, timeout)).
    void captureFingers(FingerprintImpression what,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));
};

/// A near-infrared iris camera.
class IrisCamera : public Device {
    Q_OBJECT
public:
    explicit IrisCamera(std::unique_ptr<DeviceDriver> driver, QObject* parent = nullptr);

    IrisCapabilities capabilities() const;
    /// capture(CaptureSpec::iris(which, timeout)).
    void captureIris(IrisEye which, std::chrono::milliseconds timeout = std::chrono::seconds(10));
};

/// Creates the typed Device (FingerprintScanner or IrisCamera) the driver's modality calls for.
std::shared_ptr<Device> makeDevice(std::unique_ptr<DeviceDriver> driver);

} // namespace umbral::devices
