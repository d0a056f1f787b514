// The outbound sync worker against a local stand-in for the central system: slow replies,
// 500s, dropped connections, lost and duplicate acknowledgments lose nothing and store nothing
// twice as a new record; permanent refusals park the row as failed; the folder export keeps the
// same bookkeeping; HTTPS with a configured CA works.
#include "../../common/temp_station.h"
#include "app/enrollment/enrollment_service.h"
#include "app/enrollment/synthetic_encounter.h"
#include "app/sync/folder_transport.h"
#include "app/sync/http_transport.h"
#include "app/sync/sync_worker.h"
#include "test_central_server.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QtTest>

using namespace umbral;
using namespace umbral::sync;
using Behaviour = TestCentralServer::Behaviour;

class TestSyncWorker : public QObject {
    Q_OBJECT

    static QStringList enroll(storage::StationStore& store, int n) {
        QStringList ids;
        for (int i = 0; i < n; ++i) {
            Encounter e = enrollment::makeSyntheticEncounter(quint64(i), "LANE-01");
            enrollment::EnrollmentService(store).submit(Actor{0, "cli:test", Role::Officer}, e);
            ids << e.id;
        }
        return ids;
    }
    // Stand-in for the ANSI/NIST export: deterministic bytes per queue row.
    static QByteArray fakeTransaction(storage::StationStore&, const storage::QueueItem& item) {
        return "TRANSACTION " + item.tcn.toUtf8() + " FOR " + item.encounterId.toUtf8();
    }
    static SyncConfig fastConfig(const QString& endpoint) {
        SyncConfig c;
        c.endpoint = endpoint;
        c.requestTimeout = std::chrono::milliseconds(400);
        c.backoffBase = std::chrono::milliseconds(20);
        c.backoffCap = std::chrono::milliseconds(200);
        c.pollInterval = std::chrono::milliseconds(30);
        return c;
    }
    static int count(storage::StationStore& s, storage::QueueState st) { return int(s.queue().count(st)); }

private slots:
    void backoffGrowsWithJitterAndCap() {
        SyncConfig c;
        c.backoffBase = std::chrono::milliseconds(1000);
        c.backoffCap = std::chrono::milliseconds(60000);
        QCOMPARE(retryDelay(c, 1, 0.999).count() <= 1000, true);
        QCOMPARE(retryDelay(c, 1, 0.0).count(), 500);
        QCOMPARE(retryDelay(c, 3, 0.0).count(), 2000);
        QCOMPARE(retryDelay(c, 3, 1.0).count(), 4000);
        QCOMPARE(retryDelay(c, 40, 1.0).count(), 60000); // capped
        QVERIFY(retryDelay(c, 4, 0.2) != retryDelay(c, 4, 0.8)); // jitter spreads stations
    }

    void unreliableNetworkLosesNothingAndDuplicatesNothing() {
        testing::TempStation st;
        auto& store = st.open();
        const QStringList ids = enroll(store, 8);
        TestCentralServer server;
        server.slowMs = 900;
        server.setScript({Behaviour::Error500, Behaviour::Drop, Behaviour::Ok, Behaviour::Slow, Behaviour::StoreThenDrop,
                          Behaviour::Ok, Behaviour::Error500, Behaviour::Ok, Behaviour::Ok});
        QVERIFY(server.listen());
        const SyncConfig config = fastConfig(QStringLiteral("http://127.0.0.1:%1/transactions").arg(server.port()));
        SyncWorker worker(st.paths, config, fakeTransaction,
                          [config] { return std::make_unique<HttpTransport>(config); });
        QSignalSpy acks(&worker, &SyncWorker::acknowledged);
        QSignalSpy retries(&worker, &SyncWorker::retryScheduled);
        worker.start();
        QTRY_COMPARE_WITH_TIMEOUT(acks.count(), ids.size(), 60000);
        worker.stop();

        QCOMPARE(count(store, storage::QueueState::Acknowledged), ids.size());
        QCOMPARE(server.stored.size(), ids.size());
        for (auto it = server.newRecords.cbegin(); it != server.newRecords.cend(); ++it)
            QCOMPARE(it.value(), 1); // never stored twice as a new record
        for (const auto& item : store.queue().list()) {
            QCOMPARE(server.stored.value(item.tcn), fakeTransaction(store, item));
            QVERIFY(item.ackReference.startsWith("CENTRAL-"));
        }
        QVERIFY(retries.count() >= 3);   // the 500s, the drop, the slow reply and the lost ack
        QVERIFY(server.duplicates >= 1); // a resend after a lost acknowledgment was recognised
        int auditAcks = 0;
        for (const auto& row : store.audit().list())
            auditAcks += row.action == "queue.ack";
        QCOMPARE(auditAcks, ids.size());
        QVERIFY(store.audit().verify().ok);
    }

