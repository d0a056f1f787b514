// The live capture without widgets, on the simulated devices: the session previews the
// workflow's current presentation, scores it on the quality worker, captures automatically when
// the quality holds, stores every finger and both eyes in the workflow; a scanner unplugged in
// the middle is reported, nothing captured is lost, and capture resumes when it is plugged in
// again. Waits are for events (QTRY), never sleeps.
#include "app/biometrics/fingerprint/quality/preview_quality.h"
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

        explicit Station(bool slapScanner = false,
                         SlapSegmenter segmenter = defaultSlapSegmenter()) {
            auto b = std::make_unique<devices::SimulatedBackend>(fastDevices(slapScanner));
            backend = b.get();
            backend->script()->present({.identitySeed = 1234});
            manager.addBackend(std::move(b));
            manager.start();
            session = std::make_unique<CaptureSession>(manager, EnrollmentSettings{},
                                                       std::move(segmenter));
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
    // The 4-4-2 path with a stand-in segmenter (whatever this build's segmenter): the plan follows
    // the slap scanner, and one slap taken by hand fills the fingers of that slap only.
    void slapPlanWithAStandInSegmenter() {
        // Cuts the slap into one strip per finger of the slap, in image order.
        const SlapSegmenter strips = [](const cv::Mat& image, double ppi, FingerPosition slap,
                                        bool withCrops) {
            SlapReading r;
            const auto fingers = fingersInSlap(slap);
            const float w = float(image.cols) / float(fingers.size());
            for (std::size_t i = 0; i < fingers.size(); ++i) {
                const cv::RotatedRect box({w * (float(i) + 0.5f), float(image.rows) * 0.35f},
                                          {w * 0.8f, float(image.rows) * 0.4f}, 0.f);
                r.fingertips.push_back(
                    {fingers[i], box,
                     withCrops ? biometrics::uprightFingerImage(image, ppi, box) : cv::Mat()});
            }
            return r;
        };
        Station s(true, strips);
        QCOMPARE(s.workflow->fingerPlan().describe(), QStringLiteral("4-4-2 slaps"));
        QCOMPARE(s.workflow->fingerPlan().impressions().front().impression,
                 FingerPosition::PlainRightFour);
        s.workflow->next();
        s.session->setActivity(CaptureSession::Activity::Fingerprints);
        QSignalSpy scored(s.session.get(), &CaptureSession::fingerQuality);
        QVERIFY(scored.wait(30000));
        QCOMPARE(int(scored.first().at(0).value<FingerFrameQuality>().fingers.size()), 4);
        QSignalSpy stored(s.session.get(), &CaptureSession::captureStored);
        s.session->captureNow();
        QVERIFY(stored.wait(30000));
        QStringList kept = stored.first().at(0).toStringList();
        // The slap image itself is kept along with its fingers.
        QVERIFY2(kept.removeAll(slotKey(FingerPosition::PlainRightFour)) == 1,
                 qPrintable(kept.join(u',')));
        const QStringList missing = stored.first().at(1).toStringList();
        QCOMPARE(kept.size() + missing.size(), 4);
        QVERIFY(!kept.isEmpty());
        for (FingerPosition f : fingersInSlap(FingerPosition::PlainRightFour))
            QVERIFY(kept.contains(slotKey(f)) || missing.contains(slotKey(f)));
        for (FingerPosition f : fingersInSlap(FingerPosition::PlainLeftFour))
            QVERIFY(!s.workflow->captures().slot(slotKey(f)).best.has_value());
    }
};

QTEST_MAIN(TestCaptureSession)
#include "tst_capture_session.moc"
