#include "app/biometrics/fingerprint/quality/score_model.h"

#include <cmath>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace umbral::biometrics {

double ScoreModel::predict(const std::vector<double>& features) const {
    double sum = 0.0;
    for (const auto& tree : trees) {
        int i = 0;
        while (tree[static_cast<size_t>(i)].feature >= 0) {
            const ScoreTreeNode& n = tree[static_cast<size_t>(i)];
            const double v = features[static_cast<size_t>(n.feature)];
            i = v < n.threshold ? n.left : n.right;
        }
        sum += tree[static_cast<size_t>(i)].value;
    }
    return base + learningRate * sum;
}

std::string ScoreModel::toText() const {
    std::ostringstream out;
    out << std::setprecision(10); // the model is what this text says
    out << "umbral-finger-quality-model 1\n";
    out << "description " << description << "\n";
    out << "features " << featureNames.size() << "\n";
    for (const auto& f : featureNames)
        out << f << "\n";
    out << "base " << base << "\n";
    out << "learning_rate " << learningRate << "\n";
    out << "trees " << trees.size() << "\n";
    for (const auto& tree : trees) {
        out << "tree " << tree.size() << "\n";
        for (const auto& n : tree) {
            if (n.feature < 0)
                out << "leaf " << n.value << "\n";
            else
                out << "split " << n.feature << " " << n.threshold << " " << n.left << " "
                    << n.right << "\n";
        }
    }
    return out.str();
}

namespace {

[[noreturn]] void malformed(const std::string& why) {
    throw std::runtime_error("malformed fingerprint quality model: " + why);
}

void expectWord(std::istream& in, const char* word) {
    std::string w;
    if (!(in >> w) || w != word)
        malformed(std::string("expected '") + word + "'");
}

} // namespace

ScoreModel ScoreModel::parse(const std::string& text) {
    std::istringstream in(text);
    ScoreModel m;
    expectWord(in, "umbral-finger-quality-model");
    int version = 0;
    if (!(in >> version) || version != 1)
        malformed("unsupported version");
    expectWord(in, "description");
    std::getline(in, m.description);
    if (!m.description.empty() && m.description.front() == ' ')
        m.description.erase(0, 1);
    expectWord(in, "features");
    size_t nf = 0;
    if (!(in >> nf) || nf == 0 || nf > 1000)
        malformed("feature count");
    m.featureNames.resize(nf);
    for (auto& f : m.featureNames)
        if (!(in >> f))
            malformed("feature name");
    expectWord(in, "base");
    in >> m.base;
    expectWord(in, "learning_rate");
    in >> m.learningRate;
    expectWord(in, "trees");
    size_t nt = 0;
    if (!(in >> nt) || nt > 100000)
        malformed("tree count");
    m.trees.resize(nt);
    for (auto& tree : m.trees) {
        expectWord(in, "tree");
        size_t nn = 0;
        if (!(in >> nn) || nn == 0 || nn > 100000)
            malformed("node count");
        tree.resize(nn);
        for (size_t i = 0; i < nn; ++i) {
            std::string kind;
            in >> kind;
            ScoreTreeNode& n = tree[i];
            if (kind == "leaf") {
                in >> n.value;
            } else if (kind == "split") {
                in >> n.feature >> n.threshold >> n.left >> n.right;
                if (n.feature < 0 || static_cast<size_t>(n.feature) >= nf ||
                    n.left <= static_cast<int>(i) || n.right <= static_cast<int>(i) ||
                    static_cast<size_t>(n.left) >= nn || static_cast<size_t>(n.right) >= nn)
                    malformed("bad split node");
            } else {
                malformed("unknown node kind '" + kind + "'");
            }
        }
    }
    if (!in)
        malformed("truncated");
    return m;
}

} // namespace umbral::biometrics
