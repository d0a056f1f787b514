// The NB-1010-U driver against the recording of a real device (libfprint's test data), replayed
// by umockdev-run: the image must be identical, pixel for pixel, to the recorded capture.png.
#include "devices/api/device_manager.h"
#include "devices/usb/usb_backend.h"

#include <QSignalSpy>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>

using namespace umbral::devices;

namespace {

cv::Mat expectedImage() {
    // capture.png is stored as RGB with three equal channels; read it as grey.
    return cv::imread(UMBRAL_SHARED_DATA "/usb/nb1010/capture.png", cv::IMREAD_GRAYSCALE);
}

int differingPixels(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat diff;
    cv::compare(a, b, diff, cv::CMP_NE);
    return cv::countNonZero(diff);
}

} // namespace

class TestNb1010Replay : public QObject {
    Q_OBJECT

    std::unique_ptr<DeviceManager> manager;

private Q_SLOTS:
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("UMOCKDEV_DIR"))
            QFAIL("run inside umockdev-run with the NB-1010 recording (ctest does this)");
        QVERIFY(!expectedImage().empty());
    }

    void init() {
        manager = std::make_unique<DeviceManager>();
        manager->addBackend(std::make_unique<UsbBackend>());
        manager->start();
    }
    void cleanup() { manager.reset(); }

    void theRecordedDeviceIsListed() {
        const QList<DeviceInfo> devices = manager->devices();
        QCOMPARE(devices.size(), 1); // the root hub of the recording is not a scanner
        const DeviceInfo& info = devices.first();
        QCOMPARE(info.id, QStringLiteral("usb:1-7"));
        QCOMPARE(info.backend, Backend::Usb);
        QCOMPARE(usbIdText(info), QStringLiteral("298d:1010"));
        QCOMPARE(info.model, QStringLiteral("NEXT Biometrics NB-1010-U"));
        QCOMPARE(info.location, QStringLiteral("/dev/bus/usb/001/003"));
        QVERIFY(info.fingerprint.has_value());
        QCOMPARE(info.fingerprint->imageSize, QSize(256, 180));
        QVERIFY(info.fingerprint->singleFinger);
        QVERIFY(!info.fingerprint->fourFingerSlap);
    }

    void captureIsIdenticalToTheRecordedImage() {
        auto scanner = manager->fingerprintScanner(QStringLiteral("usb:1-7"));
        QVERIFY(scanner);
        QSignalSpy done(scanner.get(), &Device::captureCompleted);
        QSignalSpy failed(scanner.get(), &Device::captureFailed);
        scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(10));
        QVERIFY2(done.wait(10000),
                 failed.isEmpty()
                     ? "no capture"
                     : qPrintable(failed.first().first().value<DeviceError>().describe()));
        const Frame frame = done.first().first().value<Frame>();
        const cv::Mat expected = expectedImage();
        QCOMPARE(frame.image.type(), CV_8UC1);
        QCOMPARE(frame.image.cols, expected.cols);
        QCOMPARE(frame.image.rows, expected.rows);
        QCOMPARE(differingPixels(frame.image, expected), 0);
        QCOMPARE(frame.deviceId, QStringLiteral("usb:1-7"));
        QCOMPARE(frame.kind, FrameKind::Capture);
        QCOMPARE(frame.ppi, 385);
        cv::imwrite(UMBRAL_TEST_OUTPUT "/nb1010_replay_capture.png", frame.image);
        QTRY_COMPARE(scanner->state(), DeviceState::Idle);
    }

    void previewFramesAreTheRecordedImageToo() {
        auto scanner = manager->fingerprintScanner(QStringLiteral("usb:1-7"));
        QVERIFY(scanner);
        auto box = scanner->subscribe(1);
        scanner->startPreview();
        const auto frame = box->waitTake(std::chrono::seconds(10));
        QVERIFY(frame.has_value());
        QCOMPARE(frame->kind, FrameKind::Preview);
        QCOMPARE(differingPixels(frame->image, expectedImage()), 0);
        scanner->stop();
        QTRY_COMPARE(scanner->state(), DeviceState::Idle);
    }

    void aSecondCaptureWaitsForTheFingerToBeLifted() {
        // The recorded device always reports a finger on the platen, so the finger-off step
        // between two captures can only end at the capture deadline - as a capture timeout
        // naming the reason, not as a device failure.
        auto scanner = manager->fingerprintScanner(QStringLiteral("usb:1-7"));
        QVERIFY(scanner);
        QSignalSpy done(scanner.get(), &Device::captureCompleted);
        QSignalSpy failed(scanner.get(), &Device::captureFailed);
        QSignalSpy feedback(scanner.get(), &Device::feedbackChanged);
        QSignalSpy errors(scanner.get(), &Device::errorOccurred);
        scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(10));
        QVERIFY(done.wait(10000));
        scanner->captureFingers(FingerprintImpression::SingleFinger,
                                std::chrono::milliseconds(300));
        QVERIFY(failed.wait(10000));
        const DeviceError error = failed.first().first().value<DeviceError>();
        QCOMPARE(error.code(), DeviceErrorCode::CaptureTimeout);
        QVERIFY2(error.message().contains(QStringLiteral("not lifted")),
                 qPrintable(error.message()));
        bool askedToLift = false;
        for (const auto& args : feedback)
            askedToLift |= args.first().value<TravelerFeedback>() == TravelerFeedback::RemoveFinger;
        QVERIFY(askedToLift);
        QTRY_COMPARE(scanner->state(), DeviceState::Idle);
        QCOMPARE(errors.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestNb1010Replay)
#include "tst_nb1010_replay.moc"
