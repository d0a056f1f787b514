// 1:1 fingerprint matching: accuracy on FVC2002 DB1_B (both impostor protocols of the data
// README), invariance to placement, calibration, error-rate arithmetic and unusable templates.

#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/matching/cylinder_code.h"
#include "app/biometrics/fingerprint/matching/cylinder_similarity.h"
#include "app/biometrics/fingerprint/matching/error_rates.h"
#include "app/biometrics/fingerprint/matching/finger_matcher.h"
#include "app/biometrics/fingerprint/matching/score_calibration.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace umbral::biometrics;

namespace {

QString dataPath(const QString& relative) {
    const QByteArray env = qgetenv("UMBRAL_SHARED_DATA");
    const QString root =
        env.isEmpty() ? QStringLiteral(UMBRAL_SHARED_DATA) : QString::fromLocal8Bit(env);
    return root + QLatin1Char('/') + relative;
}

// FVC naming: finger 101..110, impression 1..8.
std::vector<FingerMatchTemplate> loadSet(const QString& set) {
    std::vector<FingerMatchTemplate> templates;
    for (int finger = 101; finger <= 110; ++finger)
        for (int impression = 1; impression <= 8; ++impression) {
            const QString file =
                QStringLiteral("fingerprints/%1/%2_%3.tif").arg(set).arg(finger).arg(impression);
            const cv::Mat image = readGrey8(dataPath(file).toStdString());
            templates.emplace_back(extractMinutiae(image).minutiae);
        }
    return templates;
}

std::vector<Minutia> transformed(const std::vector<Minutia>& in, double angleDeg,
                                 cv::Point2f shift) {
    // Turns the print by angleDeg counter-clockwise as viewed around (200, 200), then shifts it.
    const double a = angleDeg * CV_PI / 180.0;
    std::vector<Minutia> out = in;
    for (Minutia& m : out) {
        const double x = m.x - 200.0, y = m.y - 200.0;
        // Counter-clockwise as viewed, with y pointing down.
        m.x = static_cast<float>(200.0 + x * std::cos(a) + y * std::sin(a) + shift.x);
        m.y = static_cast<float>(200.0 - x * std::sin(a) + y * std::cos(a) + shift.y);
        m.angleDeg = static_cast<float>(std::fmod(m.angleDeg + angleDeg + 360.0, 360.0));
    }
    return out;
}

} // namespace

class TestFingerMatching : public QObject {
    Q_OBJECT

private slots:
    void errorRateArithmetic() {
        // Genuine 0.1 .. 1.0 and impostor 0.0 .. 0.45 overlapping on two genuine scores.
        const std::vector<double> genuine{0.1, 0.2, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.0, 1.0};
        std::vector<double> impostor;
        for (int i = 0; i < 100; ++i)
            impostor.push_back(i < 98 ? 0.001 * i : 0.45);
        const VerificationErrorRates r = computeErrorRates(genuine, impostor);
        // At threshold 0.45 (just above 0.2): FMR 2 %, FNMR 20 %; above 0.45: FMR 0, FNMR 20 %.
        QCOMPARE(r.zeroFmr, 0.2);
        QCOMPARE(r.fnmrAtFmr1, 0.2);
        // FVC definition: the last threshold with FNMR <= FMR is 0.1 (FNMR 0, FMR 2 %), the first
        // with FNMR >= FMR is 0.2 (10 %, 2 %); the first pair has the smaller sum: EER = 1 %.
        QCOMPARE(r.eer, 0.01);
        QCOMPARE(falseMatchRate(impostor, 0.45), 0.02);
        QCOMPARE(falseNonMatchRate(genuine, 0.5), 0.2);
        // Lowest threshold letting at most 2 impostors through: just above the third highest.
        const double t2 = thresholdForFalseMatchRate(impostor, 0.02);
        QVERIFY(t2 > 0.097 && t2 < 0.0971);
        QCOMPARE(falseMatchRate(impostor, t2), 0.02);
        QVERIFY(thresholdForFalseMatchRate(impostor, 0.01) > 0.45);
    }

    void errorVersusDiscardArithmetic_data() {
        // Ten genuine comparisons; the threshold is 0.5. Qualities of the two samples; the
        // pairwise quality is the lower one. Misses: pairwise qualities 10, 30, 30 and 70.
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("qualityThreshold");
        QTest::addColumn<int>("kept");
        QTest::addColumn<double>("fnmr");
        QTest::newRow("nothing discarded") << 0.0 << 10 << 10 << 0.4;
        // 10 % = one comparison: the lowest (10, a miss) goes.
        QTest::newRow("10 %") << 0.1 << 20 << 9 << 3.0 / 9;
        // 20 % would split the tie at 30 (three comparisons): only the one below 30 goes...
        QTest::newRow("20 %, tie kept whole") << 0.2 << 30 << 8 << 3.0 / 8;
        // ...35 % still cannot take the tie; 50 % takes it whole.
        QTest::newRow("35 %") << 0.35 << 30 << 8 << 3.0 / 8;
        QTest::newRow("50 %") << 0.5 << 40 << 5 << 0.2;
        QTest::newRow("everything") << 1.0 << 91 << 0 << 0.0;
    }

