#pragma once

#include <QLoggingCategory>
#include <QString>

namespace umbral::devices {

Q_DECLARE_LOGGING_CATEGORY(lcDevices)

/// Writes log lines that always carry the device id ("[usb:1-7] capture started"), so the log of
/// a station with several devices can be read device by device (as libobs does).
/// Category "umbral.devices", warnings by default; QT_LOGGING_RULES="umbral.devices.info=true"
/// (or .debug) shows more.
class DeviceLog {
public:
    explicit DeviceLog(QString deviceId) : deviceId_(std::move(deviceId)) {}

    void debug(const QString& message) const;
    void info(const QString& message) const;
    void warning(const QString& message) const;

    const QString& deviceId() const { return deviceId_; }

private:
    QString deviceId_;
};

} // namespace umbral::devices
