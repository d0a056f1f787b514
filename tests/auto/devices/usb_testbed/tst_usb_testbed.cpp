// The USB backend and the NB-1010 driver against an emulated NB-1010 in a libumockdev test bed
// (support/nb1010_testbed.h): arrival and removal reach the DeviceManager; unplugging while idle
// or while capturing ends in a clear error within 2 s and the process goes on; a reply of the
// wrong length and a device that never answers each give a clear error, without hanging.
#include "tests/auto/devices/support/nb1010_testbed.h"

#include "devices/api/device_manager.h"
#include "devices/usb/usb_backend.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>
#include <signal.h>

using namespace umbral::devices;
using namespace umbral::devices::testing;

Q_DECLARE_METATYPE(umbral::devices::testing::Nb1010Testbed::Unplug)

namespace {

constexpr auto kId = "usb:1-7";

cv::Mat sensorImage() {
    static const std::vector<std::uint8_t> pixels = Nb1010Testbed::sensorImage();
    return cv::Mat(180, 256, CV_8UC1, const_cast<std::uint8_t*>(pixels.data()));
}

int differingPixels(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat diff;
    cv::compare(a, b, diff, cv::CMP_NE);
    return cv::countNonZero(diff);
}

QString firstError(const QSignalSpy& spy) {
    return spy.isEmpty() ? QStringLiteral("(none)")
                         : spy.first().first().value<DeviceError>().describe();
}

} // namespace

class TestUsbTestbed : public QObject {
    Q_OBJECT

    std::unique_ptr<Nb1010Testbed> bed;
    std::unique_ptr<DeviceManager> manager;

    // Plugs the emulated scanner in and waits until the manager has it.
    std::shared_ptr<FingerprintScanner> plugScanner() {
        QSignalSpy arrived(manager.get(), &DeviceManager::deviceArrived);
        bed->plug();
        if (!manager->find(QString::fromLatin1(kId)) && !arrived.wait(5000))
            return nullptr;
        return manager->fingerprintScanner(QString::fromLatin1(kId));
    }

private Q_SLOTS:
    void init() {
        bed = std::make_unique<Nb1010Testbed>(); // before libusb starts: it reads the test bed
        manager = std::make_unique<DeviceManager>();
        manager->addBackend(std::make_unique<UsbBackend>());
        manager->start();
    }
    void cleanup() {
        manager.reset();
        bed.reset();
    }

    void arrivalAndRemovalReachTheManager() {
        QVERIFY(manager->devices().isEmpty());
        QSignalSpy arrived(manager.get(), &DeviceManager::deviceArrived);
        QSignalSpy removed(manager.get(), &DeviceManager::deviceRemoved);
        bed->plug();
        QVERIFY(arrived.wait(5000));
        const DeviceInfo info = arrived.first().first().value<DeviceInfo>();
        QCOMPARE(info.id, QString::fromLatin1(kId));
        QCOMPARE(usbIdText(info), QStringLiteral("298d:1010"));
        QCOMPARE(manager->devices().size(), 1);
        bed->unplug(Nb1010Testbed::Unplug::Clean);
        QVERIFY(removed.wait(5000));
        QCOMPARE(removed.first().first().toString(), QString::fromLatin1(kId));
        QVERIFY(manager->devices().isEmpty());
        QCOMPARE(arrived.count(), 1);
    }

