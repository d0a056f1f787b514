// Administrator actions in the service layer: each one refuses a role that may not do it, and
// does what it says for one that may (users and roles, outbound queue, watchlist status and
// import, devices and their test capture, audit log).
#include "../../common/temp_station.h"
#include "../../screening/common/package_files.h"
#include "app/core/errors.h"
#include "app/enrollment/enrollment_service.h"
#include "app/enrollment/synthetic_encounter.h"
#include "app/services/audit_service.h"
#include "app/services/device_admin_service.h"
#include "app/services/queue_overview_service.h"
#include "app/services/user_admin_service.h"
#include "app/services/watchlist_status_service.h"
#include "devices/api/device.h"
#include "devices/api/device_manager.h"
#include "devices/simulated/simulated_backend.h"

#include <QtTest>
#include <functional>

using namespace umbral;
using namespace umbral::services;

class TestStationAdmin : public QObject {
    Q_OBJECT

    const Actor root_{0, "cli:setup", Role::Administrator};
    const Actor enroller_{0, "cli:officer", Role::Officer};

    static screening::ScreeningSettings demoSettings() {
        screening::ScreeningSettings s;
        s.demoMode = true; // trusts the demo signing key
        return s;
    }
    static QString demoPackage(const QString& dir, const QString& list, qint64 version, int entries,
                               QDateTime created = QDateTime::currentDateTimeUtc().addSecs(-3600)) {
        std::vector<screening::PackageRecord> records;
        for (int i = 0; i < entries; ++i)
            records.push_back(
                testing::upsert(testing::person(QStringLiteral("%1-%2").arg(list).arg(i),
                                                QStringLiteral("PERSON, NUMBER %1").arg(i))));
        auto header = testing::packageHeader(list, version, entries);
        header.createdAt = created;
        header.expiresAt = created.addDays(60);
        const QString path = dir + QStringLiteral("/%1-%2.uwl").arg(list).arg(version);
        testing::writePackage(path, header, records, screening::SigningKey::demo());
        return path;
    }

    testing::TempStation template_;
    QTemporaryDir packageDir_;
    devices::DeviceManager devices_; // the simulated scanners and camera

