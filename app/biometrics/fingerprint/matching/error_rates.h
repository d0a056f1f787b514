#pragma once

// Verification error rates from genuine and impostor score sets (higher score = more alike), as
// reported by the Fingerprint Verification Competitions.

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

} // namespace umbral::biometrics