    void umbralctlWatchPrintsArrivalAndRemoval() {
        // A technician watching the bus while the scanner is plugged in and pulled out.
        QProcess watch;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // with the test bed
        env.insert(QStringLiteral("UMBRAL_DEVICE_BACKENDS"), QStringLiteral("usb"));
        watch.setProcessEnvironment(env);
        watch.start(QStringLiteral(UMBRAL_BINARY_DIR "/bin/umbralctl"),
                    {QStringLiteral("devices"), QStringLiteral("watch")});
        QVERIFY(watch.waitForStarted());
        QString seen;
        const auto saw = [&](const QString& line) {
            seen += QString::fromUtf8(watch.readAllStandardOutput());
            return seen.contains(line);
        };
        bed->plug();
        QTRY_VERIFY_WITH_TIMEOUT(
            saw(QStringLiteral("arrived usb:1-7  fingerprint  usb  298d:1010")), 30000);
        bed->unplug(Nb1010Testbed::Unplug::Clean);
        QTRY_VERIFY_WITH_TIMEOUT(saw(QStringLiteral("removed usb:1-7\n")), 30000);
        ::kill(pid_t(watch.processId()), SIGINT);
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitCode(), 0);
        QCOMPARE(seen.count(QStringLiteral("arrived ")), 1);
    }

    void captureAssemblesTheNinetyChunks() {
        auto scanner = plugScanner();
        QVERIFY(scanner);
        QSignalSpy done(scanner.get(), &Device::captureCompleted);
        QSignalSpy failed(scanner.get(), &Device::captureFailed);
        scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(10));
        QVERIFY2(done.wait(10000), qPrintable(firstError(failed)));
        const Frame frame = done.first().first().value<Frame>();
        QCOMPARE(frame.image.size(), cv::Size(256, 180));
        QCOMPARE(differingPixels(frame.image, sensorImage()), 0);
    }

    void theTravelerIsAskedToPlaceAFinger() {
        auto scanner = plugScanner();
        QVERIFY(scanner);
        bed->setFingerPresent(false);
        QSignalSpy done(scanner.get(), &Device::captureCompleted);
        QSignalSpy feedback(scanner.get(), &Device::feedbackChanged);
        QSignalSpy errors(scanner.get(), &Device::errorOccurred);
        scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(20));
        QVERIFY(feedback.wait(5000));
        QCOMPARE(feedback.first().first().value<TravelerFeedback>(), TravelerFeedback::PlaceFinger);
        QCOMPARE(scanner->state(), DeviceState::Capturing);
        bed->setFingerPresent(true);
        QVERIFY(done.wait(10000));
        QCOMPARE(errors.count(), 0);
    }

    void removalWhileIdleEndsInAClearError_data() {
        QTest::addColumn<Nb1010Testbed::Unplug>("how");
        QTest::newRow("kernel-like removal") << Nb1010Testbed::Unplug::Clean;
        QTest::newRow("dead device") << Nb1010Testbed::Unplug::Dead;
    }
    void removalWhileIdleEndsInAClearError() {
        QFETCH(Nb1010Testbed::Unplug, how);
        auto scanner = plugScanner();
        QVERIFY(scanner);
        scanner->open();
        QTRY_COMPARE(scanner->state(), DeviceState::Idle);
        QSignalSpy errors(scanner.get(), &Device::errorOccurred);
        QElapsedTimer clock;
        clock.start();
        bed->unplug(how);
        QVERIFY(errors.wait(5000));
        QTRY_COMPARE(scanner->state(), DeviceState::Disconnected);
        qInfo("unplugged while idle: error and Disconnected after %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        const DeviceError error = errors.first().first().value<DeviceError>();
        QCOMPARE(error.code(), DeviceErrorCode::Removed);
        QCOMPARE(error.deviceId(), QString::fromLatin1(kId));
        QVERIFY2(error.message().contains(QStringLiteral("unplugged")),
                 qPrintable(error.message()));
    }

    void removalWhileCapturingEndsInAClearErrorAndTheProcessGoesOn_data() {
        removalWhileIdleEndsInAClearError_data();
    }
    void removalWhileCapturingEndsInAClearErrorAndTheProcessGoesOn() {
        QFETCH(Nb1010Testbed::Unplug, how);
        auto scanner = plugScanner();
        QVERIFY(scanner);
        bed->holdImage(true); // the capture stops in the middle of the image transfer
        QSignalSpy failed(scanner.get(), &Device::captureFailed);
        QSignalSpy errors(scanner.get(), &Device::errorOccurred);
        scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(30));
        QTRY_VERIFY_WITH_TIMEOUT(bed->waitingForImageChunk(), 5000);
        QCOMPARE(scanner->state(), DeviceState::Capturing);

        QElapsedTimer clock;
        clock.start();
        bed->unplug(how);
        QVERIFY(failed.wait(5000));
        QTRY_COMPARE(scanner->state(), DeviceState::Disconnected);
        qInfo("unplugged while capturing: error and Disconnected after %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(failed.first().first().value<DeviceError>().code(), DeviceErrorCode::Removed);
        QTRY_COMPARE(errors.count(), 1);
        const DeviceError error = errors.first().first().value<DeviceError>();
        QCOMPARE(error.code(), DeviceErrorCode::Removed);
        QVERIFY2(error.message().contains(QStringLiteral("while capturing")),
                 qPrintable(error.message()));

        // The process goes on: the scanner plugged in again works.
        bed->holdImage(false);
        QTRY_VERIFY(manager->devices().isEmpty());
        auto again = plugScanner();
        QVERIFY(again);
        QVERIFY(again.get() != scanner.get());
        QSignalSpy done(again.get(), &Device::captureCompleted);
        QSignalSpy failedAgain(again.get(), &Device::captureFailed);
        again->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(10));
        QVERIFY2(done.wait(10000), qPrintable(firstError(failedAgain)));
        QCOMPARE(differingPixels(done.first().first().value<Frame>().image, sensorImage()), 0);
    }

    void aReplyOfTheWrongLengthIsAProtocolError() {
        auto scanner = plugScanner();
        QVERIFY(scanner);
        bed->setReply(Nb1010Testbed::Reply::WrongLength);
        QSignalSpy failed(scanner.get(), &Device::captureFailed);
        QSignalSpy errors(scanner.get(), &Device::errorOccurred);
        scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(30));
        QVERIFY(failed.wait(5000));
        const DeviceError error = failed.first().first().value<DeviceError>();
        QCOMPARE(error.code(), DeviceErrorCode::Protocol);
        QVERIFY2(error.message().contains(QStringLiteral("replied 10 bytes, expected 16")),
                 qPrintable(error.message()));
        QTRY_COMPARE(errors.count(), 1);
        QTRY_COMPARE(scanner->state(), DeviceState::Error);
    }

    void aDeviceThatNeverAnswersTimesOutAndRecovers() {
        auto scanner = plugScanner();
        QVERIFY(scanner);
        bed->setReply(Nb1010Testbed::Reply::Silent);
        QSignalSpy failed(scanner.get(), &Device::captureFailed);
        QSignalSpy errors(scanner.get(), &Device::errorOccurred);
        scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(30));
        QVERIFY(failed.wait(5000)); // the 500 ms transfer timeout, not the 30 s capture deadline
        const DeviceError error = failed.first().first().value<DeviceError>();
        QCOMPARE(error.code(), DeviceErrorCode::NoResponse);
        QVERIFY2(error.message().contains(QStringLiteral("did not answer within 500 ms")),
                 qPrintable(error.message()));
        QTRY_COMPARE(scanner->state(), DeviceState::Error);
        QCOMPARE(errors.count(), 1);

        // Once the device talks again, stop() reopens it and captures work.
        bed->setReply(Nb1010Testbed::Reply::Normal);
        scanner->stop();
        QTRY_COMPARE(scanner->state(), DeviceState::Idle);
        QSignalSpy done(scanner.get(), &Device::captureCompleted);
        scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(10));
        QVERIFY2(done.wait(10000), qPrintable(firstError(failed)));
    }

    void stopDuringAnImageTransferLeavesTheDeviceUsable() {
        auto scanner = plugScanner();
        QVERIFY(scanner);
        bed->holdImage(true);
        QSignalSpy cancelled(scanner.get(), &Device::captureCancelled);
        scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(30));
        QTRY_VERIFY_WITH_TIMEOUT(bed->waitingForImageChunk(), 5000);
        scanner->stop();
        QVERIFY(cancelled.wait(5000));
        QTRY_COMPARE(scanner->state(), DeviceState::Idle);
        // The chunks of the abandoned image come out now; the driver drains them before its
        // next command, so the next capture is a clean image.
        bed->holdImage(false);
        bed->releaseImage();
        QSignalSpy done(scanner.get(), &Device::captureCompleted);
        QSignalSpy failed(scanner.get(), &Device::captureFailed);
        scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(10));
        QVERIFY2(done.wait(10000), qPrintable(firstError(failed)));
        QCOMPARE(differingPixels(done.first().first().value<Frame>().image, sensorImage()), 0);
    }
};

QTEST_GUILESS_MAIN(TestUsbTestbed)
#include "tst_usb_testbed.moc"
