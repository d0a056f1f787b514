// The duplicate-finger check: the same finger presented for two slots is reported; ten
// different fingers of one person are not; exceptions and slaps are left out. Images are
// synthetic prints (the same identity and finger seed is the same finger).
#include "app/enrollment/capture/duplicate_finger_check.h"
#include "app/enrollment/capture/frame_scoring.h"
#include "app/enrollment/encounter_captures.h"
#include "devices/simulated/finger_synthesis.h"

#include <QtTest>

using namespace umbral;
using namespace umbral::enrollment;

namespace {

Capture print(const devices::FingerprintSynthesizer& synthesizer, std::uint64_t person,
              FingerPosition shown, FingerPosition slot, std::uint64_t impression) {
    devices::CaptureRequest r;
    r.identitySeed = person;
    r.position = devices::FrictionRidgePosition(int(shown));
    r.impressionSeed = impression;
    const auto c = synthesizer.capture(r);
    Capture out;
    out.modality = Modality::Finger;
    out.finger = slot;
    out.image = encodePng(c.image);
    out.width = c.image.cols;
    out.height = c.image.rows;
    out.quality = 60;
    return out;
}

} // namespace

class TestDuplicateFinger : public QObject {
    Q_OBJECT

    devices::FingerprintSynthesizer synthesizer_;

private slots:
    void tenDifferentFingersAreNotDuplicates() {
        std::vector<Capture> fingers;
        for (FingerPosition f : allSingleFingers())
            fingers.push_back(print(synthesizer_, 5150, f, f, 11 + int(f)));
        DuplicateFingerCheck check;
        const auto warnings = check.check(fingers);
        QVERIFY2(warnings.empty(),
                 qPrintable(warnings.empty() ? QString() : warnings.front().slotKeys.join(" & ")));
        // Every pair was compared, and the highest score stays well under the threshold.
        double highest = 0;
        for (std::size_t i = 0; i < fingers.size(); ++i)
            for (std::size_t j = i + 1; j < fingers.size(); ++j) {
                const double s = check.lastScore(fingers[i].slotKey(), fingers[j].slotKey());
                QVERIFY(s >= 0);
                highest = std::max(highest, s);
            }
        QVERIFY2(highest < 100, qPrintable(QString::number(highest)));
    }

    void theSameFingerTwiceIsReported() {
        std::vector<Capture> fingers;
        for (FingerPosition f : allSingleFingers())
            fingers.push_back(print(synthesizer_, 5150, f, f, 11 + int(f)));
        // The traveler put the right index down again when the right middle was asked for.
        fingers[2] =
            print(synthesizer_, 5150, FingerPosition::RightIndex, FingerPosition::RightMiddle, 999);
        DuplicateFingerCheck check;
        const auto warnings = check.check(fingers);
        QCOMPARE(warnings.size(), std::size_t(1));
        QCOMPARE(warnings[0].kind, CaptureWarning::Kind::SameFingerTwice);
        QCOMPARE(warnings[0].slotKeys, (QStringList{slotKey(FingerPosition::RightIndex),
                                                    slotKey(FingerPosition::RightMiddle)}));
        // Recaptured properly, the warning goes.
        fingers[2] = print(synthesizer_, 5150, FingerPosition::RightMiddle,
                           FingerPosition::RightMiddle, 1000);
        QVERIFY(check.check(fingers).empty());
    }

    void exceptionsAndSlapsAreLeftOut() {
        std::vector<Capture> fingers;
        fingers.push_back(
            print(synthesizer_, 77, FingerPosition::LeftIndex, FingerPosition::LeftIndex, 1));
        Capture exception =
            print(synthesizer_, 77, FingerPosition::LeftIndex, FingerPosition::LeftMiddle, 2);
        exception.exception = CaptureException::Bandaged;
        exception.exceptionReason = "bandage";
        fingers.push_back(exception);
        Capture slap =
            print(synthesizer_, 77, FingerPosition::LeftIndex, FingerPosition::PlainLeftFour, 3);
        fingers.push_back(slap);
        QVERIFY(DuplicateFingerCheck().check(fingers).empty());
    }
};

QTEST_GUILESS_MAIN(TestDuplicateFinger)
#include "tst_duplicate_finger.moc"
