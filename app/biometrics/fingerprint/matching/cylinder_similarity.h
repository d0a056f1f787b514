#pragma once

// Comparison of two cylinder sets: the local similarity matrix and its consolidation into one
// global score by Local Similarity Sort with Relaxation (LSS-R). Internal to
// umbral_finger_matching.

#include "app/biometrics/fingerprint/matching/cylinder_code.h"

#include <vector>

namespace umbral::biometrics::matching_detail {

/// One minutia pair of a comparison.
struct MinutiaPair {
    int a = 0, b = 0;        ///< cylinder indices in the two sets
    float similarity = 0.0f; ///< local similarity before relaxation
    float relaxed = 0.0f;    ///< after relaxation
};

struct CylinderComparison {
    float score = 0.0f;             ///< [0, 1]
    std::vector<MinutiaPair> pairs; ///< the pairs that made the score (only when asked)
};

/// Reusable buffers, so a long series of comparisons (1:N) allocates nothing per comparison.
struct ComparisonWorkspace {
    struct Entry {
        float similarity;
        int a, b;
    };
    std::vector<float> similarity;
    std::vector<Entry> entries, ordered;
    std::vector<int> bucketStart, bucketFill;
    std::vector<MinutiaPair> candidates;
    std::vector<float> rho;
    std::vector<float> lambda, next;
    std::vector<unsigned char> usedA, usedB;
    std::vector<float> alignedX, alignedY; ///< b's minutiae placed on a (common-area count)
};

/// Local similarity of every cylinder of `a` with every cylinder of `b` (row-major, a x b):
/// 1 - |ca ^ cb| / (|ca| + |cb|) in the bit-vector norm over the cells valid in both, 0 when the
/// minutiae directions differ by more than 90 degrees or too few cells are comparable.
void localSimilarities(const CylinderSet& a, const CylinderSet& b, std::vector<float>& out);

/// The same without the AVX-512 build, which localSimilarities uses where the processor has it.
/// For the test that both give the same numbers.
void localSimilaritiesWithoutVectorUnits(const CylinderSet& a, const CylinderSet& b,
                                         std::vector<float>& out);

/// Global similarity by LSS-R: the best one-to-one pairs by local similarity, relaxed by their
/// geometric compatibility with the other pairs, then the mean relaxed similarity of the pairs
/// whose similarity held up best (efficiency).
CylinderComparison compareCylinders(const CylinderSet& a, const CylinderSet& b,
                                    ComparisonWorkspace& work, bool keepPairs = false);

} // namespace umbral::biometrics::matching_detail
