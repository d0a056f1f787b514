// The common device lifecycle (device_state.h) and the device thread, driven through a
// scriptable fake driver: every state, stop and unplug in each of them, errors apart from
// traveler feedback, the named thread and the frame hand-off to slow consumers.
#include "tests/auto/devices/support/fake_driver.h"

#include "devices/api/device.h"

#include <QSignalSpy>
#include <QtTest>

using namespace umbral::devices;
using namespace umbral::devices::testing;

Q_DECLARE_METATYPE(umbral::devices::DeviceErrorCode)

namespace {

struct Rig {
    std::shared_ptr<FakeBehaviour> behaviour = std::make_shared<FakeBehaviour>();
    std::shared_ptr<Device> device;
    explicit Rig(DeviceInfo info = fakeScannerInfo(QStringLiteral("fake:1"))) {
        device = makeDevice(std::make_unique<FakeDriver>(info, behaviour));
    }
};

QList<DeviceErrorCode> codesOf(const QSignalSpy& spy) {
    QList<DeviceErrorCode> codes;
    for (const auto& args : spy)
        codes.append(args.at(0).value<DeviceError>().code());
    return codes;
}

// Brings a fresh device into `state` the way a user would (check QTest::currentTestFailed()).
void reach(Rig& rig, DeviceState state) {
    Device& device = *rig.device;
    switch (state) {
    case DeviceState::Disconnected:
        QCOMPARE(device.state(), DeviceState::Disconnected);
        return;
    case DeviceState::Idle:
        device.open();
        break;
    case DeviceState::Previewing:
        device.startPreview();
        break;
    case DeviceState::Capturing:
        rig.behaviour->presentationReady = false;
        device.capture(CaptureSpec::fingerprint(FingerprintImpression::SingleFinger,
                                                std::chrono::seconds(60)));
        break;
    case DeviceState::Error:
        rig.behaviour->failPreview = true;
        device.startPreview();
        break;
    }
    QTRY_COMPARE_WITH_TIMEOUT(device.state(), state, 5000);
    if (state == DeviceState::Capturing)
        QTRY_VERIFY_WITH_TIMEOUT(rig.behaviour->inCapture.load(), 5000);
    rig.behaviour->failPreview = false;
}

} // namespace

