#pragma once

// Iris code comparison (Daugman): the fractional Hamming distance over the bits valid in both
// masks, taken at the best of several relative rotations, and normalised for the number of
// bits compared so that a comparison of few bits (a half-closed eye) cannot look confidently
// alike or unalike:
//     HDnorm = 0.5 - (0.5 - HDraw) * sqrt(n / kTypicalBitsCompared).
//
// 1:N search streams the gallery through a popcount kernel built twice by GCC function
// multiversioning (target_clones "popcnt" and "default"); the loader picks the hardware
// POPCNT version at run time when the CPU has it (irisPopcountPath() says which).
//
// The decision threshold tightens with the size of the gallery searched: it is set so that the
// chance of any false match in a whole search stays at a fixed level, using the binomial model
// of impostor distances (docs/iris.md gives its parameters, measured on synthetic irises).

#include "app/biometrics/iris/iris_code.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace umbral::biometrics {

/// Rotations tried by default: +-8 steps of 2.8125 degrees, +-22.5 degrees of head tilt or
/// ocular torsion.
inline constexpr int kDefaultMaxShift = 8;
/// Bits compared in a typical comparison of two good captures (median measured on synthetic
/// good-quality pairs); the reference point of the normalisation.
inline constexpr int kTypicalBitsCompared = 1150;

struct IrisComparison {
    double distance =
        1.0; ///< normalised fractional Hamming distance (clamped to 0 - 1), ~0.5 unrelated
    double rawDistance = 1.0; ///< differing / compared bits at the best rotation
    int bitsCompared = 0;     ///< 0: nothing in common to compare (distance 1)
    int shift = 0; ///< best rotation: the reference lies `shift` angular steps further round
};

/// Daugman's normalisation of a raw fractional Hamming distance over `bitsCompared` bits.
double normaliseHammingDistance(double rawDistance, int bitsCompared);

/// Compares two templates over rotations -maxShift .. maxShift (0: no rotation).
IrisComparison compareIrisTemplates(const IrisTemplate& probe, const IrisTemplate& reference,
                                    int maxShift = kDefaultMaxShift);

/// How strict a decision is: the chance that a search of a gallery holding no mate returns a
/// false match, under the binomial impostor model.
struct IrisDecisionPolicy {
    double searchFalseMatchProbability = 1e-6;
    int degreesOfFreedom = 230;  ///< impostor distances behave like binomial(N, 0.5)/N (measured)
    int effectiveRotations = 12; ///< independent looks bought by the +-8 rotation search (measured)
};

/// The distance at or below which a comparison is a match, for a search over `gallerySize`
/// references (1 for a 1:1 verification). Decreases as the gallery grows.
double irisDecisionThreshold(std::size_t gallerySize, const IrisDecisionPolicy& policy = {});

/// "popcnt" when the hardware POPCNT kernel runs on this CPU, "portable" otherwise.
const char* irisPopcountPath();

/// Templates held contiguously for 1:N search.
class IrisGallery {
public:
    struct Candidate {
        std::size_t index = 0; ///< position in the gallery (order of add())
        IrisComparison comparison;
    };

    /// Adds a template; returns its index.
    std::size_t add(const IrisTemplate& reference);
    std::size_t size() const { return words_.size() / kEntryWords; }
    void reserve(std::size_t n) { words_.reserve(n * kEntryWords); }
    void clear() { words_.clear(); }

    /// Compares `probe` with every entry (rotations -maxShift .. maxShift).
    std::vector<IrisComparison> compareAll(const IrisTemplate& probe,
                                           int maxShift = kDefaultMaxShift) const;

    /// Entries at distance <= threshold, best first, at most maxCandidates. `threads` > 1
    /// splits the gallery across that many threads.
    std::vector<Candidate> search(const IrisTemplate& probe, double threshold,
                                  std::size_t maxCandidates = 10, int maxShift = kDefaultMaxShift,
                                  unsigned threads = 1) const;

private:
    static constexpr std::size_t kEntryWords = 2 * kIrisCodeWords; // code then mask
    std::vector<std::uint64_t> words_;
};

} // namespace umbral::biometrics
