// The supervisor's desktop end to end (offscreen): sign in as supervisor, find the red alert of
// a watchlisted traveler in the queue, open it, see the evidence (matched minutiae on every
// finger, both irises segmented and matching, every biographic field compared), dismiss it
// with a reason, and find that decision - with its reason - in the audit log. Then the
// four-eyes refusals: a supervisor cannot decide on an encounter they enrolled, and with the
// two-supervisor rule a red alert needs a second, different supervisor.
//
// The alert is raised by the real services (alert_fixture.h): the listed person is imported in a
// package signed with the demo key, the traveler - the same synthetic identity, captured again -
// is enrolled and screened, and the screening writes the red alert with its evidence.
// Screenshots go to UMBRAL_TEST_OUTPUT/screenshots (and to $UMBRAL_SCREENSHOT_DIR when set).
#include "../../common/temp_station.h"
#include "../../services/adjudication/alert_fixture.h"
#include "../officer_station.h"
#include "app/enrollment/encounter_step.h"
#include "app/enrollment/encounter_workflow.h"
#include "app/screening/screening_settings.h"
#include "app/services/auth_service.h"
#include "app/services/demo_station.h"
#include "ui/admin/audit_log_page.h"
#include "ui/admin/service_executor.h"
#include "ui/officer/demo_panel.h"
#include "ui/role_workspace.h"
#include "ui/station_window.h"
#include "ui/supervisor/alert_queue_page.h"
#include "ui/supervisor/alert_view.h"
#include "ui/supervisor/supervisor_workspace.h"

#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace umbral;

namespace {
// Lets pending layout and paint requests run before a picture is taken.
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
        // The long evidence column (ten fingerprint pairs) as JPEG: a tenth of the PNG's bytes,
        // text still sharp at quality 92.
        if (name.endsWith(QLatin1String("-evidence")))
            QVERIFY(image.save(dir + "/" + name + ".jpg", "JPG", 92));
        else
            QVERIFY(image.save(dir + "/" + name + ".png"));
    }
}
} // namespace

class TestSupervisorWorkflow : public QObject {
    Q_OBJECT

    testing::TempStation station_;
    // The workspaces' service thread has a connection of its own, as in app/main.cpp: the test
    // writes and reads through station_.store on this thread while a call may be running
    // (connections are opened without SQLite's mutex).
    std::unique_ptr<storage::StationStore> serviceStore_;
    std::unique_ptr<services::AuthService> auth_;
    std::unique_ptr<ui::ServiceExecutor> executor_;
    ui::WorkspaceServices services_;
    WatchlistEntry listed_;
    qint64 redAlert_ = 0;

    storage::StationStore& store() { return *station_.store; }
    Actor actorFor(const QString& name) {
        const auto u = store().users().findByName(name);
        return Actor{u->id, u->name, u->role};
    }

    std::unique_ptr<ui::StationWindow>
    makeWindow(const services::AdjudicationSettings& settings = {}) {
        services_.adjudication = settings;
        auto w = std::make_unique<ui::StationWindow>(
            [this](const QString& n, const QString& p) { return auth_->login(n, p); }, "LANE-TEST",
            true);
        w->setContentFactory([this](const Actor& a, ui::StationWindow&, bool) -> QWidget* {
            return a.role == Role::Supervisor ? new ui::SupervisorWorkspace(a, services_) : nullptr;
        });
        w->resize(1500, 980);
        w->show();
        // A real X server (xvfb-run, QT_QPA_PLATFORM=xcb) without a window manager gives no
        // focus by itself, and the Alt+letter shortcuts need an active window.
        w->activateWindow();
        (void)QTest::qWaitForWindowActive(w.get());
        return w;
    }
    static ui::SupervisorWorkspace* signIn(ui::StationWindow& w, const QString& user,
                                           const QString& password) {
        auto* name = w.findChild<QLineEdit*>("userName");
        auto* pw = w.findChild<QLineEdit*>("password");
        name->clear();
        QTest::keyClicks(name, user);
        QTest::keyClicks(pw, password);
        QTest::keyClick(pw, Qt::Key_Return);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(w.workspace() != nullptr, 15000); }();
        return w.workspace() ? qobject_cast<ui::SupervisorWorkspace*>(w.workspace()->content())
                             : nullptr;
    }
    static void waitForQueue(ui::SupervisorWorkspace* ws) {
        QTRY_VERIFY_WITH_TIMEOUT(
            !ws->queuePage()->isLoading() && ws->queuePage()->model()->totalCount() > 0, 15000);
    }

