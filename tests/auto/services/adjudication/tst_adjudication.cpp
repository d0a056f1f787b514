// Adjudication and the four-eyes rules, in the service layer: who may look, who may decide, what
// a decision needs (a reason), what it writes (state, sealed reason, decision history, audit row
// in one transaction) and what a refusal leaves (nothing but its audit row).
#include "../../common/temp_station.h"
#include "alert_fixture.h"
#include "app/core/errors.h"
#include "app/enrollment/enrollment_service.h"
#include "app/enrollment/synthetic_encounter.h"
#include "app/services/adjudication_service.h"
#include "app/services/demo_station.h"
#include "storage/alert_decision_repository.h"

#include <QFile>
#include <QtTest>

using namespace umbral;
using namespace umbral::services;
using storage::AlertDecision;

class TestAdjudication : public QObject {
    Q_OBJECT

    testing::TempStation station_;
    Actor officer_, supervisor_, supervisor2_, admin_;
    WatchlistEntry listed_;
    int seed_ = 100;

    Actor actorFor(const QString& name) {
        const auto u = station_.store->users().findByName(name);
        return Actor{u->id, u->name, u->role};
    }
    storage::StationStore& store() { return *station_.store; }

    /// A new encounter enrolled by `enroller` with one alert of `band`. Fast: the synthetic
    /// encounter's images are not matchable, and these tests do not look at evidence.
    qint64 newAlert(const Actor& enroller, Band band = Band::Yellow) {
        ++seed_;
        Encounter e = enrollment::makeSyntheticEncounter(std::uint64_t(seed_),
                                                         QStringLiteral("LANE-0%1").arg(seed_ % 3));
        enrollment::EnrollmentService(store()).submit(enroller, e);
        return testing::raiseAlert(store(), e.id, QStringLiteral("KST"), listed_, band, 0.9);
    }
    AlertState stateOf(qint64 alertId) { return store().alerts().load(alertId)->state; }
    storage::AuditRecord lastAudit() { return store().audit().list().back(); }

    static ErrorCode codeOf(const std::function<void()>& f) {
        try {
            f();
        } catch (const Error& e) {
            return e.code();
        }
        return ErrorCode::Internal; // "did not throw"
    }

private slots:
    void initTestCase() {
        station_.open();
        ensureDemoUsers(store());
        officer_ = actorFor("officer");
        supervisor_ = actorFor("supervisor");
        supervisor2_ = actorFor("supervisor2");
        admin_ = actorFor("admin");
        listed_.id = QStringLiteral("KST-0042");
        listed_.category = WatchlistCategory::KnownOrSuspectedTerrorist;
        listed_.severity = 4;
        listed_.names = {QStringLiteral("DOE, JOHN")};
        testing::putOnWatchlist(store(), QStringLiteral("KST"), listed_);
    }

    void decisionChangesStateAndIsAudited_data() {
        QTest::addColumn<int>("decision");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("action");
        QTest::newRow("confirm") << int(AlertDecision::Confirm) << int(AlertState::Confirmed)
                                 << "alert.confirm";
        QTest::newRow("dismiss") << int(AlertDecision::Dismiss) << int(AlertState::Dismissed)
                                 << "alert.dismiss";
        QTest::newRow("escalate") << int(AlertDecision::Escalate) << int(AlertState::Escalated)
                                  << "alert.escalate";
    }
    void decisionChangesStateAndIsAudited() {
        QFETCH(int, decision);
        QFETCH(int, state);
        QFETCH(QString, action);
        const qint64 id = newAlert(officer_, Band::Red);
        AdjudicationService svc(store(), AdjudicationSettings{});
        const QString reason =
            QStringLiteral("Fingerprints of GARCIA differ in core pattern; photo checked");
        const DecisionOutcome out = svc.decide(supervisor_, id, AlertDecision(decision), reason);
        QCOMPARE(int(out.state), state);
        QVERIFY(!out.awaitingSecond);
        const Alert a = *store().alerts().load(id);
        QCOMPARE(int(a.state), state);
        QCOMPARE(a.decidedBy, supervisor_.name);
        QCOMPARE(a.decisionReason, reason);
        // The history holds the decision with its reason (sealed at rest, opened on load).
        const auto history = svc.history(supervisor_, id);
        QCOMPARE(history.size(), std::size_t(1));
        QCOMPARE(int(history[0].decision), decision);
        QCOMPARE(history[0].reason, reason);
        QCOMPARE(history[0].actor, supervisor_.name);
        // The audit row names who, what and which decision, and holds a keyed hash of the
        // reason, never the reason (it may quote a traveler's name).
        const auto row = lastAudit();
        QCOMPARE(row.seq, out.auditSeq);
        QCOMPARE(row.actor, supervisor_.name);
        QCOMPARE(row.action, action);
        QCOMPARE(row.subject, QString::number(id));
        QCOMPARE(AdjudicationService::decisionIdFromAuditDetail(row.detail), out.record.id);
        QVERIFY(!row.detail.contains("GARCIA"));
        QVERIFY(row.detail.contains(
            QString::fromLatin1(store().keys().auditHash(reason.toUtf8()).left(8).toHex())));
        QVERIFY(store().audit().verify().ok);
    }

