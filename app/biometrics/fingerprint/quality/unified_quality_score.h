#pragma once

// The unified quality score, 0 (worst) to 100 (best), from the native measures.
//
// NIST's NFIQ 2 random forest is not available, so Umbral fits its own model to NIST's
// conformance table (fit/fit_finger_quality_model.cpp). NIST's histogram measures are counts of
// local regions, which grow with the finger area; fed raw, a model fitted on small images
// extrapolates badly to larger ones. Our model therefore sees bounded inputs only: each
// histogram as shares, and as counts scaled down to the area of a typical plain impression
// when the print is larger; means, standard deviations, grey-level and coherence means
// (docs/fingerprint-quality.md).

#include "app/biometrics/fingerprint/quality/native_quality_measures.h"
#include "app/biometrics/fingerprint/quality/score_model.h"

#include <map>
#include <string>

namespace umbral::biometrics {

/// Every model input we can derive, by name (e.g. "FDA_frac_3", "OCL_scaled_9", "OCL_Mean";
/// the minutiae-based ones only when minutiae are present).
std::map<std::string, double> scoreFeatureValues(const NativeQualityMeasures& m);

/// The model's prediction for `m`, unrounded. Throws std::invalid_argument when the model needs
/// an input `m` lacks (a minutiae input without minutiae).
double predictQuality(const NativeQualityMeasures& m, const ScoreModel& model);

/// The unified quality score with the model compiled into the library: the prediction rounded
/// and clamped to 0..100.
int unifiedQualityScore(const NativeQualityMeasures& m);
int unifiedQualityScore(const NativeQualityMeasures& m, const ScoreModel& model);

} // namespace umbral::biometrics
