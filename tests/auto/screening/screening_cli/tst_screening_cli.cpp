// umbralctl watchlist and screen as an administrator and a script use them: the demo package
// is refused by a real station and imported by a demo one; a package with one byte changed is
// refused with the watchlist unchanged; the simulated traveler of a listed demo identity
// (another impression of their fingers and eyes) screens red with --json evidence; a stored
// encounter is screened; usage errors exit 2.
#include "app/screening/demo_watchlist.h"
#include "devices/simulated/simulated_traveler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>

using namespace umbral;

class TestScreeningCli : public QObject {
    Q_OBJECT

    struct Result {
        int code;
        QString out;
        QString err;
        QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    };
    QTemporaryDir root_;
    QString data_, config_, demo_;

    Result run(const QStringList& args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("UMBRAL_DATA_DIR", data_);
        env.insert("UMBRAL_CONFIG_DIR", config_);
        p.setProcessEnvironment(env);
        p.start(UMBRALCTL, args);
        p.waitForFinished(300000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    void setDemoMode(bool on) {
        QFile f(config_ + "/umbral.conf");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(on ? "[watchlist]\ndemo_mode=true\n[screening]\nfinger_shortlist=5\n" : "[watchlist]\ndemo_mode=false\n");
    }
    qint64 entries() { return qint64(run({"--json", "watchlist", "stats"}).json().value("entries").toDouble(-1)); }

private slots:
    void initTestCase() {
        data_ = root_.filePath("data");
        config_ = root_.filePath("config");
        demo_ = root_.filePath("demo.uwl");
        QCOMPARE(run({"db", "init"}).code, 0);
        const Result d = run({"--json", "watchlist", "demo", "--identities", "2", "--out", demo_});
        QCOMPARE(d.code, 0);
        QCOMPARE(d.json().value("listed").toArray().size(), 2);
        QCOMPARE(qint64(d.json().value("listed").toArray()[0].toObject().value("traveler_seed").toDouble()),
                 qint64(screening::demoListedTravelerSeed(0)));
    }

    void demoPackageOnlyOnADemoStation() {
        setDemoMode(false);
        const Result refused = run({"watchlist", "import", demo_});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains("unknown-key") && refused.err.contains("demo"), qPrintable(refused.err));
        QCOMPARE(entries(), 0);
        setDemoMode(true);
        const Result v = run({"--json", "watchlist", "verify", demo_});
        QCOMPARE(v.code, 0);
        QVERIFY(v.json().value("importable").toBool());
        QCOMPARE(entries(), 0); // verify writes nothing
        const Result ok = run({"--json", "watchlist", "import", demo_});
        QCOMPARE(ok.code, 0);
        QCOMPARE(ok.json().value("entries_in_list").toInt(), 2);
        QVERIFY(ok.err.contains("100 %"));
        QCOMPARE(entries(), 2);
        const Result list = run({"--json", "watchlist", "list"});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 1);
        const Result ids = run({"--json", "watchlist", "list", "--entries"});
        QCOMPARE(QJsonDocument::fromJson(ids.out.toUtf8()).array()[1].toObject().value("entry").toString(), QStringLiteral("DEMO-2"));
        QVERIFY(!ids.out.contains("GARC")); // no names in the administrator's listing
        QCOMPARE(run({"watchlist", "verify"}).code, 0);
        // The same package again is not newer.
        const Result again = run({"watchlist", "import", demo_});
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.contains("older-version"));
    }

    void tamperedPackageIsRefused() {
        QFile f(demo_);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        bytes[bytes.size() / 3] = char(bytes[bytes.size() / 3] ^ 0x20);
        const QString tampered = root_.filePath("tampered.uwl");
        QFile t(tampered);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(bytes);
        t.close();
        const QString before = run({"--json", "watchlist", "list"}).out;
        const Result r = run({"watchlist", "import", tampered});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("bad-signature"), qPrintable(r.err));
        QCOMPARE(run({"--json", "watchlist", "list"}).out, before);
        QCOMPARE(entries(), 2);
        const Result v = run({"--json", "watchlist", "verify", tampered});
        QCOMPARE(v.code, 1);
        QCOMPARE(v.json().value("problem").toString(), QStringLiteral("bad-signature"));
    }

    void listedDemoTravelerScreensRed() {
        // What the simulated devices present for demo identity 0: other impressions.
        const std::uint64_t seed = screening::demoListedTravelerSeed(0);
        devices::FingerprintSynthesizer fingers(2);
        devices::IrisSynthesizer eyes(2);
        QStringList args{"--json", "screen"};
        for (FingerPosition p : {FingerPosition::RightIndex, FingerPosition::LeftIndex, FingerPosition::RightThumb}) {
            devices::CaptureRequest r;
            r.identitySeed = devices::fingerIdentity(seed);
            r.position = devices::toFrictionRidgePosition(p);
            r.impressionSeed = 77 + std::uint64_t(p);
            const QString file = root_.filePath(toKey(p) + ".png");
            QVERIFY(cv::imwrite(file.toStdString(), fingers.capture(r).image));
            args << "--finger" << toKey(p) + "=" + file;
        }
        for (IrisSide side : {IrisSide::Left, IrisSide::Right}) {
            const auto eye = side == IrisSide::Left ? devices::IrisEye::Left : devices::IrisEye::Right;
            const QString file = root_.filePath("iris-" + toKey(side) + ".png");
            QVERIFY(cv::imwrite(file.toStdString(),
                                eyes.render(devices::irisIdentity(seed, eye), devices::impressionSettings(devices::IrisQualityProfile::Good, 5)).image));
            args << "--iris" << toKey(side) + "=" + file;
        }
        // A traveler on another passport, under another name: only the biometrics can tell.
        const QString l1 = QStringLiteral("P<UTOSMITH<<JOHN").leftJustified(44, '<');
        const QString l2 = QStringLiteral("X123456780UTO9001012M3001012").leftJustified(42, '<') + "00";
        args << "--mrz" << l1 + "\n" + l2;
        const Result r = run(args);
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o.value("band").toString(), QStringLiteral("red"));
        const QJsonObject top = o.value("candidates").toArray()[0].toObject();
        QCOMPARE(top.value("entry").toString(), QStringLiteral("DEMO-1"));
        QCOMPARE(top.value("fingerprint").toObject().value("comparisons").toArray().size(), 3);
        QCOMPARE(top.value("iris").toObject().value("comparisons").toArray().size(), 2);
        QVERIFY(top.value("biographic").toObject().value("score").toDouble() < 0.5);
        QCOMPARE(o.value("probes").toArray().size(), 5);
        QVERIFY(o.contains("timings_ms"));
    }

    void storedEncounter() {
        const Result e = run({"enroll", "--synthetic", "--count", "1", "--seed", "5"});
        QCOMPARE(e.code, 0);
        const QString id = e.out.section(' ', 1).trimmed();
        const Result r = run({"--json", "screen", "--encounter", id});
        QCOMPARE(r.code, 0);
        QVERIFY(r.json().value("screening_id").toDouble() > 0);
        QCOMPARE(r.json().value("band").toString(), QStringLiteral("green"));
        const Result missing = run({"screen", "--encounter", "no-such-encounter"});
        QCOMPARE(missing.code, 1);
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("screen without a traveler") << QStringList{"screen"};
        QTest::newRow("screen with both") << QStringList{"screen", "--encounter", "x", "--mrz", "y"};
        QTest::newRow("bad finger spec") << QStringList{"screen", "--finger", "toe=x.png"};
        QTest::newRow("bad iris spec") << QStringList{"screen", "--iris", "middle=x.png"};
        QTest::newRow("demo without out") << QStringList{"watchlist", "demo", "--identities", "2"};
        QTest::newRow("unknown sub-command") << QStringList{"watchlist", "frob"};
        QTest::newRow("import without file") << QStringList{"watchlist", "import"};
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        const Result r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("usage:"));
    }
};

QTEST_GUILESS_MAIN(TestScreeningCli)
#include "tst_screening_cli.moc"
