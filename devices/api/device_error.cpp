#include "devices/api/device_error.h"

namespace umbral::devices {

QString toKey(DeviceErrorCode code) {
    switch (code) {
    case DeviceErrorCode::Removed:
        return QStringLiteral("removed");
    case DeviceErrorCode::NoResponse:
        return QStringLiteral("no-response");
    case DeviceErrorCode::Protocol:
        return QStringLiteral("protocol");
    case DeviceErrorCode::AccessDenied:
        return QStringLiteral("access-denied");
    case DeviceErrorCode::Busy:
        return QStringLiteral("busy");
    case DeviceErrorCode::Io:
        return QStringLiteral("io");
    case DeviceErrorCode::NotSupported:
        return QStringLiteral("not-supported");
    case DeviceErrorCode::CaptureTimeout:
        return QStringLiteral("capture-timeout");
    case DeviceErrorCode::NotFound:
        return QStringLiteral("not-found");
    }
    return QStringLiteral("unknown");
}

DeviceError::DeviceError(DeviceErrorCode code, QString deviceId, QString message)
    : std::runtime_error(QStringLiteral("[%1] %2").arg(deviceId, message).toStdString()),
      code_(code), deviceId_(std::move(deviceId)), message_(std::move(message)) {}

QString DeviceError::describe() const {
    return QStringLiteral("[%1] %2").arg(deviceId_, message_);
}

} // namespace umbral::devices
