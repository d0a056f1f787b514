// The preview path: per-finger scores on a frame from rotated finger boxes, and advice the
// traveller can follow.

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/fingerprint/quality/capture_advice.h"
#include "app/biometrics/fingerprint/quality/finger_quality.h"
#include "app/biometrics/fingerprint/quality/preview_quality.h"
#include "devices/simulated/finger_synthesis.h"

#include <QtTest>

#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace umbral::biometrics;
Q_DECLARE_METATYPE(umbral::biometrics::CaptureAdvice)

namespace {

const std::string kImages =
    std::string(UMBRAL_SHARED_DATA) + "/fingerprints/nfiq2-reference/images/";

cv::Mat referenceImage(int n) {
    return cv::imread(kImages + "SFinGe_Test0" + std::to_string(n) + ".pgm", cv::IMREAD_UNCHANGED);
}

bool has(const std::vector<CaptureAdvice>& advice, CaptureAdvice a) {
    return std::find(advice.begin(), advice.end(), a) != advice.end();
}

/// Pastes `print` into `frame` rotated by `degrees` about `centre`; returns its rotated box.
cv::RotatedRect paste(cv::Mat& frame, const cv::Mat& print, cv::Point2f centre, float degrees) {
    const cv::RotatedRect box(
        centre, cv::Size2f(static_cast<float>(print.cols), static_cast<float>(print.rows)),
        degrees);
    const cv::Point2f src[3] = {
        {0, 0}, {static_cast<float>(print.cols), 0}, {0, static_cast<float>(print.rows)}};
    cv::Point2f corners[4];
    box.points(corners); // bottom-left, top-left, top-right, bottom-right
    const cv::Point2f dst[3] = {corners[1], corners[2], corners[0]};
    cv::Mat mask(print.size(), CV_8UC1, cv::Scalar(255)), warped, warpedMask;
    const cv::Mat m = cv::getAffineTransform(src, dst);
    cv::warpAffine(print, warped, m, frame.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, 255);
    cv::warpAffine(mask, warpedMask, m, frame.size(), cv::INTER_NEAREST);
    warped.copyTo(frame, warpedMask);
    return box;
}

NativeQualityMeasures measuresWith(double lcsMean, double roiMean, int roiPixels) {
    NativeQualityMeasures m;
    m.sigma = 60;
    m.mu = 150;
    m.lcs.mean = lcsMean;
    m.roiMean = roiMean;
    m.roiPixels = roiPixels;
    m.roiBounds = cv::Rect(50, 50, 300, 400);
    return m;
}

} // namespace

class TestFingerQualityPreview : public QObject {
    Q_OBJECT

private slots:
    void wholeFrameScoresLikeTheFullAssessment();
    void slapGivesOneScorePerFinger();
    void emptyRegionAsksForAFinger();
    void regionRunningOffTheFrameAsksToCentre();
    void smallContactAsksToPressHarder();
    void adviceFromMeasures_data();
    void adviceFromMeasures();
    void wrongKindOfFrameIsAnError();
    void simulatedScannerProfiles_data();
    void simulatedScannerProfiles();
    void simulatedSlapScoresEveryFinger();
};

void TestFingerQualityPreview::wholeFrameScoresLikeTheFullAssessment() {
    const cv::Mat print = referenceImage(1);
    const auto result = scorePreviewFrame(print, 500);
    QCOMPARE(result.size(), size_t{1});
    QVERIFY(result[0].score.has_value());
    QCOMPARE(*result[0].score, assessFingerQuality(print).score);
}

void TestFingerQualityPreview::slapGivesOneScorePerFinger() {
    // Four prints on one platen, tilted as fingers of a slap are; each box scores like the
    // finger on its own (rotation resamples the ridges, so within a few points).
    cv::Mat frame(760, 1900, CV_8UC1, cv::Scalar(255));
    std::vector<cv::RotatedRect> boxes;
    std::vector<int> alone;
    const float tilt[4] = {-12.f, -4.f, 0.f, 9.f};
    for (int i = 0; i < 4; ++i) {
        const cv::Mat print = referenceImage(i + 1)(cv::Rect(16, 40, 384, 480)).clone();
        alone.push_back(assessFingerQuality(print).score);
        boxes.push_back(paste(frame, print, cv::Point2f(260.f + 460.f * i, 380.f), tilt[i]));
    }
    const auto result = scorePreviewFrame(frame, 500, boxes);
    QCOMPARE(result.size(), size_t{4});
    for (int i = 0; i < 4; ++i) {
        QVERIFY(result[i].score.has_value());
        QVERIFY2(std::abs(*result[i].score - alone[i]) <= 8,
                 (std::to_string(*result[i].score) + " vs " + std::to_string(alone[i])).c_str());
        QVERIFY(!has(result[i].advice, CaptureAdvice::PlaceFinger));
        QVERIFY(!has(result[i].advice, CaptureAdvice::CentreFinger));
    }
    // The untilted box is an exact copy of its print: exactly the same score.
    QCOMPARE(*result[2].score, alone[2]);
}