class TestDeviceLifecycle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startsDisconnectedAndOpensToIdle() {
        Rig rig;
        QCOMPARE(rig.device->state(), DeviceState::Disconnected);
        QSignalSpy states(rig.device.get(), &Device::stateChanged);
        rig.device->open();
        QTRY_COMPARE(rig.device->state(), DeviceState::Idle);
        QTRY_COMPARE(states.count(), 1);
        QCOMPARE(states.at(0).at(0).value<DeviceState>(), DeviceState::Idle);
        QCOMPARE(rig.behaviour->opens.load(), 1);
        rig.device->close();
        QTRY_COMPARE(rig.device->state(), DeviceState::Disconnected);
        QCOMPARE(rig.behaviour->closes.load(), 1);
    }

    void driverRunsOnTheDevicesOwnNamedThread() {
        Rig rig;
        rig.device->open();
        QTRY_COMPARE(rig.device->state(), DeviceState::Idle);
        QCOMPARE(rig.device->threadName(), QStringLiteral("dev fake:1"));
        std::lock_guard lock(rig.behaviour->mutex);
        QCOMPARE(rig.behaviour->threadSeen, QStringLiteral("dev fake:1"));
    }

    void longIdsKeepTheirEndInTheThreadName() {
        Rig rig(fakeScannerInfo(QStringLiteral("usb:1-7.4.2.1.3")));
        QCOMPARE(rig.device->threadName(), QStringLiteral("dev 1-7.4.2.1.3"));
        QVERIFY(rig.device->threadName().size() <= 15);
    }

    void previewDeliversNumberedFramesToSubscribers() {
        Rig rig;
        auto box = rig.device->subscribe(4);
        rig.device->startPreview();
        QTRY_COMPARE(rig.device->state(), DeviceState::Previewing);
        std::vector<Frame> frames;
        while (frames.size() < 5)
            if (auto frame = box->waitTake(std::chrono::seconds(5)))
                frames.push_back(*frame);
            else
                QFAIL("no preview frame arrived");
        for (std::size_t i = 0; i < frames.size(); ++i) {
            QCOMPARE(frames[i].deviceId, QStringLiteral("fake:1"));
            QCOMPARE(frames[i].kind, FrameKind::Preview);
            QCOMPARE(frames[i].ppi, 500);
            QCOMPARE(frames[i].image.type(), CV_8UC1);
            if (i > 0)
                QVERIFY(frames[i].sequence > frames[i - 1].sequence);
        }
        rig.device->stop();
        QTRY_COMPARE(rig.device->state(), DeviceState::Idle);
    }

    void previewIsToldWhatToExpectAndSwitchesOnRequest() {
        Rig rig(fakeScannerInfo(QStringLiteral("fake:slap"), Backend::Simulated, true));
        const auto expected = [&] {
            std::lock_guard lock(rig.behaviour->mutex);
            return rig.behaviour->previewSpec.impression;
        };
        rig.device->startPreview(CaptureSpec::fingerprint(FingerprintImpression::LeftSlap));
        QTRY_COMPARE(rig.device->state(), DeviceState::Previewing);
        QTRY_COMPARE(expected(), FingerprintImpression::LeftSlap);
        rig.device->startPreview(CaptureSpec::fingerprint(FingerprintImpression::TwoThumbs));
        QTRY_COMPARE(expected(), FingerprintImpression::TwoThumbs);
        QCOMPARE(rig.device->state(), DeviceState::Previewing);
    }

    void captureFromIdleReturnsToIdle() {
        Rig rig;
        QSignalSpy done(rig.device.get(), &Device::captureCompleted);
        QSignalSpy states(rig.device.get(), &Device::stateChanged);
        rig.device->capture(CaptureSpec::fingerprint(FingerprintImpression::SingleFinger));
        QVERIFY(done.wait(5000));
        const Frame frame = done.at(0).at(0).value<Frame>();
        QCOMPARE(frame.kind, FrameKind::Capture);
        QVERIFY(frame.request.has_value());
        QCOMPARE(frame.request->impression, FingerprintImpression::SingleFinger);
        QCOMPARE(frame.deviceId, QStringLiteral("fake:1"));
        QTRY_COMPARE(rig.device->state(), DeviceState::Idle);
        QList<DeviceState> seen;
        for (const auto& args : states)
            seen.append(args.at(0).value<DeviceState>());
        QCOMPARE(seen, (QList<DeviceState>{DeviceState::Idle, DeviceState::Capturing,
                                           DeviceState::Idle}));
    }

    void captureDuringPreviewResumesThePreview() {
        Rig rig;
        auto box = rig.device->subscribe(1);
        QSignalSpy done(rig.device.get(), &Device::captureCompleted);
        rig.device->startPreview();
        QTRY_COMPARE(rig.device->state(), DeviceState::Previewing);
        rig.device->capture(CaptureSpec::fingerprint(FingerprintImpression::SingleFinger));
        QVERIFY(done.wait(5000));
        const std::uint64_t captured = done.at(0).at(0).value<Frame>().sequence;
        QTRY_COMPARE(rig.device->state(), DeviceState::Previewing);
        // Preview frames keep coming after the capture.
        bool resumed = false;
        for (int i = 0; i < 100 && !resumed; ++i)
            if (auto frame = box->waitTake(std::chrono::milliseconds(100)))
                resumed = frame->sequence > captured;
        QVERIFY(resumed);
    }

    void stopIsAllowedInEveryState_data() {
        QTest::addColumn<DeviceState>("from");
        QTest::addColumn<DeviceState>("after");
        QTest::addColumn<int>("cancelled");
        QTest::newRow("disconnected")
            << DeviceState::Disconnected << DeviceState::Disconnected << 0;
        QTest::newRow("idle") << DeviceState::Idle << DeviceState::Idle << 0;
        QTest::newRow("previewing") << DeviceState::Previewing << DeviceState::Idle << 0;
        QTest::newRow("capturing") << DeviceState::Capturing << DeviceState::Idle << 1;
        QTest::newRow("error, reopens") << DeviceState::Error << DeviceState::Idle << 0;
    }
    void stopIsAllowedInEveryState() {
        QFETCH(DeviceState, from);
        QFETCH(DeviceState, after);
        QFETCH(int, cancelled);
        Rig rig;
        QSignalSpy cancels(rig.device.get(), &Device::captureCancelled);
        reach(rig, from);
        if (QTest::currentTestFailed())
            return;
        rig.device->stop();
        QTRY_COMPARE(rig.device->state(), after);
        QTRY_COMPARE(cancels.count(), cancelled);
    }

    void unplugIsAllowedInEveryState_data() {
        QTest::addColumn<DeviceState>("from");
        QTest::addColumn<int>("removalErrors");
        QTest::addColumn<int>("failedCaptures");
        QTest::newRow("disconnected") << DeviceState::Disconnected << 0 << 0;
        QTest::newRow("idle") << DeviceState::Idle << 1 << 0;
        QTest::newRow("previewing") << DeviceState::Previewing << 1 << 0;
        QTest::newRow("capturing") << DeviceState::Capturing << 1 << 1;
        QTest::newRow("error") << DeviceState::Error << 0 << 0;
    }
    void unplugIsAllowedInEveryState() {
        QFETCH(DeviceState, from);
        QFETCH(int, removalErrors);
        QFETCH(int, failedCaptures);
        Rig rig;
        reach(rig, from);
        if (QTest::currentTestFailed())
            return;
        QSignalSpy errors(rig.device.get(), &Device::errorOccurred);
        QSignalSpy failed(rig.device.get(), &Device::captureFailed);
        rig.device->markRemoved();
        QTRY_COMPARE(rig.device->state(), DeviceState::Disconnected);
        QTRY_COMPARE(errors.count(), removalErrors);
        QTRY_COMPARE(failed.count(), failedCaptures);
        for (const DeviceErrorCode code : codesOf(errors) + codesOf(failed))
            QCOMPARE(code, DeviceErrorCode::Removed);
        // Every session that was opened has been closed.
        QTRY_COMPARE(rig.behaviour->closes.load(), rig.behaviour->opens.load());
        // A removed device refuses new work with a clear error instead of hanging.
        rig.device->capture(CaptureSpec::fingerprint(FingerprintImpression::SingleFinger));
        QTRY_COMPARE(failed.count(), failedCaptures + 1);
        QCOMPARE(failed.last().at(0).value<DeviceError>().code(), DeviceErrorCode::Removed);
        QCOMPARE(rig.device->state(), DeviceState::Disconnected);
    }

    void deviceFailureMovesToErrorUntilStopReopens() {
        Rig rig;
        QSignalSpy errors(rig.device.get(), &Device::errorOccurred);
        QSignalSpy failed(rig.device.get(), &Device::captureFailed);
        rig.behaviour->failCapture = true;
        rig.device->capture(CaptureSpec::fingerprint(FingerprintImpression::SingleFinger));
        QTRY_COMPARE(rig.device->state(), DeviceState::Error);
        QTRY_COMPARE(errors.count(), 1);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(codesOf(errors), QList<DeviceErrorCode>{DeviceErrorCode::NoResponse});
        QVERIFY(rig.device->lastError().has_value());
        QCOMPARE(rig.behaviour->closes.load(), 1); // the failed session was released
        rig.behaviour->failCapture = false;
        rig.device->stop();
        QTRY_COMPARE(rig.device->state(), DeviceState::Idle);
        QCOMPARE(rig.behaviour->opens.load(), 2);
    }

    void openFailureIsReportedWithItsCause_data() {
        QTest::addColumn<DeviceErrorCode>("code");
        QTest::addColumn<DeviceState>("after");
        QTest::newRow("no permission") << DeviceErrorCode::AccessDenied << DeviceState::Error;
        QTest::newRow("held by another program") << DeviceErrorCode::Busy << DeviceState::Error;
        QTest::newRow("gone before opening")
            << DeviceErrorCode::Removed << DeviceState::Disconnected;
    }
    void openFailureIsReportedWithItsCause() {
        QFETCH(DeviceErrorCode, code);
        QFETCH(DeviceState, after);
        Rig rig;
        rig.behaviour->failOpen = true;
        rig.behaviour->openError = code;
        QSignalSpy errors(rig.device.get(), &Device::errorOccurred);
        QSignalSpy failed(rig.device.get(), &Device::captureFailed);
        rig.device->capture(CaptureSpec::fingerprint(FingerprintImpression::SingleFinger));
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(codesOf(errors), QList<DeviceErrorCode>{code});
        QTRY_COMPARE(failed.count(), 1); // the waiting capture learns why
        QTRY_COMPARE(rig.device->state(), after);
    }

    void captureTimeoutIsNotADeviceFailure() {
        Rig rig;
        rig.behaviour->presentationReady = false;
        QSignalSpy errors(rig.device.get(), &Device::errorOccurred);
        QSignalSpy failed(rig.device.get(), &Device::captureFailed);
        QSignalSpy feedback(rig.device.get(), &Device::feedbackChanged);
        rig.device->capture(CaptureSpec::fingerprint(FingerprintImpression::SingleFinger,
                                                     std::chrono::milliseconds(50)));
        QVERIFY(failed.wait(5000));
        QCOMPARE(codesOf(failed), QList<DeviceErrorCode>{DeviceErrorCode::CaptureTimeout});
        QTRY_COMPARE(rig.device->state(), DeviceState::Idle);
        QCOMPARE(errors.count(), 0);
        QVERIFY(!feedback.isEmpty());
        QCOMPARE(feedback.at(0).at(0).value<TravelerFeedback>(), TravelerFeedback::PlaceFinger);
    }

    void requestsOutsideTheCapabilitiesAreRefused_data() {
        QTest::addColumn<CaptureSpec>("request");
        QTest::newRow("slap on a single-finger scanner")
            << CaptureSpec::fingerprint(FingerprintImpression::LeftSlap);
        QTest::newRow("rolled on a flat scanner")
            << CaptureSpec::fingerprint(FingerprintImpression::Rolled);
        QTest::newRow("iris on a fingerprint scanner") << CaptureSpec::iris(IrisEye::Left);
    }
    void requestsOutsideTheCapabilitiesAreRefused() {
        QFETCH(CaptureSpec, request);
        Rig rig;
        QSignalSpy failed(rig.device.get(), &Device::captureFailed);
        QSignalSpy errors(rig.device.get(), &Device::errorOccurred);
        rig.device->capture(request);
        QVERIFY(failed.wait(5000));
        QCOMPARE(codesOf(failed), QList<DeviceErrorCode>{DeviceErrorCode::NotSupported});
        QTRY_COMPARE(rig.device->state(), DeviceState::Idle);
        QCOMPARE(errors.count(), 0);
    }

    void travelerFeedbackIsKeptApartFromErrors() {
        Rig rig;
        rig.behaviour->presentationReady = false;
        QSignalSpy feedback(rig.device.get(), &Device::feedbackChanged);
        QSignalSpy errors(rig.device.get(), &Device::errorOccurred);
        rig.device->startPreview();
        QTRY_VERIFY(!feedback.isEmpty());
        QCOMPARE(feedback.last().at(0).value<TravelerFeedback>(), TravelerFeedback::PlaceFinger);
        rig.behaviour->presentationReady = true;
        QTRY_COMPARE(feedback.last().at(0).value<TravelerFeedback>(), TravelerFeedback::None);
        QCOMPARE(rig.device->state(), DeviceState::Previewing);
        QCOMPARE(errors.count(), 0);
    }

    void slowConsumerSkipsFramesAndNeverBlocksTheDevice() {
        Rig rig;
        rig.behaviour->previewIntervalMs = 0;
        auto sleeper = rig.device->subscribe(1); // never read
        auto reader = rig.device->subscribe(1);
        std::uint64_t read = 0;
        rig.device->startPreview();
        // The device keeps producing although one consumer takes nothing at all.
        QTRY_VERIFY_WITH_TIMEOUT(rig.behaviour->previewFrames.load() >= 300, 10000);
        while (read < 3)
            if (reader->waitTake(std::chrono::seconds(5)))
                ++read;
        rig.device->stop();
        QTRY_COMPARE(rig.device->state(), DeviceState::Idle);
        const auto stats = sleeper->stats();
        QVERIFY(stats.posted >= 300);
        QCOMPARE(sleeper->size(), std::size_t(1));
        QCOMPARE(stats.dropped, stats.posted - 1);
        QCOMPARE(read, std::uint64_t(3));
    }

    void droppingTheSubscriptionUnsubscribes() {
        Rig rig;
        std::weak_ptr<FrameMailbox> weak;
        {
            auto box = rig.device->subscribe(1);
            weak = box;
        }
        rig.device->startPreview();
        QTRY_VERIFY(rig.behaviour->previewFrames.load() > 3);
        QVERIFY(weak.expired());
    }

    void destroyingACapturingDeviceInterruptsAndCloses() {
        Rig rig;
        reach(rig, DeviceState::Capturing);
        if (QTest::currentTestFailed())
            return;
        rig.device.reset(); // joins the device thread
        QCOMPARE(rig.behaviour->inCapture.load(), false);
        QCOMPARE(rig.behaviour->closes.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeviceLifecycle)
#include "tst_device_lifecycle.moc"