    void reasonIsMandatory_data() {
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << "";
        QTest::newRow("blanks") << "     \n\t  ";
        QTest::newRow("too short") << "ok fine";
        QTest::newRow("short once trimmed") << "   looks ok    ";
    }
    void reasonIsMandatory() {
        QFETCH(QString, reason);
        const qint64 id = newAlert(officer_);
        AdjudicationService svc(store(), AdjudicationSettings{});
        const qint64 auditBefore = lastAudit().seq;
        QCOMPARE(codeOf([&] { svc.decide(supervisor_, id, AlertDecision::Dismiss, reason); }),
                 ErrorCode::InvalidInput);
        QCOMPARE(stateOf(id), AlertState::Open);
        QVERIFY(svc.history(supervisor_, id).empty());
        QCOMPARE(lastAudit().seq, auditBefore);
    }

    void roleChecks_data() {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("allowed");
        for (const char* call : {"queue", "open", "decide", "history"}) {
            QTest::newRow(qPrintable(QString("%1 officer").arg(call)))
                << call << "officer2" << false;
            QTest::newRow(qPrintable(QString("%1 administrator").arg(call)))
                << call << "admin" << false;
            QTest::newRow(qPrintable(QString("%1 supervisor").arg(call)))
                << call << "supervisor" << true;
        }
        QTest::newRow("decision reason officer") << "reason"
                                                 << "officer2" << false;
        QTest::newRow("decision reason supervisor") << "reason"
                                                    << "supervisor" << true;
        QTest::newRow("decision reason administrator") << "reason"
                                                       << "admin" << true;
    }
    void roleChecks() {
        QFETCH(QString, call);
        QFETCH(QString, user);
        QFETCH(bool, allowed);
        const qint64 id = newAlert(officer_);
        AdjudicationService svc(store(), AdjudicationSettings{});
        const auto decided = svc.decide(supervisor2_, newAlert(officer_), AlertDecision::Escalate,
                                        QStringLiteral("needs the duty chief's view"));
        const Actor actor = actorFor(user);
        const qint64 auditBefore = lastAudit().seq;
        std::function<void()> f;
        if (call == "queue")
            f = [&] { QVERIFY(!svc.queue(actor).empty()); };
        else if (call == "open")
            f = [&] { QCOMPARE(svc.open(actor, id).alert.id, id); };
        else if (call == "decide")
            f = [&] {
                svc.decide(actor, id, AlertDecision::Dismiss,
                           QStringLiteral("different person, checked"));
            };
        else if (call == "history")
            f = [&] { svc.history(actor, id); };
        else if (call == "reason")
            f = [&] {
                QCOMPARE(svc.decisionRecord(actor, decided.record.id).reason,
                         QStringLiteral("needs the duty chief's view"));
            };
        try {
            f();
            QVERIFY2(allowed, "the call should have been refused");
        } catch (const Error& e) {
            QVERIFY2(!allowed, e.what());
            QCOMPARE(e.code(), ErrorCode::PermissionDenied);
            QVERIFY(e.message().contains(user));
            // A role refusal writes nothing: no decision, no audit row, the alert as it was.
            QCOMPARE(stateOf(id), AlertState::Open);
            QCOMPARE(lastAudit().seq, auditBefore);
        }
    }

