// The arithmetic of screening decisions: calibrated scores and iris distances to false-match
// rates, Fisher fusion, Bonferroni correction, and the band rules with configured thresholds.
#include "app/core/errors.h"
#include "app/screening/false_match_rates.h"
#include "app/screening/screening_decision.h"
#include "app/screening/screening_settings.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace umbral;
using namespace umbral::screening;

namespace {
FingerCandidate finger(double rate) {
    FingerCandidate f;
    f.fusedRate = rate;
    return f;
}
IrisCandidate iris(double rate) {
    IrisCandidate i;
    i.fusedRate = rate;
    return i;
}
BiographicComparison bio(double score, bool document = false) {
    BiographicComparison b;
    b.score = score;
    b.documentMatch = document;
    return b;
}
} // namespace

class TestDecision : public QObject {
    Q_OBJECT

private slots:
    void fingerRates() {
        QCOMPARE(fingerFalseMatchRate(0.0), 1.0);
        QVERIFY(std::abs(fingerFalseMatchRate(40.0) - 1e-2) < 1e-12);
        QVERIFY(std::abs(fingerFalseMatchRate(60.0) - 1e-3) < 1e-12);
        QVERIFY(fingerFalseMatchRate(1000.0) >= kMinFalseMatchRate);
    }

    void irisRates() {
        // Monotonic in the distance, 1 at the impostor mean, tiny for good genuine distances.
        QCOMPARE(irisFalseMatchRate(0.5), 1.0);
        double previous = 0.0;
        for (double d = 0.05; d < 0.5; d += 0.05) {
            const double r = irisFalseMatchRate(d);
            QVERIFY(r >= previous);
            previous = r;
        }
        QVERIFY(irisFalseMatchRate(0.25) < 1e-12);
        // Against a direct sum of the binomial lower tail at one point (N = 230, R = 12).
        double cdf = 0.0;
        for (int j = 0; j <= 80; ++j)
            cdf += std::exp(std::lgamma(231.0) - std::lgamma(j + 1.0) - std::lgamma(231.0 - j) - 230 * std::log(2.0));
        const double expected = 1.0 - std::pow(1.0 - cdf, 12);
        QVERIFY2(std::abs(irisFalseMatchRate(80.0 / 230.0 + 1e-9) / expected - 1.0) < 1e-6, qPrintable(QString::number(expected)));
    }

    void fisher_data() {
        QTest::addColumn<QList<double>>("rates");
        QTest::addColumn<double>("expected");
        QTest::newRow("one rate is itself") << QList<double>{1e-4} << 1e-4;
        QTest::newRow("two of 0.01") << QList<double>{1e-2, 1e-2} << 1e-4 * (1 - std::log(1e-4)); // p1p2(1 - ln p1p2)
        QTest::newRow("no evidence") << QList<double>{1.0, 1.0, 1.0} << 1.0;
        QTest::newRow("empty") << QList<double>{} << 1.0;
    }
    void fisher() {
        QFETCH(QList<double>, rates);
        QFETCH(double, expected);
        const std::vector<double> v(rates.begin(), rates.end());
        const double fused = fuseFalseMatchRates(v);
        QVERIFY2(std::abs(fused - expected) <= 1e-9 * std::max(1.0, expected) + expected * 1e-9, qPrintable(QString::number(fused)));
    }

    void fusionRewardsAgreementAndPenalisesMisses() {
        // Ten fingers all moderately alike are stronger evidence than one; adding fingers that do
        // not match at all weakens it.
        const std::vector<double> one{1e-3}, ten(10, 1e-3);
        std::vector<double> withMisses{1e-3, 1.0, 1.0, 1.0};
        QVERIFY(fuseFalseMatchRates(ten) < 1e-15);
        QVERIFY(fuseFalseMatchRates(withMisses) > fuseFalseMatchRates(one));
        QCOMPARE(bestOfRate(1e-3, 10), 1e-2);
        QCOMPARE(bestOfRate(0.5, 10), 1.0);
    }

