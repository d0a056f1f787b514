#pragma once

// False-match rates of biometric comparisons and their fusion per listed person.
//
// Fingerprint scores are calibrated by the matcher: score s means an impostor comparison
// reaches s with probability 10^(-s/20) (finger_matcher.h). Iris distances are turned into a
// rate with the binomial impostor model of the iris matcher (iris_matching.h): an impostor
// distance behaves like Binomial(N, 1/2)/N with N degrees of freedom, and the rotation search
// takes the best of R independent looks.
//
// One listed person contributes several comparisons (fingers, eyes, impressions). Each best
// score is first corrected for the number of comparisons it was the best of (Bonferroni:
// m x p), then the corrected rates are combined with Fisher's method: under the impostor
// hypothesis -2 sum ln p_i follows a chi-square law with 2k degrees of freedom, so the fused
// rate is P(chi2_2k >= -2 sum ln p_i) = exp(-y) sum_{j<k} y^j / j!, y = -sum ln p_i. The fused
// rate is "the chance that a person who is not this listed person looks at least this much
// like them", the quantity the red and yellow thresholds of the configuration are set in.

#include <span>

namespace umbral::screening {

/// Smallest rate reported: below it the models are pure extrapolation.
inline constexpr double kMinFalseMatchRate = 1e-30;

/// The impostor rate of a calibrated fingerprint score (10^(-score/20)), in [kMin, 1].
double fingerFalseMatchRate(double calibratedScore);

/// The parameters of the binomial iris impostor model (the iris matcher's defaults).
struct IrisImpostorModel {
    int degreesOfFreedom = 230;
    int effectiveRotations = 12;
};
/// The impostor rate of a normalised iris Hamming distance: 1 - (1 - F(d))^R, F the binomial
/// CDF at d x N.
double irisFalseMatchRate(double distance, const IrisImpostorModel& model = {});

/// Bonferroni correction of the best of `comparisons` rates: min(1, comparisons x rate).
double bestOfRate(double rate, int comparisons);

/// Fisher's combination of independent rates (each in (0, 1]); 1 for an empty set.
double fuseFalseMatchRates(std::span<const double> rates);

} // namespace umbral::screening
