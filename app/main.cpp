// umbral: the desktop enrollment station. Wires storage, services, devices, the enrollment
// workflow and the Qt Widgets UI; the work itself lives in the libraries.
#include "app/core/errors.h"
#include "app/enrollment/capture/frame_scoring.h"
#include "app/enrollment/enrollment_settings.h"
#include "app/enrollment/screening/demo_watchlist_setup.h"
#include "app/enrollment/screening/watchlist_screener.h"
#include "app/enrollment/station_writer.h"
#include "app/screening/screening_settings.h"
#include "app/services/adjudication_settings.h"
#include "app/services/auth_service.h"
#include "app/services/demo_station.h"
#include "app/services/station_settings.h"
#include "devices/api/device_manager.h"
#include "devices/simulated/simulated_backend.h"
#include "storage/station_store.h"
#include "ui/admin/admin_workspace.h"
#include "ui/admin/service_executor.h"
#include "ui/admin/workspace_services.h"
#include "ui/officer/officer_workspace.h"
#include "ui/role_workspace.h"
#include "ui/station_window.h"
#include "ui/supervisor/supervisor_workspace.h"
#include "ui/ui_settings.h"
#ifdef UMBRAL_WITH_USB_BACKEND
#include "devices/usb/usb_backend.h"
#endif
#ifdef UMBRAL_WITH_UVC_BACKEND
#include "devices/uvc/uvc_backend.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent>
#include <cstdio>
#include <memory>

using namespace umbral;

namespace {

// UMBRAL_REPORT_STARTUP=1 prints "login-window-painted <ms>" when the login window has been
// painted for the first time (the cold-start benchmark reads it); UMBRAL_EXIT_AFTER_STARTUP=1
// quits right after.
class StartupProbe : public QObject {
public:
    explicit StartupProbe(const QElapsedTimer& clock) : clock_(clock) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !reported_) {
            reported_ = true;
            std::fprintf(stderr, "login-window-painted %.1f\n",
                         double(clock_.nsecsElapsed()) / 1e6);
            std::fflush(stderr);
            if (qEnvironmentVariableIntValue("UMBRAL_EXIT_AFTER_STARTUP"))
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer& clock_;
    bool reported_ = false;
};

} // namespace

