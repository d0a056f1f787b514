// umbralctl devices list [--json], devices capture --device ID --out FILE [--count N] [--timeout S]
// and devices watch, run as a technician would, inside umockdev-run with the recording of a real
// NB-1010-U: the capture written by umbralctl is the recorded image, pixel for pixel.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <signal.h>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run umbralctl(const QStringList& args, const QString& backends) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("UMBRAL_DEVICE_BACKENDS"), backends);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(UMBRAL_BINARY_DIR "/bin/umbralctl"), args);
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("umbralctl did not finish");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

int differingPixels(const cv::Mat& a, const cv::Mat& b) {
    if (a.size() != b.size() || a.type() != b.type())
        return -1;
    cv::Mat diff;
    cv::compare(a, b, diff, cv::CMP_NE);
    return cv::countNonZero(diff);
}

} // namespace

class TestDevicesCli : public QObject {
    Q_OBJECT

    QTemporaryDir work;

private Q_SLOTS:
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("UMOCKDEV_DIR"))
            QFAIL("run inside umockdev-run with the NB-1010 recording (ctest does this)");
        QVERIFY(work.isValid());
    }

    void listShowsTheRecordedScanner() {
        const Run text =
            umbralctl({QStringLiteral("devices"), QStringLiteral("list")}, QStringLiteral("usb"));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("usb:1-7  fingerprint  usb  298d:1010  NEXT "
                                                  "Biometrics NB-1010-U  /dev/bus/usb/001/003")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("1 devices")));

        const Run json =
            umbralctl({QStringLiteral("devices"), QStringLiteral("list"), QStringLiteral("--json")},
                      QStringLiteral("usb"));
        QCOMPARE(json.exitCode, 0);
        const QJsonArray devices = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(devices.size(), 1);
        const QJsonObject scanner = devices.first().toObject();
        QCOMPARE(scanner.value(QStringLiteral("id")).toString(), QStringLiteral("usb:1-7"));
        QCOMPARE(scanner.value(QStringLiteral("usb_id")).toString(), QStringLiteral("298d:1010"));
        QCOMPARE(scanner.value(QStringLiteral("modality")).toString(),
                 QStringLiteral("fingerprint"));
        QCOMPARE(scanner.value(QStringLiteral("fingerprint"))
                     .toObject()
                     .value(QStringLiteral("width"))
                     .toInt(),
                 256);
    }

    void captureWritesTheRecordedImage() {
        const QString file = work.filePath(QStringLiteral("nb1010.png"));
        const Run run = umbralctl({QStringLiteral("devices"), QStringLiteral("capture"),
                                   QStringLiteral("--device"), QStringLiteral("usb:1-7"),
                                   QStringLiteral("--out"), file, QStringLiteral("--timeout"),
                                   QStringLiteral("10")},
                                  QStringLiteral("usb"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("captured usb:1-7 256x180 385 ppi -> ") + file),
                 qPrintable(run.out));
        const cv::Mat written = cv::imread(file.toStdString(), cv::IMREAD_UNCHANGED);
        const cv::Mat expected =
            cv::imread(UMBRAL_SHARED_DATA "/usb/nb1010/capture.png", cv::IMREAD_GRAYSCALE);
        QCOMPARE(written.type(), CV_8UC1);
        QCOMPARE(differingPixels(written, expected), 0);
    }

    void severalCapturesOfASimulatedScanner() {
        const QString file = work.filePath(QStringLiteral("sim.png"));
        const Run run = umbralctl({QStringLiteral("--json"), QStringLiteral("devices"),
                                   QStringLiteral("capture"), QStringLiteral("--device"),
                                   QStringLiteral("sim:finger"), QStringLiteral("--out"), file,
                                   QStringLiteral("--count"), QStringLiteral("2")},
                                  QStringLiteral("simulated"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray captures = QJsonDocument::fromJson(run.out.toUtf8())
                                        .object()
                                        .value(QStringLiteral("captures"))
                                        .toArray();
        QCOMPARE(captures.size(), 2);
        for (int i = 1; i <= 2; ++i) {
            const QString name = work.filePath(QStringLiteral("sim-%1.png").arg(i));
            QCOMPARE(captures.at(i - 1).toObject().value(QStringLiteral("file")).toString(), name);
            const cv::Mat image = cv::imread(name.toStdString(), cv::IMREAD_UNCHANGED);
            QCOMPARE(image.cols, 416);
            QCOMPARE(image.rows, 560);
        }
    }

    void anUnknownDeviceFails() {
        const Run run = umbralctl({QStringLiteral("devices"), QStringLiteral("capture"),
                                   QStringLiteral("--device"), QStringLiteral("usb:9-9"),
                                   QStringLiteral("--out"), work.filePath(QStringLiteral("x.png"))},
                                  QStringLiteral("usb"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no device usb:9-9")), qPrintable(run.err));
    }

    void aWrongCommandLineIsAUsageError_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no --out") << QStringList{"devices", "capture", "--device", "usb:1-7"};
        QTest::newRow("count zero") << QStringList{"devices", "capture", "--device", "usb:1-7",
                                                   "--out",   "a.png",   "--count",  "0"};
        QTest::newRow("unknown sub-command") << QStringList{"devices", "scan"};
        QTest::newRow("unknown option") << QStringList{"devices", "list", "--all"};
    }
    void aWrongCommandLineIsAUsageError() {
        QFETCH(QStringList, args);
        const Run run = umbralctl(args, QStringLiteral("usb"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("usage: umbralctl devices")));
    }

    void watchReportsDevicesUntilInterrupted() {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UMBRAL_DEVICE_BACKENDS"), QStringLiteral("usb,simulated"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(UMBRAL_BINARY_DIR "/bin/umbralctl"),
                      {QStringLiteral("devices"), QStringLiteral("watch")});
        QVERIFY(process.waitForStarted());
        QString seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += QString::fromUtf8(process.readAllStandardOutput()),
                                  seen.count(QStringLiteral("arrived ")) == 4),
                                 30000);
        QVERIFY(seen.contains(QStringLiteral("arrived usb:1-7  fingerprint  usb  298d:1010")));
        QVERIFY(seen.contains(QStringLiteral("arrived sim:iris  iris  simulated")));
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDevicesCli)
#include "tst_devices_cli.moc"
