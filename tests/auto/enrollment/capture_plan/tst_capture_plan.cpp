// The fingerprint capture plan follows the scanner: 4-4-2 slaps on a slap scanner with a
// two-thumb mode, 4-4-1-1 without it, ten single fingers on a single-finger scanner, nothing
// without a scanner. Every finger is planned exactly once.
#include "app/enrollment/capture_plan.h"

#include <QtTest>
#include <set>

using namespace umbral;
using namespace umbral::enrollment;

class TestCapturePlan : public QObject {
    Q_OBJECT

private slots:
    void planFollowsScanner_data() {
        QTest::addColumn<bool>("single");
        QTest::addColumn<bool>("slap");
        QTest::addColumn<bool>("thumbs");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QList<int>>("impressions");
        QTest::newRow("slap scanner with two-thumb mode")
            << false << true << true << "4-4-2 slaps" << QList<int>{13, 14, 15};
        QTest::newRow("slap scanner that also takes single fingers")
            << true << true << true << "4-4-2 slaps" << QList<int>{13, 14, 15};
        QTest::newRow("slap scanner without two-thumb mode")
            << false << true << false << "4-4-1-1" << QList<int>{13, 14, 1, 6};
        QTest::newRow("single-finger scanner") << true << false << false << "10 single fingers"
                                               << QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        QTest::newRow("no scanner able to capture")
            << false << false << false << "no fingerprint capture" << QList<int>{};
    }
    void planFollowsScanner() {
        QFETCH(bool, single);
        QFETCH(bool, slap);
        QFETCH(bool, thumbs);
        QFETCH(QString, description);
        QFETCH(QList<int>, impressions);

        const CapturePlan plan = CapturePlan::forScanner({single, slap, thumbs});
        QCOMPARE(plan.describe(), description);
        QList<int> got;
        for (const PlannedImpression& p : plan.impressions())
            got << int(p.impression);
        QCOMPARE(got, impressions);

        if (plan.isEmpty())
            return;
        // Every one of the ten fingers is planned exactly once, in the impression that shows it.
        std::multiset<FingerPosition> planned;
        for (const PlannedImpression& p : plan.impressions()) {
            for (FingerPosition f : p.fingers) {
                planned.insert(f);
                if (p.isSlap())
                    QCOMPARE(slapFor(f), p.impression);
                else
                    QCOMPARE(f, p.impression);
            }
        }
        for (FingerPosition f : allSingleFingers()) {
            QCOMPARE(int(planned.count(f)), 1);
            QVERIFY(plan.impressionOf(f) >= 0);
            const auto& fingers = plan.at(plan.impressionOf(f)).fingers;
            QVERIFY(std::find(fingers.begin(), fingers.end(), f) != fingers.end());
        }
        QCOMPARE(int(planned.size()), 10);
    }

    void slapFingersAreInImageOrder() {
        const CapturePlan plan = CapturePlan::forScanner({false, true, true});
        // As the traveler's hands lie on the glass: right index..little, left little..index,
        // left thumb then right thumb.
        QCOMPARE(plan.at(0).fingers, (std::vector<FingerPosition>{
                                         FingerPosition::RightIndex, FingerPosition::RightMiddle,
                                         FingerPosition::RightRing, FingerPosition::RightLittle}));
        QCOMPARE(plan.at(1).fingers, (std::vector<FingerPosition>{
                                         FingerPosition::LeftLittle, FingerPosition::LeftRing,
                                         FingerPosition::LeftMiddle, FingerPosition::LeftIndex}));
        QCOMPARE(plan.at(2).fingers, (std::vector<FingerPosition>{FingerPosition::LeftThumb,
                                                                  FingerPosition::RightThumb}));
    }

    void unknownFingerHasNoImpression() {
        const CapturePlan plan = CapturePlan::forScanner({true, false, false});
        QCOMPARE(plan.impressionOf(FingerPosition::Unknown), -1);
        QCOMPARE(plan.impressionOf(FingerPosition::PlainRightFour), -1);
        QCOMPARE(CapturePlan{}.impressionOf(FingerPosition::RightIndex), -1);
    }
};

QTEST_APPLESS_MAIN(TestCapturePlan)
#include "tst_capture_plan.moc"
