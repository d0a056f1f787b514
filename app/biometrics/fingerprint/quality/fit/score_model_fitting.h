#pragma once

// Fitting Umbral's unified fingerprint quality model to NIST's NFIQ 2 conformance table:
// gradient-boosted regression trees on the size-free inputs of unified_quality_score.h, and
// their cross-validation. Used by the fitter tool and by the test that checks the shipped model.

#include "app/biometrics/fingerprint/quality/score_model.h"

#include <map>
#include <string>
#include <vector>

namespace umbral::biometrics::fitting {

struct Sample {
    std::string name;
    std::vector<double> x;
    double y = 0.0;
};

struct Params {
    int trees = 300;
    int depth = 3;
    double learningRate = 0.05;
    int minLeaf = 5;
    double subsample = 1.0; ///< share of the rows each tree sees (stochastic gradient boosting)
    bool absoluteLoss =
        false;    ///< least absolute deviation: trees split on signs, leaves are medians
    int bags = 1; ///< average of this many boosted models, each on its own row subsamples
    double featureShare = 1.0; ///< share of the inputs each bag may split on (random subspace)
};

struct TrainingSet {
    std::vector<std::string> featureNames;
    std::vector<Sample> samples;
};

/// NIST's table: every scored image's size-free inputs and NIST's score. The minutiae-based
/// inputs are included only with `withMinutiae`. Throws std::runtime_error if unreadable.
TrainingSet readConformanceTable(const std::string& csvPath, bool withMinutiae);

/// NIST's "Name: value" output file (examples/output/*.txt).
std::map<std::string, double> readNistOutputFile(const std::string& path);

/// The model inputs of one set of NIST-named measures, in `featureNames` order.
std::vector<double> featureVector(const std::map<std::string, double>& named,
                                  const std::vector<std::string>& featureNames, bool withMinutiae);

ScoreModel fit(const std::vector<Sample>& all, const std::vector<int>& rows,
               const std::vector<std::string>& featureNames, const Params& p);

struct CvResult {
    double mae = 0.0;
    double spearman = 0.0;
    double maxError = 0.0;
};

/// k-fold cross-validation with a fixed pseudo-random fold assignment; scores are rounded and
/// clamped to 0..100 as the library reports them.
CvResult crossValidate(const std::vector<Sample>& all, const std::vector<std::string>& names,
                       const Params& p, int folds);

double spearman(const std::vector<double>& a, const std::vector<double>& b);

/// The recipe of the shipped model (model/finger_quality_model.txt): the parameters below on
/// the whole table, without minutiae inputs; `description` records the cross-validation.
/// Chosen with the same 10-fold cross-validation among the settings --explore lists.
inline constexpr Params kShippedParams{.trees = 200,
                                       .depth = 4,
                                       .learningRate = 0.05,
                                       .minLeaf = 5,
                                       .subsample = 0.5,
                                       .absoluteLoss = false,
                                       .bags = 4,
                                       .featureShare = 1.0};
ScoreModel fitShippedModel(const TrainingSet& table, const CvResult& cv);

} // namespace umbral::biometrics::fitting