    void errorVersusDiscardArithmetic() {
        QFETCH(double, fraction);
        QFETCH(int, qualityThreshold);
        QFETCH(int, kept);
        QFETCH(double, fnmr);
        const std::vector<QualifiedComparison> genuine{
            {0.1, 10, 80}, {0.9, 90, 20}, {0.2, 30, 60}, {0.3, 50, 30}, {0.8, 30, 40},
            {0.9, 40, 90}, {0.6, 60, 50}, {0.4, 70, 80}, {0.7, 80, 90}, {0.9, 90, 90}};
        const DiscardPoint p = fnmrAfterDiscardingComparisons(genuine, 0.5, fraction);
        QCOMPARE(p.qualityThreshold, qualityThreshold);
        QCOMPARE(p.kept, static_cast<std::size_t>(kept));
        QVERIFY(p.discardedShare <= fraction + 1e-12);
        QCOMPARE(p.discardedShare, (10.0 - kept) / 10.0);
        QVERIFY(std::abs(p.fnmr - fnmr) < 1e-12);
        // Discarding by sample quality at the same threshold gives the same comparisons: a
        // comparison survives exactly when both its samples do.
        QCOMPARE(fnmrAfterDiscard(genuine, 0.5, qualityThreshold).kept, p.kept);
    }

    void calibrationIsMonotoneAndInvertible() {
        double previous = -1.0;
        for (double s = 0.0; s < 0.2; s += 0.0005) {
            const double c = calibratedScore(s);
            QVERIFY(c >= previous);
            previous = c;
            if (c > 0.5 && c < 199.0)
                QVERIFY(std::abs(similarityForScore(c) - s) < 1e-6);
        }
        QCOMPARE(scoreForFalseMatchRate(0.01), 40.0);
        QCOMPARE(scoreForFalseMatchRate(0.001), 60.0);
        QVERIFY(std::abs(scoreForFalseMatchRate(0.0001) - 80.0) < 1e-9);
        // The table itself: FMR falls as similarity rises.
        const auto table = calibrationTable();
        for (std::size_t i = 1; i < table.size(); ++i) {
            QVERIFY(table[i].similarity > table[i - 1].similarity);
            QVERIFY(table[i].fmr < table[i - 1].fmr);
        }
    }

    void placementDoesNotMatter_data() {
        QTest::addColumn<double>("angle");
        QTest::addColumn<float>("dx");
        QTest::addColumn<float>("dy");
        QTest::newRow("shifted") << 0.0 << 60.0f << -40.0f;
        QTest::newRow("turned 25 degrees") << 25.0 << 0.0f << 0.0f;
        QTest::newRow("turned back 40 degrees and shifted") << -40.0 << -30.0f << 50.0f;
    }
    void placementDoesNotMatter() {
        QFETCH(double, angle);
        QFETCH(float, dx);
        QFETCH(float, dy);
        const cv::Mat a = readGrey8(dataPath("fingerprints/fvc2002-db1b/105_1.tif").toStdString());
        const cv::Mat b = readGrey8(dataPath("fingerprints/fvc2002-db1b/105_2.tif").toStdString());
        const auto ma = extractMinutiae(a).minutiae;
        const auto mb = extractMinutiae(b).minutiae;
        const FingerMatchTemplate ta(ma), tb(mb), moved(transformed(mb, angle, {dx, dy}));
        const double direct = compareFingers(ta, tb).similarity;
        const double afterMove = compareFingers(ta, moved).similarity;
        QVERIFY2(std::abs(direct - afterMove) < 0.1 * direct,
                 qPrintable(QStringLiteral("%1 vs %2").arg(direct).arg(afterMove)));
        // A print against its own moved copy is a near-certain match.
        QVERIFY(compareFingers(tb, moved).score > scoreForFalseMatchRate(1e-4));
    }

    void vectorBuildGivesTheSameSimilarities() {
        // localSimilarities picks an AVX-512 build where the processor has one; the plain build
        // must give the same numbers (on machines without AVX-512 this compares it with itself).
        std::vector<matching_detail::CylinderSet> sets;
        for (const char* file :
             {"fvc2002-db1b/102_1.tif", "fvc2002-db1b/102_5.tif", "fvc2002-db4b/107_2.tif"})
            sets.push_back(matching_detail::buildCylinders(
                extractMinutiae(
                    readGrey8(dataPath(QStringLiteral("fingerprints/") + QLatin1String(file))
                                  .toStdString()))
                    .minutiae));
        for (const auto& a : sets)
            for (const auto& b : sets) {
                std::vector<float> fast, plain;
                matching_detail::localSimilarities(a, b, fast);
                matching_detail::localSimilaritiesWithoutVectorUnits(a, b, plain);
                QVERIFY(!fast.empty());
                QVERIFY(fast == plain);
            }
    }

