// The desktop skeleton end to end: the login window leads each role to its workspace; a wrong
// password is shown, not a workspace; sign-out returns to the login page. Screenshots of each
// page go to UMBRAL_TEST_OUTPUT.
#include "../../common/temp_station.h"
#include "app/services/auth_service.h"
#include "app/services/demo_station.h"
#include "ui/role_workspace.h"
#include "ui/station_window.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace umbral;

class TestLogin : public QObject {
    Q_OBJECT

    testing::TempStation station_;
    std::unique_ptr<services::AuthService> auth_;

    ui::StationWindow* makeWindow() {
        auto* w = new ui::StationWindow(
            [this](const QString& n, const QString& p) { return auth_->login(n, p); }, "LANE-TEST", true);
        w->show();
        return w;
    }
    static void signIn(ui::StationWindow& w, const QString& user, const QString& password) {
        auto* name = w.findChild<QLineEdit*>("userName");
        auto* pw = w.findChild<QLineEdit*>("password");
        QVERIFY(name && pw);
        name->clear();
        QTest::keyClicks(name, user);
        QTest::keyClicks(pw, password);
        QTest::keyClick(pw, Qt::Key_Return); // keyboard only
    }

private slots:
    void initTestCase() {
        station_.open();
        QCOMPARE(services::ensureDemoUsers(*station_.store), int(services::demoUsers().size()));
        QCOMPARE(services::ensureDemoUsers(*station_.store), 0);
        auth_ = std::make_unique<services::AuthService>(*station_.store, services::StationSettings{});
    }

    void eachRoleReachesItsWorkspace_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("heading");
        QTest::newRow("officer") << "officer" << "officer-demo" << "Officer workspace";
        QTest::newRow("supervisor") << "supervisor" << "supervisor-demo" << "Supervisor workspace";
        QTest::newRow("administrator") << "admin" << "admin-demo" << "Administrator workspace";
    }
    void eachRoleReachesItsWorkspace() {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, heading);
        std::unique_ptr<ui::StationWindow> w(makeWindow());
        w->grab().save(QString(UMBRAL_TEST_OUTPUT) + "/ui-login.png");
        signIn(*w, user, password);
        QTRY_VERIFY_WITH_TIMEOUT(w->workspace() != nullptr, 10000);
        QCOMPARE(w->workspace()->heading(), heading);
        QVERIFY(w->workspace()->isVisible());
        w->grab().save(QString(UMBRAL_TEST_OUTPUT) + "/ui-workspace-" + user + ".png");
        // Sign out by keyboard.
        QTest::keySequence(w.get(), QKeySequence(Qt::CTRL | Qt::Key_L));
        QTRY_VERIFY(w->workspace() == nullptr);
        QVERIFY(w->loginPage()->isVisible());
    }

    void wrongPasswordIsShown() {
        std::unique_ptr<ui::StationWindow> w(makeWindow());
        signIn(*w, "officer", "not-the-password");
        QTRY_VERIFY_WITH_TIMEOUT(w->loginPage()->errorText().contains("wrong user name or password"), 10000);
        QVERIFY(w->workspace() == nullptr);
        w->grab().save(QString(UMBRAL_TEST_OUTPUT) + "/ui-login-error.png");
        // The failed attempt is in the audit log, attributed to the user name tried.
        const auto rows = station_.store->audit().list();
        QCOMPARE(rows.back().action, QStringLiteral("login.failed"));
        QCOMPARE(rows.back().actor, QStringLiteral("officer"));
    }

    void emptyFieldsAreRefusedWithoutAQuery() {
        std::unique_ptr<ui::StationWindow> w(makeWindow());
        const auto before = station_.store->audit().list().size();
        QTest::mouseClick(w->findChild<QPushButton*>("signIn"), Qt::LeftButton);
        QVERIFY(w->loginPage()->errorText().contains("enter your user name"));
        QCOMPARE(station_.store->audit().list().size(), before);
    }
};

QTEST_MAIN(TestLogin)
#include "tst_login.moc"
