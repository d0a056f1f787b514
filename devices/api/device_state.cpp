#include "devices/api/device_state.h"

namespace umbral::devices {

QString toKey(DeviceState state) {
    switch (state) {
    case DeviceState::Disconnected:
        return QStringLiteral("disconnected");
    case DeviceState::Idle:
        return QStringLiteral("idle");
    case DeviceState::Previewing:
        return QStringLiteral("previewing");
    case DeviceState::Capturing:
        return QStringLiteral("capturing");
    case DeviceState::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}

} // namespace umbral::devices
