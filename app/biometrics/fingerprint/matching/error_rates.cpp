#include "app/biometrics/fingerprint/matching/error_rates.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

namespace umbral::biometrics {

double falseMatchRate(std::span<const double> impostor, double threshold) {
    if (impostor.empty())
        return 0.0;
    const auto n = std::count_if(impostor.begin(), impostor.end(),
                                 [threshold](double s) { return s >= threshold; });
    return static_cast<double>(n) / static_cast<double>(impostor.size());
}

double falseNonMatchRate(std::span<const double> genuine, double threshold) {
    if (genuine.empty())
        return 0.0;
    const auto n = std::count_if(genuine.begin(), genuine.end(),
                                 [threshold](double s) { return s < threshold; });
    return static_cast<double>(n) / static_cast<double>(genuine.size());
}

double thresholdForFalseMatchRate(std::span<const double> impostor, double fmr) {
    if (impostor.empty())
        return 0.0;
    std::vector<double> desc(impostor.begin(), impostor.end());
    std::sort(desc.begin(), desc.end(), std::greater<>());
    const auto allowed =
        static_cast<std::size_t>(std::floor(fmr * static_cast<double>(desc.size()) + 1e-9));
    if (allowed >= desc.size())
        return desc.back();
    // Just above the first impostor score that must be rejected (ties with it are rejected too).
    return std::nextafter(desc[allowed], std::numeric_limits<double>::infinity());
}

VerificationErrorRates computeErrorRates(std::span<const double> genuine,
                                         std::span<const double> impostor) {
    if (genuine.empty() || impostor.empty())
        throw std::invalid_argument("error rates need genuine and impostor scores");
    std::vector<double> thresholds(genuine.begin(), genuine.end());
    thresholds.insert(thresholds.end(), impostor.begin(), impostor.end());
    std::sort(thresholds.begin(), thresholds.end());
    thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
    thresholds.push_back(
        std::nextafter(thresholds.back(), std::numeric_limits<double>::infinity()));

    std::vector<double> g(genuine.begin(), genuine.end()), im(impostor.begin(), impostor.end());
    std::sort(g.begin(), g.end());
    std::sort(im.begin(), im.end());
    const auto fnmr = [&g](double t) {
        return static_cast<double>(std::lower_bound(g.begin(), g.end(), t) - g.begin()) /
               static_cast<double>(g.size());
    };
    const auto fmr = [&im](double t) {
        return static_cast<double>(im.end() - std::lower_bound(im.begin(), im.end(), t)) /
               static_cast<double>(im.size());
    };

    VerificationErrorRates r;
    // FVC2000: t1 = the highest threshold with FNMR <= FMR, t2 = the lowest with FNMR >= FMR.
    double t1 = thresholds.front(), t2 = thresholds.back();
    for (double t : thresholds)
        if (fnmr(t) <= fmr(t))
            t1 = t;
    for (auto it = thresholds.rbegin(); it != thresholds.rend(); ++it)
        if (fnmr(*it) >= fmr(*it))
            t2 = *it;
    double low, high;
    if (fnmr(t1) + fmr(t1) <= fnmr(t2) + fmr(t2)) {
        low = fnmr(t1);
        high = fmr(t1);
        r.eerThreshold = t1;
    } else {
        low = fmr(t2);
        high = fnmr(t2);
        r.eerThreshold = t2;
    }
    r.eer = (low + high) / 2.0;

    const auto bestFnmrWithin = [&](double maxFmr) {
        double best = 1.0;
        for (double t : thresholds)
            if (fmr(t) <= maxFmr + 1e-12)
                best = std::min(best, fnmr(t));
        return best;
    };
    r.fnmrAtFmr1 = bestFnmrWithin(0.01);
    r.fnmrAtFmr01 = bestFnmrWithin(0.001);
    r.zeroFmr = bestFnmrWithin(0.0);
    return r;
}

int discardQualityThreshold(std::span<const int> qualities, double fraction) {
    if (qualities.empty())
        return 0;
    std::vector<int> sorted(qualities.begin(), qualities.end());
    std::sort(sorted.begin(), sorted.end());
    const auto allowed =
        static_cast<std::size_t>(std::floor(fraction * static_cast<double>(sorted.size()) + 1e-9));
    if (allowed >= sorted.size())
        return sorted.back() + 1;
    // sorted[allowed] must be kept, and with it every sample of the same quality: the threshold
    // is that quality (ties are never split by an arbitrary order).
    return sorted[allowed];
}

DiscardPoint fnmrAfterDiscard(std::span<const QualifiedComparison> genuine, double threshold,
                              int qualityThreshold) {
    DiscardPoint p;
    p.qualityThreshold = qualityThreshold;
    std::size_t misses = 0;
    for (const QualifiedComparison& c : genuine)
        if (c.pairwiseQuality() >= qualityThreshold) {
            ++p.kept;
            misses += c.score < threshold;
        }
    if (!genuine.empty())
        p.discardedShare =
            static_cast<double>(genuine.size() - p.kept) / static_cast<double>(genuine.size());
    if (p.kept > 0)
        p.fnmr = static_cast<double>(misses) / static_cast<double>(p.kept);
    return p;
}

DiscardPoint fnmrAfterDiscardingComparisons(std::span<const QualifiedComparison> genuine,
                                            double threshold, double fraction) {
    std::vector<int> pairwise;
    pairwise.reserve(genuine.size());
    for (const QualifiedComparison& c : genuine)
        pairwise.push_back(c.pairwiseQuality());
    return fnmrAfterDiscard(genuine, threshold, discardQualityThreshold(pairwise, fraction));
}

} // namespace umbral::biometrics
