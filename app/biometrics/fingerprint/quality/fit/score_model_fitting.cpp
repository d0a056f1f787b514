#include "app/biometrics/fingerprint/quality/fit/score_model_fitting.h"

#include "app/biometrics/fingerprint/quality/native_quality_measures.h"
#include "app/biometrics/fingerprint/quality/unified_quality_score.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace umbral::biometrics::fitting {

namespace {

const char* const kMinutiaeMeasures[] = {
    "FingerJetFX_MinutiaeCount", "FingerJetFX_MinCount_COMMinRect200x200",
    "FJFXPos_Mu_MinutiaeQuality_2", "FJFXPos_OCL_MinutiaeQuality_80"};

std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (char ch : line) {
        if (ch == '"')
            quoted = !quoted;
        else if (ch == ',' && !quoted) {
            out.push_back(cur);
            cur.clear();
        } else if (ch != '\r')
            cur += ch;
    }
    out.push_back(cur);
    return out;
}

std::map<std::string, double> withoutMinutiae(std::map<std::string, double> named) {
    for (const char* n : kMinutiaeMeasures)
        named.erase(n);
    return named;
}

/// Regression tree on the residuals, grown depth-first; splits maximise the reduction of the
/// squared error, ties broken by feature order then position (deterministic).
class TreeBuilder {
public:
    TreeBuilder(const std::vector<Sample>& s, const std::vector<double>& residual, const Params& p,
                const std::vector<char>& usable)
        : samples_(s), residual_(residual), params_(p), usable_(usable) {}

    std::vector<ScoreTreeNode> build(const std::vector<int>& rows) {
        nodes_.clear();
        grow(rows, 0);
        return nodes_;
    }

private:
    double x(int row, size_t f) const { return samples_[static_cast<size_t>(row)].x[f]; }
    double r(int row) const { return residual_[static_cast<size_t>(row)]; }

    int grow(const std::vector<int>& rows, int depth) {
        const int id = static_cast<int>(nodes_.size());
        nodes_.push_back({});
        double sum = 0.0;
        for (int row : rows)
            sum += r(row);
        int bestFeature = -1;
        double bestThreshold = 0.0, bestGain = 1e-12;
        if (depth < params_.depth && static_cast<int>(rows.size()) >= 2 * params_.minLeaf) {
            const size_t nf = samples_.front().x.size();
            std::vector<int> order = rows;
            const double n = static_cast<double>(order.size());
            for (size_t f = 0; f < nf; ++f) {
                if (!usable_[f])
                    continue;
                std::sort(order.begin(), order.end(), [&](int a, int b) {
                    return x(a, f) < x(b, f) || (x(a, f) == x(b, f) && a < b);
                });
                double leftSum = 0.0;
                for (size_t i = 0; i + 1 < order.size(); ++i) {
                    leftSum += r(order[i]);
                    const int nl = static_cast<int>(i + 1);
                    const int nr = static_cast<int>(order.size()) - nl;
                    const double vl = x(order[i], f), vr = x(order[i + 1], f);
                    if (nl < params_.minLeaf || nr < params_.minLeaf || !(vl < vr))
                        continue;
                    const double rightSum = sum - leftSum;
                    const double gain =
                        leftSum * leftSum / nl + rightSum * rightSum / nr - sum * sum / n;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestFeature = static_cast<int>(f);
                        bestThreshold = 0.5 * (vl + vr);
                    }
                }
            }
        }
        if (bestFeature < 0) {
            nodes_[static_cast<size_t>(id)].value =
                rows.empty() ? 0.0 : sum / static_cast<double>(rows.size());
            return id;
        }
        std::vector<int> left, right;
        for (int row : rows)
            (x(row, static_cast<size_t>(bestFeature)) < bestThreshold ? left : right)
                .push_back(row);
        nodes_[static_cast<size_t>(id)].feature = bestFeature;
        nodes_[static_cast<size_t>(id)].threshold = bestThreshold;
        const int l = grow(left, depth + 1);
        const int rr = grow(right, depth + 1);
        nodes_[static_cast<size_t>(id)].left = l;
        nodes_[static_cast<size_t>(id)].right = rr;
        return id;
    }

    const std::vector<Sample>& samples_;
    const std::vector<double>& residual_;
    const Params& params_;
    const std::vector<char>& usable_;
    std::vector<ScoreTreeNode> nodes_;
};

std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
    std::vector<double> rk(v.size());
    for (size_t i = 0; i < idx.size();) {
        size_t j = i;
        while (j + 1 < idx.size() && v[idx[j + 1]] == v[idx[i]])
            ++j;
        for (size_t k = i; k <= j; ++k)
            rk[idx[k]] = 0.5 * static_cast<double>(i + j) + 1.0; // ties share their mean rank
        i = j + 1;
    }
    return rk;
}

