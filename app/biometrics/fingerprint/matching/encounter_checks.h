#pragma once

// Consistency checks inside one encounter (all the finger captures of one traveler at one
// visit):
//  - the same finger presented twice under two positions (duplicate finger);
//  - where both slap (four-finger or two-thumb) captures and single-finger captures exist, the
//    single captures must match the slap fingers of the same positions; a swapped hand or a
//    wrong finger order shows as single captures matching other positions.

#include "app/biometrics/fingerprint/matching/finger_matcher.h"

#include <span>
#include <vector>

namespace umbral::biometrics {

/// How a finger image was captured.
enum class CaptureKind {
    Single, ///< one finger on the platen (flat or rolled)
    Slap,   ///< segmented out of a slap (four fingers or two thumbs)
};

struct EncounterFinger {
    int position = 0; ///< ISO/IEC 19794 finger position: 1-5 right thumb..little, 6-10 left
    CaptureKind kind = CaptureKind::Single;
    FingerMatchTemplate fingerprint;
};

struct DuplicateFinger {
    std::size_t first = 0, second = 0; ///< indices into the encounter's fingers
    int firstPosition = 0, secondPosition = 0;
    double score = 0.0; ///< calibrated 1:1 score
};

/// Pairs of captures of different positions, of the same kind (two singles or two slap
/// fingers), that match at or above `minScore` (default: FMR 0.01 %, so 45 comparisons of a
/// ten-print encounter raise a false alarm about once in 200 encounters). Best score first.
std::vector<DuplicateFinger> findDuplicateFingers(std::span<const EncounterFinger> fingers,
                                                  double minScore = 80.0);

enum class SequenceVerdict {
    Consistent,        ///< every single capture that matches a slap finger matches its own position
    HandsSwapped,      ///< the single captures match the same fingers of the other hand
    FingersOutOfOrder, ///< single captures match other positions (a finger order mix-up)
    Inconclusive, ///< no single capture matched any slap finger (poor quality, or nothing to check)
};

struct SequenceMismatch {
    std::size_t single = 0, slap = 0; ///< indices into the encounter's fingers
    int declaredPosition = 0;         ///< position the single capture was taken as
    int matchedPosition = 0;          ///< position of the slap finger it matches
    double score = 0.0;
};

struct SequenceCheck {
    SequenceVerdict verdict = SequenceVerdict::Inconclusive;
    int confirmed = 0; ///< single captures matching the slap finger of their own position
    std::vector<SequenceMismatch> mismatches;
};

/// Compares every single capture with every slap finger. A single capture counts when its best
/// slap match reaches `minScore` (default: FMR 0.1 %). Mismatches that all pair a finger with the
/// same finger of the other hand (position p with p +/- 5) make HandsSwapped; any other mismatch
/// makes FingersOutOfOrder.
SequenceCheck checkCaptureSequence(std::span<const EncounterFinger> fingers,
                                   double minScore = 60.0);

} // namespace umbral::biometrics