    static void copyDir(const QString& from, const QString& to) {
        QDir().mkpath(to);
        const QDir src(from);
        for (const QFileInfo& fi :
             src.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (fi.isDir())
                copyDir(fi.filePath(), to + "/" + fi.fileName());
            else
                QVERIFY(QFile::copy(fi.filePath(), to + "/" + fi.fileName()));
        }
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

private slots:
    void initTestCase() {
        auto& store = template_.open();
        UserAdminService(store).addUser(root_, "target", "T", Role::Officer, "password-123");
        UserAdminService(store).addUser(root_, "locked", "L", Role::Officer, "password-123");
        UserAdminService(store).setLocked(root_, "locked", true);
        Encounter e = enrollment::makeSyntheticEncounter(3, "L1");
        enrollment::EnrollmentService(store).submit(enroller_, e);
        template_.close(); // checkpoints the WAL: the files alone hold the station
        demoPackage(packageDir_.path(), "KST", 1, 3);
        devices_.addBackend(std::make_unique<devices::SimulatedBackend>());
        devices_.start();
    }

    void everyActionChecksTheRole_data() {
        QTest::addColumn<QString>("call");
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("allowed");
        const int off = int(Role::Officer), sup = int(Role::Supervisor),
                  adm = int(Role::Administrator);
        for (const char* call :
             {"user.add", "user.list", "user.passwd", "user.lock", "user.unlock", "user.role",
              "queue.counts", "queue.list", "queue.retry", "watchlist.status", "watchlist.import",
              "device.list", "device.details", "device.test", "device.audit"}) {
            QTest::newRow(qPrintable(QString("%1 officer").arg(call))) << call << off << false;
            QTest::newRow(qPrintable(QString("%1 supervisor").arg(call))) << call << sup << false;
            QTest::newRow(qPrintable(QString("%1 administrator").arg(call))) << call << adm << true;
        }
        for (const char* call : {"audit.list", "audit.verify"}) {
            QTest::newRow(qPrintable(QString("%1 officer").arg(call))) << call << off << false;
            QTest::newRow(qPrintable(QString("%1 supervisor").arg(call))) << call << sup << true;
            QTest::newRow(qPrintable(QString("%1 administrator").arg(call))) << call << adm << true;
        }
    }
    void everyActionChecksTheRole() {
        QFETCH(QString, call);
        QFETCH(int, role);
        QFETCH(bool, allowed);
        // A copy of the prepared station: Argon2id hashing once, not once per row.
        testing::TempStation st;
        copyDir(template_.paths.dataDir, st.paths.dataDir);
        copyDir(template_.paths.configDir, st.paths.configDir);
        auto& store = st.open(storage::StationStore::Open::ExistingOnly);
        const QString package = packageDir_.filePath("KST-1.uwl");

        const Actor actor{42, "actor", Role(role)};
        const qint64 auditBefore = store.audit().list().back().seq;
        std::function<void()> f;
        if (call == "user.add")
            f = [&] {
                UserAdminService(store).addUser(actor, "newuser", "N", Role::Officer,
                                                "password-123");
            };
        else if (call == "user.list")
            f = [&] { QCOMPARE(UserAdminService(store).listUsers(actor).size(), std::size_t(2)); };
        else if (call == "user.passwd")
            f = [&] { UserAdminService(store).setPassword(actor, "target", "password-456"); };
        else if (call == "user.lock")
            f = [&] { UserAdminService(store).setLocked(actor, "target", true); };
        else if (call == "user.unlock")
            f = [&] { UserAdminService(store).setLocked(actor, "locked", false); };
        else if (call == "user.role")
            f = [&] { UserAdminService(store).setRole(actor, "target", Role::Supervisor); };
        else if (call == "queue.counts")
            f = [&] { QCOMPARE(QueueOverviewService(store).counts(actor).pending, 1); };
        else if (call == "queue.list")
            f = [&] {
                QCOMPARE(QueueOverviewService(store).unacknowledged(actor).size(), std::size_t(1));
            };
        else if (call == "queue.retry")
            f = [&] { QueueOverviewService(store).retryFailed(actor); };
        else if (call == "watchlist.status")
            f = [&] { WatchlistStatusService(store, demoSettings()).status(actor); };
        else if (call == "watchlist.import")
            f = [&] {
                QCOMPARE(WatchlistStatusService(store, demoSettings())
                             .import(actor, package)
                             .entriesInList,
                         3);
            };
        else if (call == "device.list")
            f = [&] { QCOMPARE(services::DeviceAdminService(devices_).list(actor).size(), 3); };
        else if (call == "device.details")
            f = [&] {
                QCOMPARE(services::DeviceAdminService(devices_)
                             .details(actor, "sim:iris")
                             ->model.isEmpty(),
                         false);
            };
        else if (call == "device.test")
            f = [&] {
                QVERIFY(
                    services::DeviceAdminService(devices_).deviceForTestCapture(actor, "sim:slap"));
            };
        else if (call == "device.audit")
            f = [&] {
                services::DeviceAdminService::auditTestCapture(store, actor, "sim:slap",
                                                               "ok 1600x1500 500 ppi");
            };
        else if (call == "audit.list")
            f = [&] { AuditService(store).list(actor); };
        else if (call == "audit.verify")
            f = [&] { QVERIFY(AuditService(store).verify(actor).ok); };
        QVERIFY(f);
        try {
            f();
            QVERIFY2(allowed, "the call should have been refused");
        } catch (const Error& e) {
            QVERIFY2(!allowed, e.what());
            QCOMPARE(e.code(), ErrorCode::PermissionDenied);
            QVERIFY(e.message().contains("actor"));
            // A refused call changes nothing: users, watchlist, audit log as they were.
            QVERIFY(!store.users().findByName("newuser"));
            QVERIFY(!store.users().findByName("target")->disabled);
            QCOMPARE(store.users().findByName("target")->role, Role::Officer);
            QVERIFY(store.users().findByName("locked")->disabled);
            QCOMPARE(store.watchlist().count(), 0);
            QCOMPARE(store.audit().list().back().seq, auditBefore);
        }
    }

    void roleChangeIsAuditedAndKeepsAnAdministrator() {
        testing::TempStation st;
        auto& store = st.open();
        UserAdminService admin(store);
        admin.addUser(root_, "boss", "B", Role::Administrator, "password-123");
        admin.addUser(root_, "worker", "W", Role::Officer, "password-123");
        const Actor boss{store.users().findByName("boss")->id, "boss", Role::Administrator};
        admin.setRole(boss, "worker", Role::Supervisor);
        QCOMPARE(store.users().findByName("worker")->role, Role::Supervisor);
        const auto row = store.audit().list().back();
        QCOMPARE(row.action, QStringLiteral("user.role"));
        QCOMPARE(row.subject, QStringLiteral("worker"));
        QCOMPARE(row.detail, QStringLiteral("officer -> supervisor"));
        // The last administrator keeps the role...
        QVERIFY_THROWS_EXCEPTION(Error, admin.setRole(boss, "boss", Role::Officer));
        QCOMPARE(store.users().findByName("boss")->role, Role::Administrator);
        // ...until there is another.
        admin.setRole(boss, "worker", Role::Administrator);
        admin.setRole(boss, "boss", Role::Officer);
        QCOMPARE(store.users().findByName("boss")->role, Role::Officer);
    }

    void queueCountsByState() {
        testing::TempStation st;
        auto& store = st.open();
        for (int i = 0; i < 4; ++i) {
            Encounter e = enrollment::makeSyntheticEncounter(std::uint64_t(10 + i), "L1");
            enrollment::EnrollmentService(store).submit(enroller_, e);
        }
        auto queue = store.queue();
        const auto now = QDateTime::currentDateTimeUtc();
        const auto a = queue.claimNext(now);
        queue.acknowledge(a->tcn, "REF-1");
        const auto b = queue.claimNext(now);
        queue.recordFailure(b->id, "central refused: 503", QDateTime()); // gave up: failed
        queue.claimNext(now);                                            // left sending
        QueueOverviewService svc(store);
        QueueCounts c = svc.counts(root_);
        QCOMPARE(c.pending, 1);
        QCOMPARE(c.sending, 1);
        QCOMPARE(c.acknowledged, 1);
        QCOMPARE(c.failed, 1);
        QCOMPARE(c.total(), 4);
        const auto rows = svc.unacknowledged(root_);
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(rows.front().state, storage::QueueState::Failed); // what needs attention first
        QCOMPARE(rows.front().lastError, QStringLiteral("central refused: 503"));
        QCOMPARE(svc.retryFailed(root_), 1);
        c = svc.counts(root_);
        QCOMPARE(c.failed, 0);
        QCOMPARE(c.pending, 2);
        QCOMPARE(store.audit().list().back().action, QStringLiteral("queue.retry"));
    }

    void watchlistAgeWarnings_data() {
        QTest::addColumn<int>("ageDays");
        QTest::addColumn<int>("maxAgeDays");
        QTest::addColumn<bool>("stale");
        QTest::newRow("fresh") << 2 << 7 << false;
        QTest::newRow("just under") << 6 << 7 << false;
        QTest::newRow("older than configured") << 9 << 7 << true;
        QTest::newRow("stricter station") << 2 << 1 << true;
    }
    void watchlistAgeWarnings() {
        QFETCH(int, ageDays);
        QFETCH(int, maxAgeDays);
        QFETCH(bool, stale);
        testing::TempStation st;
        auto& store = st.open();
        QTemporaryDir dir;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto settings = demoSettings();
        settings.maxAgeDays = maxAgeDays;
        WatchlistStatusService svc(store, settings, [now] { return now; });
        QCOMPARE(svc.status(root_).warnings.size(), 1); // nothing imported yet
        QVERIFY(svc.status(root_).warnings.front().contains("no watchlist"));
        // The package was built `ageDays` ago (it was valid then: the importer checks expiry,
        // not age) and imported now.
        svc.import(root_, demoPackage(dir.path(), "KST", 4, 2, now.addDays(-ageDays)));
        const WatchlistStatus s = svc.status(root_);
        QCOMPARE(s.lists.size(), std::size_t(1));
        QCOMPARE(s.lists[0].listId, QStringLiteral("KST"));
        QCOMPARE(s.lists[0].version, 4);
        QCOMPARE(s.lists[0].issuer, QStringLiteral("Test issuer"));
        QCOMPARE(s.lists[0].entries, 2);
        QCOMPARE(int(s.lists[0].ageDays), ageDays);
        QCOMPARE(s.lists[0].stale, stale);
        QCOMPARE(s.warnings.isEmpty(), !stale);
        if (stale)
            QVERIFY(
                s.warnings.front().contains(QStringLiteral("configured %1 days").arg(maxAgeDays)));
    }

    void importReportsProgressAndARefusalChangesNothing() {
        testing::TempStation st;
        auto& store = st.open();
        QTemporaryDir dir;
        WatchlistStatusService svc(store, demoSettings());
        std::vector<std::pair<qint64, qint64>> progress;
        const auto result =
            svc.import(root_, demoPackage(dir.path(), "KST", 1, 50),
                       [&](qint64 done, qint64 total) { progress.emplace_back(done, total); });
        QCOMPARE(result.entriesInList, 50);
        QVERIFY(!progress.empty());
        QCOMPARE(progress.back().first, 50);
        QCOMPARE(progress.back().second, 50);
        // A package signed by a key the station does not trust: refused, nothing changes.
        const QString foreign = dir.filePath("foreign.uwl");
        testing::writePackage(foreign, testing::packageHeader("KST", 2, 1),
                              {testing::upsert(testing::person("X-1", "X, Y"))},
                              screening::SigningKey::generate());
        QVERIFY_THROWS_EXCEPTION(Error, svc.import(root_, foreign));
        const auto s = svc.status(root_);
        QCOMPARE(s.lists.front().version, 1);
        QCOMPARE(s.entries, 50);
    }
};

QTEST_GUILESS_MAIN(TestStationAdmin)
#include "tst_station_admin.moc"
