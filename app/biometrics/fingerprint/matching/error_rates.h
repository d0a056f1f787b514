#pragma once

// Verification error rates from genuine and impostor score sets (higher score = more alike), as
// reported by the Fingerprint Verification Competitions.

#include <cstddef>
#include <span>
#include <vector>

namespace umbral::biometrics {

struct VerificationErrorRates {
    double eer = 0.0;          ///< equal error rate (FVC definition: middle of [ERlow, ERhigh])
    double eerThreshold = 0.0; ///< a threshold at which FMR and FNMR cross
    double fnmrAtFmr1 = 0.0;   ///< lowest FNMR with FMR <= 1 %
    double fnmrAtFmr01 = 0.0;  ///< lowest FNMR with FMR <= 0.1 %
    double zeroFmr = 0.0;      ///< lowest FNMR with no false match at all
};

/// Rates as fractions in [0, 1]. A comparison is a match when score >= threshold.
/// Both sets must be non-empty.
VerificationErrorRates computeErrorRates(std::span<const double> genuine,
                                         std::span<const double> impostor);

/// False match rate and false non-match rate at one threshold.
double falseMatchRate(std::span<const double> impostor, double threshold);
double falseNonMatchRate(std::span<const double> genuine, double threshold);

/// Lowest threshold whose FMR on `impostor` is at most `fmr` (the calibration point).
double thresholdForFalseMatchRate(std::span<const double> impostor, double fmr);

// Error versus discard (ISO/IEC 29794-1): how FNMR at a threshold fixed beforehand (from the
// whole impostor set) falls as the comparisons of lowest quality are left out. The quality of a
// comparison is the lower of its two samples' qualities.

/// A genuine comparison with the quality scores of its two samples.
struct QualifiedComparison {
    double score = 0.0;
    int qualityA = 0;
    int qualityB = 0;
    int pairwiseQuality() const { return qualityA < qualityB ? qualityA : qualityB; }
};

/// The quality below which at most `fraction` of `qualities` lie, as high as possible: the
/// largest t with share(q < t) <= fraction. Samples that tie are kept or discarded together, so
/// the share actually discarded can be below `fraction` (never above). Empty input gives 0.
int discardQualityThreshold(std::span<const int> qualities, double fraction);

/// One point of an error-versus-discard curve.
struct DiscardPoint {
    int qualityThreshold = 0;    ///< comparisons with pairwise quality below it are discarded
    double discardedShare = 0.0; ///< share of the genuine comparisons discarded
    std::size_t kept = 0;        ///< genuine comparisons left
    double fnmr = 0.0;           ///< FNMR over those at the fixed threshold
};

/// FNMR at `threshold` over the genuine comparisons whose pairwise quality is at least
/// `qualityThreshold`.
DiscardPoint fnmrAfterDiscard(std::span<const QualifiedComparison> genuine, double threshold,
                              int qualityThreshold);

/// ISO/IEC 29794-1 error versus discard: discards (at most) `fraction` of the genuine
/// comparisons, those of lowest pairwise quality, and recounts FNMR at `threshold`.
DiscardPoint fnmrAfterDiscardingComparisons(std::span<const QualifiedComparison> genuine,
                                            double threshold, double fraction);

} // namespace umbral::biometrics