int main(int argc, char** argv) {
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("umbral"));
    QApplication::setApplicationDisplayName(QStringLiteral("Umbral"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Umbral border enrollment station"));
    parser.addHelpOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("demo mode: simulated devices, demo watchlist and demo users "
                       "in a separate demo station (~/.local/share/umbral-demo)"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("station data directory"),
                                     QStringLiteral("DIR"));
    const QCommandLineOption configDir(QStringLiteral("config-dir"),
                                       QStringLiteral("station configuration directory"),
                                       QStringLiteral("DIR"));
    parser.addOptions({demo, dataDir, configDir});
    parser.process(app);

    const bool demoMode = parser.isSet(demo);
    QString data = parser.value(dataDir), config = parser.value(configDir);
    if (demoMode) {
        // The demo never touches a real station's database or key.
        if (data.isEmpty())
            data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                   QStringLiteral("/umbral-demo");
        if (config.isEmpty())
            config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                     QStringLiteral("/umbral-demo");
    }
    const storage::StationPaths paths = storage::StationPaths::resolve(data, config);

    std::unique_ptr<storage::StationStore> store;
    services::StationSettings settings;
    ui::WorkspaceServices workspaceServices;
    try {
        store = std::make_unique<storage::StationStore>(
            paths,
            demoMode ? storage::StationStore::Open::CreateIfMissing
                     : storage::StationStore::Open::ExistingOnly,
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

    ui::UiSettings uiSettings = ui::UiSettings::load(paths.settingsFile());
    ui::installLanguage(uiSettings.language);
    ui::applyStationStyle(uiSettings.largeText);

    // Devices: the simulated ones in demo mode (and first in line), the hardware backends always.
    devices::DeviceManager deviceManager;
    devices::SimulatedBackend* simulated = nullptr;
    if (demoMode) {
        // Scanners preview at 20 frames a second (the simulator's default is 15): the capture
        // screens then get more than 15 quality updates a second (docs/benchmarks.md).
        devices::SimulatedBackend::Options options;
        options.finger.previewFps = options.slap.previewFps = 20;
        auto backend = std::make_unique<devices::SimulatedBackend>(options);
        simulated = backend.get();
        deviceManager.addBackend(std::move(backend));
        deviceManager.setBackendPreference({devices::Backend::Simulated, devices::Backend::Usb,
                                            devices::Backend::Uvc, devices::Backend::Replay});
    }
#ifdef UMBRAL_WITH_USB_BACKEND
    deviceManager.addBackend(std::make_unique<devices::UsbBackend>());
#endif
#ifdef UMBRAL_WITH_UVC_BACKEND
    deviceManager.addBackend(std::make_unique<devices::UvcBackend>());
#endif
    deviceManager.start();

    // Drafts, submission and screening run on the station writer's thread with its own
    // connection to the database.
    enrollment::StationWriter writer(
        [paths] {
            return std::make_unique<storage::StationStore>(
                paths, storage::StationStore::Open::ExistingOnly,
                storage::StationStore::Schema::RequireCurrent);
        },
        [file = paths.settingsFile()] {
            return std::make_unique<enrollment::WatchlistScreener>(file);
        });

    // The sign-in checks passwords on a pool thread with the main connection (`store`).
    auto auth = std::make_shared<services::AuthService>(*store, settings);
    // Supervisors' and administrators' workspaces call their services on one worker thread,
    // with a connection of its own: the connections are opened without SQLite's mutex
    // (SQLITE_OPEN_NOMUTEX), so one connection must never serve two threads at once, and a
    // sign-in after the idle lock can overlap a workspace's call in progress. The executor is
    // declared after its store: it finishes its call in progress before that store closes.
    std::unique_ptr<storage::StationStore> serviceStore;
    try {
        serviceStore = std::make_unique<storage::StationStore>(
            paths, storage::StationStore::Open::ExistingOnly,
            storage::StationStore::Schema::RequireCurrent);
    } catch (const Error& e) {
        QMessageBox::critical(nullptr, QStringLiteral("Umbral"),
                              QStringLiteral("The station cannot start:\n\n%1").arg(e.message()));
        return 1;
    }
    ui::ServiceExecutor executor;
    workspaceServices.store = serviceStore.get();
    workspaceServices.executor = &executor;
    workspaceServices.lane = settings.lane;
    workspaceServices.devices = &deviceManager;
    ui::StationWindow window(
        [auth](const QString& name, const QString& password) {
            return auth->login(name, password);
        },
        settings.lane, demoMode);
    window.setIdleLockSeconds(settings.idleLockSeconds);
    window.setUiSettings(uiSettings,
                         [file = paths.settingsFile()](const ui::UiSettings& s) { s.save(file); });

    ui::OfficerEnvironment officer;
    officer.devices = &deviceManager;
    officer.writer = &writer;
    officer.settings = enrollment::EnrollmentSettings::load(paths.settingsFile());
    officer.segmenter = enrollment::defaultSlapSegmenter();
    officer.lane = settings.lane;
    officer.demoBackend = simulated;
    window.setContentFactory([officer, &workspaceServices](const Actor& actor, ui::StationWindow& w,
                                                           bool rebuilt) -> QWidget* {
        if (actor.role == Role::Supervisor)
            return new ui::SupervisorWorkspace(actor, workspaceServices);
        if (actor.role == Role::Administrator)
            return new ui::AdminWorkspace(actor, workspaceServices);
        if (actor.role != Role::Officer)
            return nullptr;
        auto* workspace = new ui::OfficerWorkspace(actor, officer);
        QObject::connect(&w, &ui::StationWindow::lockedChanged, workspace,
                         &ui::OfficerWorkspace::setPaused);
        ui::RoleWorkspace* host = w.workspace();
        QObject::connect(workspace, &ui::OfficerWorkspace::fullScreenChanged, host,
                         [host](bool full) { host->setHeaderVisible(!full); });
        if (rebuilt) // the language changed: carry on with the saved encounter without asking
            QObject::connect(workspace, &ui::OfficerWorkspace::resumeOffered, workspace,
                             &ui::OfficerWorkspace::resumeDraft);
        return workspace;
    });

    StartupProbe probe(startup);
    if (qEnvironmentVariableIntValue("UMBRAL_REPORT_STARTUP"))
        window.loginPage()->installEventFilter(&probe);
    window.show();

    // A demo station screens against the signed demo watchlist (listed simulated travelers). It
    // is made and imported in the background the first time, so the window is up at once.
    QFutureWatcher<QString> demoWatchlist;
    if (demoMode) {
        QObject::connect(&demoWatchlist, &QFutureWatcher<QString>::finished, &window,
                         [&] { window.statusBar()->showMessage(demoWatchlist.result(), 15000); });
        demoWatchlist.setFuture(QtConcurrent::run([paths] {
            try {
                const int people = enrollment::prepareDemoWatchlist(paths, 6);
                return QCoreApplication::translate("main",
                                                   "Demo watchlist ready: %1 listed people.")
                    .arg(people);
            } catch (const Error& e) {
                return QCoreApplication::translate("main",
                                                   "The demo watchlist could not be prepared: %1")
                    .arg(e.message());
            }
        }));
    }
    const int rc = app.exec();
    demoWatchlist.waitForFinished();
    writer.flush();
    return rc;
}