    void serverDownThenUp() {
        testing::TempStation st;
        auto& store = st.open();
        enroll(store, 2);
        // Nothing listens on this port: take a free one and close it again.
        quint16 port = 0;
        {
            TestCentralServer probe;
            QVERIFY(probe.listen());
            port = probe.port();
        }
        const SyncConfig config = fastConfig(QStringLiteral("http://127.0.0.1:%1/t").arg(port));
        auto* server = new TestCentralServer(this);
        SyncWorker worker(st.paths, config, fakeTransaction, [config] { return std::make_unique<HttpTransport>(config); });
        QSignalSpy retries(&worker, &SyncWorker::retryScheduled);
        QSignalSpy acks(&worker, &SyncWorker::acknowledged);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(retries.count() >= 2, 10000);
        QCOMPARE(count(store, storage::QueueState::Acknowledged), 0);
        QVERIFY(store.queue().list().front().lastError.startsWith("network"));
        QVERIFY(server->listen()); // any port: point a new worker at it
        worker.stop();
        const SyncConfig up = fastConfig(QStringLiteral("http://127.0.0.1:%1/t").arg(server->port()));
        SyncWorker second(st.paths, up, fakeTransaction, [up] { return std::make_unique<HttpTransport>(up); });
        QSignalSpy acks2(&second, &SyncWorker::acknowledged);
        second.start();
        QTRY_COMPARE_WITH_TIMEOUT(acks2.count(), 2, 20000);
        QCOMPARE(count(store, storage::QueueState::Acknowledged), 2);
    }

    void permanentRefusalParksAsFailed() {
        testing::TempStation st;
        auto& store = st.open();
        enroll(store, 1);
        TestCentralServer server;
        server.setScript({Behaviour::Reject400});
        QVERIFY(server.listen());
        const SyncConfig config = fastConfig(QStringLiteral("http://127.0.0.1:%1/t").arg(server.port()));
        SyncWorker worker(st.paths, config, fakeTransaction, [config] { return std::make_unique<HttpTransport>(config); });
        QSignalSpy failed(&worker, &SyncWorker::failed);
        worker.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QTest::qWait(200);
        QCOMPARE(server.requests, 1); // not retried on its own
        const auto item = store.queue().list().front();
        QCOMPARE(item.state, storage::QueueState::Failed);
        QVERIFY(item.lastError.contains("400"));
        QCOMPARE(store.audit().list().back().action, QStringLiteral("queue.fail"));
    }

    void interruptedSendIsResentIdempotently() {
        testing::TempStation st;
        auto& store = st.open();
        enroll(store, 1);
        // A crash left the row in "sending" after the central system had stored it.
        const auto claimed = store.queue().claimNext(QDateTime::currentDateTimeUtc());
        QVERIFY(claimed);
        TestCentralServer server;
        QVERIFY(server.listen());
        server.stored.insert(claimed->tcn, fakeTransaction(store, *claimed));
        server.newRecords[claimed->tcn] = 1;
        st.close();
        auto& reopened = st.open(storage::StationStore::Open::ExistingOnly);
        const SyncConfig config = fastConfig(QStringLiteral("http://127.0.0.1:%1/t").arg(server.port()));
        SyncWorker worker(st.paths, config, fakeTransaction, [config] { return std::make_unique<HttpTransport>(config); });
        QSignalSpy acks(&worker, &SyncWorker::acknowledged);
        worker.start();
        QTRY_COMPARE_WITH_TIMEOUT(acks.count(), 1, 10000);
        QCOMPARE(server.newRecords.value(claimed->tcn), 1);
        QCOMPARE(server.duplicates, 1);
        QCOMPARE(reopened.queue().list().front().state, storage::QueueState::Acknowledged);
    }

