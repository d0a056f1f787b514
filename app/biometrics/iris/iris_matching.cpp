#include "app/biometrics/iris/iris_matching.h"

#include "app/biometrics/common/biometric_error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <thread>

namespace umbral::biometrics {

namespace {

constexpr int kRingWords = kIrisCodeWords / kIrisCodeRings; // 4 words = 256 bits per ring

// Rotates each ring of `in` (256 bits) left by `bits` (0 - 255).
void rotateRings(const std::uint64_t* in, int bits, std::uint64_t* out) {
    bits = ((bits % 256) + 256) % 256;
    const int wordShift = bits / 64;
    const int bitShift = bits % 64;
    for (int r = 0; r < kIrisCodeRings; ++r) {
        const std::uint64_t* src = in + r * kRingWords;
        std::uint64_t* dst = out + r * kRingWords;
        for (int w = 0; w < kRingWords; ++w) {
            const std::uint64_t lo = src[(w - wordShift + kRingWords) % kRingWords];
            const std::uint64_t below = src[(w - wordShift - 1 + 2 * kRingWords) % kRingWords];
            dst[w] = bitShift == 0 ? lo : (lo << bitShift) | (below >> (64 - bitShift));
        }
    }
}

// The probe at every rotation, each as code words then mask words.
std::vector<std::uint64_t> rotatedProbe(const IrisTemplate& probe, int maxShift) {
    const int shifts = 2 * maxShift + 1;
    std::vector<std::uint64_t> words(static_cast<std::size_t>(shifts) * 2 * kIrisCodeWords);
    for (int s = -maxShift; s <= maxShift; ++s) {
        std::uint64_t* dst = &words[static_cast<std::size_t>(s + maxShift) * 2 * kIrisCodeWords];
        rotateRings(probe.code.data(), 2 * s, dst);
        rotateRings(probe.mask.data(), 2 * s, dst + kIrisCodeWords);
    }
    return words;
}

struct BestMatch {
    float distance;
    std::uint16_t differing;
    std::uint16_t compared;
    std::int16_t shiftIndex;
};

} // namespace

namespace iris_detail {

// The hot loop. GCC builds it twice and an ifunc resolver picks, when the program loads, the
// POPCNT build on CPUs that have the instruction and the portable one elsewhere. It must not be
// inlined into its callers (that would bypass the dispatch), hence its own external function.
__attribute__((target_clones("popcnt", "default"))) void
scanTemplates(const std::uint64_t* probe, int shifts, const std::uint64_t* gallery,
              std::size_t count, BestMatch* out) {
    constexpr int W = kIrisCodeWords;
    constexpr double kInvTypical = 1.0 / kTypicalBitsCompared;
    for (std::size_t e = 0; e < count; ++e) {
        const std::uint64_t* gc = gallery + e * 2 * W;
        const std::uint64_t* gm = gc + W;
        BestMatch best{1.0F, 0, 0, 0};
        for (int s = 0; s < shifts; ++s) {
            const std::uint64_t* pc = probe + static_cast<std::size_t>(s) * 2 * W;
            const std::uint64_t* pm = pc + W;
            int differing = 0;
            int compared = 0;
            for (int w = 0; w < W; ++w) {
                const std::uint64_t both = pm[w] & gm[w];
                differing += __builtin_popcountll((pc[w] ^ gc[w]) & both);
                compared += __builtin_popcountll(both);
            }
            if (compared == 0)
                continue;
            const double raw = static_cast<double>(differing) / compared;
            const float d =
                static_cast<float>(0.5 - (0.5 - raw) * std::sqrt(compared * kInvTypical));
            if (d < best.distance || best.compared == 0) {
                best = {d, static_cast<std::uint16_t>(differing),
                        static_cast<std::uint16_t>(compared), static_cast<std::int16_t>(s)};
            }
        }
        out[e] = best;
    }
}

} // namespace iris_detail

namespace {

IrisComparison toComparison(const BestMatch& b, int maxShift) {
    IrisComparison c;
    if (b.compared == 0)
        return c;
    c.bitsCompared = b.compared;
    c.rawDistance = static_cast<double>(b.differing) / b.compared;
    c.distance = normaliseHammingDistance(c.rawDistance, b.compared);
    c.shift = b.shiftIndex - maxShift;
    return c;
}

void checkShift(int maxShift) {
    if (maxShift < 0 || maxShift >= kIrisCodeAngles / 2)
        throw BiometricError(BiometricErrorCode::Internal, "iris rotation search out of range");
}

} // namespace

double normaliseHammingDistance(double rawDistance, int bitsCompared) {
    if (bitsCompared <= 0)
        return 1.0;
    return std::clamp(0.5 - (0.5 - rawDistance) *
                                std::sqrt(static_cast<double>(bitsCompared) / kTypicalBitsCompared),
                      0.0, 1.0);
}

IrisComparison compareIrisTemplates(const IrisTemplate& probe, const IrisTemplate& reference,
                                    int maxShift) {
    checkShift(maxShift);
    const std::vector<std::uint64_t> rotated = rotatedProbe(probe, maxShift);
    std::uint64_t entry[2 * kIrisCodeWords];
    std::copy(reference.code.begin(), reference.code.end(), entry);
    std::copy(reference.mask.begin(), reference.mask.end(), entry + kIrisCodeWords);
    BestMatch best{};
    iris_detail::scanTemplates(rotated.data(), 2 * maxShift + 1, entry, 1, &best);
    return toComparison(best, maxShift);
}

const char* irisPopcountPath() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("popcnt") ? "popcnt" : "portable";
}

