#pragma once

#include "devices/api/device_manager.h"

#include <QStringList>
#include <memory>
#include <optional>

namespace umbral::devices {

class SimulatedBackend;
class ReplayBackend;
struct SimulatedTraveler;

/// Which backends a station (desktop or umbralctl) runs.
struct StationDeviceOptions {
    bool simulated = true;
    bool usb = true; ///< ignored when built without UMBRAL_WITH_USB
    bool uvc = true; ///< ignored when built without UMBRAL_WITH_UVC
    QStringList replayFolders;
    QString uvcDevDirectory = QStringLiteral("/dev");
    /// Demo mode: the simulated devices come first when picking a device per role.
    bool demoMode = false;
    /// Simulated devices: who stands at the lane from the start (nobody when empty).
    std::optional<std::uint64_t> simulatedTravelerSeed;

    /// From the environment:
    /// - UMBRAL_DEVICE_BACKENDS: comma-separated subset of "simulated,usb,uvc,replay"
    ///   (default: all of them);
    /// - UMBRAL_REPLAY_DIRS: colon-separated folders for the replay backend;
    /// - UMBRAL_DEMO=1: demo mode;
    /// - UMBRAL_SIM_TRAVELER: the traveler seed the simulated devices show from the start.
    static StationDeviceOptions fromEnvironment();
};

/// A station's devices: the manager with its backends, and the backends a caller may want to
/// talk to directly (the simulated one's TravelerScript, the replay folders' problems).
struct StationDevices {
    std::unique_ptr<DeviceManager> manager;
    SimulatedBackend* simulated = nullptr; ///< owned by manager; nullptr when not enabled
    ReplayBackend* replay = nullptr;       ///< owned by manager; nullptr when not enabled
    QStringList problems; ///< backends that could not start, replay folders that cannot play
};

/// Creates the manager with the backends `options` asks for (not started yet). A backend that
/// cannot start (libusb unavailable) is left out and named in `problems`.
StationDevices createStationDevices(const StationDeviceOptions& options);

} // namespace umbral::devices
