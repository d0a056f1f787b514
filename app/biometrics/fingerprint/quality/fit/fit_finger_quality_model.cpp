// Fits Umbral's unified fingerprint quality model to NIST's NFIQ 2 conformance table.
//
//   fit_finger_quality_model --table conformance_expected_output-v2.3.0.csv
//       [--out model.txt] [--reference DIR] [--explore] [--with-minutiae]
//
// Reads NIST's native measures and NIST's unified score for every scored image, derives the
// size-free inputs of unified_quality_score.h, reports 10-fold cross-validation (mean absolute
// error, Spearman rank correlation), fits gradient-boosted regression trees on the whole table
// and writes the model text (app/biometrics/fingerprint/quality/model/finger_quality_model.txt).
// With --reference (the nfiq2-reference folder) it also prints the model's score for NIST's five
// reference images, fed NIST's measures. Deterministic: the same table gives the same file.
// --explore prints the cross-validation of other parameter choices; --with-minutiae adds the
// minutiae-based inputs (for comparison only: the shipped model does without them).

#include "app/biometrics/fingerprint/quality/fit/score_model_fitting.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>

using namespace umbral::biometrics;
using namespace umbral::biometrics::fitting;

namespace {

int usage() {
    std::cerr << "usage: fit_finger_quality_model --table CSV [--out MODEL] [--reference DIR] "
                 "[--explore] [--with-minutiae]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    std::string table, out, reference;
    bool explore = false, withMinutiae = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--table" && i + 1 < argc)
            table = argv[++i];
        else if (a == "--out" && i + 1 < argc)
            out = argv[++i];
        else if (a == "--reference" && i + 1 < argc)
            reference = argv[++i];
        else if (a == "--explore")
            explore = true;
        else if (a == "--with-minutiae")
            withMinutiae = true;
        else
            return usage();
    }
    if (table.empty())
        return usage();
    try {
        const TrainingSet set = readConformanceTable(table, withMinutiae);
        std::cout << set.samples.size() << " scored images, " << set.featureNames.size()
                  << " inputs\n"
                  << std::fixed << std::setprecision(3);
        if (explore)
            for (int depth : {2, 3, 4})
                for (int bags : {1, 4})
                    for (double subsample : {1.0, 0.5})
                        for (int trees : {100, 200}) {
                            Params p = kShippedParams;
                            p.depth = depth;
                            p.bags = bags;
                            p.subsample = subsample;
                            p.trees = trees;
                            const CvResult r = crossValidate(set.samples, set.featureNames, p, 10);
                            std::cout << "depth " << depth << ", " << bags << " bags, subsample "
                                      << subsample << ", " << trees << " trees: MAE " << r.mae
                                      << ", Spearman " << r.spearman << std::endl;
                        }
        const CvResult cv = crossValidate(set.samples, set.featureNames, kShippedParams, 10);
        std::cout << "10-fold cross-validation: MAE " << cv.mae << ", Spearman " << cv.spearman
                  << ", largest error " << cv.maxError << "\n";
        const ScoreModel model = fitShippedModel(set, cv);
        if (!reference.empty())
            for (int i = 1; i <= 5; ++i) {
                const auto named = readNistOutputFile(reference + "/expected/SFinGe_Test0" +
                                                      std::to_string(i) + "_output.txt");
                const double ours = std::round(
                    std::clamp(model.predict(featureVector(named, set.featureNames, withMinutiae)),
                               0.0, 100.0));
                std::cout << "SFinGe_Test0" << i << ": NIST " << named.at("UnifiedQualityScore")
                          << ", ours fed NIST's measures " << ours << "\n";
            }
        if (!out.empty()) {
            std::ofstream o(out);
            o << model.toText();
            if (!o)
                throw std::runtime_error("cannot write " + out);
            std::cout << "wrote " << out << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
