#include "app/biometrics/fingerprint/matching/cylinder_similarity.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <numeric>

namespace umbral::biometrics::matching_detail {

namespace {

constexpr float kPi = 3.14159265358979f;

// Consolidation parameters (the paper's table 1).
constexpr int kMinPairs = 4;                       // min n_P
constexpr int kMaxPairs = 12;                      // max n_P
constexpr float kMuP = 20.0f;                      // mu_P
constexpr float kTauP = 0.4f;                      // tau_P
constexpr int kRelaxIterations = 5;                // n_rel
constexpr float kRelaxWeight = 0.5f;               // w_R
constexpr float kMu1 = 5.0f, kTau1 = -8.0f / 5.0f; // distance compatibility
constexpr float kMu2 = kPi / 12, kTau2 = -30.0f;   // direction difference compatibility
constexpr float kMu3 = kPi / 12, kTau3 = -30.0f;   // radial angle compatibility

float sigmoid(float v, float mu, float tau) {
    return 1.0f / (1.0f + std::exp(-tau * (v - mu)));
}

float angleDifference(float a, float b) {
    float d = a - b;
    if (d < -kPi)
        d += 2.0f * kPi;
    else if (d >= kPi)
        d -= 2.0f * kPi;
    return d;
}

struct SqrtTable {
    std::array<float, kCylinderWords * 64 + 1> v{};
    SqrtTable() {
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = std::sqrt(static_cast<float>(i));
    }
};
const SqrtTable& sqrtTable() {
    static const SqrtTable t;
    return t;
}

int pairCount(int na, int nb) {
    const float n = static_cast<float>(std::min(na, nb));
    return kMinPairs +
           static_cast<int>(std::lround(sigmoid(n, kMuP, kTauP) * (kMaxPairs - kMinPairs)));
}

} // namespace

__attribute__((target_clones("popcnt", "default"))) void
localSimilarities(const CylinderSet& a, const CylinderSet& b, std::vector<float>& out) {
    const std::size_t na = a.size(), nb = b.size();
    out.assign(na * nb, 0.0f);
    const auto& root = sqrtTable().v;
    const int minMatchable = static_cast<int>(
        std::ceil(kMinMatchableFraction * static_cast<float>(cellsWithinRadius())));
    for (std::size_t i = 0; i < na; ++i) {
        const std::uint64_t* ca = &a.cells[i * kCylinderWords];
        const std::uint64_t* va = &a.valid[i * kSpatialWords];
        for (std::size_t j = 0; j < nb; ++j) {
            if (std::abs(angleDifference(a.direction[i], b.direction[j])) > kMaxDirectionDifference)
                continue;
            const std::uint64_t* vb = &b.valid[j * kSpatialWords];
            std::uint64_t both[kSpatialWords];
            int matchable = 0;
            for (int w = 0; w < kSpatialWords; ++w) {
                both[w] = va[w] & vb[w];
                matchable += std::popcount(both[w]);
            }
            if (matchable < minMatchable)
                continue;
            const std::uint64_t* cb = &b.cells[j * kCylinderWords];
            int countA = 0, countB = 0, differ = 0;
            for (int k = 0; k < kNd; ++k)
                for (int w = 0; w < kSpatialWords; ++w) {
                    const std::uint64_t x = ca[k * kSpatialWords + w] & both[w];
                    const std::uint64_t y = cb[k * kSpatialWords + w] & both[w];
                    countA += std::popcount(x);
                    countB += std::popcount(y);
                    differ += std::popcount(x ^ y);
                }
            const float norm =
                root[static_cast<std::size_t>(countA)] + root[static_cast<std::size_t>(countB)];
            if (norm > 0.0f)
                out[i * nb + j] = 1.0f - root[static_cast<std::size_t>(differ)] / norm;
        }
    }
}

CylinderComparison compareCylinders(const CylinderSet& a, const CylinderSet& b,
                                    ComparisonWorkspace& work, bool keepPairs) {
    CylinderComparison result;
    const int na = static_cast<int>(a.size()), nb = static_cast<int>(b.size());
    if (na == 0 || nb == 0)
        return result;
    localSimilarities(a, b, work.similarity);

    // 1. The n_R = min(nA, nB) best pairs, each minutia used at most once (greedy by local
    //    similarity: the "distinct" sort).
    const int wanted = std::min(na, nb);
    work.order.resize(static_cast<std::size_t>(na * nb));
    std::iota(work.order.begin(), work.order.end(), 0);
    const auto& sim = work.similarity;
    std::sort(work.order.begin(), work.order.end(), [&sim](int l, int r) {
        return sim[static_cast<std::size_t>(l)] > sim[static_cast<std::size_t>(r)];
    });
    work.usedA.assign(static_cast<std::size_t>(na), 0);
    work.usedB.assign(static_cast<std::size_t>(nb), 0);
    work.candidates.clear();
    for (int idx : work.order) {
        const float s = sim[static_cast<std::size_t>(idx)];
        if (s <= 0.0f || static_cast<int>(work.candidates.size()) == wanted)
            break;
        const int i = idx / nb, j = idx % nb;
        if (work.usedA[static_cast<std::size_t>(i)] || work.usedB[static_cast<std::size_t>(j)])
            continue;
        work.usedA[static_cast<std::size_t>(i)] = work.usedB[static_cast<std::size_t>(j)] = 1;
        work.candidates.push_back({i, j, s, s});
    }
    const int nr = static_cast<int>(work.candidates.size());
    if (nr == 0)
        return result;
    const int np = pairCount(na, nb);

    // 2. Relaxation: each pair's similarity is pulled towards the similarities of the pairs
    //    that agree with it geometrically (distance, relative direction, radial angle).
    work.rho.assign(static_cast<std::size_t>(nr * nr), 0.0f);
    for (int t = 0; t < nr; ++t) {
        const MinutiaPair& pt = work.candidates[static_cast<std::size_t>(t)];
        for (int k = t + 1; k < nr; ++k) {
            const MinutiaPair& pk = work.candidates[static_cast<std::size_t>(k)];
            const float dxa =
                a.x[static_cast<std::size_t>(pk.a)] - a.x[static_cast<std::size_t>(pt.a)];
            const float dya =
                a.y[static_cast<std::size_t>(pk.a)] - a.y[static_cast<std::size_t>(pt.a)];
            const float dxb =
                b.x[static_cast<std::size_t>(pk.b)] - b.x[static_cast<std::size_t>(pt.b)];
            const float dyb =
                b.y[static_cast<std::size_t>(pk.b)] - b.y[static_cast<std::size_t>(pt.b)];
            const float d1 = std::abs(std::hypot(dxa, dya) - std::hypot(dxb, dyb));
            const float ta = a.direction[static_cast<std::size_t>(pt.a)],
                        tka = a.direction[static_cast<std::size_t>(pk.a)];
            const float tb = b.direction[static_cast<std::size_t>(pt.b)],
                        tkb = b.direction[static_cast<std::size_t>(pk.b)];
            const float d2 =
                std::abs(angleDifference(angleDifference(ta, tka), angleDifference(tb, tkb)));
            const float d3 = std::abs(angleDifference(angleDifference(ta, std::atan2(dya, dxa)),
                                                      angleDifference(tb, std::atan2(dyb, dxb))));
            const float r =
                sigmoid(d1, kMu1, kTau1) * sigmoid(d2, kMu2, kTau2) * sigmoid(d3, kMu3, kTau3);
            work.rho[static_cast<std::size_t>(t * nr + k)] = r;
            work.rho[static_cast<std::size_t>(k * nr + t)] = r;
        }
    }
    work.lambda.resize(static_cast<std::size_t>(nr));
    work.next.resize(static_cast<std::size_t>(nr));
    for (int t = 0; t < nr; ++t)
        work.lambda[static_cast<std::size_t>(t)] =
            work.candidates[static_cast<std::size_t>(t)].similarity;
    const float norm = nr > 1 ? 1.0f / static_cast<float>(nr - 1) : 0.0f;
    for (int it = 0; it < kRelaxIterations; ++it) {
        for (int t = 0; t < nr; ++t) {
            float support = 0.0f;
            const float* row = &work.rho[static_cast<std::size_t>(t * nr)];
            for (int k = 0; k < nr; ++k)
                support += row[k] * work.lambda[static_cast<std::size_t>(k)];
            work.next[static_cast<std::size_t>(t)] =
                kRelaxWeight * work.lambda[static_cast<std::size_t>(t)] +
                (1.0f - kRelaxWeight) * support * norm;
        }
        std::swap(work.lambda, work.next);
    }
    for (int t = 0; t < nr; ++t)
        work.candidates[static_cast<std::size_t>(t)].relaxed =
            work.lambda[static_cast<std::size_t>(t)];

    // 3. The n_P pairs with the best efficiency (relaxed / initial similarity) make the score.
    const int take = std::min(np, nr);
    std::partial_sort(work.candidates.begin(), work.candidates.begin() + take,
                      work.candidates.end(), [](const MinutiaPair& l, const MinutiaPair& r) {
                          return l.relaxed * r.similarity > r.relaxed * l.similarity;
                      });
    float sum = 0.0f;
    for (int t = 0; t < take; ++t)
        sum += work.candidates[static_cast<std::size_t>(t)].relaxed;
    // Fewer pairs than n_P count the missing ones as zero: two tiny templates do not agree
    // "perfectly" on two minutiae.
    result.score = sum / static_cast<float>(np);
    if (keepPairs)
        result.pairs.assign(work.candidates.begin(), work.candidates.begin() + take);
    return result;
}

} // namespace umbral::biometrics::matching_detail