namespace {

// log of the binomial(n, 1/2) lower tail P(X <= k), summed in log space: the tails we need
// reach 1e-15 and beyond.
double logBinomialLowerTail(int n, int k) {
    if (k < 0)
        return -INFINITY;
    if (k >= n)
        return 0.0;
    double maxTerm = -INFINITY;
    std::vector<double> terms;
    terms.reserve(static_cast<std::size_t>(k) + 1);
    for (int i = 0; i <= k; ++i) {
        const double t = std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) -
                         n * std::log(2.0);
        terms.push_back(t);
        maxTerm = std::max(maxTerm, t);
    }
    double s = 0.0;
    for (const double t : terms)
        s += std::exp(t - maxTerm);
    return maxTerm + std::log(s);
}

} // namespace

double irisDecisionThreshold(std::size_t gallerySize, const IrisDecisionPolicy& policy) {
    const double n = static_cast<double>(std::max<std::size_t>(gallerySize, 1));
    const double alpha = std::clamp(policy.searchFalseMatchProbability, 1e-12, 0.5);
    const int dof = std::max(policy.degreesOfFreedom, 16);
    const int rotations = std::max(policy.effectiveRotations, 1);
    // One comparison (best of `rotations` independent looks) may false-match with probability
    // p1 = 1 - (1 - F(t))^rotations; a search of n with 1 - (1 - p1)^n. Solve for t.
    const double p1 = -std::expm1(std::log1p(-alpha) / n);           // 1 - (1 - alpha)^(1/n)
    const double perLook = -std::expm1(std::log1p(-p1) / rotations); // 1 - (1 - p1)^(1/rotations)
    const double logTarget = std::log(perLook);
    int k = 0;
    while (k < dof / 2 && logBinomialLowerTail(dof, k + 1) <= logTarget)
        ++k;
    return static_cast<double>(k) / dof;
}

std::size_t IrisGallery::add(const IrisTemplate& reference) {
    words_.insert(words_.end(), reference.code.begin(), reference.code.end());
    words_.insert(words_.end(), reference.mask.begin(), reference.mask.end());
    return size() - 1;
}

std::vector<IrisComparison> IrisGallery::compareAll(const IrisTemplate& probe, int maxShift) const {
    checkShift(maxShift);
    const std::vector<std::uint64_t> rotated = rotatedProbe(probe, maxShift);
    std::vector<BestMatch> best(size());
    iris_detail::scanTemplates(rotated.data(), 2 * maxShift + 1, words_.data(), size(),
                               best.data());
    std::vector<IrisComparison> out;
    out.reserve(best.size());
    for (const auto& b : best)
        out.push_back(toComparison(b, maxShift));
    return out;
}

std::vector<IrisGallery::Candidate> IrisGallery::search(const IrisTemplate& probe, double threshold,
                                                        std::size_t maxCandidates, int maxShift,
                                                        unsigned threads) const {
    checkShift(maxShift);
    const std::vector<std::uint64_t> rotated = rotatedProbe(probe, maxShift);
    const std::size_t n = size();
    std::vector<BestMatch> best(n);
    const unsigned parts =
        std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(n / 1024 + 1)));
    if (parts == 1) {
        iris_detail::scanTemplates(rotated.data(), 2 * maxShift + 1, words_.data(), n, best.data());
    } else {
        std::vector<std::thread> workers;
        const std::size_t chunk = (n + parts - 1) / parts;
        for (unsigned p = 0; p < parts; ++p) {
            const std::size_t begin = p * chunk;
            const std::size_t end = std::min(n, begin + chunk);
            if (begin >= end)
                break;
            workers.emplace_back([&, begin, end] {
                iris_detail::scanTemplates(rotated.data(), 2 * maxShift + 1,
                                           words_.data() + begin * kEntryWords, end - begin,
                                           best.data() + begin);
            });
        }
        for (auto& w : workers)
            w.join();
    }
    std::vector<Candidate> hits;
    for (std::size_t i = 0; i < n; ++i)
        if (best[i].compared > 0 && best[i].distance <= threshold)
            hits.push_back({i, toComparison(best[i], maxShift)});
    std::sort(hits.begin(), hits.end(), [](const Candidate& a, const Candidate& b) {
        return a.comparison.distance < b.comparison.distance ||
               (a.comparison.distance == b.comparison.distance && a.index < b.index);
    });
    if (hits.size() > maxCandidates)
        hits.resize(maxCandidates);
    return hits;
}

} // namespace umbral::biometrics
