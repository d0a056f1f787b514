#include "devices/station_devices.h"

#include "devices/replay/replay_backend.h"
#include "devices/simulated/simulated_backend.h"
#ifdef UMBRAL_HAVE_USB
#include "devices/usb/usb_backend.h"
#endif
#ifdef UMBRAL_HAVE_UVC
#include "devices/uvc/uvc_backend.h"
#endif

#include <QDir>

namespace umbral::devices {

StationDeviceOptions StationDeviceOptions::fromEnvironment() {
    StationDeviceOptions options;
    const QString backends = qEnvironmentVariable("UMBRAL_DEVICE_BACKENDS");
    if (!backends.isEmpty()) {
        const QStringList wanted = backends.split(QLatin1Char(','), Qt::SkipEmptyParts);
        const auto has = [&](const char* name) {
            return wanted.contains(QLatin1String(name), Qt::CaseInsensitive);
        };
        options.simulated = has("simulated");
        options.usb = has("usb");
        options.uvc = has("uvc");
        if (!has("replay"))
            options.replayFolders = {};
    }
    if (backends.isEmpty() || backends.contains(QLatin1String("replay"), Qt::CaseInsensitive))
        options.replayFolders = qEnvironmentVariable("UMBRAL_REPLAY_DIRS")
                                    .split(QDir::listSeparator(), Qt::SkipEmptyParts);
    options.demoMode = qEnvironmentVariable("UMBRAL_DEMO") == QLatin1String("1");
    bool ok = false;
    const auto seed = qEnvironmentVariable("UMBRAL_SIM_TRAVELER").toULongLong(&ok);
    if (ok)
        options.simulatedTravelerSeed = seed;
    return options;
}

StationDevices createStationDevices(const StationDeviceOptions& options) {
    StationDevices station;
    station.manager = std::make_unique<DeviceManager>();
#ifdef UMBRAL_HAVE_USB
    if (options.usb) {
        try {
            station.manager->addBackend(std::make_unique<UsbBackend>());
        } catch (const std::exception& error) {
            station.problems.append(
                QStringLiteral("USB devices unavailable: %1").arg(QString::fromUtf8(error.what())));
        }
    }
#endif
#ifdef UMBRAL_HAVE_UVC
    if (options.uvc)
        station.manager->addBackend(std::make_unique<UvcBackend>(options.uvcDevDirectory));
#endif
    if (!options.replayFolders.isEmpty())
        station.replay = static_cast<ReplayBackend*>(
            station.manager->addBackend(std::make_unique<ReplayBackend>(options.replayFolders)));
    if (options.simulated) {
        auto simulated = std::make_unique<SimulatedBackend>();
        if (options.simulatedTravelerSeed) {
            SimulatedTraveler traveler;
            traveler.identitySeed = *options.simulatedTravelerSeed;
            simulated->script()->present(traveler);
        }
        station.simulated =
            static_cast<SimulatedBackend*>(station.manager->addBackend(std::move(simulated)));
    }
    if (options.demoMode)
        station.manager->setBackendPreference(
            {Backend::Simulated, Backend::Usb, Backend::Uvc, Backend::Replay});
    return station;
}

} // namespace umbral::devices