    void folderExport() {
        testing::TempStation st;
        auto& store = st.open();
        const QStringList ids = enroll(store, 3);
        QTemporaryDir medium;
        const QString folder = medium.filePath("usb");
        SyncConfig config = fastConfig({});
        SyncWorker worker(st.paths, config, fakeTransaction, [folder] { return std::make_unique<FolderTransport>(folder); });
        QSignalSpy acks(&worker, &SyncWorker::acknowledged);
        QSignalSpy retries(&worker, &SyncWorker::retryScheduled);
        worker.start();
        // The medium is not mounted yet: retried, nothing lost.
        QTRY_VERIFY_WITH_TIMEOUT(retries.count() >= 1, 5000);
        QCOMPARE(acks.count(), 0);
        QVERIFY(QDir().mkpath(folder));
        QTRY_COMPARE_WITH_TIMEOUT(acks.count(), 3, 10000);
        const QStringList files = QDir(folder).entryList({"*.an2"}, QDir::Files);
        QCOMPARE(files.size(), 3);
        for (const auto& item : store.queue().list()) {
            QFile f(folder + "/" + item.tcn + ".an2");
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), fakeTransaction(store, item));
            QVERIFY(item.ackReference.startsWith("export:"));
        }
        // Exporting again (e.g. after a crash before the acknowledgment was recorded) is a
        // duplicate acknowledgment; a different file under the same name is never overwritten.
        FolderTransport again(folder);
        QSignalSpy done(&again, &Transport::finished);
        const auto item = store.queue().list().front();
        again.send(item.tcn, fakeTransaction(store, item));
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(done.at(0).at(1).value<SendOutcome>().kind, SendOutcome::Kind::Acknowledged);
        again.send(item.tcn, "something else");
        QTRY_COMPARE(done.count(), 2);
        QCOMPARE(done.at(1).at(1).value<SendOutcome>().kind, SendOutcome::Kind::Permanent);
        QFile f(folder + "/" + item.tcn + ".an2");
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), fakeTransaction(store, item));
    }

    void httpsWithConfiguredCa() {
        QTemporaryDir dir;
        const QString cert = dir.filePath("server.pem"), key = dir.filePath("server.key");
        QProcess openssl;
        openssl.setStandardOutputFile(QProcess::nullDevice());
        openssl.setStandardErrorFile(QProcess::nullDevice());
        openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                                     "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                                                     "-keyout", key, "-out", cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile cf(cert), kf(key);
        QVERIFY(cf.open(QIODevice::ReadOnly) && kf.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(&cf, QSsl::Pem));
        tls.setPrivateKey(QSslKey(&kf, QSsl::Rsa, QSsl::Pem));
        TestCentralServer server;
        QVERIFY(server.listen(&tls));

        testing::TempStation st;
        auto& store = st.open();
        enroll(store, 1);
        SyncConfig config = fastConfig(QStringLiteral("https://127.0.0.1:%1/t").arg(server.port()));
        config.requestTimeout = std::chrono::milliseconds(5000);
        // Without trusting the station's CA the certificate is refused: retried, not acknowledged.
        {
            SyncWorker untrusted(st.paths, config, fakeTransaction, [config] { return std::make_unique<HttpTransport>(config); });
            QSignalSpy retries(&untrusted, &SyncWorker::retryScheduled);
            untrusted.start();
            QTRY_VERIFY_WITH_TIMEOUT(retries.count() >= 1, 10000);
            untrusted.stop();
            QCOMPARE(server.stored.size(), 0);
        }
        config.caFile = cert;
        SyncWorker worker(st.paths, config, fakeTransaction, [config] { return std::make_unique<HttpTransport>(config); });
        QSignalSpy acks(&worker, &SyncWorker::acknowledged);
        worker.start();
        QTRY_COMPARE_WITH_TIMEOUT(acks.count(), 1, 20000);
        QCOMPARE(server.stored.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncWorker)
#include "tst_sync_worker.moc"