    void viewIsAudited() {
        const qint64 id = newAlert(officer_, Band::Red);
        AdjudicationService svc(store(), AdjudicationSettings{});
        const AlertCase c = svc.open(supervisor_, id);
        QCOMPARE(c.alert.id, id);
        QCOMPARE(c.encounter.id, c.alert.encounterId);
        QVERIFY(c.listed.has_value());
        QCOMPARE(c.listed->entry.id, listed_.id);
        QVERIFY(c.eligibility.allowed);
        const auto row = lastAudit();
        QCOMPARE(row.action, QStringLiteral("alert.view"));
        QCOMPARE(row.actor, supervisor_.name);
        QCOMPARE(row.subject, QString::number(id));
    }

    void enrollerMayNotDecide() {
        // Supervisors enroll when a lane is short-handed; they never decide on what they enrolled.
        const qint64 id = newAlert(supervisor_, Band::Red);
        AdjudicationService svc(store(), AdjudicationSettings{});
        const AlertCase c = svc.open(supervisor_, id); // looking is allowed
        QVERIFY(!c.eligibility.allowed);
        QVERIFY(c.eligibility.whyNot.contains("you enrolled this encounter"));
        for (AlertDecision d :
             {AlertDecision::Confirm, AlertDecision::Dismiss, AlertDecision::Escalate}) {
            QCOMPARE(codeOf([&] {
                         svc.decide(supervisor_, id, d,
                                    QStringLiteral("this is clearly not the listed man"));
                     }),
                     ErrorCode::PermissionDenied);
            // The attempt is audited; the alert and its history are unchanged.
            const auto row = lastAudit();
            QCOMPARE(row.action, QStringLiteral("alert.refused"));
            QCOMPARE(row.actor, supervisor_.name);
            QVERIFY(row.detail.contains("enrolled"));
        }
        QCOMPARE(stateOf(id), AlertState::Open);
        QVERIFY(svc.history(supervisor_, id).empty());
        // Another supervisor may.
        QCOMPARE(svc.decide(supervisor2_, id, AlertDecision::Dismiss,
                            QStringLiteral("different person, checked"))
                     .state,
                 AlertState::Dismissed);
    }

    void enrollerFromTheCommandLineIsRecognisedByName() {
        // umbralctl enrolls with user id 0 and the user's name.
        Encounter e = enrollment::makeSyntheticEncounter(7777, QStringLiteral("LANE-CLI"));
        enrollment::EnrollmentService(store()).submit(Actor{0, supervisor_.name, Role::Supervisor},
                                                      e);
        const qint64 id =
            testing::raiseAlert(store(), e.id, QStringLiteral("KST"), listed_, Band::Yellow, 0.8);
        AdjudicationService svc(store(), AdjudicationSettings{});
        QCOMPARE(codeOf([&] {
                     svc.decide(supervisor_, id, AlertDecision::Confirm,
                                QStringLiteral("looks like him to me"));
                 }),
                 ErrorCode::PermissionDenied);
    }

    void finalDecisionsAreFinal() {
        const qint64 id = newAlert(officer_);
        AdjudicationService svc(store(), AdjudicationSettings{});
        svc.decide(supervisor_, id, AlertDecision::Confirm,
                   QStringLiteral("same person: ten fingers agree"));
        for (const Actor& a : {supervisor_, supervisor2_})
            QCOMPARE(codeOf([&] {
                         svc.decide(a, id, AlertDecision::Dismiss,
                                    QStringLiteral("changed my mind about it"));
                     }),
                     ErrorCode::Conflict);
        QCOMPARE(stateOf(id), AlertState::Confirmed);
        QCOMPARE(svc.history(supervisor_, id).size(), std::size_t(1));
    }

    void escalatedAlertIsDecidedBySomeoneElse() {
        const qint64 id = newAlert(officer_);
        AdjudicationService svc(store(), AdjudicationSettings{});
        QCOMPARE(svc.decide(supervisor_, id, AlertDecision::Escalate,
                            QStringLiteral("need a second opinion"))
                     .state,
                 AlertState::Escalated);
        QCOMPARE(codeOf([&] {
                     svc.decide(supervisor_, id, AlertDecision::Dismiss,
                                QStringLiteral("on reflection, not him"));
                 }),
                 ErrorCode::PermissionDenied);
        QCOMPARE(codeOf([&] {
                     svc.decide(supervisor2_, id, AlertDecision::Escalate,
                                QStringLiteral("escalating once more"));
                 }),
                 ErrorCode::Conflict);
        QCOMPARE(svc.decide(supervisor2_, id, AlertDecision::Dismiss,
                            QStringLiteral("different person, checked"))
                     .state,
                 AlertState::Dismissed);
        const auto history = svc.history(supervisor_, id);
        QCOMPARE(history.size(), std::size_t(2));
        QCOMPARE(history[1].stateBefore, AlertState::Escalated);
    }

