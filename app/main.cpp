// umbral: the desktop enrollment station. Wires storage, services and the Qt Widgets UI; the
// work itself lives in the libraries.
#include "app/core/errors.h"
#include "app/screening/screening_settings.h"
#include "app/services/adjudication_settings.h"
#include "app/services/auth_service.h"
#include "app/services/demo_station.h"
#include "app/services/station_settings.h"
#include "devices/api/device_manager.h"
#include "devices/station_devices.h"
#include "storage/station_store.h"
#include "ui/admin/admin_workspace.h"
#include "ui/admin/service_executor.h"
#include "ui/admin/workspace_services.h"
#include "ui/station_window.h"
#include "ui/supervisor/supervisor_workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QStandardPaths>
#include <memory>

using namespace umbral;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("umbral"));
    QApplication::setApplicationDisplayName(QStringLiteral("Umbral"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Umbral border enrollment station"));
    parser.addHelpOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("demo mode: simulated devices, demo watchlist and demo users "
                                                 "in a separate demo station (~/.local/share/umbral-demo)"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("station data directory"), QStringLiteral("DIR"));
    const QCommandLineOption configDir(QStringLiteral("config-dir"), QStringLiteral("station configuration directory"), QStringLiteral("DIR"));
    parser.addOptions({demo, dataDir, configDir});
    parser.process(app);

    const bool demoMode = parser.isSet(demo);
    QString data = parser.value(dataDir), config = parser.value(configDir);
    if (demoMode) {
        // The demo never touches a real station's database or key.
        if (data.isEmpty())
            data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/umbral-demo");
        if (config.isEmpty())
            config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/umbral-demo");
    }
    const storage::StationPaths paths = storage::StationPaths::resolve(data, config);

    std::unique_ptr<storage::StationStore> store;
    services::StationSettings settings;
    ui::WorkspaceServices workspaceServices;
    try {
        store = std::make_unique<storage::StationStore>(
            paths, demoMode ? storage::StationStore::Open::CreateIfMissing : storage::StationStore::Open::ExistingOnly,
            storage::StationStore::Schema::MigrateForward);
        settings = services::StationSettings::load(paths.settingsFile());
        // A bad adjudication or screening setting refuses to start: the station must not
        // decide under a rule it did not mean.
        workspaceServices.adjudication = services::AdjudicationSettings::load(paths.settingsFile());
        workspaceServices.screening = screening::ScreeningSettings::load(paths.settingsFile());
        if (demoMode)
            workspaceServices.screening.demoMode = true; // the demo station trusts the demo key
        if (demoMode)
            services::ensureDemoUsers(*store);
    } catch (const Error& e) {
        // Report, refuse, keep data: never a crash and never a new database over an old one.
        QMessageBox::critical(nullptr, QStringLiteral("Umbral"),
                              QStringLiteral("The station cannot start:\n\n%1").arg(e.message()));
        return 1;
    }
    store->queue().recoverInterrupted();

    auto auth = std::make_shared<services::AuthService>(*store, settings);
    // The station's devices (simulated ones first in demo mode), shared by every workspace;
    // created before the window, so they outlive it.
    devices::StationDeviceOptions deviceOptions = devices::StationDeviceOptions::fromEnvironment();
    deviceOptions.demoMode = deviceOptions.demoMode || demoMode;
    devices::StationDevices stationDevices = devices::createStationDevices(deviceOptions);
    stationDevices.manager->start();
    // Supervisors' and administrators' workspaces call their services on one worker thread;
    // it outlives the window and finishes its call in progress before the store closes.
    ui::ServiceExecutor executor;
    ui::StationWindow window([auth](const QString& name, const QString& password) { return auth->login(name, password); },
                             settings.lane, demoMode);
    workspaceServices.devices = stationDevices.manager.get();
    workspaceServices.store = store.get();
    workspaceServices.executor = &executor;
    workspaceServices.lane = settings.lane;
    window.setWorkspaceFactory(Role::Supervisor, [&workspaceServices](const Actor& actor, QWidget* parent) {
        return new ui::SupervisorWorkspace(actor, workspaceServices, parent);
    });
    window.setWorkspaceFactory(Role::Administrator, [&workspaceServices](const Actor& actor, QWidget* parent) {
        return new ui::AdminWorkspace(actor, workspaceServices, parent);
    });
    window.show();
    return app.exec();
}