void TestFingerQualityPreview::emptyRegionAsksForAFinger() {
    cv::Mat frame(600, 900, CV_8UC1, cv::Scalar(255));
    const std::vector<cv::RotatedRect> boxes{{cv::Point2f(450, 300), cv::Size2f(300, 420), 5.f}};
    const auto result = scorePreviewFrame(frame, 500, boxes);
    QCOMPARE(result.size(), size_t{1});
    QVERIFY(!result[0].score.has_value());
    QCOMPARE(result[0].advice.front(), CaptureAdvice::PlaceFinger);
}

void TestFingerQualityPreview::regionRunningOffTheFrameAsksToCentre() {
    cv::Mat frame(600, 700, CV_8UC1, cv::Scalar(255));
    const cv::Mat print = referenceImage(2)(cv::Rect(16, 40, 384, 480)).clone();
    print.copyTo(frame(cv::Rect(0, 60, 384, 480)));
    // The segmenter's box for a finger pressed against the left edge extends past it.
    const std::vector<cv::RotatedRect> boxes{{cv::Point2f(170, 300), cv::Size2f(384, 480), 0.f}};
    const auto result = scorePreviewFrame(frame, 500, boxes);
    QVERIFY(has(result[0].advice, CaptureAdvice::CentreFinger));
    // Alone on a frame, the same finger off to one side is told to centre too.
    cv::Mat single(560, 800, CV_8UC1, cv::Scalar(255));
    print.copyTo(single(cv::Rect(0, 40, 384, 480)));
    single.col(799).setTo(0); // keeps the trimmed frame as wide as the glass
    QVERIFY(has(scorePreviewFrame(single, 500)[0].advice, CaptureAdvice::CentreFinger));
}

void TestFingerQualityPreview::smallContactAsksToPressHarder() {
    // Only a small patch of the finger touches the glass (light pressure).
    const cv::Mat print = referenceImage(3);
    cv::Mat light(print.size(), CV_8UC1, cv::Scalar(255));
    cv::Mat contact = cv::Mat::zeros(print.size(), CV_8UC1);
    cv::ellipse(contact, cv::Point(print.cols / 2, print.rows / 2), cv::Size(85, 115), 0, 0, 360,
                cv::Scalar(255), cv::FILLED);
    print.copyTo(light, contact);
    const auto result = scorePreviewFrame(light, 500);
    QVERIFY(result[0].feedback.has_value());
    QVERIFY(result[0].feedback->hasInsufficientForeground());
    QVERIFY(has(result[0].advice, CaptureAdvice::PressHarder));
    QVERIFY(!has(scorePreviewFrame(print, 500)[0].advice, CaptureAdvice::PressHarder));
}

void TestFingerQualityPreview::adviceFromMeasures_data() {
    QTest::addColumn<double>("lcsMean");
    QTest::addColumn<double>("roiMean");
    QTest::addColumn<int>("roiPixels");
    QTest::addColumn<int>("score");
    QTest::addColumn<CaptureAdvice>("expected");
    QTest::addColumn<bool>("present");
    QTest::newRow("light and unclear: dry")
        << 0.5 << 200.0 << 150000 << 30 << CaptureAdvice::FingerTooDry << true;
    QTest::newRow("light, unclear, small contact: press harder")
        << 0.5 << 200.0 << 60000 << 30 << CaptureAdvice::PressHarder << true;
    QTest::newRow("dark and unclear: wet")
        << 0.5 << 90.0 << 150000 << 30 << CaptureAdvice::FingerTooWet << true;
    QTest::newRow("light but clear: not dry")
        << 0.8 << 200.0 << 150000 << 80 << CaptureAdvice::FingerTooDry << false;
    QTest::newRow("dark but clear: not wet")
        << 0.8 << 90.0 << 150000 << 80 << CaptureAdvice::FingerTooWet << false;
    QTest::newRow("small contact: press harder")
        << 0.8 << 150.0 << 30000 << 60 << CaptureAdvice::PressHarder << true;
    QTest::newRow("poor, no clear cause: again")
        << 0.7 << 150.0 << 150000 << 20 << CaptureAdvice::PlaceAgain << true;
    QTest::newRow("good: no advice")
        << 0.8 << 150.0 << 150000 << 80 << CaptureAdvice::PlaceAgain << false;
}

