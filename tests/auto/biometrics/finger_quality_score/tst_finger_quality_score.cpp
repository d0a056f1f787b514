// The unified quality score: the shipped model is exactly what the fitter makes of NIST's table,
// it predicts NIST's score in cross-validation, our measures add no error of their own, and the
// score does not grow with image size.

#include "app/biometrics/fingerprint/quality/finger_quality.h"
#include "app/biometrics/fingerprint/quality/fit/score_model_fitting.h"
#include "app/biometrics/fingerprint/quality/unified_quality_score.h"

#include <QtTest>

#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <sstream>

using namespace umbral::biometrics;

namespace {

const std::string kReference = std::string(UMBRAL_SHARED_DATA) + "/fingerprints/nfiq2-reference/";
const std::string kTable = kReference + "conformance_expected_output-v2.3.0.csv";

cv::Mat referenceImage(int n) {
    return cv::imread(kReference + "images/SFinGe_Test0" + std::to_string(n) + ".pgm",
                      cv::IMREAD_UNCHANGED);
}

} // namespace

class TestFingerQualityScore : public QObject {
    Q_OBJECT

private slots:
    void shippedModelIsTheFittersOutputAndCrossValidates();
    void ourMeasuresAddNoError_data();
    void ourMeasuresAddNoError();
    void scoreDoesNotGrowWithImageSize();
    void modelTextRoundTripsAndRejectsDamage();
};

void TestFingerQualityScore::shippedModelIsTheFittersOutputAndCrossValidates() {
    const fitting::TrainingSet table = fitting::readConformanceTable(kTable, false);
    QCOMPARE(table.samples.size(), size_t{199});
    const fitting::CvResult cv =
        fitting::crossValidate(table.samples, table.featureNames, fitting::kShippedParams, 10);
    qInfo("10-fold cross-validation on NIST's table: MAE %.3f, Spearman %.3f", cv.mae, cv.spearman);
    QVERIFY2(cv.mae <= 6.0, std::to_string(cv.mae).c_str());
    QVERIFY2(cv.spearman >= 0.93, std::to_string(cv.spearman).c_str());

    std::ifstream in(std::string(UMBRAL_SOURCE_DIR) +
                     "/app/biometrics/fingerprint/quality/model/finger_quality_model.txt");
    std::stringstream shipped;
    shipped << in.rdbuf();
    QVERIFY2(fitting::fitShippedModel(table, cv).toText() == shipped.str(),
             "model/finger_quality_model.txt is not what fit_finger_quality_model produces");
    QCOMPARE(embeddedScoreModel().toText(), shipped.str());
}

void TestFingerQualityScore::ourMeasuresAddNoError_data() {
    QTest::addColumn<int>("image");
    for (int i = 1; i <= 5; ++i)
        QTest::newRow(("SFinGe_Test0" + std::to_string(i)).c_str()) << i;
}

void TestFingerQualityScore::ourMeasuresAddNoError() {
    // The model fed our measures and the model fed NIST's measures of the same image agree.
    QFETCH(int, image);
    const auto nist = fitting::readNistOutputFile(kReference + "expected/SFinGe_Test0" +
                                                  std::to_string(image) + "_output.txt");
    const int fromNist = unifiedQualityScore(measuresFromNamedValues(nist));
    const FingerQualityReport ours = assessFingerQuality(referenceImage(image));
    qInfo("SFinGe_Test0%d: NIST's NFIQ 2 %d, our model on NIST's measures %d, on ours %d", image,
          static_cast<int>(nist.at("UnifiedQualityScore")), fromNist, ours.score);
    QVERIFY2(std::abs(ours.score - fromNist) <= 3,
             (std::to_string(ours.score) + " vs " + std::to_string(fromNist)).c_str());
}

void TestFingerQualityScore::scoreDoesNotGrowWithImageSize() {
    // Twice the area of the same kind of print: the histogram counts double, the score must not
    // run away (a raw-count model would).
    const cv::Mat print = referenceImage(5);
    const cv::Mat half = print(cv::Rect(8, 0, 400, print.rows));
    cv::Mat mirrored;
    cv::flip(half, mirrored, 1);
    cv::Mat doubled;
    cv::hconcat(half, mirrored, doubled); // 800 wide: NIST's width limit
    const FingerQualityReport a = assessFingerQuality(half);
    const FingerQualityReport b = assessFingerQuality(doubled);
    qInfo("400 x %d: %d OCL blocks, score %d; 800 x %d: %d OCL blocks, score %d", a.trimmed.height,
          a.measures.ocl.count(), a.score, b.trimmed.height, b.measures.ocl.count(), b.score);
    QVERIFY(b.measures.ocl.count() > 18 * a.measures.ocl.count() / 10);
    QVERIFY2(std::abs(a.score - b.score) <= 8,
             (std::to_string(a.score) + " vs " + std::to_string(b.score)).c_str());
}

void TestFingerQualityScore::modelTextRoundTripsAndRejectsDamage() {
    const ScoreModel& m = embeddedScoreModel();
    QVERIFY(!m.trees.empty());
    const std::string text = m.toText();
    QCOMPARE(ScoreModel::parse(text).toText(), text);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             ScoreModel::parse(text.substr(0, text.size() / 2)));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, ScoreModel::parse("not a model"));
    // Every input the model needs is derived from measures without minutiae.
    const auto nist = fitting::readNistOutputFile(kReference + "expected/SFinGe_Test01_output.txt");
    const std::map<std::string, double> inputs = scoreFeatureValues(measuresFromNamedValues(nist));
    for (const std::string& name : m.featureNames)
        QVERIFY2(inputs.count(name) == 1, name.c_str());
}

QTEST_GUILESS_MAIN(TestFingerQualityScore)
#include "tst_finger_quality_score.moc"
