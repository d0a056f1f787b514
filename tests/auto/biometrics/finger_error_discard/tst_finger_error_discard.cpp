// Error versus discard on FVC2002 DB1_B and DB4_B (issue 5): does leaving out the images with
// the lowest NFIQ 2-compatible score lower the matcher's FNMR at FMR 1 %? Computed as ISO/IEC
// 29794-1 does (pairwise quality = the lower of the two images', threshold fixed beforehand from
// the whole impostor set), both by share of genuine comparisons (the standard's curve) and by
// share of images (the wording). Where the claim is false on the data, the row says so
// with QEXPECT_FAIL and its reason: the test then fails the day it becomes true, so that the
// claim and docs/fingerprint-matching.md are updated together. The whole curves are printed by
// bench_finger_match_accuracy.

#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/matching/error_rates.h"
#include "app/biometrics/fingerprint/matching/finger_matcher.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"
#include "app/biometrics/fingerprint/quality/finger_quality.h"
#include "app/biometrics/fingerprint/quality/minutiae_detection.h"

#include <QtTest>

#include <cmath>
#include <map>

using namespace umbral::biometrics;

namespace {

QString dataPath(const QString& relative) {
    const QByteArray env = qgetenv("UMBRAL_SHARED_DATA");
    const QString root =
        env.isEmpty() ? QStringLiteral(UMBRAL_SHARED_DATA) : QString::fromLocal8Bit(env);
    return root + QLatin1Char('/') + relative;
}

/// One FVC set's comparisons (protocols of the data README) with the images' qualities.
struct MeasuredSet {
    std::vector<QualifiedComparison> genuine; ///< 280
    std::vector<double> impostorCross;        ///< 2 880: every pair of different fingers
    std::vector<double> impostorFvc;          ///< 45: first impressions of different fingers
    std::vector<int> imageQualities;          ///< 80
};

MeasuredSet measure(const QString& set) {
    MeasuredSet m;
    std::vector<FingerMatchTemplate> templates;
    FingerQualityOptions options;
    options.minutiae = umbralMinutiaeDetector();
    for (int finger = 101; finger <= 110; ++finger)
        for (int impression = 1; impression <= 8; ++impression) {
            const QString file =
                QStringLiteral("fingerprints/%1/%2_%3.tif").arg(set).arg(finger).arg(impression);
            const cv::Mat image = readGrey8(dataPath(file).toStdString());
            templates.emplace_back(extractMinutiae(image).minutiae);
            m.imageQualities.push_back(assessFingerQuality(image, options).score);
        }
    for (std::size_t a = 0; a < templates.size(); ++a)
        for (std::size_t b = a + 1; b < templates.size(); ++b) {
            const double s = compareFingers(templates[a], templates[b]).score;
            if (a / 8 == b / 8) {
                m.genuine.push_back({s, m.imageQualities[a], m.imageQualities[b]});
            } else {
                m.impostorCross.push_back(s);
                if (a % 8 == 0 && b % 8 == 0)
                    m.impostorFvc.push_back(s);
            }
        }
    return m;
}

} // namespace

class TestFingerErrorDiscard : public QObject {
    Q_OBJECT

    std::map<QString, MeasuredSet> sets_;

private slots:
    void initTestCase() {
        for (const char* set : {"fvc2002-db1b", "fvc2002-db4b"})
            sets_[QString::fromLatin1(set)] = measure(QString::fromLatin1(set));
        for (const auto& [name, m] : sets_) {
            QCOMPARE(m.genuine.size(), std::size_t(280));
            QCOMPARE(m.impostorCross.size(), std::size_t(2880));
            QCOMPARE(m.impostorFvc.size(), std::size_t(45));
        }
    }

