// The live capture without widgets, on the simulated devices: the session previews the
// workflow's current presentation, scores it on the quality worker, captures automatically when
// the quality holds, stores every finger and both eyes in the workflow; a scanner unplugged in
// the middle is reported, nothing captured is lost, and capture resumes when it is plugged in
// again. Waits are for events (QTRY), never sleeps.
#include "app/enrollment/capture/capture_session.h"
#include "app/enrollment/encounter_captures.h"
#include "devices/api/device_manager.h"
#include "devices/simulated/simulated_backend.h"

#include <QSignalSpy>
#include <QtTest>

using namespace umbral;
using namespace umbral::enrollment;

namespace {

const QString kTd3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                    "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

// Quick simulated devices: a placement settles in a few frames.
devices::SimulatedBackend::Options fastDevices(bool slapScanner) {
    devices::SimulatedBackend::Options o;
    o.singleFingerScanner = !slapScanner;
    o.slapScanner = slapScanner;
    o.finger.previewFps = 30;
    o.finger.timing.landingFrames = 3;
    o.finger.timing.settlingFrames = 2;
    o.finger.landing = std::chrono::milliseconds(100);
    o.slap.previewFps = 30;
    o.slap.timing.landingFrames = 3;
    o.slap.timing.settlingFrames = 2;
    o.slap.landing = std::chrono::milliseconds(100);
    o.iris.approachFrames = 4;
    o.iris.approach = std::chrono::milliseconds(100);
    return o;
}

int capturedFingers(const EncounterWorkflow& w) {
    int n = 0;
    for (FingerPosition f : allSingleFingers())
        n += w.captures().slot(slotKey(f)).best.has_value();
    return n;
}

} // namespace

class TestCaptureSession : public QObject {
    Q_OBJECT

    struct Station {
        devices::DeviceManager manager;
        devices::SimulatedBackend* backend = nullptr;
        std::unique_ptr<CaptureSession> session;
        std::unique_ptr<EncounterWorkflow> workflow;

        explicit Station(bool slapScanner = false) {
            auto b = std::make_unique<devices::SimulatedBackend>(fastDevices(slapScanner));
            backend = b.get();
            backend->script()->present({.identitySeed = 1234});
            manager.addBackend(std::move(b));
            manager.start();
            session = std::make_unique<CaptureSession>(manager, EnrollmentSettings{},
                                                       defaultSlapSegmenter());
            workflow = std::make_unique<EncounterWorkflow>(session->planForScanner());
            workflow->setMrz(kTd3, QDate(2026, 11, 28));
            session->attach(workflow.get());
        }
        ~Station() { session.reset(); }
    };

private slots:
    void singleFingerScannerCapturesEveryFingerAutomatically() {
        Station s;
        QCOMPARE(s.workflow->fingerPlan().describe(), QStringLiteral("10 single fingers"));
        QSignalSpy stored(s.session.get(), &CaptureSession::captureStored);
        QSignalSpy scored(s.session.get(), &CaptureSession::fingerQuality);
        QSignalSpy previews(s.session.get(), &CaptureSession::previewReady);
        s.workflow->next();
        s.session->setActivity(CaptureSession::Activity::Fingerprints);
        QCOMPARE(s.session->scannerStatus(), CaptureSession::DeviceStatus::Previewing);
        QTRY_VERIFY_WITH_TIMEOUT(s.workflow->fingerprintsComplete(), 120000);
        QCOMPARE(capturedFingers(*s.workflow), 10);
        QVERIFY(stored.count() >= 10);
        for (const auto& args : stored)
            QVERIFY(args.at(2).toBool()); // every one automatic
        QVERIFY(scored.count() > 10);
        QVERIFY(previews.count() > 10);
        for (FingerPosition f : allSingleFingers()) {
            const CaptureSlot& slot = s.workflow->captures().slot(slotKey(f));
            QVERIFY(slot.best->quality >= EnrollmentSettings{}.finger.threshold - 15);
            QCOMPARE(slot.best->deviceId, QStringLiteral("sim:finger"));
            QVERIFY(slot.best->image.startsWith("\x89PNG"));
        }
    }

