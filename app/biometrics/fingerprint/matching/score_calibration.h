#pragma once

// Calibration of the raw LSS-R similarity to false-match rates.
//
// calibratedScore(s) = -20 log10(FMR(s)), where FMR(s) is the share of impostor comparisons
// whose similarity reaches s. FMR(s) is interpolated (linearly in log10 FMR) between points
// measured on every impostor pair of FVC2002 DB1_B and DB4_B (within and across the two sets);
// beyond the last measured point it follows the exponential tail fitted to the top 2 % of those
// impostor scores. So a threshold of 40 means FMR 1 %, 60 means 0.1 %, 80 means 0.01 % (the last
// one extrapolated: the data hold about 12 000 impostor pairs). Regenerate the table with
// build/benchmarks/bench_finger_match_accuracy whenever the extractor or the matcher change.

#include <span>

namespace umbral::biometrics {

struct CalibrationPoint {
    double similarity; ///< raw LSS-R similarity
    double fmr;        ///< measured share of impostor comparisons at or above it
};

/// The measured points, similarity ascending.
std::span<const CalibrationPoint> calibrationTable();

/// -20 log10(FMR) of a raw similarity; 0 for similarity <= 0, at most 200.
double calibratedScore(double similarity);

/// Raw similarity whose calibrated score is `score` (the inverse of calibratedScore).
double similarityForScore(double score);

/// Calibrated score threshold for a target false-match rate, e.g. 0.001 -> 60.
double scoreForFalseMatchRate(double fmr);

} // namespace umbral::biometrics