    void discardingLowQualityLowersFnmr_data() {
        QTest::addColumn<QString>("set");
        QTest::addColumn<bool>("crossImpostors");
        QTest::addColumn<bool>("byImage");
        QTest::addColumn<QString>("knownFalse"); // empty: the claim holds on the data

        // DB1_B at FMR 1 %: measured 2 misses of 280 (0.71 %), both between impressions that
        // share little of the finger, whose pairwise qualities (49, 53) lie above the lowest
        // 10 %, and no miss among the comparisons of the lowest-quality images. Leaving images
        // out keeps the misses among fewer pairs; no matcher that misses nothing among the
        // lowest-quality images can make the claim true (docs: "Why the claim cannot hold").
        const QString db1 = QStringLiteral(
            "DB1_B: the 2 genuine pairs missed at FMR 1 % fail on small overlap between "
            "impressions, not on image quality; no comparison of the lowest 10 % of images "
            "fails (docs/fingerprint-matching.md, error versus discard)");
        QTest::newRow("DB1_B, cross impostors, 10 % of images")
            << "fvc2002-db1b" << true << true << db1;
        QTest::newRow("DB1_B, cross impostors, 10 % of comparisons")
            << "fvc2002-db1b" << true << false << db1;
        // With the 45 FVC impostors the threshold is the ZeroFMR one: 3 misses (1.07 %), the
        // third (110_6 / 110_8) of the same kind.
        QTest::newRow("DB1_B, FVC impostors, 10 % of images")
            << "fvc2002-db1b" << false << true << db1;
        QTest::newRow("DB1_B, FVC impostors, 10 % of comparisons")
            << "fvc2002-db1b" << false << false << db1;
        // DB4_B: the misses are poor images, and leaving them out works.
        QTest::newRow("DB4_B, cross impostors, 10 % of images")
            << "fvc2002-db4b" << true << true << QString();
        QTest::newRow("DB4_B, cross impostors, 10 % of comparisons")
            << "fvc2002-db4b" << true << false << QString();
        QTest::newRow("DB4_B, FVC impostors, 10 % of images")
            << "fvc2002-db4b" << false << true << QString();
        QTest::newRow("DB4_B, FVC impostors, 10 % of comparisons")
            << "fvc2002-db4b" << false << false << QString();
    }

    void discardingLowQualityLowersFnmr() {
        QFETCH(QString, set);
        QFETCH(bool, crossImpostors);
        QFETCH(bool, byImage);
        QFETCH(QString, knownFalse);
        const MeasuredSet& m = sets_.at(set);
        // The threshold of FMR 1 %, fixed from the whole impostor set before anything is left
        // out. (With the 45 FVC impostors, 1 % allows none: it is the ZeroFMR threshold.)
        const double threshold =
            thresholdForFalseMatchRate(crossImpostors ? m.impostorCross : m.impostorFvc, 0.01);
        const DiscardPoint all = fnmrAfterDiscard(m.genuine, threshold, 0);
        const DiscardPoint after =
            byImage ? fnmrAfterDiscard(m.genuine, threshold,
                                       discardQualityThreshold(m.imageQualities, 0.10))
                    : fnmrAfterDiscardingComparisons(m.genuine, threshold, 0.10);
        qInfo("FNMR at FMR 1 %%: %.2f %% of %zu genuine pairs; after discarding: %.2f %% of %zu "
              "(%.1f %% of the genuine comparisons left out)",
              100 * all.fnmr, all.kept, 100 * after.fnmr, after.kept, 100 * after.discardedShare);
        QCOMPARE(all.kept, std::size_t(280));
        QVERIFY(after.kept < all.kept); // something was discarded
        // FNMR falls exactly when the comparisons left out fail more often than all of them
        // do: after < all  <=>  missesOut / out > misses / total. So the claim is a statement
        // about where the misses lie.
        const auto misses = static_cast<long>(std::lround(all.fnmr * double(all.kept)));
        const auto missesKept = static_cast<long>(std::lround(after.fnmr * double(after.kept)));
        const long missesOut = misses - missesKept;
        const auto out = static_cast<long>(all.kept - after.kept);
        qInfo("misses: %ld of %zu; among the %ld comparisons left out: %ld", misses, all.kept,
              out, missesOut);
        QCOMPARE(after.fnmr < all.fnmr, missesOut * long(all.kept) > misses * out);
        if (!knownFalse.isEmpty()) {
            // The reason given for the rows where the claim is false: not one comparison of
            // the lowest-quality images fails, so leaving them out can only concentrate the
            // misses (all among good images) in fewer pairs.
            QCOMPARE(missesOut, 0L);
            QVERIFY(misses > 0);
            QEXPECT_FAIL("", qPrintable(knownFalse), Continue);
        }
        QVERIFY(after.fnmr < all.fnmr);
    }
};

QTEST_GUILESS_MAIN(TestFingerErrorDiscard)
#include "tst_finger_error_discard.moc"