void TestFingerQualityPreview::adviceFromMeasures() {
    QFETCH(double, lcsMean);
    QFETCH(double, roiMean);
    QFETCH(int, roiPixels);
    QFETCH(int, score);
    QFETCH(CaptureAdvice, expected);
    QFETCH(bool, present);
    const auto advice =
        captureAdvice(measuresWith(lcsMean, roiMean, roiPixels), score, cv::Size(400, 500));
    QCOMPARE(has(advice, expected), present);
    if (score >= 80 && roiPixels > 50000 && lcsMean > 0.65)
        QVERIFY(advice.empty());
    QVERIFY(!adviceText(expected).empty());
}

void TestFingerQualityPreview::wrongKindOfFrameIsAnError() {
    QVERIFY_THROWS_EXCEPTION(BiometricError, scorePreviewFrame(cv::Mat(), 500));
    QVERIFY_THROWS_EXCEPTION(BiometricError, scorePreviewFrame(cv::Mat(100, 100, CV_8UC3), 500));
    QVERIFY_THROWS_EXCEPTION(BiometricError, scorePreviewFrame(referenceImage(1), 0));
}

void TestFingerQualityPreview::simulatedScannerProfiles_data() {
    QTest::addColumn<QString>("profile");
    QTest::addColumn<CaptureAdvice>("expected");
    QTest::addColumn<bool>("good");
    QTest::newRow("good impression: no advice") << "good" << CaptureAdvice::PlaceAgain << true;
    QTest::newRow("light touch: press harder") << "light" << CaptureAdvice::PressHarder << false;
    QTest::newRow("dry skin: finger too dry") << "dry" << CaptureAdvice::FingerTooDry << false;
    QTest::newRow("sliver of contact: press harder")
        << "partial" << CaptureAdvice::PressHarder << false;
}

void TestFingerQualityPreview::simulatedScannerProfiles() {
    // The simulated scanner dials the skin and the touch; the advice must name what was dialled.
    QFETCH(QString, profile);
    QFETCH(CaptureAdvice, expected);
    QFETCH(bool, good);
    static umbral::devices::FingerprintSynthesizer synthesizer;
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        umbral::devices::CaptureRequest request;
        request.identitySeed = seed;
        request.impressionSeed = seed;
        request.quality = umbral::devices::FingerQuality::profile(profile.toStdString());
        const auto capture = synthesizer.capture(request);
        const auto result = scorePreviewFrame(capture.image, capture.ppi);
        QVERIFY(result[0].score.has_value());
        const std::string what = profile.toStdString() + " seed " + std::to_string(seed) +
                                 " score " + std::to_string(*result[0].score);
        if (good) {
            QVERIFY2(result[0].advice.empty(), what.c_str());
            QVERIFY2(*result[0].score >= 60, what.c_str());
        } else {
            QVERIFY2(has(result[0].advice, expected), what.c_str());
            QVERIFY2(*result[0].score < 65, what.c_str());
        }
    }
}

void TestFingerQualityPreview::simulatedSlapScoresEveryFinger() {
    // A right 4-finger slap from the simulated scanner, scored through the boxes the generator
    // drew (as the slap segmenter will give them): four scores, none asking for a finger.
    umbral::devices::FingerprintSynthesizer synthesizer;
    umbral::devices::CaptureRequest request;
    request.identitySeed = 11;
    request.impressionSeed = 3;
    request.position = umbral::devices::FrictionRidgePosition::PlainRightFour;
    const auto capture = synthesizer.capture(request);
    std::vector<cv::RotatedRect> boxes;
    for (const auto& finger : capture.fingers)
        boxes.push_back(finger.box);
    QCOMPARE(boxes.size(), size_t{4});
    const auto result = scorePreviewFrame(capture.image, capture.ppi, boxes);
    QCOMPARE(result.size(), size_t{4});
    for (const auto& finger : result) {
        QVERIFY(finger.score.has_value());
        QVERIFY(*finger.score > 30);
        QVERIFY(!has(finger.advice, CaptureAdvice::PlaceFinger));
    }
}

QTEST_GUILESS_MAIN(TestFingerQualityPreview)
#include "tst_finger_quality_preview.moc"
