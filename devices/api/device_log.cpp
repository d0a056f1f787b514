#include "devices/api/device_log.h"

namespace umbral::devices {

// Warnings by default; QT_LOGGING_RULES="umbral.devices.info=true" shows the device life in full.
Q_LOGGING_CATEGORY(lcDevices, "umbral.devices", QtWarningMsg)

void DeviceLog::debug(const QString& message) const {
    qCDebug(lcDevices).noquote() << QStringLiteral("[%1]").arg(deviceId_) << message;
}

void DeviceLog::info(const QString& message) const {
    qCInfo(lcDevices).noquote() << QStringLiteral("[%1]").arg(deviceId_) << message;
}

void DeviceLog::warning(const QString& message) const {
    qCWarning(lcDevices).noquote() << QStringLiteral("[%1]").arg(deviceId_) << message;
}

} // namespace umbral::devices
