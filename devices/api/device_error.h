#pragma once

#include <QMetaType>
#include <QString>
#include <stdexcept>

namespace umbral::devices {

/// What went wrong with a device (never traveler feedback: see TravelerFeedback).
enum class DeviceErrorCode {
    Removed,        ///< the device was unplugged (or vanished) while in use
    NoResponse,     ///< the device did not answer within its timeout
    Protocol,       ///< the device answered something the driver does not accept
    AccessDenied,   ///< the operating system refused access (udev rule missing)
    Busy,           ///< another program holds the device
    Io,             ///< any other transport failure
    NotSupported,   ///< the request is outside the device's capabilities
    CaptureTimeout, ///< nobody presented a finger or an eye before the capture deadline
    NotFound,       ///< no device with that id is present
};

/// "removed", "no-response", "protocol", "access-denied", "busy", "io", "not-supported",
/// "capture-timeout", "not-found".
QString toKey(DeviceErrorCode code);

/// A device failure with a message a technician can act on. Thrown by drivers on the device
/// thread and delivered to consumers by the Device::errorOccurred / captureFailed signals.
class DeviceError : public std::runtime_error {
public:
    DeviceError() : DeviceError(DeviceErrorCode::Io, {}, {}) {}
    DeviceError(DeviceErrorCode code, QString deviceId, QString message);

    DeviceErrorCode code() const { return code_; }
    const QString& deviceId() const { return deviceId_; }
    const QString& message() const { return message_; }
    /// "[device-id] message", the form written to logs and printed by umbralctl.
    QString describe() const;

private:
    DeviceErrorCode code_;
    QString deviceId_;
    QString message_;
};

} // namespace umbral::devices

Q_DECLARE_METATYPE(umbral::devices::DeviceError)
