// The evidence a supervisor sees is computed from the images: a traveler who is the listed
// person (another impression of the same synthetic identity) shows matched minutiae on every
// finger and iris distances under the decision threshold; a different person does not. The
// biographic breakdown names each field's relation.
#include "../adjudication/alert_fixture.h"
#include "app/biometrics/fingerprint/minutiae/iso19794_2.h"
#include "app/services/alert_evidence.h"

#include <QtTest>

using namespace umbral;
using namespace umbral::services;

class TestAlertEvidence : public QObject {
    Q_OBJECT

    static std::vector<storage::WatchlistSample> samplesOf(const WatchlistEntry& e) {
        std::vector<storage::WatchlistSample> out;
        int ordinal = 0;
        for (const auto& f : e.fingers)
            out.push_back({1, ordinal++, false, int(f.position),
                           f.isTemplate ? storage::WatchlistSampleFormat::Iso19794_2
                                        : storage::WatchlistSampleFormat::Image,
                           f.ppi, f.data});
        for (const auto& i : e.irises)
            out.push_back({1, ordinal++, true, int(i.side),
                           i.isCode ? storage::WatchlistSampleFormat::IrisCode
                                    : storage::WatchlistSampleFormat::Image,
                           0, i.data});
        return out;
    }

    WatchlistEntry listed_;
    Encounter same_, other_;

private slots:
    void initTestCase() {
        listed_ = testing::listedPerson(4242, QStringLiteral("KST-4242"));
        same_ = testing::travelerEncounter(4242, QStringLiteral("LANE-1"));
        other_ = testing::travelerEncounter(5353, QStringLiteral("LANE-1"));
    }

    void sameIdentityMatchesOnEveryModality() {
        const AlertEvidence ev = buildAlertEvidence(same_, listed_, samplesOf(listed_));
        QCOMPARE(ev.fingers.size(), testing::fixtureFingers().size());
        for (const FingerEvidence& f : ev.fingers) {
            QVERIFY2(f.problem.isEmpty(), qPrintable(f.problem));
            qInfo("genuine %s: score %.1f, %d paired", qPrintable(toKey(f.position)), f.score,
                  f.pairedMinutiae);
            QCOMPARE(f.candidateSource, QStringLiteral("image"));
            // Calibrated score 60 = FMR 0.1 %: a genuine pair of good impressions is far above.
            QVERIFY2(
                f.score >= 60.0,
                qPrintable(QStringLiteral("%1: score %2").arg(toKey(f.position)).arg(f.score)));
            QVERIFY(f.pairs.size() >= 6);
            for (const auto& p : f.pairs) { // pairs lie inside their images
                QVERIFY(p.ax >= 0 && p.ax < f.probe.cols && p.ay >= 0 && p.ay < f.probe.rows);
                QVERIFY(p.bx >= 0 && p.bx < f.candidate.cols && p.by >= 0 &&
                        p.by < f.candidate.rows);
            }
        }
        QCOMPARE(ev.irises.size(), std::size_t(2));
        for (const IrisEvidence& i : ev.irises) {
            QVERIFY2(i.problem.isEmpty(), qPrintable(i.problem));
            qInfo("genuine %s iris: distance %.3f (threshold %.3f)", qPrintable(toKey(i.side)),
                  i.distance, i.threshold);
            QVERIFY2(i.distance <= i.threshold,
                     qPrintable(QStringLiteral("distance %1").arg(i.distance)));
            QCOMPARE(i.probeOverlay.type(), CV_8UC3);
            QCOMPARE(i.candidateOverlay.type(), CV_8UC3);
            QVERIFY(i.bitsCompared > 0);
        }
    }