    void irisesAreCapturedAutomatically() {
        Station s;
        s.workflow->goTo(EncounterStep::Irises);
        QSignalSpy quality(s.session.get(), &CaptureSession::irisQuality);
        s.session->setActivity(CaptureSession::Activity::Irises);
        QTRY_VERIFY_WITH_TIMEOUT(s.workflow->irisesComplete(), 60000);
        QVERIFY(quality.count() > 0);
        const auto q = quality.last().at(0).value<IrisFrameQuality>();
        QVERIFY(q.assessed);
        QCOMPARE(int(q.metrics.size()), 12);
        for (IrisSide eye : {IrisSide::Right, IrisSide::Left}) {
            const CaptureSlot& slot = s.workflow->captures().slot(slotKey(eye));
            QVERIFY(slot.best.has_value());
            QCOMPARE(slot.best->width, 640);
            QVERIFY(slot.best->quality >= EnrollmentSettings{}.iris.threshold);
        }
    }

    void unpluggedScannerKeepsCapturesAndResumes() {
        Station s;
        s.workflow->next();
        s.session->setActivity(CaptureSession::Activity::Fingerprints);
        QTRY_VERIFY_WITH_TIMEOUT(capturedFingers(*s.workflow) >= 3, 60000);
        QSignalSpy problems(s.session.get(), &CaptureSession::problem);
        s.backend->unplug(QStringLiteral("sim:finger"));
        QTRY_COMPARE_WITH_TIMEOUT(s.session->scannerStatus(), CaptureSession::DeviceStatus::Removed,
                                  10000);
        QVERIFY(!problems.isEmpty());
        QVERIFY(problems.last().at(0).toString().contains("disconnected"));
        const int before = capturedFingers(*s.workflow);
        QVERIFY(before >= 3);
        // Nothing more is captured while it is away, and nothing is lost.
        QTest::qWait(300);
        QCOMPARE(capturedFingers(*s.workflow), before);
        s.backend->plug(QStringLiteral("sim:finger"));
        QTRY_COMPARE_WITH_TIMEOUT(s.session->scannerStatus(),
                                  CaptureSession::DeviceStatus::Previewing, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(s.workflow->fingerprintsComplete(), 120000);
        QCOMPARE(s.session->scannerInfo()->id, QStringLiteral("sim:finger"));
    }

    void manualCaptureAndExceptions() {
        Station s;
        s.workflow->next();
        // The right thumb is bandaged: the plan skips it.
        s.workflow->setException(slotKey(FingerPosition::RightThumb), CaptureException::Bandaged,
                                 "bandaged thumb");
        QCOMPARE(s.workflow->currentImpression(), 1);
        s.session->setActivity(CaptureSession::Activity::Fingerprints);
        QSignalSpy stored(s.session.get(), &CaptureSession::captureStored);
        s.session->captureNow();
        QVERIFY(stored.wait(30000));
        QCOMPARE(stored.first().at(2).toBool(), false); // by hand
        QVERIFY(stored.first().at(0).toStringList().contains(slotKey(FingerPosition::RightIndex)));
        QVERIFY(!s.workflow->captures().slot(slotKey(FingerPosition::RightThumb)).best.has_value());
    }

    void slapScannerPlansFromItsCapabilities() {
        Station s(true);
        const bool canSegment = bool(defaultSlapSegmenter());
        QCOMPARE(s.workflow->fingerPlan().describe(),
                 canSegment ? QStringLiteral("4-4-2 slaps") : QStringLiteral("10 single fingers"));
        QCOMPARE(s.session->scannerInfo()->id, QStringLiteral("sim:slap"));
    }
};

QTEST_MAIN(TestCaptureSession)
#include "tst_capture_session.moc"