    void bands_data() {
        QTest::addColumn<double>("fingerRate");  // -1: no fingerprint evidence
        QTest::addColumn<double>("irisRate");    // -1: none
        QTest::addColumn<double>("bioScore");    // -1: none
        QTest::addColumn<bool>("document");
        QTest::addColumn<QString>("band");
        QTest::newRow("fingerprint at the red rate") << 1e-10 << -1.0 << 0.2 << false << "red";
        QTest::newRow("iris at the red rate") << -1.0 << 1e-12 << -1.0 << false << "red";
        QTest::newRow("fingerprint between yellow and red") << 1e-8 << -1.0 << 0.3 << false << "yellow";
        QTest::newRow("fingerprint and iris both possible") << 1e-8 << 1e-8 << -1.0 << false << "red";
        QTest::newRow("possible fingerprint and the same name") << 1e-8 << -1.0 << 0.9 << false << "red";
        QTest::newRow("document match") << -1.0 << -1.0 << 0.1 << true << "red";
        QTest::newRow("a name alone, however close") << -1.0 << -1.0 << 1.0 << false << "yellow";
        QTest::newRow("name below yellow") << -1.0 << -1.0 << 0.75 << false << "green";
        QTest::newRow("weak fingerprint only") << 1e-3 << -1.0 << 0.2 << false << "green";
    }
    void bands() {
        QFETCH(double, fingerRate);
        QFETCH(double, irisRate);
        QFETCH(double, bioScore);
        QFETCH(bool, document);
        QFETCH(QString, band);
        ScreeningSettings s; // defaults: red 1e-9, yellow 1e-7, biographic yellow 0.80
        ScreeningCandidate c;
        if (fingerRate >= 0)
            c.finger = finger(fingerRate);
        if (irisRate >= 0)
            c.iris = iris(irisRate);
        if (bioScore >= 0)
            c.biographic = bio(bioScore, document);
        decide(c, s);
        QCOMPARE(toKey(c.band), band);
        QVERIFY(!c.reasons.isEmpty());
    }

    void thresholdsComeFromConfiguration() {
        QTemporaryDir dir;
        const QString file = dir.filePath("umbral.conf");
        {
            QSettings ini(file, QSettings::IniFormat);
            ini.setValue("screening/finger_red_fmr", "1e-6");
            ini.setValue("screening/finger_yellow_fmr", "1e-4");
            ini.setValue("screening/corroborated_red", "false");
            ini.setValue("screening/finger_gallery_positions", "right-thumb,left-thumb");
        }
        const ScreeningSettings s = ScreeningSettings::load(file);
        QCOMPARE(s.fingerRedFmr, 1e-6);
        QCOMPARE(s.fingerGalleryPositions.size(), std::size_t(2));
        QCOMPARE(s.fingerGalleryPositions[0], FingerPosition::RightThumb);
        ScreeningCandidate c;
        c.finger = finger(1e-7); // yellow under the defaults, red under this configuration
        decide(c, s);
        QCOMPARE(c.band, Band::Red);
        ScreeningCandidate d;
        d.finger = finger(1e-5);
        d.biographic = bio(0.95);
        decide(d, s);
        QCOMPARE(d.band, Band::Yellow); // corroboration switched off
    }

    void badConfigurationIsRefused_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("rate above 1") << "screening/finger_red_fmr" << "2";
        QTest::newRow("not a number") << "screening/iris_red_fmr" << "often";
        QTest::newRow("yellow stricter than red") << "screening/finger_yellow_fmr" << "1e-12";
        QTest::newRow("score above 1") << "screening/biographic_yellow" << "1.5";
        QTest::newRow("not a finger") << "screening/finger_gallery_positions" << "right-toe";
        QTest::newRow("bad key") << "watchlist/trusted_keys" << "ministry:abcd";
    }
    void badConfigurationIsRefused() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QTemporaryDir dir;
        const QString file = dir.filePath("umbral.conf");
        {
            QSettings ini(file, QSettings::IniFormat);
            ini.setValue(key, value);
        }
        try {
            ScreeningSettings::load(file).trusted();
            QFAIL("must be refused");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidInput);
            QVERIFY2(e.message().contains(key.section('/', 1)), qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestDecision)
#include "tst_decision.moc"