double reportedScore(const ScoreModel& m, const std::vector<double>& x) {
    return std::round(std::clamp(m.predict(x), 0.0, 100.0));
}

} // namespace

std::map<std::string, double> readNistOutputFile(const std::string& path) {
    std::map<std::string, double> values;
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::string line;
    while (std::getline(in, line)) {
        const auto colon = line.find(": ");
        if (colon != std::string::npos)
            values[line.substr(0, colon)] = std::stod(line.substr(colon + 2));
    }
    return values;
}

std::vector<double> featureVector(const std::map<std::string, double>& named,
                                  const std::vector<std::string>& featureNames, bool withMinutiae) {
    const std::map<std::string, double> f =
        scoreFeatureValues(measuresFromNamedValues(withMinutiae ? named : withoutMinutiae(named)));
    std::vector<double> x;
    for (const auto& n : featureNames)
        x.push_back(f.at(n));
    return x;
}

TrainingSet readConformanceTable(const std::string& csvPath, bool withMinutiae) {
    std::ifstream in(csvPath);
    if (!in)
        throw std::runtime_error("cannot read " + csvPath);
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = splitCsvLine(line);
    TrainingSet set;
    while (std::getline(in, line)) {
        const std::vector<std::string> cells = splitCsvLine(line);
        std::map<std::string, double> named;
        std::string scoreText;
        for (size_t i = 0; i < header.size() && i < cells.size(); ++i) {
            if (header[i] == "QualityScore")
                scoreText = cells[i];
            else if (cells[i] != "NA" && !cells[i].empty() && header[i] != "Filename" &&
                     header[i] != "OptionalError")
                named[header[i]] = std::stod(cells[i]);
        }
        if (scoreText == "NA" || scoreText.empty())
            continue; // NIST's expected errors
        if (set.featureNames.empty())
            for (const auto& [n, v] : scoreFeatureValues(
                     measuresFromNamedValues(withMinutiae ? named : withoutMinutiae(named))))
                set.featureNames.push_back(n);
        set.samples.push_back(
            {cells[0], featureVector(named, set.featureNames, withMinutiae), std::stod(scoreText)});
    }
    return set;
}

namespace {

ScoreModel fitBoosted(const std::vector<Sample>& all, const std::vector<int>& rows,
                      const std::vector<std::string>& featureNames, const Params& p,
                      std::uint64_t seed) {
    ScoreModel m;
    m.featureNames = featureNames;
    m.learningRate = p.learningRate;
    double mean = 0.0;
    for (int row : rows)
        mean += all[static_cast<size_t>(row)].y;
    m.base = mean / static_cast<double>(rows.size());
    std::vector<double> prediction(all.size(), m.base), residual(all.size(), 0.0);
    std::uint64_t state = seed;
    std::vector<char> usable(featureNames.size(), 1);
    if (p.featureShare < 1.0) {
        // Random subspace: this model may split on a fixed pseudo-random share of the inputs.
        std::vector<size_t> idx(featureNames.size());
        std::iota(idx.begin(), idx.end(), 0);
        for (size_t i = idx.size(); i > 1; --i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            std::swap(idx[i - 1], idx[static_cast<size_t>((state >> 33) % i)]);
        }
        const size_t keep =
            static_cast<size_t>(std::lround(p.featureShare * static_cast<double>(idx.size())));
        std::fill(usable.begin(), usable.end(), 0);
        for (size_t i = 0; i < keep; ++i)
            usable[idx[i]] = 1;
    }
    for (int t = 0; t < p.trees; ++t) {
        for (int row : rows)
            residual[static_cast<size_t>(row)] =
                all[static_cast<size_t>(row)].y - prediction[static_cast<size_t>(row)];
        std::vector<int> sample = rows;
        if (p.subsample < 1.0) {
            // Each tree sees a fixed-size pseudo-random subset (partial Fisher-Yates, 64-bit LCG).
            const size_t k =
                static_cast<size_t>(std::lround(p.subsample * static_cast<double>(rows.size())));
            for (size_t i = 0; i < k; ++i) {
                state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                std::swap(sample[i],
                          sample[i + static_cast<size_t>((state >> 33) % (sample.size() - i))]);
            }
            sample.resize(k);
            std::sort(sample.begin(), sample.end());
        }
        if (p.absoluteLoss) {
            // LAD boosting (Friedman 2001): grow the tree on the signs of the residuals, then
            // set each leaf to the median residual of its rows.
            std::vector<double> sign(all.size(), 0.0);
            for (int row : rows)
                sign[static_cast<size_t>(row)] =
                    residual[static_cast<size_t>(row)] > 0
                        ? 1.0
                        : (residual[static_cast<size_t>(row)] < 0 ? -1.0 : 0.0);
            TreeBuilder builder(all, sign, p, usable);
            std::vector<ScoreTreeNode> tree = builder.build(sample);
            std::vector<std::vector<double>> leafResiduals(tree.size());
            for (int row : sample) {
                int i = 0;
                while (tree[static_cast<size_t>(i)].feature >= 0)
                    i = all[static_cast<size_t>(row)]
                                    .x[static_cast<size_t>(tree[static_cast<size_t>(i)].feature)] <
                                tree[static_cast<size_t>(i)].threshold
                            ? tree[static_cast<size_t>(i)].left
                            : tree[static_cast<size_t>(i)].right;
                leafResiduals[static_cast<size_t>(i)].push_back(residual[static_cast<size_t>(row)]);
            }
            for (size_t i = 0; i < tree.size(); ++i) {
                auto& v = leafResiduals[i];
                if (tree[i].feature >= 0 || v.empty())
                    continue;
                std::sort(v.begin(), v.end());
                tree[i].value =
                    v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
            }
            m.trees.push_back(tree);
        } else {
            TreeBuilder builder(all, residual, p, usable);
            m.trees.push_back(builder.build(sample));
        }
        ScoreModel single;
        single.trees = {m.trees.back()};
        for (int row : rows)
            prediction[static_cast<size_t>(row)] +=
                p.learningRate * single.predict(all[static_cast<size_t>(row)].x);
    }
    return m;
}

} // namespace