    void redNeedsTwoSupervisorsWhenConfigured_data() {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("second");
        QTest::addColumn<int>("finalState");
        QTest::addColumn<QString>("finalAction");
        QTest::newRow("both dismiss") << int(AlertDecision::Dismiss) << int(AlertDecision::Dismiss)
                                      << int(AlertState::Dismissed) << "alert.dismiss";
        QTest::newRow("both confirm") << int(AlertDecision::Confirm) << int(AlertDecision::Confirm)
                                      << int(AlertState::Confirmed) << "alert.confirm";
        QTest::newRow("disagree: escalated")
            << int(AlertDecision::Dismiss) << int(AlertDecision::Confirm)
            << int(AlertState::Escalated) << "alert.escalate";
    }
    void redNeedsTwoSupervisorsWhenConfigured() {
        QFETCH(int, first);
        QFETCH(int, second);
        QFETCH(int, finalState);
        QFETCH(QString, finalAction);
        AdjudicationSettings settings;
        settings.redRequiresSecondSupervisor = true;
        AdjudicationService svc(store(), settings);
        const qint64 id = newAlert(officer_, Band::Red);

        QVERIFY(svc.open(supervisor_, id).eligibility.firstOfTwo);
        const DecisionOutcome one = svc.decide(supervisor_, id, AlertDecision(first),
                                               QStringLiteral("first look: my view"));
        QVERIFY(one.awaitingSecond);
        QCOMPARE(one.state, AlertState::Open);
        QCOMPARE(stateOf(id), AlertState::Open);
        QCOMPARE(lastAudit().action, QStringLiteral("alert.propose"));
        QVERIFY(svc.queue(supervisor_).front().awaitingSecond());

        // The same supervisor cannot be the second.
        const AlertCase mine = svc.open(supervisor_, id);
        QVERIFY(!mine.eligibility.allowed);
        QVERIFY(mine.eligibility.whyNot.contains("second supervisor"));
        QCOMPARE(codeOf([&] {
                     svc.decide(supervisor_, id, AlertDecision(first),
                                QStringLiteral("I insist, really"));
                 }),
                 ErrorCode::PermissionDenied);
        QCOMPARE(stateOf(id), AlertState::Open);

        const AlertCase theirs = svc.open(supervisor2_, id);
        QVERIFY(theirs.eligibility.allowed);
        QVERIFY(theirs.eligibility.pendingProposal.has_value());
        QCOMPARE(theirs.eligibility.pendingProposal->actor, supervisor_.name);
        const DecisionOutcome two = svc.decide(supervisor2_, id, AlertDecision(second),
                                               QStringLiteral("second look: my view"));
        QVERIFY(!two.awaitingSecond);
        QCOMPARE(int(two.state), finalState);
        QCOMPARE(int(stateOf(id)), finalState);
        QCOMPARE(lastAudit().action, finalAction);
        QCOMPARE(lastAudit().actor, supervisor2_.name);
        QVERIFY(!svc.queue(supervisor_).front().awaitingSecond());
        if (finalState != int(AlertState::Escalated))
            QCOMPARE(store().alerts().load(id)->decidedBy,
                     supervisor_.name + ", " + supervisor2_.name);
    }

    void secondSupervisorRuleLeavesYellowAndOffSwitchAlone_data() {
        QTest::addColumn<int>("band");
        QTest::addColumn<bool>("rule");
        QTest::newRow("yellow, rule on") << int(Band::Yellow) << true;
        QTest::newRow("red, rule off") << int(Band::Red) << false;
    }
    void secondSupervisorRuleLeavesYellowAndOffSwitchAlone() {
        QFETCH(int, band);
        QFETCH(bool, rule);
        AdjudicationSettings settings;
        settings.redRequiresSecondSupervisor = rule;
        AdjudicationService svc(store(), settings);
        const qint64 id = newAlert(officer_, Band(band));
        const auto out = svc.decide(supervisor_, id, AlertDecision::Dismiss,
                                    QStringLiteral("different person, checked"));
        QVERIFY(!out.awaitingSecond);
        QCOMPARE(stateOf(id), AlertState::Dismissed);
    }

