#include "app/screening/false_match_rates.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace umbral::screening {

double fingerFalseMatchRate(double score) {
    if (!(score > 0.0))
        return 1.0;
    return std::clamp(std::pow(10.0, -score / 20.0), kMinFalseMatchRate, 1.0);
}

double irisFalseMatchRate(double distance, const IrisImpostorModel& m) {
    const int n = m.degreesOfFreedom;
    const int k = int(std::floor(std::clamp(distance, 0.0, 1.0) * n));
    if (k >= n / 2)
        return 1.0; // at or beyond the impostor mean: no evidence
    // Binomial(n, 1/2) lower tail up to k, summed in log space from the largest term down.
    const double logHalfPow = -n * std::log(2.0);
    double logTerm = std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + logHalfPow;
    double sum = 0.0;
    double ratio = 1.0;
    for (int j = k; j >= 0; --j) {
        sum += ratio;
        // term(j-1) / term(j) = j / (n - j + 1)
        ratio *= double(j) / double(n - j + 1);
        if (ratio < 1e-18)
            break;
    }
    const double cdf = std::exp(logTerm) * sum;
    // 1 - (1 - F)^R without cancellation for tiny F.
    const double rate = -std::expm1(m.effectiveRotations * std::log1p(-std::min(cdf, 1.0 - 1e-16)));
    return std::clamp(rate, kMinFalseMatchRate, 1.0);
}

double bestOfRate(double rate, int comparisons) {
    return std::clamp(rate * std::max(1, comparisons), kMinFalseMatchRate, 1.0);
}

double fuseFalseMatchRates(std::span<const double> rates) {
    if (rates.empty())
        return 1.0;
    double y = 0.0;
    for (double p : rates)
        y -= std::log(std::clamp(p, kMinFalseMatchRate, 1.0));
    // Q(k, y) = exp(-y) sum_{j<k} y^j/j!, summed in log space.
    const int k = int(rates.size());
    double logTerm = -y, logSumMax = -y, sum = 0.0;
    std::vector<double> logs;
    logs.reserve(std::size_t(k));
    for (int j = 0; j < k; ++j) {
        if (j > 0)
            logTerm += std::log(y) - std::log(double(j));
        logs.push_back(logTerm);
        logSumMax = std::max(logSumMax, logTerm);
    }
    for (double l : logs)
        sum += std::exp(l - logSumMax);
    return std::clamp(std::exp(logSumMax + std::log(sum)), kMinFalseMatchRate, 1.0);
}

} // namespace umbral::screening
