// umbralctl quality / template / match iris as scripts use them: output per image or pair,
// --json, exit codes (0 ok, 1 failure, 2 usage), and bad images refused with a reason.
#include "devices/simulated/iris_synthesis.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using umbral::devices::IrisQualityProfile;

class TestIrisCli : public QObject {
    Q_OBJECT

    struct Result {
        int code;
        QString out;
        QString err;
    };

    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

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
        umbral::devices::IrisSynthesizer synth;
        for (int id = 0; id < 2; ++id)
            for (int k = 0; k < 2; ++k)
                QVERIFY(
                    cv::imwrite(path(QString("eye_%1_%2.png").arg(id).arg(k)).toStdString(),
                                synth
                                    .render(300 + id, umbral::devices::impressionSettings(
                                                          IrisQualityProfile::Good, 20 * id + k))
                                    .image));
        const cv::Mat good =
            synth.render(300, umbral::devices::impressionSettings(IrisQualityProfile::Good, 0))
                .image;
        cv::Mat colour;
        cv::cvtColor(good, colour, cv::COLOR_GRAY2BGR);
        QVERIFY(cv::imwrite(path("colour.png").toStdString(), colour));
        cv::Mat deep;
        good.convertTo(deep, CV_16U, 256.0);
        QVERIFY(cv::imwrite(path("deep.png").toStdString(), deep));
        QVERIFY(cv::imwrite(
            path("closed.png").toStdString(),
            synth.render(300, umbral::devices::impressionSettings(IrisQualityProfile::EyeClosed, 1))
                .image));
        QVERIFY(cv::imwrite(
            path("dark.png").toStdString(),
            synth.render(300, umbral::devices::impressionSettings(IrisQualityProfile::Dark, 1))
                .image));
    }

    void qualityText() {
        const Result r = run({"quality", "iris", "eye_0_0.png", "closed.png"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("eye_0_0.png: score"));
        QVERIFY(r.out.contains("usable iris area"));
        QVERIFY(r.out.contains("gaze angle"));
        QVERIFY(r.out.contains("closed.png: refused"));
    }

    void qualityJson() {
        const Result r =
            run({"quality", "iris", "--json", "eye_0_0.png", "dark.png", "colour.png", "deep.png"});
        QCOMPARE(r.code, 1); // two images of the wrong kind
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(a.size(), 4);
        const QJsonObject good = a[0].toObject();
        QVERIFY(good["assessed"].toBool());
        QVERIFY(good["score"].toInt() > 0);
        QCOMPARE(good["metrics"].toObject().size(), 12);
        QVERIFY(good["metrics"].toObject()["usable_iris_area"].toObject().contains("requirement"));
        QVERIFY(good["pupil"].toObject()["semi_axis_a"].toDouble() > 10.0);
        const QJsonObject dark = a[1].toObject();
        QVERIFY(!dark["assessed"].toBool());
        QCOMPARE(dark["refusal"].toString(), QString("too dark"));
        QVERIFY(dark["feedback"].toArray().contains(QString("check-illumination")));
        QVERIFY(a[2].toObject()["error"].toString().contains("colour"));
        QVERIFY(a[3].toObject()["error"].toString().contains("16-bit"));
    }

    void templateAndMatch() {
        Result r = run({"template", "iris", "eye_0_0.png", "--out", "t00.umir"});
        QCOMPARE(r.code, 0);
        QFile t(path("t00.umir"));
        QVERIFY(t.open(QIODevice::ReadOnly));
        QCOMPARE(t.size(), qint64(524));
        QVERIFY(t.read(6) == "UMIRIS");

        // A template against an image of the same eye, and two different eyes.
        r = run({"--json", "match", "iris", "t00.umir", "eye_0_1.png"});
        QCOMPARE(r.code, 0);
        const QJsonObject same = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(same["match"].toBool());
        r = run({"--json", "match", "iris", "eye_0_0.png", "eye_1_0.png"});
        const QJsonObject other = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(!other["match"].toBool());
        QVERIFY(same["distance"].toDouble() < other["distance"].toDouble());
        r = run({"match", "iris", "eye_0_0.png", "eye_0_1.png"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("distance "));
        QVERIFY(r.out.contains("MATCH"));
    }

    void matchPairs() {
        QFile pairs(path("pairs.txt"));
        QVERIFY(pairs.open(QIODevice::WriteOnly | QIODevice::Text));
        pairs.write("# genuine, then impostor, then a missing image\n"
                    "eye_0_0.png eye_0_1.png\n"
                    "eye_1_0.png   eye_0_1.png\n"
                    "\n"
                    "missing.png eye_0_0.png\n");
        pairs.close();
        Result r = run({"match", "iris", "--pairs", "pairs.txt"});
        QCOMPARE(r.code, 1); // one pair could not be compared
        const QStringList lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith("eye_0_0.png eye_0_1.png "));
        QVERIFY(lines[1].startsWith("eye_1_0.png eye_0_1.png "));
        const double genuine = lines[0].section(' ', 2).toDouble();
        const double impostor = lines[1].section(' ', 2).toDouble();
        QVERIFY(genuine < 0.2);
        QVERIFY(impostor > 0.35);
        QVERIFY(lines[2].contains("error"));

        r = run({"match", "iris", "--pairs", "pairs.txt", "--json"});
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(a.size(), 3);
        QVERIFY(a[0].toObject()["match"].toBool());
        QVERIFY(!a[1].toObject()["match"].toBool());
        QVERIFY(a[2].toObject().contains("error"));
    }

    void usageAndFailures_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("no modality") << QStringList{"quality"} << 2;
        QTest::newRow("unknown modality") << QStringList{"match", "retina", "a", "b"} << 2;
        QTest::newRow("quality without image") << QStringList{"quality", "iris"} << 2;
        QTest::newRow("template without --out")
            << QStringList{"template", "iris", "eye_0_0.png"} << 2;
        QTest::newRow("match with one image") << QStringList{"match", "iris", "eye_0_0.png"} << 2;
        QTest::newRow("match with pairs and images")
            << QStringList{"match", "iris", "a", "b", "--pairs", "p"} << 2;
        QTest::newRow("template of a closed eye")
            << QStringList{"template", "iris", "closed.png", "--out", "x.umir"} << 1;
        QTest::newRow("template of a colour image")
            << QStringList{"template", "iris", "colour.png", "--out", "x.umir"} << 1;
        QTest::newRow("match a missing image")
            << QStringList{"match", "iris", "nothing.png", "eye_0_0.png"} << 1;
    }

    void usageAndFailures() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const Result r = run(args);
        QCOMPARE(r.code, code);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestIrisCli)
#include "tst_iris_cli.moc"
