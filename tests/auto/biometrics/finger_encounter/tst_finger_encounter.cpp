// Encounter checks on simulated ten-print encounters built from real prints: FVC2002 DB1_B
// fingers 101-110 play the finger positions 1-10; impression 1 plays the slap capture,
// impression 2 the single-finger capture.

#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/matching/encounter_checks.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <QtTest>

#include <map>

using namespace umbral::biometrics;

namespace {

QString dataPath(const QString& relative) {
    const QByteArray env = qgetenv("UMBRAL_SHARED_DATA");
    const QString root =
        env.isEmpty() ? QStringLiteral(UMBRAL_SHARED_DATA) : QString::fromLocal8Bit(env);
    return root + QLatin1Char('/') + relative;
}

int otherHand(int position) {
    return position <= 5 ? position + 5 : position - 5;
}

} // namespace

class TestFingerEncounter : public QObject {
    Q_OBJECT

    std::map<std::pair<int, int>, FingerMatchTemplate> prints_; // (position, impression)

    const FingerMatchTemplate& print(int position, int impression) {
        const auto key = std::make_pair(position, impression);
        auto it = prints_.find(key);
        if (it == prints_.end()) {
            const QString file = QStringLiteral("fingerprints/fvc2002-db1b/%1_%2.tif")
                                     .arg(100 + position)
                                     .arg(impression);
            it =
                prints_
                    .emplace(key,
                             FingerMatchTemplate(
                                 extractMinutiae(readGrey8(dataPath(file).toStdString())).minutiae))
                    .first;
        }
        return it->second;
    }

    // Slaps of all ten positions, then the single captures: declared position p, actually the
    // finger at singleSource(p).
    template <class Source> std::vector<EncounterFinger> encounter(Source singleSource) {
        std::vector<EncounterFinger> e;
        for (int p = 1; p <= 10; ++p)
            e.push_back({p, CaptureKind::Slap, print(p, 1)});
        for (int p = 1; p <= 10; ++p)
            e.push_back({p, CaptureKind::Single, print(singleSource(p), 2)});
        return e;
    }

private slots:
    void consistentEncounter() {
        const auto e = encounter([](int p) { return p; });
        const SequenceCheck check = checkCaptureSequence(e);
        QCOMPARE(check.verdict, SequenceVerdict::Consistent);
        QVERIFY(check.confirmed >= 8);
        QVERIFY(check.mismatches.empty());
        QVERIFY(findDuplicateFingers(e).empty());
    }

    void swappedHandsAreFound() {
        const auto e = encounter([](int p) { return otherHand(p); });
        const SequenceCheck check = checkCaptureSequence(e);
        QCOMPARE(check.verdict, SequenceVerdict::HandsSwapped);
        QVERIFY(check.mismatches.size() >= 8);
        QCOMPARE(check.confirmed, 0);
        for (const SequenceMismatch& m : check.mismatches)
            QCOMPARE(m.matchedPosition, otherHand(m.declaredPosition));
    }

    void fingerOrderMixUpIsFound() {
        // Right index (2) and right middle (3) single captures taken the other way round.
        const auto e = encounter([](int p) { return p == 2 ? 3 : p == 3 ? 2 : p; });
        const SequenceCheck check = checkCaptureSequence(e);
        QCOMPARE(check.verdict, SequenceVerdict::FingersOutOfOrder);
        QCOMPARE(check.mismatches.size(), std::size_t(2));
        for (const SequenceMismatch& m : check.mismatches) {
            QVERIFY(m.declaredPosition == 2 || m.declaredPosition == 3);
            QCOMPARE(m.matchedPosition, 5 - m.declaredPosition);
        }
        QVERIFY(check.confirmed >= 6);
    }

    void sameFingerTwiceIsFound() {
        // The single capture declared as right middle (3) is the right index again.
        auto e = encounter([](int p) { return p; });
        e[12].fingerprint = print(2, 3); // singles start at index 10; index 12 is position 3
        const auto duplicates = findDuplicateFingers(e);
        QCOMPARE(duplicates.size(), std::size_t(1));
        QCOMPARE(duplicates.front().firstPosition, 2);
        QCOMPARE(duplicates.front().secondPosition, 3);
        QCOMPARE(duplicates.front().first, std::size_t(11));
        QCOMPARE(duplicates.front().second, std::size_t(12));
    }

    void sameHandSlappedTwiceIsFound() {
        // The left slap (positions 6-10) is the right hand again.
        std::vector<EncounterFinger> e;
        for (int p = 1; p <= 10; ++p)
            e.push_back({p, CaptureKind::Slap, p <= 5 ? print(p, 1) : print(p - 5, 4)});
        const auto duplicates = findDuplicateFingers(e);
        QVERIFY(duplicates.size() >= 4);
        for (const DuplicateFinger& d : duplicates)
            QCOMPARE(d.secondPosition, d.firstPosition + 5);
    }

    void unusableCapturesAreSkipped() {
        auto e = encounter([](int p) { return p; });
        for (auto& f : e)
            if (f.kind == CaptureKind::Single)
                f.fingerprint = FingerMatchTemplate();
        const SequenceCheck check = checkCaptureSequence(e);
        QCOMPARE(check.verdict, SequenceVerdict::Inconclusive);
        QCOMPARE(check.confirmed, 0);
        QVERIFY(findDuplicateFingers(std::span<const EncounterFinger>()).empty());
    }
};

QTEST_GUILESS_MAIN(TestFingerEncounter)
#include "tst_finger_encounter.moc"
