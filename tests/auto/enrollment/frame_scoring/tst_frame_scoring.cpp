// Frame scoring and capture processing for the 4-4-2 plan, with a segmenter that returns the
// synthetic slap's own finger boxes (so these tests check the station's side: which fingertip is
// which slot, the readings the policy gets, the captures a slap yields, fingers missing from a
// capture, a slap of the wrong hand), and for single fingers and irises.
#include "app/biometrics/fingerprint/quality/preview_quality.h"
#include "app/enrollment/capture/frame_scoring.h"
#include "devices/simulated/finger_synthesis.h"
#include "devices/simulated/iris_synthesis.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace umbral;
using namespace umbral::enrollment;

namespace {

devices::Frame frameOf(const cv::Mat& image, std::uint64_t sequence = 1) {
    devices::Frame f;
    f.image = image;
    f.ppi = 500;
    f.sequence = sequence;
    f.deviceId = QStringLiteral("test:slap");
    f.timestamp = std::chrono::steady_clock::now();
    f.capturedAtUtc = QDateTime::currentDateTimeUtc();
    return f;
}

// A segmenter that "finds" exactly the fingers the generator drew, optionally dropping some,
// forgetting their positions, or saying the hand is the other one.
struct TruthSegmenter {
    std::vector<devices::SyntheticFinger> fingers;
    bool handMatches = true;
    bool forgetPositions = false;
    SlapSegmenter function() const {
        return [*this](const cv::Mat& image, double ppi, FingerPosition, bool withCrops) {
            SlapReading r;
            r.handMatches = handMatches;
            for (const auto& f : fingers)
                r.fingertips.push_back(
                    {forgetPositions ? FingerPosition::Unknown : FingerPosition(int(f.position)),
                     f.box,
                     withCrops ? biometrics::uprightFingerImage(image, ppi, f.box) : cv::Mat()});
            return r;
        };
    }
};

} // namespace

class TestFrameScoring : public QObject {
    Q_OBJECT

    devices::FingerprintSynthesizer synthesizer_;

    devices::SyntheticCapture slap(devices::FrictionRidgePosition which,
                                   std::vector<devices::FrictionRidgePosition> absent = {}) {
        devices::CaptureRequest r;
        r.identitySeed = 99;
        r.position = which;
        r.impressionSeed = 7;
        r.absentFingers = std::move(absent);
        return synthesizer_.capture(r);
    }

private slots:
    void slapReadingsFollowThePlan() {
        const auto capture = slap(devices::FrictionRidgePosition::PlainRightFour);
        QCOMPARE(int(capture.fingers.size()), 4);
        const PlannedImpression plan{FingerPosition::PlainRightFour,
                                     fingersInSlap(FingerPosition::PlainRightFour)};
        TruthSegmenter segmenter{capture.fingers};
        const FingerFrameQuality q =
            scoreFingerFrame(frameOf(capture.image, 42), plan, plan.fingers, segmenter.function());
        QCOMPARE(int(q.fingers.size()), 4);
        for (std::size_t i = 0; i < 4; ++i) {
            QCOMPARE(q.fingers[i].finger, plan.fingers[i]);
            QVERIFY2(q.fingers[i].score.has_value(), qPrintable(toKey(plan.fingers[i])));
            QVERIFY(*q.fingers[i].score > 0);
            QVERIFY(q.fingers[i].box.size.area() > 0);
        }
        const FrameScores scores = q.scores();
        QCOMPARE(scores.sequence, std::uint64_t(42));
        QCOMPARE(int(scores.scores.size()), 4);
        QVERIFY(q.handMatches);
    }

