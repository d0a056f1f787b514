#pragma once

// The station's devices for administrators (ManageDevices): the list, one device's details, and
// a test capture. The device manager lives on the UI thread and answers at once (no SQL, no
// I/O); a capture runs on the device's own thread and reports by signal. The audit rows (a test
// capture asked for, and how it ended) are SQL: call auditTestCapture on the worker thread.

#include "app/core/user.h"
#include "devices/api/capture_spec.h"
#include "devices/api/device_info.h"

#include <QList>
#include <chrono>
#include <memory>
#include <optional>

namespace umbral::devices {
class Device;
class DeviceManager;
} // namespace umbral::devices
namespace umbral::storage {
class StationStore;
}

namespace umbral::services {

class DeviceAdminService {
public:
    explicit DeviceAdminService(devices::DeviceManager& manager) : manager_(manager) {}

    QList<devices::DeviceInfo> list(const Actor& actor) const;
    /// nullopt when no such device is present.
    std::optional<devices::DeviceInfo> details(const Actor& actor, const QString& id) const;
    /// The device to test-capture with (the caller connects to its signals and calls
    /// capture(testCaptureSpec(...))). Throws NotFound when it is not present.
    std::shared_ptr<devices::Device> deviceForTestCapture(const Actor& actor, const QString& id);

    /// What a test capture asks of a device: its first capability (a single finger, a slap, the
    /// eye it covers).
    static devices::CaptureSpec
    testCaptureSpec(const devices::DeviceInfo& info,
                    std::chrono::milliseconds timeout = std::chrono::seconds(15));

    /// Records a test capture's outcome (device.test-capture), e.g. "ok 416x560 500 ppi" or
    /// "failed: capture-timeout ...". ManageDevices.
    static void auditTestCapture(storage::StationStore& store, const Actor& actor,
                                 const QString& deviceId, const QString& outcome);

private:
    devices::DeviceManager& manager_;
};

} // namespace umbral::services
