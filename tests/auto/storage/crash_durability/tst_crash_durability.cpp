// A power cut in the middle of enrollment: a child `umbralctl enroll --synthetic` is killed with
// SIGKILL at random moments, at least 20 times. After every kill the database passes
// PRAGMA integrity_check, and every encounter the child printed as committed is there with all
// its captures unsealing, its queue row and an intact audit chain.
#include "storage/station_store.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace umbral;
using namespace umbral::storage;

class TestCrashDurability : public QObject {
    Q_OBJECT

    QTemporaryDir root_;
    StationPaths paths_;

    QProcessEnvironment env() const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert("UMBRAL_DATA_DIR", paths_.dataDir);
        e.insert("UMBRAL_CONFIG_DIR", paths_.configDir);
        return e;
    }

private slots:
    void initTestCase() {
        QVERIFY(root_.isValid());
        paths_.dataDir = root_.filePath("data");
        paths_.configDir = root_.filePath("config");
        QProcess init;
        init.setProcessEnvironment(env());
        init.start(UMBRALCTL, {"db", "init"});
        QVERIFY(init.waitForFinished(30000));
        QCOMPARE(init.exitCode(), 0);
    }

    void killedAtRandomMomentsLosesNothingCommitted() {
        constexpr int kills = 24;
        QSet<QString> committed;
        auto* rng = QRandomGenerator::global();
        int killedWhileWriting = 0, roundsAfterCommits = 0;
        for (int round = 0; round < kills; ++round) {
            QProcess child;
            child.setProcessEnvironment(env());
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start(UMBRALCTL, {"enroll", "--synthetic", "--count", "100000", "--seed",
                                    QString::number(round * 1000000)});
            QVERIFY(child.waitForStarted(10000));
            // A random moment: after 0-3 commits have been reported, plus 0-250 ms, so that the
            // kill lands before the first commit, between commits and inside a transaction.
            const int waitCommits = int(rng->bounded(0, 4));
            QByteArray out;
            while (out.count("committed ") < waitCommits && child.state() == QProcess::Running)
                if (child.waitForReadyRead(30000))
                    out += child.readAllStandardOutput();
            QTest::qWait(int(rng->bounded(0, 250)));
            QVERIFY2(child.state() == QProcess::Running, "the child ended on its own");
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            out += child.readAllStandardOutput();
            const QList<QByteArray> lines = out.split('\n');
            int thisRound = 0;
            for (int i = 0; i + 1 < lines.size(); ++i) { // the last piece may be a cut line
                if (lines[i].startsWith("committed ")) {
                    committed.insert(QString::fromLatin1(lines[i].mid(10)));
                    ++thisRound;
                }
            }
            QVERIFY(thisRound >= waitCommits);
            roundsAfterCommits += waitCommits > 0;
            if (thisRound > 0)
                ++killedWhileWriting;

            StationStore store(paths_, StationStore::Open::ExistingOnly, StationStore::Schema::RequireCurrent);
            QCOMPARE(store.db().integrityCheck(), QStringLiteral("ok"));
            const auto audit = store.audit().verify();
            QVERIFY2(audit.ok, qPrintable(audit.problem));
            for (const QString& id : std::as_const(committed)) {
                const auto e = store.encounters().load(id); // unseals every capture
                QVERIFY2(e.has_value(), qPrintable("committed encounter lost: " + id));
                QCOMPARE(int(e->captures.size()), 12);
                for (const Capture& c : e->captures)
                    QVERIFY(c.image.startsWith("\x89PNG"));
                QVERIFY(store.queue().findByEncounter(id).has_value());
            }
            // Nothing half-written: every encounter in the database has all its captures.
            QCOMPARE(store.db().scalarInt("SELECT count(*) FROM encounters e WHERE "
                                          "(SELECT count(*) FROM captures c WHERE c.encounter_id = e.id) != 12"),
                     0);
            QCOMPARE(store.db().scalarInt("SELECT count(*) FROM encounters"),
                     store.db().scalarInt("SELECT count(*) FROM outbound_queue"));
        }
        qInfo("%d kills, %d with commits before the kill, %lld encounters committed", kills,
              killedWhileWriting, qlonglong(committed.size()));
        QVERIFY(killedWhileWriting >= roundsAfterCommits);
        QVERIFY(roundsAfterCommits > 0);
        QVERIFY(committed.size() >= kills);
    }
};

QTEST_GUILESS_MAIN(TestCrashDurability)
#include "tst_crash_durability.moc"
