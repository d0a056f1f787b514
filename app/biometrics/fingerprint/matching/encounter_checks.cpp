#include "app/biometrics/fingerprint/matching/encounter_checks.h"

#include <algorithm>
#include <cstdlib>

namespace umbral::biometrics {

std::vector<DuplicateFinger> findDuplicateFingers(std::span<const EncounterFinger> fingers,
                                                  double minScore) {
    std::vector<DuplicateFinger> found;
    for (std::size_t a = 0; a < fingers.size(); ++a)
        for (std::size_t b = a + 1; b < fingers.size(); ++b) {
            const EncounterFinger &x = fingers[a], &y = fingers[b];
            // A single capture and a slap finger of another position matching is a sequence
            // problem (checkCaptureSequence), not necessarily a finger given twice.
            if (x.kind != y.kind || x.position == y.position)
                continue;
            const FingerComparison c = compareFingers(x.fingerprint, y.fingerprint);
            if (c.reason.empty() && c.score >= minScore)
                found.push_back({a, b, x.position, y.position, c.score});
        }
    std::sort(found.begin(), found.end(),
              [](const DuplicateFinger& l, const DuplicateFinger& r) { return l.score > r.score; });
    return found;
}

SequenceCheck checkCaptureSequence(std::span<const EncounterFinger> fingers, double minScore) {
    SequenceCheck check;
    bool allOtherHand = true;
    for (std::size_t s = 0; s < fingers.size(); ++s) {
        if (fingers[s].kind != CaptureKind::Single)
            continue;
        // The single capture's best slap match.
        double best = 0.0;
        std::size_t at = 0;
        for (std::size_t p = 0; p < fingers.size(); ++p) {
            if (fingers[p].kind != CaptureKind::Slap)
                continue;
            const FingerComparison c =
                compareFingers(fingers[s].fingerprint, fingers[p].fingerprint);
            if (c.reason.empty() && c.score > best) {
                best = c.score;
                at = p;
            }
        }
        if (best < minScore)
            continue; // nothing to say about this finger
        if (fingers[at].position == fingers[s].position) {
            ++check.confirmed;
            continue;
        }
        check.mismatches.push_back({s, at, fingers[s].position, fingers[at].position, best});
        allOtherHand = allOtherHand && std::abs(fingers[at].position - fingers[s].position) == 5;
    }
    if (check.mismatches.empty())
        check.verdict =
            check.confirmed > 0 ? SequenceVerdict::Consistent : SequenceVerdict::Inconclusive;
    else
        check.verdict =
            allOtherHand ? SequenceVerdict::HandsSwapped : SequenceVerdict::FingersOutOfOrder;
    return check;
}

} // namespace umbral::biometrics