    void exceptionsAreNotExpected() {
        // The left index is amputated: the slap shows three fingers; the policy expects three.
        const auto capture = slap(devices::FrictionRidgePosition::PlainLeftFour,
                                  {devices::FrictionRidgePosition::LeftIndex});
        QCOMPARE(int(capture.fingers.size()), 3);
        const PlannedImpression plan{FingerPosition::PlainLeftFour,
                                     fingersInSlap(FingerPosition::PlainLeftFour)};
        const std::vector<FingerPosition> presented{
            FingerPosition::LeftLittle, FingerPosition::LeftRing, FingerPosition::LeftMiddle};
        TruthSegmenter segmenter{capture.fingers};
        const auto q =
            scoreFingerFrame(frameOf(capture.image), plan, presented, segmenter.function());
        QCOMPARE(int(q.fingers.size()), 3);
        for (const auto& f : q.fingers) {
            QVERIFY(f.finger != FingerPosition::LeftIndex);
            QVERIFY(f.score.has_value());
        }
    }

    void unlabelledFingertipsAreTakenInOrder() {
        const auto capture = slap(devices::FrictionRidgePosition::PlainThumbs);
        const PlannedImpression plan{FingerPosition::PlainThumbs,
                                     fingersInSlap(FingerPosition::PlainThumbs)};
        TruthSegmenter segmenter{capture.fingers};
        segmenter.forgetPositions = true;
        const auto q =
            scoreFingerFrame(frameOf(capture.image), plan, plan.fingers, segmenter.function());
        QCOMPARE(q.fingers[0].finger, FingerPosition::LeftThumb);
        QCOMPARE(q.fingers[1].finger, FingerPosition::RightThumb);
        QVERIFY(q.fingers[0].score && q.fingers[1].score);
        // Left to right in the image: the left thumb's box lies left of the right thumb's.
        QVERIFY(q.fingers[0].box.center.x < q.fingers[1].box.center.x);
    }

    void aSlapYieldsItsImageAndEachFinger() {
        const auto capture = slap(devices::FrictionRidgePosition::PlainRightFour);
        const PlannedImpression plan{FingerPosition::PlainRightFour,
                                     fingersInSlap(FingerPosition::PlainRightFour)};
        TruthSegmenter segmenter{capture.fingers};
        const FingerCaptureOutcome out =
            processFingerCapture(frameOf(capture.image), plan, plan.fingers, segmenter.function());
        QVERIFY2(out.error.isEmpty(), qPrintable(out.error));
        QCOMPARE(int(out.captures.size()), 5);
        QCOMPARE(out.captures[0].finger, FingerPosition::PlainRightFour);
        QCOMPARE(out.captures[0].width, capture.image.cols);
        int weakest = 100;
        for (std::size_t i = 1; i < out.captures.size(); ++i) {
            const Capture& c = out.captures[i];
            QCOMPARE(c.finger, plan.fingers[i - 1]);
            QCOMPARE(c.ppi, 500);
            QVERIFY(c.quality >= 0 && c.quality <= 100);
            weakest = std::min(weakest, c.quality);
            // The finger's image is the upright fingertip, losslessly kept.
            const std::vector<uchar> png(c.image.begin(), c.image.end());
            const cv::Mat decoded = cv::imdecode(png, cv::IMREAD_GRAYSCALE);
            QCOMPARE(decoded.cols, c.width);
            QVERIFY(decoded.rows > decoded.cols); // along the finger is longer than across
        }
        QCOMPARE(out.captures[0].quality, weakest); // the slap counts as its weakest finger
        QVERIFY(out.missing.empty());
    }

    void fingersMissingFromTheCaptureAreReported() {
        const auto capture = slap(devices::FrictionRidgePosition::PlainRightFour);
        const PlannedImpression plan{FingerPosition::PlainRightFour,
                                     fingersInSlap(FingerPosition::PlainRightFour)};
        TruthSegmenter segmenter{capture.fingers};
        segmenter.fingers.pop_back(); // the little finger was lifted
        const auto out =
            processFingerCapture(frameOf(capture.image), plan, plan.fingers, segmenter.function());
        QCOMPARE(out.missing, std::vector<FingerPosition>{FingerPosition::RightLittle});
        QCOMPARE(int(out.captures.size()), 4); // the slap and three fingers
    }

