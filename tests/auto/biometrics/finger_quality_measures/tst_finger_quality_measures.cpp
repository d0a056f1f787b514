// NFIQ 2 native quality measures against NIST's own output for its five reference images, and
// the exactness of the building blocks the measures rest on.

#include "app/biometrics/fingerprint/quality/finger_quality.h"
#include "app/biometrics/fingerprint/quality/fingerprint_preparation.h"
#include "app/biometrics/fingerprint/quality/local_regions.h"
#include "app/biometrics/fingerprint/quality/minutiae_detection.h"
#include "app/biometrics/fingerprint/quality/native_quality_measures.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

using namespace umbral::biometrics;

namespace {

const std::string kReference = std::string(UMBRAL_SHARED_DATA) + "/fingerprints/nfiq2-reference/";

std::map<std::string, double> nistOutput(int image) {
    std::map<std::string, double> values;
    std::ifstream in(kReference + "expected/SFinGe_Test0" + std::to_string(image) + "_output.txt");
    std::string line;
    while (std::getline(in, line)) {
        const auto colon = line.find(": ");
        if (colon != std::string::npos)
            values[line.substr(0, colon)] = std::stod(line.substr(colon + 2));
    }
    return values;
}

/// Our values under NIST's names, including the three non-minutiae feedback values.
std::map<std::string, double> ourOutput(int image) {
    static std::map<int, std::map<std::string, double>> cache;
    auto it = cache.find(image);
    if (it != cache.end())
        return it->second;
    const cv::Mat img = cv::imread(
        kReference + "images/SFinGe_Test0" + std::to_string(image) + ".pgm", cv::IMREAD_UNCHANGED);
    const PreparedFingerprint prepared = prepareFingerprint(img, 500);
    const NativeQualityMeasures m = computeNativeQualityMeasures(prepared.image);
    std::map<std::string, double> values;
    for (const NamedMeasure& nv : namedValues(m))
        values[nv.name] = nv.value;
    values["UniformImage"] = m.sigma;
    values["EmptyImageOrContrastTooLow"] = m.mu;
    values["SufficientFingerprintForeground"] = m.roiPixels;
    return cache[image] = values;
}

bool isMinutiaeBased(const std::string& name) {
    return name.rfind("FingerJetFX_", 0) == 0 || name.rfind("FJFXPos_", 0) == 0 ||
           name == "FingerprintImageWithMinutiae" || name == "UnifiedQualityScore";
}

bool isHistogramBin(const std::string& name) {
    const auto p = name.find("_Bin10_");
    return p != std::string::npos && std::isdigit(static_cast<unsigned char>(name[p + 7]));
}

} // namespace

class TestFingerQualityMeasures : public QObject {
    Q_OBJECT

private slots:
    void matchesNist_data();
    void matchesNist();
    void rotationIsBitExactWithOpenCv_data();
    void rotationIsBitExactWithOpenCv();
    void measuresAreDeterministicAndOrderIndependent();
    void minutiaeMeasuresComparableWithNist_data();
    void minutiaeMeasuresComparableWithNist();
};

void TestFingerQualityMeasures::matchesNist_data() {
    QTest::addColumn<int>("image");
    QTest::addColumn<QString>("measure");
    for (int image = 1; image <= 5; ++image)
        for (const auto& [name, value] : nistOutput(image))
            if (!isMinutiaeBased(name))
                QTest::newRow(("SFinGe_Test0" + std::to_string(image) + " " + name).c_str())
                    << image << QString::fromStdString(name);
}

void TestFingerQualityMeasures::matchesNist() {
    QFETCH(int, image);
    QFETCH(QString, measure);
    const std::string name = measure.toStdString();
    const double nist = nistOutput(image).at(name);
    const std::map<std::string, double> ours = ourOutput(image);
    const auto it = ours.find(name);
    QVERIFY2(it != ours.end(), ("we do not compute " + name).c_str());
    const double value = it->second;
    const std::string what =
        name + ": ours " + std::to_string(value) + ", NIST " + std::to_string(nist);
    if (isHistogramBin(name))
        QVERIFY2(std::abs(value - nist) <= 1.0, what.c_str());
    else
        QVERIFY2(std::abs(value - nist) <= 0.02 * std::abs(nist), what.c_str());
}

void TestFingerQualityMeasures::rotationIsBitExactWithOpenCv_data() {
    QTest::addColumn<int>("pad");
    QTest::addColumn<int>("windowX");
    QTest::addColumn<int>("windowY");
    QTest::newRow("no border, inside") << 0 << 40 << 60;
    QTest::newRow("2-pixel border, inside") << 2 << 40 << 60;
    QTest::newRow("2-pixel border, top-left corner") << 2 << 0 << 0;
    QTest::newRow("2-pixel border, bottom-right corner") << 2 << 64 << 64;
}

