#pragma once

// A whole officer station for widget tests and UI benchmarks: a station database in a temporary
// directory with the demo users, the simulated devices (fast or paced like the demo), the
// station writer thread, and the station window with the officer's workspace. Everything the
// application wires in app/main.cpp, in the same way.

#include "../common/temp_station.h"
#include "app/enrollment/capture/frame_scoring.h"
#include "app/enrollment/encounter_screener.h"
#include "app/enrollment/screening/demo_watchlist_setup.h"
#include "app/enrollment/screening/watchlist_screener.h"
#include "app/enrollment/station_writer.h"
#include "app/services/auth_service.h"
#include "app/services/demo_station.h"
#include "devices/api/device_manager.h"
#include "devices/replay/replay_backend.h"
#include "devices/simulated/simulated_backend.h"
#include "ui/officer/officer_workspace.h"
#include "ui/role_workspace.h"
#include "ui/station_window.h"
#include "ui/ui_settings.h"

#include <QLineEdit>
#include <QTest>
#include <functional>
#include <memory>

namespace umbral::testing {

struct OfficerStation {
    TempStation station;
    std::unique_ptr<services::AuthService> auth;
    std::unique_ptr<devices::DeviceManager> devices;
    devices::SimulatedBackend* simulated = nullptr;
    std::unique_ptr<enrollment::StationWriter> writer;
    std::unique_ptr<ui::StationWindow> window;
    ui::OfficerEnvironment environment;

    /// `fast`: placements settle in a few frames (tests); otherwise the demo's pace.
    /// `listedIdentities` > 0: the station screens against a demo watchlist of that many listed
    /// simulated travelers (seeds 1001 upwards), as a demo station does. `paced` false: the
    /// simulated devices render as fast as they can (benchmarks). `replayScanner`: a folder of
    /// fingerprint images played as the scanner (the simulated scanners are then left out).
    explicit OfficerStation(bool fast = true, int listedIdentities = 0, bool paced = true,
                            const QString& replayScanner = QString()) {
        ui::applyStationStyle(false);
        station.open();
        services::ensureDemoUsers(*station.store);
        auth = std::make_unique<services::AuthService>(*station.store, services::StationSettings{});
        devices = std::make_unique<devices::DeviceManager>();
        devices::SimulatedBackend::Options options;
        if (fast) {
            for (devices::SimulatedScannerModel* m : {&options.finger, &options.slap}) {
                m->previewFps = 30;
                m->timing.landingFrames = 3;
                m->timing.settlingFrames = 2;
                m->landing = std::chrono::milliseconds(100);
            }
            options.iris.approachFrames = 4;
            options.iris.approach = std::chrono::milliseconds(100);
        } else {
            options.finger.previewFps = options.slap.previewFps =
                20; // as the demo station (app/main.cpp)
        }
        options.finger.paced = options.slap.paced = options.iris.paced = paced;
        if (!replayScanner.isEmpty())
            options.singleFingerScanner = options.slapScanner = false;
        auto backend = std::make_unique<devices::SimulatedBackend>(options);
        simulated = backend.get();
        devices->addBackend(std::move(backend));
        if (!replayScanner.isEmpty())
            devices->addBackend(
                std::make_unique<devices::ReplayBackend>(QStringList{replayScanner}));
        devices->setBackendPreference({devices::Backend::Replay, devices::Backend::Simulated});
        devices->start();
        const storage::StationPaths paths = station.paths;
        if (listedIdentities > 0)
            enrollment::prepareDemoWatchlist(paths, listedIdentities);
        writer = std::make_unique<enrollment::StationWriter>(
            [paths] {
                return std::make_unique<storage::StationStore>(
                    paths, storage::StationStore::Open::ExistingOnly,
                    storage::StationStore::Schema::RequireCurrent);
            },
            [file = paths.settingsFile()] {
                return std::make_unique<enrollment::WatchlistScreener>(file);
            });
        environment.devices = devices.get();
        environment.writer = writer.get();
        environment.segmenter = enrollment::defaultSlapSegmenter();
        environment.lane = QStringLiteral("LANE-07");
        environment.demoBackend = simulated;
        openWindow();
    }

    ~OfficerStation() {
        window.reset();
        writer.reset();
        devices.reset();
    }

    void openWindow() {
        window = std::make_unique<ui::StationWindow>(
            [this](const QString& n, const QString& p) { return auth->login(n, p); },
            environment.lane, true);
        window->setContentFactory(
            [this](const Actor& actor, ui::StationWindow& w, bool rebuilt) -> QWidget* {
                if (actor.role != Role::Officer)
                    return nullptr;
                auto* workspace = new ui::OfficerWorkspace(actor, environment);
                QObject::connect(&w, &ui::StationWindow::lockedChanged, workspace,
                                 &ui::OfficerWorkspace::setPaused);
                ui::RoleWorkspace* host = w.workspace();
                QObject::connect(workspace, &ui::OfficerWorkspace::fullScreenChanged, host,
                                 [host](bool full) { host->setHeaderVisible(!full); });
                if (rebuilt)
                    QObject::connect(workspace, &ui::OfficerWorkspace::resumeOffered, workspace,
                                     &ui::OfficerWorkspace::resumeDraft);
                return workspace;
            });
        window->resize(1360, 860);
        window->show();
        // A real X server without a window manager gives no focus by itself.
        window->activateWindow();
        (void)QTest::qWaitForWindowActive(window.get());
    }

    /// Signs in from the keyboard, as an officer would.
    void signIn(const QString& user = QStringLiteral("officer"),
                const QString& password = QStringLiteral("officer-demo")) {
        auto* name = window->findChild<QLineEdit*>(QStringLiteral("userName"));
        auto* pw = window->findChild<QLineEdit*>(QStringLiteral("password"));
        name->clear();
        name->setFocus();
        QTest::keyClicks(name, user);
        QTest::keyClick(name, Qt::Key_Return);
        QTest::keyClicks(pw, password);
        QTest::keyClick(pw, Qt::Key_Return);
    }

    ui::OfficerWorkspace* officer() const {
        return window && window->workspace()
                   ? qobject_cast<ui::OfficerWorkspace*>(window->workspace()->content())
                   : nullptr;
    }
};

} // namespace umbral::testing