    void theOtherHandIsReported() {
        const auto capture = slap(devices::FrictionRidgePosition::PlainLeftFour);
        const PlannedImpression plan{FingerPosition::PlainRightFour,
                                     fingersInSlap(FingerPosition::PlainRightFour)};
        TruthSegmenter segmenter{capture.fingers};
        segmenter.handMatches = false;
        segmenter.forgetPositions = true;
        const auto out =
            processFingerCapture(frameOf(capture.image), plan, plan.fingers, segmenter.function());
        QVERIFY(!out.handMatches);
        QVERIFY(!scoreFingerFrame(frameOf(capture.image), plan, plan.fingers, segmenter.function())
                     .handMatches);
    }

    void withoutASegmenterSlapsCannotBeProcessed() {
        const auto capture = slap(devices::FrictionRidgePosition::PlainRightFour);
        const PlannedImpression plan{FingerPosition::PlainRightFour,
                                     fingersInSlap(FingerPosition::PlainRightFour)};
        const auto out = processFingerCapture(frameOf(capture.image), plan, plan.fingers, {});
        QVERIFY(out.captures.empty());
        QVERIFY(!out.error.isEmpty());
        const auto q = scoreFingerFrame(frameOf(capture.image), plan, plan.fingers, {});
        for (const auto& f : q.fingers)
            QVERIFY(!f.score.has_value()); // nothing seen: never an auto-capture
    }

    // The segmenter this build ships (umbral_finger_slap when built in) on the simulated
    // scanner's slaps: each presented finger is found where the generator drew it, scored, and
    // a missing finger is not invented.
    void theBuiltInSegmenterFindsEveryFinger_data() {
        QTest::addColumn<int>("slap");
        QTest::addColumn<int>("absent"); // 0: none
        QTest::newRow("right four") << int(FingerPosition::PlainRightFour) << 0;
        QTest::newRow("left four") << int(FingerPosition::PlainLeftFour) << 0;
        QTest::newRow("two thumbs") << int(FingerPosition::PlainThumbs) << 0;
        QTest::newRow("left four without the index")
            << int(FingerPosition::PlainLeftFour) << int(FingerPosition::LeftIndex);
    }
    void theBuiltInSegmenterFindsEveryFinger() {
        const SlapSegmenter segmenter = defaultSlapSegmenter();
        if (!segmenter)
            QSKIP("this build has no slap segmenter (umbral_finger_slap)");
        QFETCH(int, slap);
        QFETCH(int, absent);
        std::vector<devices::FrictionRidgePosition> missing;
        if (absent)
            missing.push_back(devices::FrictionRidgePosition(absent));
        const auto capture = this->slap(devices::FrictionRidgePosition(slap), missing);
        const PlannedImpression plan{FingerPosition(slap), fingersInSlap(FingerPosition(slap))};
        std::vector<FingerPosition> presented;
        for (FingerPosition f : plan.fingers)
            if (int(f) != absent)
                presented.push_back(f);
        const auto q = scoreFingerFrame(frameOf(capture.image), plan, presented, segmenter);
        QVERIFY(q.handMatches);
        QCOMPARE(q.fingers.size(), presented.size());
        for (const auto& f : q.fingers) {
            QVERIFY2(f.score.has_value(), qPrintable(toKey(f.finger)));
            const auto truth =
                std::find_if(capture.fingers.begin(), capture.fingers.end(),
                             [&](const auto& t) { return int(t.position) == int(f.finger); });
            QVERIFY(truth != capture.fingers.end());
            std::vector<cv::Point2f> overlap;
            cv::rotatedRectangleIntersection(truth->box, f.box, overlap);
            double inter = 0;
            if (overlap.size() >= 3) {
                std::vector<cv::Point2f> hull;
                cv::convexHull(overlap, hull);
                inter = cv::contourArea(hull);
            }
            const double iou = inter / (truth->box.size.area() + f.box.size.area() - inter);
            QVERIFY2(iou >= 0.8, qPrintable(toKey(f.finger) + QStringLiteral(" IoU %1").arg(iou)));
        }
        const auto out = processFingerCapture(frameOf(capture.image), plan, presented, segmenter);
        QVERIFY2(out.error.isEmpty(), qPrintable(out.error));
        QVERIFY(out.missing.empty());
        QCOMPARE(out.captures.size(), presented.size() + 1); // the slap and each finger
    }

