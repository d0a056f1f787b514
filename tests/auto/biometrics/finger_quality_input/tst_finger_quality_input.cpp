// What the quality assessment accepts, refuses, trims, pads and resamples: bad files and images
// each give one clear error; other resolutions are brought to 500 ppi and say so.

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/quality/finger_quality.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace umbral::biometrics;
Q_DECLARE_METATYPE(umbral::biometrics::BiometricErrorCode)

namespace {

const std::string kImages =
    std::string(UMBRAL_SHARED_DATA) + "/fingerprints/nfiq2-reference/images/";

cv::Mat referenceImage(int n = 1) {
    return cv::imread(kImages + "SFinGe_Test0" + std::to_string(n) + ".pgm", cv::IMREAD_UNCHANGED);
}

/// Reads and assesses a file the way umbralctl does; returns the error code (or nullopt).
std::optional<BiometricErrorCode> assessFile(const std::string& path, std::string& message) {
    try {
        assessFingerQuality(readGrey8(path));
        return std::nullopt;
    } catch (const BiometricError& e) {
        message = e.what();
        return e.code();
    }
}

} // namespace

class TestFingerQualityInput : public QObject {
    Q_OBJECT

private slots:
    void badFileGivesClearError_data();
    void badFileGivesClearError();
    void trimsNearWhiteFrame();
    void smallImageIsPaddedForMinutiae();
    void otherResolutionIsResampled();
    void minutiaeDetectorFeedsMinutiaeMeasures();
};

void TestFingerQualityInput::badFileGivesClearError_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<BiometricErrorCode>("expected");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty file") << "empty" << BiometricErrorCode::EmptyImage << "empty";
    QTest::newRow("not an image") << "text" << BiometricErrorCode::UnreadableFile << "not an image";
    QTest::newRow("missing file") << "missing" << BiometricErrorCode::UnreadableFile
                                  << "no such file";
    QTest::newRow("colour image") << "colour" << BiometricErrorCode::NotGrey << "colour";
    QTest::newRow("16-bit image") << "16bit" << BiometricErrorCode::UnsupportedDepth << "16-bit";
    QTest::newRow("tiny image") << "tiny" << BiometricErrorCode::TooSmall << "too small";
    QTest::newRow("huge image") << "huge" << BiometricErrorCode::TooLarge << "too wide";
    QTest::newRow("too high image") << "high" << BiometricErrorCode::TooLarge << "too high";
    QTest::newRow("white image") << "white" << BiometricErrorCode::NoSignal << "near white";
    QTest::newRow("black image") << "black" << BiometricErrorCode::NoSignal
                                 << "too little fingerprint";
}

void TestFingerQualityInput::badFileGivesClearError() {
    QFETCH(QString, kind);
    QFETCH(BiometricErrorCode, expected);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string path = (dir.path() + "/input.png").toStdString();
    const cv::Mat print = referenceImage();
    QVERIFY(!print.empty());
    if (kind == "empty") {
        std::ofstream(path).close();
    } else if (kind == "text") {
        std::ofstream(path) << "this is not a fingerprint\n";
    } else if (kind == "missing") {
        path = (dir.path() + "/absent.png").toStdString();
    } else if (kind == "colour") {
        cv::Mat colour;
        cv::cvtColor(print, colour, cv::COLOR_GRAY2BGR);
        colour.col(0).setTo(cv::Scalar(0, 0, 255));
        QVERIFY(cv::imwrite(path, colour));
    } else if (kind == "16bit") {
        cv::Mat wide;
        print.convertTo(wide, CV_16U, 257);
        QVERIFY(cv::imwrite(path, wide));
    } else if (kind == "tiny") {
        QVERIFY(cv::imwrite(path, print(cv::Rect(150, 200, 60, 60))));
    } else if (kind == "huge") {
        cv::Mat big;
        cv::resize(print, big, cv::Size(), 2.2, 2.2, cv::INTER_CUBIC);
        QVERIFY(cv::imwrite(path, big));
    } else if (kind == "high") {
        cv::Mat high;
        cv::vconcat(std::vector<cv::Mat>{print, print}, high); // 416 x 1120
        QVERIFY(cv::imwrite(path, high));
    } else if (kind == "white") {
        QVERIFY(cv::imwrite(path, cv::Mat(400, 400, CV_8UC1, cv::Scalar(255))));
    } else if (kind == "black") {
        QVERIFY(cv::imwrite(path, cv::Mat(400, 400, CV_8UC1, cv::Scalar(0))));
    }
    std::string message;
    const auto code = assessFile(path, message);
    QVERIFY2(code.has_value(), "bad input was accepted");
    QCOMPARE(*code, expected);
    QVERIFY2(QString::fromStdString(message).contains(mentions, Qt::CaseInsensitive),
             message.c_str());
}

