// Sign-in: Argon2id hashes, lock-out after N failed logins for M minutes (both configurable),
// a locked account refuses even the right password, the lock expires, and every attempt is
// audited without the password.
#include "../../common/temp_station.h"
#include "app/core/errors.h"
#include "app/services/auth_service.h"
#include "app/services/password_hasher.h"
#include "app/services/user_admin_service.h"

#include <QtTest>

using namespace umbral;
using namespace umbral::services;

class TestAuth : public QObject {
    Q_OBJECT

    const Actor admin_{0, "cli:test", Role::Administrator};

    static ErrorCode loginError(AuthService& auth, const QString& user, const QString& pw) {
        try {
            auth.login(user, pw);
        } catch (const Error& e) {
            return e.code();
        }
        return ErrorCode::Internal;
    }

private slots:
    void argon2idHash() {
        const QString h = hashPassword("correct horse");
        QVERIFY(h.startsWith("$argon2id$"));
        QVERIFY(!h.contains("correct horse"));
        QVERIFY(verifyPassword(h, "correct horse"));
        QVERIFY(!verifyPassword(h, "correct horsE"));
        QVERIFY(hashPassword("correct horse") != h); // salted
    }

    void lockout_data() {
        QTest::addColumn<int>("maxFailures");
        QTest::addColumn<int>("lockSeconds");
        QTest::newRow("default 5 / 5 min") << 5 << 300;
        QTest::newRow("configured 3 / 60 s") << 3 << 60;
    }
    void lockout() {
        QFETCH(int, maxFailures);
        QFETCH(int, lockSeconds);
        testing::TempStation st;
        auto& store = st.open();
        UserAdminService(store).addUser(admin_, "olga", "Olga", Role::Officer, "right-password");
        StationSettings settings;
        settings.maxFailedLogins = maxFailures;
        settings.lockoutSeconds = lockSeconds;
        QDateTime now = QDateTime::currentDateTimeUtc();
        AuthService auth(store, settings, [&now] { return now; });

        QCOMPARE(auth.login("olga", "right-password").name, QStringLiteral("olga"));
        for (int i = 0; i < maxFailures - 1; ++i)
            QCOMPARE(loginError(auth, "olga", "wrong"), ErrorCode::BadCredentials);
        // A success resets the count.
        QCOMPARE(auth.login("olga", "right-password").role, Role::Officer);
        for (int i = 0; i < maxFailures; ++i)
            QCOMPARE(loginError(auth, "olga", "wrong"), ErrorCode::BadCredentials);
        QCOMPARE(loginError(auth, "olga", "right-password"), ErrorCode::AccountLocked);
        now = now.addSecs(lockSeconds - 5);
        QCOMPARE(loginError(auth, "olga", "right-password"), ErrorCode::AccountLocked);
        now = now.addSecs(10);
        QCOMPARE(auth.login("olga", "right-password").name, QStringLiteral("olga"));

        const auto rows = store.audit().list();
        int failed = 0, refused = 0;
        for (const auto& r : rows) {
            failed += r.action == "login.failed";
            refused += r.action == "login.refused";
            QVERIFY(!r.detail.contains("wrong") || r.detail.startsWith("wrong password"));
            QVERIFY(!r.detail.contains("right-password"));
        }
        QCOMPARE(failed, 2 * maxFailures - 1);
        QCOMPARE(refused, 2);
    }

    void unknownUserSameMessage() {
        testing::TempStation st;
        auto& store = st.open();
        UserAdminService(store).addUser(admin_, "olga", "Olga", Role::Officer, "right-password");
        AuthService auth(store, StationSettings{});
        QString unknown, wrong;
        try { auth.login("nobody", "x"); } catch (const Error& e) { unknown = e.message(); }
        try { auth.login("olga", "x"); } catch (const Error& e) { wrong = e.message(); }
        QVERIFY(!unknown.isEmpty());
        QCOMPARE(unknown, wrong);
    }

    void adminLockAndUnlock() {
        testing::TempStation st;
        auto& store = st.open();
        UserAdminService users(store);
        users.addUser(admin_, "olga", "Olga", Role::Officer, "right-password");
        AuthService auth(store, StationSettings{});
        users.setLocked(admin_, "olga", true);
        QCOMPARE(loginError(auth, "olga", "right-password"), ErrorCode::PermissionDenied);
        users.setLocked(admin_, "olga", false);
        QCOMPARE(auth.login("olga", "right-password").name, QStringLiteral("olga"));
        users.setPassword(admin_, "olga", "a-new-password");
        QCOMPARE(loginError(auth, "olga", "right-password"), ErrorCode::BadCredentials);
        QCOMPARE(auth.login("olga", "a-new-password").name, QStringLiteral("olga"));
    }

    void badUserInput_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("password");
        QTest::newRow("short password") << "olga" << "short";
        QTest::newRow("bad name") << "Olga Smith" << "long-enough-1";
        QTest::newRow("empty name") << "" << "long-enough-1";
    }
    void badUserInput() {
        QFETCH(QString, name);
        QFETCH(QString, password);
        testing::TempStation st;
        auto& store = st.open();
        try {
            UserAdminService(store).addUser(admin_, name, {}, Role::Officer, password);
            QFAIL("must be refused");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidInput);
        }
        QCOMPARE(store.users().count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
