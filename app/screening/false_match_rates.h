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
#include <vector>

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

/// The impostor scores of the watchlist's own population, measured when the gallery loads.
///
/// The matcher's calibration (fingerFalseMatchRate) was measured on FVC2002 prints. A population
/// whose prints are less distinctive to the matcher (the demo generator's synthetic fingers:
/// impostor median score about 26 instead of 6, 9 % of impostors at or above 60 instead of
/// 0.1 %) would then be given rates orders of magnitude too small, and a traveler who is not
/// listed would fuse ten such "unlikely" impostor scores into a false yellow or red. So the
/// gallery compares a sample of its own templates of DIFFERENT people and screening uses, for
/// every score, the larger of the matcher's rate and the rate measured on that sample:
///   - up to the sample's top 2 % (at least its ten highest): (count >= s + 1) / (n + 1);
///   - beyond: an exponential tail from there, its slope the one between the top 20 % and the
///     top 2 % (scores per decade). The very top of the sample is not trusted to extrapolate:
///     it may hold the same person listed twice, whose "impostor" score is a mate's.
/// With too few pairs (fewer than kMinPairs) it says nothing (rate 0): the matcher's rate stands.
class ImpostorScoreTail {
public:
    static constexpr int kMinPairs = 50;
    static constexpr int kMinTailCount = 10;

    ImpostorScoreTail() = default;
    explicit ImpostorScoreTail(std::vector<double> impostorScores);

    /// The measured chance that an impostor comparison reaches `score` (0 when not measured).
    double rate(double score) const;
    /// max(fingerFalseMatchRate(score), rate(score)).
    double fingerRate(double score) const;

    int pairs() const { return int(sorted_.size()); }
    bool measured() const { return int(sorted_.size()) >= kMinPairs; }
    double median() const;
    /// The fitted tail's slope: the score it takes for the rate to fall tenfold (the matcher's
    /// calibration: 20).
    double scorePerDecade() const { return perDecade_; }

private:
    std::size_t above(double score) const;
    std::vector<double> sorted_; ///< ascending
    double tailStart_ = 0.0;     ///< the score of the top 2 % (at least the tenth highest)
    double tailRate_ = 1.0;      ///< the measured rate there
    double perDecade_ = 20.0;
};

/// Fisher's combination of independent rates (each in (0, 1]); 1 for an empty set.
double fuseFalseMatchRates(std::span<const double> rates);

} // namespace umbral::screening