void TestFingerQualityMeasures::rotationIsBitExactWithOpenCv() {
    // Our sampler must read exactly the pixels NIST's getRotatedBlock() reads: copyMakeBorder
    // on a view (which borrows neighbouring image pixels) then warpAffine INTER_NEAREST.
    QFETCH(int, pad);
    QFETCH(int, windowX);
    QFETCH(int, windowY);
    std::mt19937 rng(7);
    cv::Mat image(100, 100, CV_8UC1);
    cv::randu(image, 0, 256);
    const cv::Rect window(windowX, windowY, detail::kWindow, detail::kWindow);
    std::uniform_real_distribution<double> angle(-M_PI, M_PI);
    for (int trial = 0; trial < 500; ++trial) {
        const double a = trial < 4 ? trial * M_PI / 4 : angle(rng);
        cv::Mat grown;
        if (pad > 0)
            cv::copyMakeBorder(image(window), grown, pad, pad, pad, pad, cv::BORDER_CONSTANT, 0);
        else
            grown = image(window);
        const cv::Point2f centre(grown.cols / 2.0f, grown.rows / 2.0f);
        cv::Mat expected;
        cv::warpAffine(grown, expected, cv::getRotationMatrix2D(centre, a * (180.0 / M_PI), 1),
                       window.size(), cv::INTER_NEAREST);
        cv::Mat ours(window.size(), CV_8UC1);
        detail::sampleRotatedWindow(image, window, pad, a, cv::Rect(cv::Point(), window.size()),
                                    ours.data);
        QCOMPARE(cv::countNonZero(ours != expected), 0);
    }
}

void TestFingerQualityMeasures::measuresAreDeterministicAndOrderIndependent() {
    // The same image gives the same values whether measured alone or together, twice.
    const cv::Mat img = cv::imread(kReference + "images/SFinGe_Test03.pgm", cv::IMREAD_UNCHANGED);
    const cv::Mat prepared = prepareFingerprint(img).image;
    const NativeQualityMeasures all = computeNativeQualityMeasures(prepared);
    const HistogramMeasure fda = frequencyDomainAnalysis(prepared);
    QCOMPARE(fda.bins, all.fda.bins);
    QCOMPARE(fda.mean, all.fda.mean);
    QCOMPARE(localClarity(prepared).bins, all.lcs.bins);
    QCOMPARE(orientationCertainty(prepared).bins, all.ocl.bins);
    QCOMPARE(orientationFlow(prepared).bins, all.of.bins);
    QCOMPARE(ridgeValleyUniformity(prepared).bins, all.rvup.bins);
    QCOMPARE(computeNativeQualityMeasures(prepared).coherenceSum, all.coherenceSum);
}

void TestFingerQualityMeasures::minutiaeMeasuresComparableWithNist_data() {
    QTest::addColumn<int>("image");
    for (int i = 1; i <= 5; ++i)
        QTest::newRow(("SFinGe_Test0" + std::to_string(i)).c_str()) << i;
}

void TestFingerQualityMeasures::minutiaeMeasuresComparableWithNist() {
    // NIST counts FingerJet FX minutiae, we count our extractor's: not equal, but the same
    // measure of the same print. A wiring mistake (swapped axes, coordinates of the wrong image)
    // would take the centre count and the fractions far off.
    QFETCH(int, image);
    const std::map<std::string, double> nist = nistOutput(image);
    const cv::Mat img = cv::imread(
        kReference + "images/SFinGe_Test0" + std::to_string(image) + ".pgm", cv::IMREAD_UNCHANGED);
    FingerQualityOptions options;
    options.minutiae = umbralMinutiaeDetector();
    const FingerQualityReport r = assessFingerQuality(img, options);
    QVERIFY(r.measures.minutiae.has_value());
    const MinutiaeMeasures& m = *r.measures.minutiae;
    qInfo("SFinGe_Test0%d minutiae (NIST / ours): count %g / %d, centre %g / %d, Mu_2 %.3f / %.3f, "
          "OCL_80 %.3f / %.3f",
          image, nist.at("FingerJetFX_MinutiaeCount"), m.count,
          nist.at("FingerJetFX_MinCount_COMMinRect200x200"), m.countInCentre200,
          nist.at("FJFXPos_Mu_MinutiaeQuality_2"), m.fractionMuQuality2,
          nist.at("FJFXPos_OCL_MinutiaeQuality_80"), m.fractionOclAbove80);
    QVERIFY(std::abs(m.count - nist.at("FingerJetFX_MinutiaeCount")) <=
            0.25 * nist.at("FingerJetFX_MinutiaeCount"));
    QVERIFY(std::abs(m.countInCentre200 - nist.at("FingerJetFX_MinCount_COMMinRect200x200")) <=
            0.35 * nist.at("FingerJetFX_MinCount_COMMinRect200x200") + 2);
    QVERIFY(std::abs(m.fractionMuQuality2 - nist.at("FJFXPos_Mu_MinutiaeQuality_2")) <= 0.15);
    QVERIFY(std::abs(m.fractionOclAbove80 - nist.at("FJFXPos_OCL_MinutiaeQuality_80")) <= 0.15);
    QCOMPARE(*r.feedback.fingerprintImageWithMinutiae, static_cast<double>(m.count));
}

QTEST_GUILESS_MAIN(TestFingerQualityMeasures)
#include "tst_finger_quality_measures.moc"