private slots:
    void initTestCase() {
        station_.open();
        services::ensureDemoUsers(store());
        auth_ = std::make_unique<services::AuthService>(store(), services::StationSettings{});
        executor_ = std::make_unique<ui::ServiceExecutor>();
        serviceStore_ = std::make_unique<storage::StationStore>(
            station_.paths, storage::StationStore::Open::ExistingOnly,
            storage::StationStore::Schema::RequireCurrent);
        services_.store = serviceStore_.get();
        services_.executor = executor_.get();
        services_.lane = "LANE-TEST";
        // The listed person, imported in a signed package; the traveler who is that person,
        // enrolled by an officer and screened: the screening raises the red alert.
        listed_ = testing::listedPerson(777, QStringLiteral("DEMO-0777"));
        QCOMPARE(testing::importListed(store(), QStringLiteral("DEMO"), 1, {listed_}).entriesInList,
                 1);
        const auto alerts = testing::enrollAndScreen(store(), actorFor("officer"), 777);
        QCOMPARE(alerts.size(), std::size_t(1));
        redAlert_ = alerts.front();
        QCOMPARE(store().alerts().load(redAlert_)->band, Band::Red);
        // Some history in the queue: a yellow alert from another lane, already dismissed.
        const qint64 old =
            testing::enrollAndAlert(store(), actorFor("officer2"), 778, QStringLiteral("DEMO"),
                                    listed_, Band::Yellow, nullptr, QStringLiteral("LANE-02"));
        services::AdjudicationService(store(), {})
            .decide(actorFor("supervisor2"), old, storage::AlertDecision::Dismiss,
                    QStringLiteral("different person: face and prints differ"));
    }

    // The whole story on a demo station: the officer enrolls the demo watchlisted traveler on
    // the simulated devices (officer's workspace, keyboard), the screening raises the red alert;
    // the supervisor opens it, sees the evidence, dismisses it with a reason and finds the
    // decision in the audit log.
    void demoWatchlistedTravelerFromLaneToAuditLog() {
        testing::OfficerStation s(true, 2); // demo watchlist of two listed simulated travelers
        ui::WorkspaceServices services;
        auto serviceStore = std::make_unique<storage::StationStore>(
            s.station.paths, storage::StationStore::Open::ExistingOnly,
            storage::StationStore::Schema::RequireCurrent);
        // The executor finishes with this store before it closes, even if a check fails.
        const auto idle = qScopeGuard([this] { executor_->waitForIdle(); });
        services.store = serviceStore.get();
        services.executor = executor_.get();
        services.devices = s.devices.get();
        services.screening = screening::ScreeningSettings::load(s.station.paths.settingsFile());
        services.lane = s.environment.lane;
        // The window makes each role's workspace, as app/main.cpp does.
        s.window->setContentFactory(
            [&s, &services](const Actor& a, ui::StationWindow& w, bool) -> QWidget* {
                if (a.role == Role::Supervisor)
                    return new ui::SupervisorWorkspace(a, services);
                if (a.role != Role::Officer)
                    return nullptr;
                auto* workspace = new ui::OfficerWorkspace(a, s.environment);
                QObject::connect(&w, &ui::StationWindow::lockedChanged, workspace,
                                 &ui::OfficerWorkspace::setPaused);
                ui::RoleWorkspace* host = w.workspace();
                QObject::connect(workspace, &ui::OfficerWorkspace::fullScreenChanged, host,
                                 [host](bool full) { host->setHeaderVisible(!full); });
                return workspace;
            });
        s.window->resize(1500, 980);

        // 1. The officer: the listed demo traveler at the lane, passport, fingers, irises, submit.
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        ui::OfficerWorkspace* o = s.officer();
        o->demoPanel()->present(QStringLiteral("listed-1"));
        o->demoPanel()->findChild<QPushButton*>("demoScanPassport")->click();
        QTRY_VERIFY(o->workflow()->document().isComplete());
        QTest::keyClick(o, Qt::Key_PageDown);
        QTRY_VERIFY_WITH_TIMEOUT(o->workflow()->fingerprintsComplete(), 240000);
        QTest::keyClick(o, Qt::Key_PageDown);
        QTRY_VERIFY_WITH_TIMEOUT(o->workflow()->irisesComplete(), 120000);
        QTest::keyClick(o, Qt::Key_PageDown);
        QTRY_COMPARE(o->workflow()->step(), enrollment::EncounterStep::Review);
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QTRY_COMPARE_WITH_TIMEOUT(o->workflow()->step(), enrollment::EncounterStep::Result, 60000);
        QCOMPARE(o->workflow()->result()->screening.band, Band::Red);
        const qint64 alertId = o->workflow()->result()->screening.alertId;
        const QString encounterId = o->workflow()->encounterId();
        QVERIFY(alertId > 0);
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::Key_Return)); // acknowledged
        QTRY_VERIFY(!o->workflow()->needsAcknowledgement());
        s.writer->flush();
        QTest::keySequence(s.window.get(),
                           QKeySequence(Qt::CTRL | Qt::Key_N)); // next traveler: leaves full screen
        QTRY_VERIFY(s.window->findChild<QPushButton*>("signOut") &&
                    s.window->findChild<QPushButton*>("signOut")->isVisible());
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::Key_L)); // sign out
        QTRY_VERIFY(s.window->workspace() == nullptr);

        // 2. The supervisor.
        s.signIn(QStringLiteral("supervisor"), QStringLiteral("supervisor-demo"));
        QTRY_VERIFY_WITH_TIMEOUT(s.window->workspace() && s.window->workspace()->content(), 15000);
        auto* ws = qobject_cast<ui::SupervisorWorkspace*>(s.window->workspace()->content());
        QVERIFY(ws);
        waitForQueue(ws);
        ui::AlertQueuePage* queue = ws->queuePage();
        QVERIFY(queue->selectAlert(alertId));
        QCOMPARE(queue->visibleAlert(queue->model()->visibleRowOf(alertId)).band, Band::Red);
        QCOMPARE(queue->visibleAlert(queue->model()->visibleRowOf(alertId)).encounterId,
                 encounterId);
        QCOMPARE(queue->visibleAlert(queue->model()->visibleRowOf(alertId)).officerName,
                 QStringLiteral("officer"));
        saveScreenshot(s.window.get(), "supervisor-alert-queue-demo");
        QTest::keyClick(queue->table(), Qt::Key_Return);
        ui::AlertView* view = ws->alertView();
        QTRY_VERIFY_WITH_TIMEOUT(view->caseShown(), 15000);
        QVERIFY(view->headerText().contains(QStringLiteral("RED ALERT #%1").arg(alertId)));
        QVERIFY(view->eligibilityText().contains("You may decide"));
        // The evidence: the traveler's captures against the listed person's samples.
        QTRY_VERIFY_WITH_TIMEOUT(view->evidenceShown(), 120000);
        const auto& ev = view->evidence();
        QVERIFY(!ev.fingers.empty());
        int matching = 0;
        for (const auto& f : ev.fingers) {
            QVERIFY2(f.problem.isEmpty(), qPrintable(f.problem));
            matching += f.score >= 60.0 && !f.pairs.empty() ? 1 : 0;
        }
        QVERIFY2(matching >= 1, "no finger of the listed traveler matches its listed print");
        QCOMPARE(ev.irises.size(), std::size_t(2));
        for (const auto& i : ev.irises)
            QVERIFY2(i.problem.isEmpty() && i.distance <= i.threshold, qPrintable(i.problem));
        QCOMPARE(view->biographicRows(), 5);
        QVERIFY(view->biographicCell(0, 3).startsWith("100 %"));
        saveScreenshot(s.window.get(), "supervisor-alert");
        saveScreenshot(view->evidenceContent(), "supervisor-alert-evidence");

        // Dismiss with a reason, from the keyboard.
        auto* reason = view->findChild<QPlainTextEdit*>("decisionReason");
        reason->setFocus();
        const QString words =
            QStringLiteral("Demo exercise: prints and irises match the listed person, but the "
                           "warrant was withdrawn on 2026-11-20 (checked by phone).");
        QTest::keyClicks(reason, words);
        QTest::keyClick(view, Qt::Key_D, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(view->outcomeText().contains("the alert is now dismissed"), 15000);
        QCOMPARE(s.station.store->alerts().load(alertId)->state, AlertState::Dismissed);
        QCOMPARE(s.station.store->alerts().load(alertId)->decidedBy, QStringLiteral("supervisor"));

        // The decision in the audit log, with its reason.
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::Key_2));
        ui::AuditLogPage* audit = ws->auditPage();
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isLoading() && audit->visibleRows() > 0, 15000);
        audit->setFilterText("alert.");
        int row = -1;
        for (int i = 0; i < audit->visibleRows(); ++i) {
            const auto r = audit->visibleRecord(i);
            if (r.action == "alert.dismiss" && r.actor == "supervisor" &&
                r.subject == QString::number(alertId))
                row = i;
        }
        QVERIFY2(row >= 0, "the decision is not in the audit log");
        QVERIFY(!audit->visibleRecord(row).detail.contains("withdrawn"));
        audit->selectVisibleRow(row);
        QTRY_VERIFY_WITH_TIMEOUT(audit->detailText().contains(words), 15000);
        saveScreenshot(s.window.get(), "supervisor-audit-log");
        // Who raised it and who looked at it are there too.
        QStringList story;
        for (const auto& r : s.station.store->audit().list())
            if (r.subject == QString::number(alertId))
                story << r.action + " " + r.actor;
        QVERIFY2(story.contains("alert.open officer"), qPrintable(story.join(", ")));
        QVERIFY(story.contains("alert.view supervisor"));
        QVERIFY(story.contains("alert.dismiss supervisor"));
        QVERIFY(story.contains("alert.decision.read supervisor"));
        QVERIFY(s.station.store->audit().verify().ok);
        executor_->waitForIdle();
    }

    void redAlertIsDismissedWithAReasonAndAudited() {
        auto w = makeWindow();
        ui::SupervisorWorkspace* ws = signIn(*w, "supervisor", "supervisor-demo");
        QVERIFY(ws);
        waitForQueue(ws);
        ui::AlertQueuePage* queue = ws->queuePage();
        // The queue shows what needs a decision: the red alert, counted as such.
        QCOMPARE(queue->visibleAlerts(), 1);
        QCOMPARE(queue->visibleAlert(0).id, redAlert_);
        QCOMPARE(queue->visibleAlert(0).band, Band::Red);
        QVERIFY(queue->countsText().contains("Needs a decision: 1</b> (RED 1, YELLOW 0)"));
        QVERIFY(queue->countsText().contains("dismissed: 1"));
        // Every state: both alerts.
        ui::AlertQueueCriteria all;
        all.state = ui::StateFilter::Any;
        queue->setCriteria(all);
        QCOMPARE(queue->visibleAlerts(), 2);
        queue->setCriteria(ui::AlertQueueCriteria{});

        // Open it from the keyboard.
        QVERIFY(queue->selectAlert(redAlert_));
        QTest::keyClick(queue->table(), Qt::Key_Return);
        QVERIFY(ws->isShowingAlert());
        ui::AlertView* view = ws->alertView();
        QTRY_VERIFY_WITH_TIMEOUT(view->caseShown(), 15000);
        QVERIFY(view->headerText().contains("RED ALERT #" + QString::number(redAlert_)));
        QVERIFY(view->headerText().contains("KST"));
        QVERIFY(view->eligibilityText().contains("You may decide"));
        // Opening it was audited.
        QCOMPARE(store().audit().list().back().action, QStringLiteral("alert.view"));
        QCOMPARE(store().audit().list().back().actor, QStringLiteral("supervisor"));

        // The evidence, computed from the images.
        QTRY_VERIFY_WITH_TIMEOUT(view->evidenceShown(), 60000);
        const auto& ev = view->evidence();
        QCOMPARE(ev.fingers.size(), testing::fixtureFingers().size());
        for (const auto& f : ev.fingers) {
            QVERIFY2(f.problem.isEmpty(), qPrintable(f.problem));
            QVERIFY(f.score >= 60.0);
            QVERIFY(!f.pairs.empty());
        }
        QCOMPARE(view->fingerImages().size(), ev.fingers.size());
        QCOMPARE(ev.irises.size(), std::size_t(2));
        for (const auto& i : ev.irises)
            QVERIFY(i.problem.isEmpty() && i.distance <= i.threshold);
        QCOMPARE(view->irisImages().size(), std::size_t(2));
        QCOMPARE(view->biographicRows(), 5);
        QCOMPARE(view->biographicCell(0, 0), QStringLiteral("Name"));
        QCOMPARE(view->biographicCell(0, 1), QStringLiteral("GARCIA, MARIA JOSE"));
        QVERIFY(view->biographicCell(1, 3).contains("day and month swapped"));
        saveScreenshot(w.get(), "supervisor-alert-fixture");

        // No reason, no decision.
        QVERIFY(!view->canDecide(storage::AlertDecision::Dismiss));
        auto* reason = view->findChild<QPlainTextEdit*>("decisionReason");
        reason->setFocus();
        QTest::keyClicks(reason, "Checked");
        QVERIFY(!view->canDecide(storage::AlertDecision::Dismiss));
        QTest::keyClicks(reason,
                         ": prints match, but the listed person has been in custody since 2024");
        QVERIFY(view->canDecide(storage::AlertDecision::Dismiss));
        const QString reasonText = reason->toPlainText();
        // Dismiss from the keyboard (Alt+D).
        QTest::keyClick(view, Qt::Key_D, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(view->outcomeText().contains("the alert is now dismissed"), 15000);
        QCOMPARE(store().alerts().load(redAlert_)->state, AlertState::Dismissed);
        QTRY_VERIFY_WITH_TIMEOUT(view->historyText().contains("supervisor dismissed"), 15000);
        saveScreenshot(w.get(), "supervisor-alert-decided");

        // Back to the queue (Esc): nothing needs a decision any more.
        QTest::keyClick(view, Qt::Key_Escape);
        QVERIFY(!ws->isShowingAlert());
        QTRY_VERIFY_WITH_TIMEOUT(!queue->isLoading() && queue->visibleAlerts() == 0, 15000);
        QVERIFY(queue->countsText().contains("Needs a decision: 0"));

        // The decision in the audit log (Ctrl+2), with its reason.
        QTest::keySequence(w.get(), QKeySequence(Qt::CTRL | Qt::Key_2));
        QCOMPARE(ws->tabs()->currentIndex(), 1);
        ui::AuditLogPage* audit = ws->auditPage();
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isLoading() && audit->visibleRows() > 0, 15000);
        audit->setFilterText("alert.dismiss");
        int row = -1;
        for (int i = 0; i < audit->visibleRows(); ++i) {
            const auto r = audit->visibleRecord(i);
            if (r.actor == "supervisor" && r.subject == QString::number(redAlert_))
                row = i;
        }
        QVERIFY2(row >= 0, "the decision is not in the audit log");
        QVERIFY(!audit->visibleRecord(row).detail.contains("custody")); // the reason is sealed...
        QSignalSpy shown(audit, &ui::AuditLogPage::detailShown);
        audit->selectVisibleRow(row);
        QTRY_VERIFY_WITH_TIMEOUT(audit->detailText().contains(reasonText),
                                 15000); // ...and opens for the reader
        QVERIFY(audit->detailText().contains("Reason given by supervisor"));
        QVERIFY(store().audit().verify().ok);
    }

    void enrollingSupervisorIsRefused() {
        // The supervisor enrolled this traveler on a short-handed lane.
        const auto alerts = testing::enrollAndScreen(store(), actorFor("supervisor"), 777);
        QCOMPARE(alerts.size(), std::size_t(1));
        const qint64 own = alerts.front();
        auto w = makeWindow();
        ui::SupervisorWorkspace* ws = signIn(*w, "supervisor", "supervisor-demo");
        QVERIFY(ws);
        waitForQueue(ws);
        ws->openAlert(own);
        ui::AlertView* view = ws->alertView();
        QTRY_VERIFY_WITH_TIMEOUT(view->caseShown(), 15000);
        QVERIFY(view->eligibilityText().contains(
            "You cannot decide on this alert: you enrolled this encounter"));
        view->setReason("I know this traveler personally: not the listed person");
        for (auto d : {storage::AlertDecision::Confirm, storage::AlertDecision::Dismiss,
                       storage::AlertDecision::Escalate})
            QVERIFY(!view->canDecide(d));
        QTest::keyClick(view, Qt::Key_D, Qt::AltModifier); // the shortcut does nothing either
        QCOMPARE(store().alerts().load(own)->state, AlertState::Open);
        // Even if the screen let it through, the service refuses, and the attempt is audited.
        QSignalSpy refused(view, &ui::AlertView::decisionRefused);
        view->decide(storage::AlertDecision::Dismiss);
        QVERIFY(refused.wait(15000));
        QVERIFY(view->outcomeText().contains("Refused: you enrolled this encounter"));
        QCOMPARE(store().alerts().load(own)->state, AlertState::Open);
        QCOMPARE(store().audit().list().back().action, QStringLiteral("alert.refused"));
        QCOMPARE(store().audit().list().back().actor, QStringLiteral("supervisor"));
        QTRY_VERIFY_WITH_TIMEOUT(view->evidenceShown(), 60000);
        saveScreenshot(w.get(), "supervisor-alert-own-encounter");
    }

    void redAlertNeedsASecondSupervisorWhenConfigured() {
        services::AdjudicationSettings rule;
        rule.redRequiresSecondSupervisor = true;
        const auto alerts = testing::enrollAndScreen(store(), actorFor("officer"), 777);
        QCOMPARE(alerts.size(), std::size_t(1));
        const qint64 id = alerts.front();
        {
            auto w = makeWindow(rule);
            ui::SupervisorWorkspace* ws = signIn(*w, "supervisor", "supervisor-demo");
            waitForQueue(ws);
            ws->openAlert(id);
            ui::AlertView* view = ws->alertView();
            QTRY_VERIFY_WITH_TIMEOUT(view->caseShown(), 15000);
            QVERIFY(view->eligibilityText().contains("needs two supervisors"));
            view->setReason("All four fingers and both irises match: same person");
            QSignalSpy decided(view, &ui::AlertView::decided);
            QTest::keyClick(view, Qt::Key_C, Qt::AltModifier); // confirm
            QVERIFY(decided.wait(15000));
            QCOMPARE(decided.front().at(2).toBool(), true); // awaiting the second supervisor
            QTRY_VERIFY_WITH_TIMEOUT(
                view->eligibilityText().contains("a second supervisor must decide"), 15000);
            QCOMPARE(store().alerts().load(id)->state, AlertState::Open);
            QTest::keySequence(w.get(), QKeySequence(Qt::CTRL | Qt::Key_L)); // sign out
        }
        auto w = makeWindow(rule);
        ui::SupervisorWorkspace* ws = signIn(*w, "supervisor2", "supervisor2-demo");
        waitForQueue(ws);
        ui::AlertQueueCriteria awaiting;
        awaiting.state = ui::StateFilter::AwaitingSecond;
        ws->queuePage()->setCriteria(awaiting);
        QCOMPARE(ws->queuePage()->visibleAlerts(), 1);
        const ui::AlertQueueModel* model = ws->queuePage()->model();
        QVERIFY(model
                    ->data(model->index(model->visibleRowOf(id), ui::AlertQueueModel::State),
                           Qt::DisplayRole)
                    .toString()
                    .contains("awaiting 2nd supervisor (supervisor proposed confirm)"));
        ws->openAlert(id);
        ui::AlertView* view = ws->alertView();
        QTRY_VERIFY_WITH_TIMEOUT(view->caseShown(), 15000);
        QVERIFY(view->eligibilityText().contains("First decision, by supervisor: confirm"));
        QTRY_VERIFY_WITH_TIMEOUT(view->evidenceShown(), 60000);
        saveScreenshot(w.get(), "supervisor-alert-second-supervisor");
        view->setReason("Checked the prints and irises again: same person");
        QSignalSpy decided(view, &ui::AlertView::decided);
        QTest::keyClick(view, Qt::Key_C, Qt::AltModifier);
        QVERIFY(decided.wait(15000));
        QCOMPARE(store().alerts().load(id)->state, AlertState::Confirmed);
        QCOMPARE(store().alerts().load(id)->decidedBy, QStringLiteral("supervisor, supervisor2"));
    }

    void busyQueueFilters() {
        // A checkpoint's week: sixty more alerts on four lanes, most of the older ones decided.
        testing::addBackgroundAlerts(store(), actorFor("officer2"), actorFor("supervisor2"), 60, 9);
        auto w = makeWindow();
        ui::SupervisorWorkspace* ws = signIn(*w, "supervisor", "supervisor-demo");
        waitForQueue(ws);
        ui::AlertQueuePage* queue = ws->queuePage();
        const ui::AlertQueueModel* model = queue->model();
        QVERIFY(model->totalCount() >= 60);
        // Every filter agrees with the alerts it lets through, and the default shows exactly
        // what needs a decision.
        auto check = [&](const ui::AlertQueueCriteria& c,
                         const std::function<bool(const storage::AlertSummary&)>& want) {
            queue->setCriteria(c);
            int expected = 0;
            for (const auto& a : model->alerts())
                expected += want(a) ? 1 : 0;
            QCOMPARE(queue->visibleAlerts(), expected);
            for (int i = 0; i < queue->visibleAlerts(); ++i)
                QVERIFY(want(queue->visibleAlert(i)));
        };
        auto needs = [](const storage::AlertSummary& a) {
            return a.state == AlertState::Open || a.state == AlertState::Escalated;
        };
        ui::AlertQueueCriteria c;
        check(c, needs);
        QCOMPARE(queue->visibleAlerts(), model->counts().needsDecision);
        c.band = Band::Red;
        check(c, [&](const auto& a) { return needs(a) && a.band == Band::Red; });
        QCOMPARE(queue->visibleAlerts(), model->counts().redNeedsDecision);
        c = {};
        c.state = ui::StateFilter::Dismissed;
        c.lane = "LANE-02";
        check(c, [](const auto& a) {
            return a.state == AlertState::Dismissed && a.lane == "LANE-02";
        });
        c = {};
        c.state = ui::StateFilter::Any;
        c.category = WatchlistCategory::CriminalWarrant;
        c.age = ui::AgeWindow::OlderThanDay;
        const qint64 now = model->nowMs();
        check(c, [&](const auto& a) {
            return a.category == WatchlistCategory::CriminalWarrant &&
                   now - a.createdAt.toMSecsSinceEpoch() > 86400000;
        });
        // The queue as a supervisor first sees it.
        queue->setCriteria(ui::AlertQueueCriteria{});
        queue->table()->setFocus();
        queue->table()->selectRow(0);
        saveScreenshot(w.get(), "supervisor-alert-queue");
    }

    void cleanupTestCase() {
        executor_->waitForIdle();
        QVERIFY(store().audit().verify().ok);
    }
};

QTEST_MAIN(TestSupervisorWorkflow)
#include "tst_supervisor_workflow.moc"