void TestFingerQualityInput::trimsNearWhiteFrame() {
    // A white frame around the print is trimmed away (NIST: rows, then columns, whose mean grey
    // level exceeds 250; columns are judged over the full height, so a frame can take a few
    // extra light columns with it). The print inside is measured as before.
    const cv::Mat print = referenceImage(2);
    cv::Mat framed;
    cv::copyMakeBorder(print, framed, 30, 50, 70, 10, cv::BORDER_CONSTANT, cv::Scalar(255));
    const FingerQualityReport a = assessFingerQuality(print);
    const FingerQualityReport b = assessFingerQuality(framed);
    const cv::Rect printArea(70, 30, print.cols, print.rows);
    QVERIFY((b.trimmed & printArea) == b.trimmed);
    QVERIFY(b.trimmed.width >= a.trimmed.width - 8 && b.trimmed.height >= a.trimmed.height - 8);
    QVERIFY(std::abs(b.measures.fda.count() - a.measures.fda.count()) <= 6);
    QVERIFY2(std::abs(b.score - a.score) <= 3,
             (std::to_string(b.score) + " vs " + std::to_string(a.score)).c_str());
}

void TestFingerQualityInput::smallImageIsPaddedForMinutiae() {
    // Below 196 pixels the minutiae extractor gets a white-padded copy; the measures still run
    // on the image itself, and minutiae found in the padding are dropped.
    const cv::Mat part = referenceImage(3)(cv::Rect(100, 150, 180, 240)).clone();
    cv::Size seen;
    FingerQualityOptions options;
    options.minutiae = [&](const cv::Mat& padded) {
        seen = padded.size();
        return std::vector<MinutiaPosition>{{10, 10}, {100, 100}, {190, 20}};
    };
    const FingerQualityReport r = assessFingerQuality(part, options);
    QVERIFY(r.paddedForMinutiae);
    QCOMPARE(seen.width, 196);
    QCOMPARE(seen.height, r.trimmed.height);
    QVERIFY(r.measures.minutiae.has_value());
    QCOMPARE(r.measures.minutiae->count, 2); // (190, 20) lies in the white padding
    QCOMPARE(r.trimmed.width, 180);
}

void TestFingerQualityInput::otherResolutionIsResampled() {
    // The same print scanned at 569 ppi (FVC2002 DB2) is brought back to 500 ppi and says so;
    // its measures and score stay close to the 500 ppi original.
    const cv::Mat print = referenceImage(4);
    cv::Mat at569;
    cv::resize(print, at569, cv::Size(), 569.0 / 500.0, 569.0 / 500.0, cv::INTER_CUBIC);
    const FingerQualityReport original = assessFingerQuality(print);
    const FingerQualityReport resampled = assessFingerQuality(at569, {.ppi = 569.0});
    QVERIFY(resampled.resampled);
    QCOMPARE(resampled.sourcePpi, 569.0);
    QVERIFY(!original.resampled);
    QVERIFY(std::abs(resampled.trimmed.width - original.trimmed.width) <= 2);
    QVERIFY2(std::abs(resampled.measures.ocl.mean - original.measures.ocl.mean) < 0.03,
             std::to_string(resampled.measures.ocl.mean).c_str());
    QVERIFY2(std::abs(resampled.score - original.score) <= 10,
             (std::to_string(resampled.score) + " vs " + std::to_string(original.score)).c_str());
    // Treating the 569 ppi image as if it were 500 ppi is not the same thing.
    QVERIFY(!assessFingerQuality(at569).resampled);
}

void TestFingerQualityInput::minutiaeDetectorFeedsMinutiaeMeasures() {
    const cv::Mat print = referenceImage(1);
    FingerQualityOptions options;
    std::vector<MinutiaPosition> grid;
    for (int y = 60; y < 460; y += 40)
        for (int x = 60; x < 380; x += 40)
            grid.push_back({x, y});
    options.minutiae = [&](const cv::Mat&) { return grid; };
    const FingerQualityReport r = assessFingerQuality(print, options);
    QVERIFY(r.measures.minutiae.has_value());
    QCOMPARE(r.measures.minutiae->count, static_cast<int>(grid.size()));
    QVERIFY(r.measures.minutiae->countInCentre200 > 0);
    QVERIFY(r.measures.minutiae->countInCentre200 < r.measures.minutiae->count);
    QVERIFY(r.feedback.fingerprintImageWithMinutiae.has_value());
    QCOMPARE(*r.feedback.fingerprintImageWithMinutiae, static_cast<double>(grid.size()));
    QVERIFY(!assessFingerQuality(print).measures.minutiae.has_value());
}

QTEST_GUILESS_MAIN(TestFingerQualityInput)
#include "tst_finger_quality_input.moc"