    void theBuiltInSegmenterNoticesTheOtherHand() {
        const SlapSegmenter segmenter = defaultSlapSegmenter();
        if (!segmenter)
            QSKIP("this build has no slap segmenter (umbral_finger_slap)");
        const auto capture = slap(devices::FrictionRidgePosition::PlainLeftFour);
        const PlannedImpression plan{FingerPosition::PlainRightFour,
                                     fingersInSlap(FingerPosition::PlainRightFour)};
        QVERIFY(
            !scoreFingerFrame(frameOf(capture.image), plan, plan.fingers, segmenter).handMatches);
    }

    void anEmptyPlatenIsNotSeen() {
        const cv::Mat empty(560, 416, CV_8UC1, cv::Scalar(238));
        const PlannedImpression plan{FingerPosition::RightIndex, {FingerPosition::RightIndex}};
        const auto q = scoreFingerFrame(frameOf(empty), plan, plan.fingers, {});
        QCOMPARE(int(q.fingers.size()), 1);
        QVERIFY(!q.fingers[0].score.has_value());
    }
    // The iris screen draws the pupil, the limbus and the lids from the frame's quality: they must
    // be filled, and lie on the eye that was rendered (within a few pixels of its truth).
    void irisQualityCarriesTheSegmentationToDraw_data() {
        QTest::addColumn<int>("profile");
        QTest::addColumn<quint64>("impression");
        QTest::newRow("good, first impression")
            << int(devices::IrisQualityProfile::Good) << quint64(1);
        QTest::newRow("good, second impression")
            << int(devices::IrisQualityProfile::Good) << quint64(2);
        QTest::newRow("off centre") << int(devices::IrisQualityProfile::OffCentre) << quint64(3);
    }

    void irisQualityCarriesTheSegmentationToDraw() {
        QFETCH(int, profile);
        QFETCH(quint64, impression);
        devices::IrisSynthesizer synthesizer;
        const auto eye = synthesizer.render(
            4242, devices::impressionSettings(devices::IrisQualityProfile(profile), impression));
        const auto q = scoreIrisFrame(frameOf(eye.image), IrisSide::Left);
        QVERIFY(q.assessed);
        QVERIFY(q.pupil.valid());
        QVERIFY(q.limbus.valid());
        QVERIFY(q.pupil.meanRadius() < q.limbus.meanRadius());
        const auto off = [](cv::Point2d a, cv::Point2d b) {
            return std::hypot(a.x - b.x, a.y - b.y);
        };
        QVERIFY2(off(q.pupil.centre, eye.truth.pupil.centre) < 5.0, "pupil centre off the eye");
        QVERIFY2(off(q.limbus.centre, eye.truth.limbus.centre) < 8.0, "limbus centre off the eye");
        QVERIFY(std::abs(q.pupil.meanRadius() - eye.truth.pupil.meanRadius()) < 5.0);
        QVERIFY(std::abs(q.limbus.meanRadius() - eye.truth.limbus.meanRadius()) < 8.0);
        QVERIFY(!q.metrics.empty());
    }

    void aClosedEyeHasNothingToDraw() {
        devices::IrisSynthesizer synthesizer;
        const auto eye = synthesizer.render(
            4242, devices::impressionSettings(devices::IrisQualityProfile::EyeClosed, 1));
        const auto q = scoreIrisFrame(frameOf(eye.image), IrisSide::Right);
        QVERIFY(!q.acceptable);
        QVERIFY(!q.advice.empty());
        if (!q.assessed) {
            QVERIFY(!q.pupil.valid());
            QVERIFY(!q.limbus.valid());
        }
    }
};

QTEST_GUILESS_MAIN(TestFrameScoring)
#include "tst_frame_scoring.moc"
