// The auto-capture policy: a capture fires when every expected finger has held at or above the
// threshold for k consecutive new frames; the streak breaks on any weak or missing finger; the
// best frame of the streak is pointed out as it arrives; after firing the policy waits for the
// presentation to break (a finger lifted or below the threshold) before arming again; stale
// frames are ignored.
#include "app/enrollment/auto_capture_policy.h"

#include <QtTest>

using namespace umbral::enrollment;

namespace {

// A frame written as text: scores separated by commas, '-' for a finger not seen; "" is an
// empty platen.
FrameScores frame(std::uint64_t sequence, const QString& text) {
    FrameScores f;
    f.sequence = sequence;
    if (text.isEmpty())
        return f;
    for (const QString& s : text.split(QLatin1Char(','))) {
        if (s == QLatin1String("-"))
            f.scores.push_back(std::nullopt);
        else
            f.scores.push_back(s.toInt());
    }
    return f;
}

QString verdictKey(AutoCapturePolicy::Verdict v) {
    switch (v) {
    case AutoCapturePolicy::Verdict::WaitingForLift:
        return "L";
    case AutoCapturePolicy::Verdict::Waiting:
        return "W";
    case AutoCapturePolicy::Verdict::Holding:
        return "H";
    case AutoCapturePolicy::Verdict::Capture:
        return "C";
    case AutoCapturePolicy::Verdict::Ignored:
        return "I";
    }
    return "?";
}

} // namespace

class TestAutoCapture : public QObject {
    Q_OBJECT

private slots:
    // Frames separated by ';' ; verdicts one letter per frame: W waiting, H holding, C capture,
    // L waiting for lift, I ignored. Best: '*' where the frame is the best of its streak.
    void sequences_data() {
        QTest::addColumn<int>("threshold");
        QTest::addColumn<int>("k");
        QTest::addColumn<QString>("frames");
        QTest::addColumn<QString>("verdicts");
        QTest::addColumn<QString>("best");

        QTest::newRow("single finger holds three frames") << 40 << 3 << "20;45;50;48"
                                                          << "WHHC"
                                                          << ".**.";
        QTest::newRow("a dip breaks the streak") << 40 << 3 << "45;50;39;41;42;43"
                                                 << "HHWHHC"
                                                 << "**.***";
        QTest::newRow("slap: the weakest finger decides")
            << 40 << 2 << "60,70,35,80;60,70,41,80;60,70,45,80"
            << "WHC"
            << ".**";
        QTest::newRow("a finger missing from the frame breaks the streak")
            << 40 << 2 << "60,60;60,-;60,60;61,61"
            << "HWHC"
            << "*.**";
        QTest::newRow("equal frames: the first is kept") << 40 << 3 << "50;50;50"
                                                         << "HHC"
                                                         << "*..";
        QTest::newRow("exactly at the threshold counts") << 40 << 2 << "40;40"
                                                         << "HC"
                                                         << "*.";
        QTest::newRow("k = 1 captures the first good frame") << 40 << 1 << "10;55"
                                                             << "WC"
                                                             << ".*";
        QTest::newRow("after a capture: the hand must leave the glass")
            << 40 << 2 << "50;50;50;50;;50;50"
            << "HCLLWHC"
            << "*....*.";
        QTest::newRow("after a capture: a new placement landing re-arms")
            << 40 << 2 << "50;50;55;12;30;50;50"
            << "HCLWWHC"
            << "*....*.";
        QTest::newRow("after a capture: one finger lifted re-arms")
            << 40 << 2 << "50,50;50,50;50,50;-,50;50,50;50,50"
            << "HCLWHC"
            << "*...*.";
        QTest::newRow("nothing expected never captures") << 40 << 1 << ";;"
                                                         << "WWW"
                                                         << "...";
    }
    void sequences() {
        QFETCH(int, threshold);
        QFETCH(int, k);
        QFETCH(QString, frames);
        QFETCH(QString, verdicts);
        QFETCH(QString, best);

        AutoCapturePolicy policy({threshold, k});
        QString got, gotBest;
        std::uint64_t seq = 0;
        for (const QString& f : frames.split(QLatin1Char(';'))) {
            const auto d = policy.observe(frame(++seq, f));
            got += verdictKey(d.verdict);
            gotBest += d.bestOfStreak ? QLatin1Char('*') : QLatin1Char('.');
        }
        QCOMPARE(got, verdicts);
        QCOMPARE(gotBest, best);
    }

    void staleFramesAreIgnored() {
        AutoCapturePolicy policy({40, 2});
        QCOMPARE(policy.observe(frame(5, "50")).verdict, AutoCapturePolicy::Verdict::Holding);
        // The same frame scored twice, and an older one arriving late, do not count.
        QCOMPARE(policy.observe(frame(5, "50")).verdict, AutoCapturePolicy::Verdict::Ignored);
        QCOMPARE(policy.observe(frame(3, "50")).verdict, AutoCapturePolicy::Verdict::Ignored);
        QCOMPARE(policy.held(), 1);
        QCOMPARE(policy.observe(frame(6, "50")).verdict, AutoCapturePolicy::Verdict::Capture);
    }

    void restartArmsAtOnce() {
        AutoCapturePolicy policy({40, 1});
        QCOMPARE(policy.observe(frame(1, "50")).verdict, AutoCapturePolicy::Verdict::Capture);
        QVERIFY(!policy.isArmed());
        QCOMPARE(policy.observe(frame(2, "50")).verdict,
                 AutoCapturePolicy::Verdict::WaitingForLift);
        policy.restart(); // the officer asks for another attempt with the finger still down
        QVERIFY(policy.isArmed());
        QCOMPARE(policy.observe(frame(3, "50")).verdict, AutoCapturePolicy::Verdict::Capture);
    }

    void requireLiftForgetsTheStreak() {
        AutoCapturePolicy policy({40, 3});
        policy.observe(frame(1, "50"));
        policy.observe(frame(2, "50"));
        QCOMPARE(policy.held(), 2);
        policy.requireLift(); // a manual capture was taken
        QCOMPARE(policy.held(), 0);
        QCOMPARE(policy.observe(frame(3, "50")).verdict,
                 AutoCapturePolicy::Verdict::WaitingForLift);
    }

    void framesHeldIsAtLeastOne() {
        AutoCapturePolicy policy({40, 0});
        QCOMPARE(policy.settings().framesHeld, 1);
        QCOMPARE(policy.observe(frame(1, "41")).verdict, AutoCapturePolicy::Verdict::Capture);
    }
};

QTEST_APPLESS_MAIN(TestAutoCapture)
#include "tst_auto_capture.moc"
