// The outbound queue: written with the encounter in one transaction; pending -> sending ->
// acknowledged; failures retried later or parked as failed; duplicate acknowledgments change
// nothing; rows interrupted in "sending" by a crash go back to pending.
#include "../../common/temp_station.h"
#include "app/core/errors.h"
#include "app/enrollment/enrollment_service.h"
#include "app/enrollment/synthetic_encounter.h"

#include <QtTest>

using namespace umbral;
using namespace umbral::storage;

class TestOutboundQueue : public QObject {
    Q_OBJECT

    static QString submit(StationStore& store, int seed) {
        Encounter e = enrollment::makeSyntheticEncounter(quint64(seed), "LANE-01");
        enrollment::EnrollmentService(store).submit(Actor{0, "cli:test", Role::Officer}, e);
        return e.id;
    }

private slots:
    void submitQueuesInTheSameTransaction() {
        testing::TempStation st;
        StationStore& store = st.open();
        const QString id = submit(store, 1);
        const auto item = store.queue().findByEncounter(id);
        QVERIFY(item);
        QCOMPARE(item->state, QueueState::Pending);
        QCOMPARE(item->attempts, 0);
        QVERIFY(item->tcn.contains(QString(id).remove('-').toUpper()));
        const auto audit = store.audit().list();
        QCOMPARE(audit.back().action, QStringLiteral("encounter.submit"));
        QCOMPARE(audit.back().subject, id);
    }

    void failedSubmitLeavesNothing() {
        testing::TempStation st;
        StationStore& store = st.open();
        Encounter e = enrollment::makeSyntheticEncounter(7, "LANE-01");
        e.captures[3].exception = CaptureException::Bandaged; // no reason given: refused
        e.captures[3].exceptionReason.clear();
        const auto auditBefore = store.audit().list().size();
        QVERIFY_THROWS_EXCEPTION(Error, enrollment::EnrollmentService(store).submit(Actor{0, "cli:t", Role::Officer}, e));
        QCOMPARE(store.encounters().count(), 0);
        QCOMPARE(int(store.queue().list().size()), 0);
        QCOMPARE(store.audit().list().size(), auditBefore);
    }

    void lifecycle() {
        testing::TempStation st;
        StationStore& store = st.open();
        const QString a = submit(store, 1), b = submit(store, 2);
        OutboundQueue q = store.queue();
        const QDateTime now = QDateTime::currentDateTimeUtc();

        auto first = q.claimNext(now);
        QVERIFY(first);
        QCOMPARE(first->encounterId, a);
        QCOMPARE(first->state, QueueState::Sending);
        QCOMPARE(first->attempts, 1);
        // A failure with a retry time: back to pending but not due yet.
        q.recordFailure(first->id, "HTTP 503", now.addSecs(60));
        auto second = q.claimNext(now);
        QVERIFY(second);
        QCOMPARE(second->encounterId, b);
        QVERIFY(!q.claimNext(now)); // a is not due, b is sending
        auto retried = q.claimNext(now.addSecs(61));
        QVERIFY(retried);
        QCOMPARE(retried->encounterId, a);
        QCOMPARE(retried->attempts, 2);
        QCOMPARE(store.queue().findByEncounter(a)->lastError, QStringLiteral("HTTP 503"));

        QVERIFY(q.acknowledge(retried->tcn, "CENTRAL-1"));
        QVERIFY(!q.acknowledge(retried->tcn, "CENTRAL-1")); // duplicate ack: no change
        const auto acked = q.findByEncounter(a);
        QCOMPARE(acked->state, QueueState::Acknowledged);
        QCOMPARE(acked->ackReference, QStringLiteral("CENTRAL-1"));
        QVERIFY(acked->lastError.isEmpty());
        // A failure report arriving after the acknowledgment does not undo it.
        q.recordFailure(acked->id, "late timeout", now.addSecs(5));
        QCOMPARE(q.findByEncounter(a)->state, QueueState::Acknowledged);

        // Giving up on b parks it as failed; retry brings it back.
        q.recordFailure(second->id, "rejected: 400", QDateTime());
        QCOMPARE(q.count(QueueState::Failed), 1);
        QCOMPARE(q.retryFailed(), 1);
        QCOMPARE(q.findByEncounter(b)->state, QueueState::Pending);
    }

    void interruptedSendsRecover() {
        testing::TempStation st;
        StationStore& store = st.open();
        submit(store, 1);
        QVERIFY(store.queue().claimNext(QDateTime::currentDateTimeUtc()));
        st.close();
        StationStore& reopened = st.open(StationStore::Open::ExistingOnly);
        QCOMPARE(reopened.queue().count(QueueState::Sending), 1);
        QCOMPARE(reopened.queue().recoverInterrupted(), 1);
        QCOMPARE(reopened.queue().count(QueueState::Pending), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutboundQueue)
#include "tst_outbound_queue.moc"