    void escalationSupersedesAProposal() {
        AdjudicationSettings settings;
        settings.redRequiresSecondSupervisor = true;
        AdjudicationService svc(store(), settings);
        const qint64 id = newAlert(officer_, Band::Red);
        svc.decide(supervisor_, id, AlertDecision::Dismiss, QStringLiteral("first look: not him"));
        QCOMPARE(svc.decide(supervisor2_, id, AlertDecision::Escalate,
                            QStringLiteral("I am not sure: chief should see"))
                     .state,
                 AlertState::Escalated);
        // The escalation is the latest decision: no proposal waits any more, and the rule
        // applies afresh to the escalated alert.
        QVERIFY(!svc.queue(supervisor_).front().awaitingSecond());
        const AlertCase c = svc.open(supervisor_, id);
        QVERIFY(c.eligibility.allowed);
        QVERIFY(c.eligibility.firstOfTwo);
    }

    void decisionHistoryIsAppendOnly() {
        const qint64 id = newAlert(officer_);
        AdjudicationService svc(store(), AdjudicationSettings{});
        svc.decide(supervisor_, id, AlertDecision::Escalate,
                   QStringLiteral("need a second opinion"));
        QCOMPARE(
            codeOf([&] { store().db().exec("UPDATE alert_decisions SET actor = 'someone-else'"); }),
            ErrorCode::Conflict);
        QCOMPARE(codeOf([&] { store().db().exec("DELETE FROM alert_decisions"); }),
                 ErrorCode::Conflict);
        QCOMPARE(svc.history(supervisor_, id).front().actor, supervisor_.name);
    }

    void reasonIsSealedAtRest() {
        const qint64 id = newAlert(officer_);
        AdjudicationService svc(store(), AdjudicationSettings{});
        const QString reason =
            QStringLiteral("Traveler ZYXWVUTSRQ has a different scar; not the listed man");
        svc.decide(supervisor_, id, AlertDecision::Dismiss, reason);
        store().db().exec("PRAGMA wal_checkpoint(FULL)");
        QFile f(station_.paths.databaseFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("ZYXWVUTSRQ"));
    }

    void settingsAreReadAndRefusedWhenWrong_data() {
        QTest::addColumn<QString>("ini");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("red");
        QTest::addColumn<int>("minLength");
        QTest::newRow("defaults") << "" << true << false << 10;
        QTest::newRow("rule on")
            << "[adjudication]\nred_requires_second_supervisor=true\nmin_reason_length=20\n"
            << true << true << 20;
        QTest::newRow("not a boolean") << "[adjudication]\nred_requires_second_supervisor=maybe\n"
                                       << false << false << 0;
        QTest::newRow("length zero") << "[adjudication]\nmin_reason_length=0\n"
                                     << false << false << 0;
        QTest::newRow("length text") << "[adjudication]\nmin_reason_length=ten\n"
                                     << false << false << 0;
    }
    void settingsAreReadAndRefusedWhenWrong() {
        QFETCH(QString, ini);
        QFETCH(bool, valid);
        QFETCH(bool, red);
        QFETCH(int, minLength);
        QTemporaryDir dir;
        const QString file = dir.filePath("umbral.conf");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(ini.toUtf8());
        f.close();
        if (!valid) {
            QCOMPARE(codeOf([&] { AdjudicationSettings::load(file); }), ErrorCode::InvalidInput);
            return;
        }
        const auto s = AdjudicationSettings::load(file);
        QCOMPARE(s.redRequiresSecondSupervisor, red);
        QCOMPARE(s.minReasonLength, minLength);
        s.save(file);
        const auto again = AdjudicationSettings::load(file);
        QCOMPARE(again.redRequiresSecondSupervisor, red);
        QCOMPARE(again.minReasonLength, minLength);
    }

    void cleanupTestCase() { QVERIFY(store().audit().verify().ok); }
};

QTEST_GUILESS_MAIN(TestAdjudication)
#include "tst_adjudication.moc"
