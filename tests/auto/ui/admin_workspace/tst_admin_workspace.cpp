// The administrator's desktop end to end (offscreen), from the keyboard where a person would use
// it: users (add, change role, lock, unlock, reset password, and the refusals), devices (the
// simulated scanners and camera, details, a test capture), the watchlist (an old package gives
// the age warning; a package signed by an unknown key is refused and changes nothing), the
// outbound queue (counts by state, retry the failed) and the audit log ("verify chain" finds a
// changed row). Screenshots of each page go to UMBRAL_TEST_OUTPUT/screenshots (and to
// $UMBRAL_SCREENSHOT_DIR when set).
#include "../../common/temp_station.h"
#include "../../screening/common/package_files.h"
#include "app/core/errors.h"
#include "app/enrollment/enrollment_service.h"
#include "app/enrollment/synthetic_encounter.h"
#include "app/services/auth_service.h"
#include "app/services/demo_station.h"
#include "devices/simulated/simulated_backend.h"
#include "devices/station_devices.h"
#include "ui/admin/admin_workspace.h"
#include "ui/admin/audit_log_page.h"
#include "ui/admin/devices_page.h"
#include "ui/admin/queue_page.h"
#include "ui/admin/service_executor.h"
#include "ui/admin/users_page.h"
#include "ui/admin/watchlist_page.h"
#include "ui/role_workspace.h"
#include "ui/station_window.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QtTest>

using namespace umbral;

namespace {
void settle() {
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

void saveScreenshot(QWidget* widget, const QString& name) {
    settle();
    const QImage image = widget->grab().toImage();
    QStringList dirs{QString(UMBRAL_TEST_OUTPUT) + "/screenshots"};
    if (const QString extra = qEnvironmentVariable("UMBRAL_SCREENSHOT_DIR"); !extra.isEmpty())
        dirs << extra;
    for (const QString& dir : dirs) {
        QDir().mkpath(dir);
        QVERIFY(image.save(dir + "/" + name + ".png"));
    }
}
} // namespace

class TestAdminWorkspace : public QObject {
    Q_OBJECT

    testing::TempStation station_;
    // The workspace's service thread has a connection of its own, as in app/main.cpp.
    std::unique_ptr<storage::StationStore> serviceStore_;
    std::unique_ptr<services::AuthService> auth_;
    std::unique_ptr<ui::ServiceExecutor> executor_;
    devices::StationDevices devices_;
    ui::WorkspaceServices services_;
    std::unique_ptr<ui::StationWindow> window_;
    ui::AdminWorkspace* ws_ = nullptr;
    QTemporaryDir packages_;

    storage::StationStore& store() { return *station_.store; }

