#pragma once

// A small regression model over named features: gradient-boosted regression trees, stored as
// text (model/finger_quality_model.txt), fitted by fit/fit_finger_quality_model.cpp and compiled
// into the library.

#include <string>
#include <vector>

namespace umbral::biometrics {

struct ScoreTreeNode {
    int feature = -1;       ///< -1: leaf
    double threshold = 0.0; ///< go left when feature value < threshold (NaN goes right)
    int left = -1;
    int right = -1;
    double value = 0.0; ///< leaf output
};

class ScoreModel {
public:
    std::vector<std::string> featureNames;
    double base = 0.0;
    double learningRate = 1.0;
    std::vector<std::vector<ScoreTreeNode>> trees; ///< each tree: nodes, root first
    std::string description;                       ///< how it was fitted (free text, one line)

    /// base + learningRate * sum of tree outputs.
    double predict(const std::vector<double>& features) const;

    /// Text form; parse(toText()) gives the same model. parse() throws std::runtime_error on a
    /// malformed text.
    std::string toText() const;
    static ScoreModel parse(const std::string& text);
};

/// The model compiled into the library (model/finger_quality_model.txt).
const ScoreModel& embeddedScoreModel();

} // namespace umbral::biometrics