    void symmetric() {
        const cv::Mat a = readGrey8(dataPath("fingerprints/fvc2002-db1b/107_3.tif").toStdString());
        const cv::Mat b = readGrey8(dataPath("fingerprints/fvc2002-db1b/107_6.tif").toStdString());
        const FingerMatchTemplate ta(extractMinutiae(a).minutiae), tb(extractMinutiae(b).minutiae);
        QVERIFY(std::abs(compareFingers(ta, tb).similarity - compareFingers(tb, ta).similarity) <
                1e-4);
    }

    void unusableTemplatesScoreZeroWithReason_data() {
        QTest::addColumn<int>("minutiae");
        QTest::newRow("no minutiae") << 0;
        QTest::newRow("two minutiae") << 2;
        QTest::newRow("three far apart") << 3;
    }
    void unusableTemplatesScoreZeroWithReason() {
        QFETCH(int, minutiae);
        std::vector<Minutia> few;
        for (int i = 0; i < minutiae; ++i)
            few.push_back({50.0f + 150.0f * static_cast<float>(i), 100.0f, 30.0f,
                           MinutiaType::RidgeEnding, 60});
        const cv::Mat img =
            readGrey8(dataPath("fingerprints/fvc2002-db1b/101_1.tif").toStdString());
        const FingerMatchTemplate good(extractMinutiae(img).minutiae), bad(few);
        QVERIFY(good.unusableReason().empty());
        QVERIFY(!bad.unusableReason().empty());
        for (const FingerComparison& c :
             {compareFingers(good, bad), compareFingers(bad, good), compareFingers(bad, bad)}) {
            QCOMPARE(c.score, 0.0);
            QVERIFY(!c.reason.empty());
        }
        QCOMPARE(compareFingers(FingerMatchTemplate(), good).score, 0.0);
    }

    void accuracyOnFvc2002Db1() {
        // The goal: EER at most 2 % with every cross-finger pair as impostor (NBIS: 4.2 %). The
        // assertions keep a margin under it; the measured values are in docs/benchmarks.md.
        const std::vector<FingerMatchTemplate> t = loadSet(QStringLiteral("fvc2002-db1b"));
        std::vector<double> genuine, impostorFvc, impostorCross;
        for (int a = 0; a < 80; ++a)
            for (int b = a + 1; b < 80; ++b) {
                const double s =
                    compareFingers(t[static_cast<std::size_t>(a)], t[static_cast<std::size_t>(b)])
                        .score;
                if (a / 8 == b / 8) {
                    genuine.push_back(s);
                } else {
                    impostorCross.push_back(s);
                    if (a % 8 == 0 && b % 8 == 0)
                        impostorFvc.push_back(s);
                }
            }
        QCOMPARE(genuine.size(), std::size_t(280));
        QCOMPARE(impostorFvc.size(), std::size_t(45));
        QCOMPARE(impostorCross.size(), std::size_t(2880));
        const VerificationErrorRates cross = computeErrorRates(genuine, impostorCross);
        const VerificationErrorRates fvc = computeErrorRates(genuine, impostorFvc);
        qInfo("DB1_B cross: EER %.2f %%, FNMR %.2f %% at FMR 1 %%, %.2f %% at 0.1 %%, ZeroFMR %.2f "
              "%%",
              100 * cross.eer, 100 * cross.fnmrAtFmr1, 100 * cross.fnmrAtFmr01,
              100 * cross.zeroFmr);
        qInfo("DB1_B FVC:   EER %.2f %%, FNMR %.2f %% at FMR 1 %%, ZeroFMR %.2f %%", 100 * fvc.eer,
              100 * fvc.fnmrAtFmr1, 100 * fvc.zeroFmr);
        // The goal is 2 %; the assertion keeps 0.4 points under it (the measured value is 0.77 %,
        // one genuine pair of 280 is 0.36 points).
        QVERIFY2(cross.eer <= 0.016, "EER within 0.4 points of the 2 % goal");
        QVERIFY(fvc.eer <= 0.02);
        QVERIFY(cross.fnmrAtFmr1 <= 0.03);
        // The calibration holds on this set: about 1 % of impostors reach the FMR 1 % score.
        QVERIFY(falseMatchRate(impostorCross, scoreForFalseMatchRate(0.01)) <= 0.02);
    }
};

QTEST_GUILESS_MAIN(TestFingerMatching)
#include "tst_finger_matching.moc"