    void showTab(int number) {
        QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
        QCOMPARE(ws_->tabs()->currentIndex(), number - 1);
    }
    QString package(const QString& name, qint64 version, int entries, int ageDays,
                    const screening::SigningKey& key) {
        std::vector<screening::PackageRecord> records;
        for (int i = 0; i < entries; ++i)
            records.push_back(testing::upsert(
                testing::person(QStringLiteral("KST-%1").arg(i, 5, 10, QLatin1Char('0')),
                                QStringLiteral("LISTED, PERSON %1").arg(i))));
        auto header = testing::packageHeader("KST", version, entries);
        header.issuer = QStringLiteral("Ministry of the Interior, watchlist unit");
        header.createdAt = QDateTime::currentDateTimeUtc().addDays(-ageDays);
        header.expiresAt = header.createdAt.addDays(60);
        const QString path = packages_.filePath(name);
        testing::writePackage(path, header, records, key);
        return path;
    }

private slots:
    void initTestCase() {
        station_.open();
        services::ensureDemoUsers(store());
        auth_ = std::make_unique<services::AuthService>(store(), services::StationSettings{});
        executor_ = std::make_unique<ui::ServiceExecutor>();
        devices::StationDeviceOptions options;
        options.usb = false;
        options.uvc = false;
        options.simulatedTravelerSeed = 1; // someone at the lane for the test capture
        devices_ = devices::createStationDevices(options);
        devices_.manager->start();
        serviceStore_ = std::make_unique<storage::StationStore>(
            station_.paths, storage::StationStore::Open::ExistingOnly,
            storage::StationStore::Schema::RequireCurrent);
        services_.store = serviceStore_.get();
        services_.executor = executor_.get();
        services_.devices = devices_.manager.get();
        services_.screening.demoMode = true; // the demo key signs the packages below
        services_.lane = "LANE-TEST";

        window_ = std::make_unique<ui::StationWindow>(
            [this](const QString& n, const QString& p) { return auth_->login(n, p); }, "LANE-TEST",
            true);
        window_->setContentFactory([this](const Actor& a, ui::StationWindow&, bool) -> QWidget* {
            return a.role == Role::Administrator ? new ui::AdminWorkspace(a, services_) : nullptr;
        });
        window_->resize(1400, 860);
        window_->show();
        // A real X server (xvfb-run, QT_QPA_PLATFORM=xcb) without a window manager gives no
        // focus by itself, and the Alt+letter shortcuts need an active window.
        window_->activateWindow();
        (void)QTest::qWaitForWindowActive(window_.get());
        auto* name = window_->findChild<QLineEdit*>("userName");
        auto* pw = window_->findChild<QLineEdit*>("password");
        QTest::keyClicks(name, "admin");
        QTest::keyClicks(pw, "admin-demo");
        QTest::keyClick(pw, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(window_->workspace() != nullptr, 15000);
        ws_ = qobject_cast<ui::AdminWorkspace*>(window_->workspace()->content());
        QVERIFY(ws_);
    }

    void users() {
        showTab(1);
        ui::UsersPage* page = ws_->usersPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->userCount(), int(services::demoUsers().size()), 15000);
        QSignalSpy finished(page, &ui::UsersPage::actionFinished);

        // Add a user from the keyboard.
        auto* name = page->findChild<QLineEdit*>("newUserName");
        name->setFocus();
        QTest::keyClicks(name, "officer3");
        QTest::keyClick(name, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), "Third Officer");
        page->findChild<QComboBox*>("newRole")->setCurrentIndex(0);
        QTest::keyClicks(page->findChild<QLineEdit*>("newPassword"), "lane-three-pass");
        QTest::keyClicks(page->findChild<QLineEdit*>("newPasswordAgain"), "lane-three-pasS");
        QTest::keyClick(page, Qt::Key_A, Qt::AltModifier); // a mnemonic clicks a moment later
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QVERIFY(page->statusText().contains("the two passwords differ"));
        QTest::keyClicks(page->findChild<QLineEdit*>("newPassword"), "lane-three-pass");
        QTest::keyClicks(page->findChild<QLineEdit*>("newPasswordAgain"), "lane-three-pass");
        QTest::keyClick(page, Qt::Key_A, Qt::AltModifier);
        QVERIFY(finished.wait(15000));
        QVERIFY2(finished.takeFirst().at(0).toBool(), qPrintable(page->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(page->cell("officer3", 2), QStringLiteral("officer"), 15000);

        // Change the role.
        QVERIFY(page->selectUser("officer3"));
        auto* role = page->findChild<QComboBox*>("selectedRole");
        role->setCurrentIndex(role->findData(int(Role::Supervisor)));
        QTest::keyClick(page, Qt::Key_C, Qt::AltModifier);
        QVERIFY(finished.wait(15000));
        QTRY_COMPARE_WITH_TIMEOUT(page->cell("officer3", 2), QStringLiteral("supervisor"), 15000);
        QCOMPARE(store().users().findByName("officer3")->role, Role::Supervisor);

        // Lock: the account cannot sign in; unlock: it can again.
        QTRY_COMPARE(page->selectedUser(), QStringLiteral("officer3"));
        QTest::keyClick(page, Qt::Key_K, Qt::AltModifier);
        QVERIFY(finished.wait(15000));
        QTRY_COMPARE_WITH_TIMEOUT(page->cell("officer3", 3),
                                  QStringLiteral("locked by an administrator"), 15000);
        QVERIFY_THROWS_EXCEPTION(Error, auth_->login("officer3", "lane-three-pass"));
        saveScreenshot(window_.get(), "admin-users");
        QTest::keyClick(page, Qt::Key_U, Qt::AltModifier);
        QVERIFY(finished.wait(15000));
        QTRY_COMPARE_WITH_TIMEOUT(page->cell("officer3", 3), QStringLiteral("active"), 15000);
        QCOMPARE(auth_->login("officer3", "lane-three-pass").role, Role::Supervisor);

        // Reset the password.
        QTest::keyClicks(page->findChild<QLineEdit*>("resetPasswordField"), "a-new-secret-9");
        QTest::keyClick(page, Qt::Key_E, Qt::AltModifier);
        QVERIFY(finished.wait(15000));
        QVERIFY(page->statusText().contains("password of officer3 was reset"));
        QCOMPARE(auth_->login("officer3", "a-new-secret-9").name, QStringLiteral("officer3"));

        // The station keeps an administrator: the last one cannot become an officer.
        QTRY_VERIFY(page->selectUser("admin"));
        role->setCurrentIndex(role->findData(int(Role::Officer)));
        finished.clear();
        QTest::keyClick(page, Qt::Key_C, Qt::AltModifier);
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QVERIFY(page->statusText().contains("last active administrator"));
        QCOMPARE(store().users().findByName("admin")->role, Role::Administrator);
        const auto actions = store().audit().list();
        QStringList mine;
        for (const auto& r : actions)
            if (r.actor == "admin")
                mine << r.action;
        for (const char* a : {"user.add", "user.role", "user.lock", "user.unlock", "user.passwd"})
            QVERIFY2(mine.contains(a), a);
    }

    void devices() {
        showTab(2);
        ui::DevicesPage* page = ws_->devicesPage();
        QCOMPARE(page->deviceCount(), 3); // sim:finger, sim:slap, sim:iris
        QVERIFY(page->selectDevice("sim:finger"));
        QVERIFY(page->detailsText().contains("sim:finger"));
        QVERIFY(page->detailsText().contains("single fingers"));
        QSignalSpy done(page, &ui::DevicesPage::testCaptureFinished);
        QTest::keyClick(page, Qt::Key_T, Qt::AltModifier);
        QVERIFY(done.wait(30000));
        QVERIFY2(done.front().at(0).toBool(), qPrintable(page->testText()));
        QVERIFY(page->testText().contains("Test capture ok"));
        QVERIFY(!page->testImage().isNull());
        QTRY_COMPARE_WITH_TIMEOUT(store().audit().list().back().action,
                                  QStringLiteral("device.test-capture"), 15000);
        QCOMPARE(store().audit().list().back().subject, QStringLiteral("sim:finger"));
        saveScreenshot(window_.get(), "admin-devices");
        // A device that goes away leaves the list at once.
        devices_.simulated->unplug("sim:iris");
        QTRY_COMPARE_WITH_TIMEOUT(page->deviceCount(), 2, 15000);
        devices_.simulated->plug("sim:iris");
        QTRY_COMPARE_WITH_TIMEOUT(page->deviceCount(), 3, 15000);
    }

    void watchlist() {
        showTab(3);
        ui::WatchlistPage* page = ws_->watchlistPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->warningText().contains("no watchlist has been imported"),
                                 15000);
        QSignalSpy imported(page, &ui::WatchlistPage::importFinished);
        // A package the issuer built ten days ago: imported, and flagged as older than 7 days.
        page->importPackage(package("kst-12.uwl", 12, 400, 10, screening::SigningKey::demo()));
        QVERIFY(imported.wait(30000));
        QVERIFY2(imported.takeFirst().at(0).toBool(), qPrintable(page->statusText()));
        QCOMPARE(page->progressValue(), 100);
        QVERIFY(page->statusText().contains("Imported KST version 12"));
        QTRY_COMPARE_WITH_TIMEOUT(page->cell("KST", 1), QStringLiteral("12"), 15000);
        QCOMPARE(page->cell("KST", 2), QStringLiteral("Ministry of the Interior, watchlist unit"));
        QVERIFY(page->cell("KST", 3).contains("older than 7 days"));
        QVERIFY(page->warningText().contains("is 10 days old, more than the configured 7 days"));
        saveScreenshot(window_.get(), "admin-watchlist");
        // Signed by a key the station does not trust: refused, the list as it was.
        page->importPackage(
            package("kst-13-foreign.uwl", 13, 5, 0, screening::SigningKey::generate()));
        QVERIFY(imported.wait(30000));
        QCOMPARE(imported.takeFirst().at(0).toBool(), false);
        QVERIFY(page->statusText().startsWith("Refused: kst-13-foreign.uwl"));
        QVERIFY(page->statusText().contains("The watchlist is unchanged"));
        QTRY_COMPARE_WITH_TIMEOUT(page->cell("KST", 1), QStringLiteral("12"), 15000);
        QCOMPARE(store().watchlist().count(), 400);
    }