ScoreModel fit(const std::vector<Sample>& all, const std::vector<int>& rows,
               const std::vector<std::string>& featureNames, const Params& p) {
    if (p.bags <= 1)
        return fitBoosted(all, rows, featureNames, p, 1234567);
    // The average of the bags is itself one additive model: all trees, learning rate / bags.
    ScoreModel sum;
    sum.featureNames = featureNames;
    sum.learningRate = p.learningRate / p.bags;
    for (int b = 0; b < p.bags; ++b) {
        const ScoreModel m = fitBoosted(all, rows, featureNames, p,
                                        1234567 + 7919ULL * static_cast<std::uint64_t>(b));
        sum.base += m.base / p.bags;
        sum.trees.insert(sum.trees.end(), m.trees.begin(), m.trees.end());
    }
    return sum;
}

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
    const std::vector<double> ra = ranks(a), rb = ranks(b);
    const double n = static_cast<double>(a.size());
    const double ma = std::accumulate(ra.begin(), ra.end(), 0.0) / n;
    const double mb = std::accumulate(rb.begin(), rb.end(), 0.0) / n;
    double sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < ra.size(); ++i) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

CvResult crossValidate(const std::vector<Sample>& all, const std::vector<std::string>& names,
                       const Params& p, int folds) {
    // Fixed pseudo-random permutation (64-bit LCG, Fisher-Yates) so that folds are reproducible
    // on every platform.
    std::vector<int> order(all.size());
    std::iota(order.begin(), order.end(), 0);
    std::uint64_t state = 20240229;
    for (size_t i = order.size(); i > 1; --i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        std::swap(order[i - 1], order[static_cast<size_t>((state >> 33) % i)]);
    }
    std::vector<double> predicted(all.size()), truth(all.size());
    for (int f = 0; f < folds; ++f) {
        std::vector<int> train, test;
        for (size_t i = 0; i < order.size(); ++i)
            (static_cast<int>(i) % folds == f ? test : train).push_back(order[i]);
        const ScoreModel m = fit(all, train, names, p);
        for (int row : test)
            predicted[static_cast<size_t>(row)] = reportedScore(m, all[static_cast<size_t>(row)].x);
    }
    CvResult res;
    for (size_t i = 0; i < all.size(); ++i) {
        truth[i] = all[i].y;
        const double e = std::abs(predicted[i] - truth[i]);
        res.mae += e;
        res.maxError = std::max(res.maxError, e);
    }
    res.mae /= static_cast<double>(all.size());
    res.spearman = spearman(predicted, truth);
    return res;
}

ScoreModel fitShippedModel(const TrainingSet& table, const CvResult& cv) {
    std::vector<int> rows(table.samples.size());
    std::iota(rows.begin(), rows.end(), 0);
    ScoreModel model = fit(table.samples, rows, table.featureNames, kShippedParams);
    std::ostringstream d;
    d << std::fixed << std::setprecision(3) << "average of " << kShippedParams.bags
      << " gradient-boosted regression tree models (" << kShippedParams.trees
      << " trees each, depth " << kShippedParams.depth << ", learning rate "
      << kShippedParams.learningRate << ", min leaf " << kShippedParams.minLeaf
      << ", row subsample " << kShippedParams.subsample
      << ") fitted to NIST's NFIQ 2 v2.3 conformance table (" << table.samples.size()
      << " scored images), no minutiae inputs; 10-fold CV MAE " << cv.mae << ", Spearman "
      << cv.spearman;
    model.description = d.str();
    return model;
}

} // namespace umbral::biometrics::fitting
