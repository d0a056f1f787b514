#include "app/biometrics/fingerprint/matching/score_calibration.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace umbral::biometrics {

namespace {

// Measured by bench_finger_match_accuracy (see the header). FMR 1 at similarity 0.
constexpr std::array<CalibrationPoint, 12> kTable{{
    {0.0, 1.0},
    {0.01417, 0.5},
    {0.01586, 0.2},
    {0.01701, 0.1},
    {0.01820, 0.05},
    {0.01980, 0.02},
    {0.02130, 0.01},
    {0.02282, 0.005},
    {0.02492, 0.002},
    {0.02738, 0.001},
    {0.02996, 0.0005},
    {0.03382, 0.0002},
}};
// Exponential tail beyond the last point: d log10(FMR) / d similarity.
constexpr double kTailSlope = -161.9935;
constexpr double kMaxScore = 200.0;

} // namespace

std::span<const CalibrationPoint> calibrationTable() {
    return kTable;
}

double calibratedScore(double similarity) {
    if (!(similarity > 0.0))
        return 0.0;
    double logFmr;
    const CalibrationPoint& last = kTable.back();
    if (similarity >= last.similarity) {
        logFmr = std::log10(last.fmr) + kTailSlope * (similarity - last.similarity);
    } else {
        std::size_t i = 1;
        while (kTable[i].similarity < similarity)
            ++i;
        const CalibrationPoint& lo = kTable[i - 1];
        const CalibrationPoint& hi = kTable[i];
        const double t = (similarity - lo.similarity) / (hi.similarity - lo.similarity);
        logFmr = (1.0 - t) * std::log10(lo.fmr) + t * std::log10(hi.fmr);
    }
    return std::clamp(-20.0 * logFmr, 0.0, kMaxScore);
}

double similarityForScore(double score) {
    if (score <= 0.0)
        return 0.0;
    const double logFmr = -std::min(score, kMaxScore) / 20.0;
    const CalibrationPoint& last = kTable.back();
    if (logFmr <= std::log10(last.fmr))
        return last.similarity + (logFmr - std::log10(last.fmr)) / kTailSlope;
    std::size_t i = 1;
    while (std::log10(kTable[i].fmr) > logFmr)
        ++i;
    const double a = std::log10(kTable[i - 1].fmr), b = std::log10(kTable[i].fmr);
    const double t = (logFmr - a) / (b - a);
    return (1.0 - t) * kTable[i - 1].similarity + t * kTable[i].similarity;
}

double scoreForFalseMatchRate(double fmr) {
    return -20.0 * std::log10(std::clamp(fmr, 1e-12, 1.0));
}

} // namespace umbral::biometrics
