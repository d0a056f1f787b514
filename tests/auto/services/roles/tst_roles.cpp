// Roles are enforced in the service layer: every call takes the acting user and refuses what
// the role may not do, whatever the user interface shows.
#include "../../common/temp_station.h"
#include "app/core/errors.h"
#include "app/enrollment/enrollment_service.h"
#include "app/enrollment/synthetic_encounter.h"
#include "app/services/access.h"
#include "app/services/audit_service.h"
#include "app/services/queue_service.h"
#include "app/services/user_admin_service.h"

#include <QtTest>
#include <functional>

using namespace umbral;
using namespace umbral::services;

class TestRoles : public QObject {
    Q_OBJECT

private slots:
    void serviceCalls_data() {
        QTest::addColumn<QString>("call");
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("allowed");
        const int off = int(Role::Officer), sup = int(Role::Supervisor), adm = int(Role::Administrator);
        for (const char* call : {"addUser", "listUsers", "setPassword", "lockUser"}) {
            QTest::newRow(qPrintable(QString("%1 officer").arg(call))) << call << off << false;
            QTest::newRow(qPrintable(QString("%1 supervisor").arg(call))) << call << sup << false;
            QTest::newRow(qPrintable(QString("%1 administrator").arg(call))) << call << adm << true;
        }
        QTest::newRow("enroll officer") << "enroll" << off << true;
        QTest::newRow("enroll supervisor") << "enroll" << sup << true;
        QTest::newRow("enroll administrator") << "enroll" << adm << false;
        QTest::newRow("audit officer") << "audit" << off << false;
        QTest::newRow("audit supervisor") << "audit" << sup << true;
        QTest::newRow("audit administrator") << "audit" << adm << true;
        QTest::newRow("queue officer") << "queue" << off << false;
        QTest::newRow("queue supervisor") << "queue" << sup << false;
        QTest::newRow("queue administrator") << "queue" << adm << true;
    }
    void serviceCalls() {
        QFETCH(QString, call);
        QFETCH(int, role);
        QFETCH(bool, allowed);
        testing::TempStation st;
        auto& store = st.open();
        const Actor root{0, "cli:setup", Role::Administrator};
        UserAdminService(store).addUser(root, "target", "T", Role::Officer, "password-123");
        const Actor actor{42, "actor", Role(role)};
        const qint64 encountersBefore = store.encounters().count();
        std::function<void()> f;
        if (call == "addUser")
            f = [&] { UserAdminService(store).addUser(actor, "newuser", "N", Role::Officer, "password-123"); };
        else if (call == "listUsers")
            f = [&] { UserAdminService(store).listUsers(actor); };
        else if (call == "setPassword")
            f = [&] { UserAdminService(store).setPassword(actor, "target", "password-456"); };
        else if (call == "lockUser")
            f = [&] { UserAdminService(store).setLocked(actor, "target", true); };
        else if (call == "enroll")
            f = [&] {
                Encounter e = enrollment::makeSyntheticEncounter(1, "L1");
                enrollment::EnrollmentService(store).submit(Actor{0, "actor", Role(role)}, e);
            };
        else if (call == "audit")
            f = [&] { AuditService(store).verify(actor); };
        else if (call == "queue")
            f = [&] { QueueService(store).list(actor); };
        try {
            f();
            QVERIFY2(allowed, "the call should have been refused");
        } catch (const Error& e) {
            QVERIFY2(!allowed, e.what());
            QCOMPARE(e.code(), ErrorCode::PermissionDenied);
            QVERIFY(e.message().contains("actor"));
            // A refused call changed nothing.
            QCOMPARE(store.encounters().count(), encountersBefore);
            QVERIFY(!store.users().findByName("target")->disabled);
            QVERIFY(!store.users().findByName("newuser"));
        }
    }

    void signedOutActorRefused() {
        QVERIFY_THROWS_EXCEPTION(Error, require(Actor{}, Permission::EnrollTraveler, "enroll"));
    }
};

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