    void outboundQueue() {
        // Four encounters: one acknowledged, one failed for good, two pending.
        const Actor officer{store().users().findByName("officer")->id, "officer", Role::Officer};
        for (int i = 0; i < 4; ++i) {
            Encounter e = enrollment::makeSyntheticEncounter(std::uint64_t(50 + i), "LANE-TEST");
            enrollment::EnrollmentService(store()).submit(officer, e);
        }
        auto queue = store().queue();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto a = queue.claimNext(now);
        queue.acknowledge(a->tcn, "CENTRAL-0001");
        const auto b = queue.claimNext(now);
        queue.recordFailure(b->id,
                            "central system refused the transaction: 422 bad Type-2 field 2.018",
                            QDateTime());

        showTab(4);
        ui::QueuePage* page = ws_->queuePage();
        QSignalSpy loaded(page, &ui::QueuePage::loaded);
        page->reload();
        QVERIFY(loaded.wait(15000));
        QCOMPARE(page->counts().pending, 2);
        QCOMPARE(page->counts().acknowledged, 1);
        QCOMPARE(page->counts().failed, 1);
        QVERIFY(page->countsText().contains("Failed 1"));
        QCOMPARE(page->listedRows(), 3);
        saveScreenshot(window_.get(), "admin-queue");
        QSignalSpy retried(page, &ui::QueuePage::retried);
        QTest::keyClick(page, Qt::Key_F, Qt::AltModifier);
        QVERIFY(retried.wait(15000));
        QCOMPARE(retried.front().at(0).toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(page->counts().failed, 0, 15000);
        QCOMPARE(page->counts().pending, 3);
        QVERIFY(page->statusText().contains("1 failed transmissions are queued again"));
    }

    void auditLog() {
        showTab(5);
        ui::AuditLogPage* page = ws_->auditPage();
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->visibleRows() > 10, 15000);
        QSignalSpy verified(page, &ui::AuditLogPage::verified);
        QTest::keyClick(page, Qt::Key_V, Qt::AltModifier);
        QVERIFY(verified.wait(15000));
        QCOMPARE(verified.takeFirst().at(0).toBool(), true);
        QVERIFY(page->verificationText().contains("Chain intact"));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 15000);
        page->setFilterText("admin");
        saveScreenshot(window_.get(), "admin-audit-log");
        // Someone with the database file and the SQLite shell rewrites a row: found.
        store().db().exec("DROP TRIGGER audit_log_no_update");
        store().db().exec("UPDATE audit_log SET actor = 'nobody' WHERE seq = 3");
        QTest::keyClick(page, Qt::Key_V, Qt::AltModifier);
        QVERIFY(verified.wait(15000));
        QCOMPARE(verified.takeFirst().at(0).toBool(), false);
        QVERIFY2(page->verificationText().contains("Chain BROKEN at row 3"),
                 qPrintable(page->verificationText()));
    }

    void cleanupTestCase() {
        window_.reset();
        executor_->waitForIdle();
    }
};

QTEST_MAIN(TestAdminWorkspace)
#include "tst_admin_workspace.moc"
