// umbralctl template / match finger as scripts use them: ISO/IEC 19794-2 templates written and
// read back, a score per pair (higher = more alike), --json, exit codes (0 ok, 1 failure,
// 2 usage), and bad input refused or scored 0 with the reason, never a crash.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cmath>

class TestFingerCli : public QObject {
    Q_OBJECT

    struct Result {
        int code;
        QString out;
        QString err;
    };

    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    static QString print(const char* name) {
        const QByteArray env = qgetenv("UMBRAL_SHARED_DATA");
        const QString root =
            env.isEmpty() ? QStringLiteral(UMBRAL_SHARED_DATA) : QString::fromLocal8Bit(env);
        return root + QStringLiteral("/fingerprints/fvc2002-db1b/") + QLatin1String(name) +
               QStringLiteral(".tif");
    }

    Result run(const QStringList& args) {
        QProcess p;
        p.setWorkingDirectory(dir_.path());
        p.start(UMBRALCTL, args);
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY(cv::imwrite(path("blank.png").toStdString(),
                            cv::Mat(300, 300, CV_8U, cv::Scalar(255))));
        QFile garbage(path("garbage.png"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("not an image");
    }

    void templateIsAnIsoRecord() {
        const Result r =
            run({"template", "finger", print("103_1"), "--out", "a.fmr", "--position", "2"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("ISO/IEC 19794-2 record written to a.fmr"));
        QFile f(path("a.fmr"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QCOMPARE(bytes.left(8), QByteArray("FMR\0 20\0", 8));
        QCOMPARE(bytes.size(), (uchar(bytes[10]) << 8) | uchar(bytes[11]));
        QCOMPARE(int(bytes[24]), 2); // finger position of the view

        const Result j = run({"--json", "template", "finger", print("103_2"), "--out", "b.fmr"});
        QCOMPARE(j.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QCOMPARE(o["format"].toString(), QString("ISO/IEC 19794-2:2005"));
        QVERIFY(o["minutiae"].toInt() > 10);
    }

    void matchImagesAndTemplates() {
        QCOMPARE(run({"template", "finger", print("103_1"), "--out", "a.fmr"}).code, 0);
        const Result mate = run({"match", "finger", "a.fmr", print("103_4")});
        QCOMPARE(mate.code, 0);
        QVERIFY2(mate.out.contains("MATCH"), qPrintable(mate.out));
        const Result other = run({"match", "finger", print("103_1"), print("108_4")});
        QCOMPARE(other.code, 0);
        QVERIFY2(other.out.contains("no match"), qPrintable(other.out));

        const Result j = run({"--json", "match", "finger", "a.fmr", print("103_4")});
        QCOMPARE(j.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QVERIFY(o["match"].toBool());
        QVERIFY(o["score"].toDouble() >= o["threshold"].toDouble());
        QCOMPARE(o["threshold"].toDouble(), 60.0);
    }

    void pairsFile() {
        QFile pairs(path("pairs.txt"));
        QVERIFY(pairs.open(QIODevice::WriteOnly | QIODevice::Text));
        pairs.write(QStringLiteral("# mates first, then a non-mate\n%1 %2\n%1 %3\n\n%1 %4\n")
                        .arg(print("106_1"), print("106_2"), print("106_5"), print("109_1"))
                        .toUtf8());
        pairs.close();
        const Result r = run({"match", "finger", "--pairs", "pairs.txt"});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const double mate1 = lines[0].section(' ', 2, 2).toDouble();
        const double mate2 = lines[1].section(' ', 2, 2).toDouble();
        const double nonMate = lines[2].section(' ', 2, 2).toDouble();
        QVERIFY(mate1 > nonMate && mate2 > nonMate);

        const Result j = run({"match", "finger", "--pairs", "pairs.txt", "--json"});
        QCOMPARE(j.code, 0);
        const QJsonArray a = QJsonDocument::fromJson(j.out.toUtf8()).array();
        QCOMPARE(a.size(), 3);
        QVERIFY(a[0].toObject()["match"].toBool());
        QVERIFY(!a[2].toObject()["match"].toBool());
        // Text and JSON give the same score (text has one decimal).
        QVERIFY(std::abs(a[2].toObject()["score"].toDouble() - nonMate) <= 0.051);
    }

    void blankImageIsRefusedOrScoredZero() {
        const Result t = run({"template", "finger", "blank.png", "--out", "blank.fmr"});
        QCOMPARE(t.code, 1);
        QVERIFY(t.err.contains("no fingerprint found"));
        QVERIFY(!QFile::exists(path("blank.fmr")));
        const Result m = run({"--json", "match", "finger", "blank.png", print("101_1")});
        QCOMPARE(m.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(m.out.toUtf8()).object();
        QCOMPARE(o["score"].toDouble(), 0.0);
        QVERIFY(o["reason"].toString().contains("no minutiae"));
        QVERIFY(!o["match"].toBool());
    }

    void truncatedTemplateIsRefused() {
        QCOMPARE(run({"template", "finger", print("104_1"), "--out", "full.fmr"}).code, 0);
        QFile full(path("full.fmr"));
        QVERIFY(full.open(QIODevice::ReadOnly));
        const QByteArray bytes = full.readAll();
        QFile cut(path("cut.fmr"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() / 2));
        cut.close();
        const Result r = run({"match", "finger", "cut.fmr", print("104_2")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("truncated"), qPrintable(r.err));

        QFile pairs(path("bad-pairs.txt"));
        QVERIFY(pairs.open(QIODevice::WriteOnly | QIODevice::Text));
        pairs.write(QStringLiteral("cut.fmr %1\ngarbage.png %1\nfull.fmr %2\n")
                        .arg(print("104_2"), print("104_3"))
                        .toUtf8());
        pairs.close();
        const Result j = run({"--json", "match", "finger", "--pairs", "bad-pairs.txt"});
        QCOMPARE(j.code, 1); // some pairs could not be compared
        const QJsonArray a = QJsonDocument::fromJson(j.out.toUtf8()).array();
        QCOMPARE(a.size(), 3);
        QVERIFY(a[0].toObject()["error"].toString().contains("truncated"));
        QVERIFY(!a[1].toObject()["error"].toString().isEmpty());
        QVERIFY(a[2].toObject()["match"].toBool());
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("template without --out") << QStringList{"template", "finger", "x.png"};
        QTest::newRow("template without image")
            << QStringList{"template", "finger", "--out", "x.fmr"};
        QTest::newRow("match with one file") << QStringList{"match", "finger", "x.png"};
        QTest::newRow("match with files and pairs")
            << QStringList{"match", "finger", "a", "b", "--pairs", "p.txt"};
        QTest::newRow("bad ppi") << QStringList{"match", "finger", "a", "b", "--ppi", "zero"};
        QTest::newRow("bad position")
            << QStringList{"template", "finger", "x.png", "--out", "x.fmr", "--position", "12"};
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        const Result r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("usage:"));
    }
};

QTEST_GUILESS_MAIN(TestFingerCli)
#include "tst_finger_cli.moc"