    void differentIdentityDoesNot() {
        const AlertEvidence ev = buildAlertEvidence(other_, listed_, samplesOf(listed_));
        QCOMPARE(ev.fingers.size(), testing::fixtureFingers().size());
        // Below the genuine scores' floor (60, FMR 0.1 %) on every finger; four impostor
        // comparisons at FMR 1 % each would reach 40 now and then, so 40 is not the bound.
        for (const FingerEvidence& f : ev.fingers) {
            qInfo("impostor %s: score %.1f, %d paired", qPrintable(toKey(f.position)), f.score,
                  f.pairedMinutiae);
            QVERIFY2(
                f.score < 60.0,
                qPrintable(QStringLiteral("%1: score %2").arg(toKey(f.position)).arg(f.score)));
        }
        for (const IrisEvidence& i : ev.irises) {
            qInfo("impostor %s iris: distance %.3f", qPrintable(toKey(i.side)), i.distance);
            QVERIFY2(i.distance > i.threshold,
                     qPrintable(QStringLiteral("distance %1").arg(i.distance)));
        }
    }

    void biographicFieldsSayHowTheyRelate() {
        const AlertEvidence ev = buildAlertEvidence(same_, listed_, {});
        QVERIFY(ev.fingers.empty());
        QVERIFY(ev.irises.empty());
        QCOMPARE(ev.biographic.size(), std::size_t(5));
        auto field = [&](const QString& name) {
            for (const auto& f : ev.biographic)
                if (f.field == name)
                    return f;
            return BiographicFieldEvidence{};
        };
        QVERIFY(field("Name").similarity > 0.8);
        QVERIFY(field("Name").relation.contains("GARCIA exact"));
        QCOMPARE(field("Date of birth").relation, QStringLiteral("day and month swapped"));
        QCOMPARE(field("Nationality").similarity, 1.0);
        QCOMPARE(field("Sex").relation, QStringLiteral("same"));
        QCOMPARE(field("Document").similarity, 0.0); // another passport number
        QCOMPARE(field("Document").relation, QStringLiteral("different"));
        QVERIFY(ev.biographicScore > 0.8);
    }

    void templateOnlyCandidateIsComparedWithoutAnImage() {
        // A listed finger given as an ISO/IEC 19794-2 template: minutiae, no picture.
        WatchlistEntry e = listed_;
        for (auto& f : e.fingers) {
            const cv::Mat img = cv::imdecode(cv::Mat(1, int(f.data.size()), CV_8U, f.data.data()),
                                             cv::IMREAD_GRAYSCALE);
            const auto record = biometrics::makeFingerMinutiaeRecord(
                biometrics::extractMinutiae(img), int(f.position));
            const auto bytes = biometrics::writeFingerMinutiaeRecord(record);
            f.data =
                QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
            f.isTemplate = true;
        }
        e.irises.clear();
        const AlertEvidence ev = buildAlertEvidence(same_, e, samplesOf(e));
        QCOMPARE(ev.fingers.size(), testing::fixtureFingers().size());
        for (const FingerEvidence& f : ev.fingers) {
            QVERIFY(f.candidate.empty());
            QCOMPARE(f.candidateSource, QStringLiteral("ISO/IEC 19794-2 template"));
            QVERIFY(f.candidateFrame.width > 100 && f.candidateFrame.height > 100);
            QVERIFY2(f.score >= 60.0, qPrintable(QStringLiteral("score %1").arg(f.score)));
        }
    }

    void brokenSampleIsReportedNotThrown() {
        WatchlistEntry e = listed_;
        e.fingers.resize(1);
        e.fingers[0].data = QByteArray("not a png");
        e.irises.clear();
        const AlertEvidence ev = buildAlertEvidence(same_, e, samplesOf(e));
        QCOMPARE(ev.fingers.size(), std::size_t(1));
        QVERIFY(ev.fingers[0].problem.contains("does not decode"));
    }

    void falseMatchRateInWords_data() {
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("words");
        QTest::newRow("zero") << 0.0 << "no evidence of a match";
        QTest::newRow("40") << 40.0 << "false-match rate about 1 in 100";
        QTest::newRow("80") << 80.0
                            << QString("false-match rate about 1 in 10") + QChar(0x2009) + "000";
        QTest::newRow("200") << 200.0 << "false-match rate below 1 in a billion";
    }
    void falseMatchRateInWords() {
        QFETCH(double, score);
        QFETCH(QString, words);
        QCOMPARE(falseMatchRateWords(score), words);
    }
};

QTEST_GUILESS_MAIN(TestAlertEvidence)
#include "tst_alert_evidence.moc"
