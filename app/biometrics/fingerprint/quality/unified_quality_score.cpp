#include "app/biometrics/fingerprint/quality/unified_quality_score.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace umbral::biometrics {

namespace {

/// Foreground local regions of a typical plain impression in NIST's table (its mean is 86, its
/// largest 167). Counts of larger prints are scaled down to this area, so the model sees them in
/// the range it was fitted on.
constexpr double kReferenceRegions = 130.0;

void addHistogram(std::map<std::string, double>& f, const std::string& prefix,
                  const HistogramMeasure& h, int denominator, double areaScale) {
    for (size_t i = 0; i < h.bins.size(); ++i) {
        f[prefix + "_frac_" + std::to_string(i)] =
            denominator > 0 ? static_cast<double>(h.bins[i]) / denominator : 0.0;
        f[prefix + "_scaled_" + std::to_string(i)] = h.bins[i] * areaScale;
    }
    f[prefix + "_Mean"] = h.mean;
    f[prefix + "_StdDev"] = h.stdDev;
}

} // namespace

std::map<std::string, double> scoreFeatureValues(const NativeQualityMeasures& m) {
    std::map<std::string, double> f;
    // Bins as shares: FDA, LCS and OF walk the same grid of foreground local regions, so their
    // bins become shares of those regions (OF leaves out regions whose flow changes by less than
    // 4 degrees, so its shares sum to less than 1, which is itself informative). OCL and RVUP
    // are shares of their own totals (every non-flat block; every ridge/valley ratio).
    // Bins as capped counts: NIST's counts up to the area of a typical plain impression, scaled
    // down beyond it. Both are bounded whatever the image size.
    const int regions = m.fda.count();
    const double areaScale = regions > kReferenceRegions ? kReferenceRegions / regions : 1.0;
    addHistogram(f, "FDA", m.fda, regions, areaScale);
    addHistogram(f, "LCS", m.lcs, regions, areaScale);
    addHistogram(f, "OF", m.of, regions, areaScale);
    addHistogram(f, "OCL", m.ocl, m.ocl.count(), areaScale);
    addHistogram(f, "RVUP", m.rvup, m.rvup.count(), areaScale);
    f["RVUP_ratios_per_region"] = regions > 0 ? static_cast<double>(m.rvup.count()) / regions : 0.0;
    f["OF_changing_share"] = regions > 0 ? static_cast<double>(m.of.count()) / regions : 0.0;
    f["ForegroundRegions"] = std::min<double>(regions, kReferenceRegions);
    f["CoherenceSum_scaled"] = m.coherenceSum * areaScale;
    f["ForegroundPixels_scaled"] = m.roiPixels * areaScale;
    f["UniformImage"] = m.sigma;
    // Share of the image covered by the print, from the grey levels alone (white background).
    f["ForegroundShareEstimate"] = m.roiMean < 254.0 ? (255.0 - m.mu) / (255.0 - m.roiMean) : 0.0;
    f["Mu"] = m.mu;
    f["MMB"] = m.mmb;
    f["ImgProcROIArea_Mean"] = m.roiMean;
    f["OrientationMap_ROIFilter_CoherenceRel"] = m.coherenceRel;
    if (m.minutiae) {
        f["MinutiaePerRegion"] =
            regions > 0 ? static_cast<double>(m.minutiae->count) / regions : 0.0;
        f["FingerJetFX_MinCount_COMMinRect200x200"] = m.minutiae->countInCentre200;
        f["FJFXPos_Mu_MinutiaeQuality_2"] = m.minutiae->fractionMuQuality2;
        f["FJFXPos_OCL_MinutiaeQuality_80"] = m.minutiae->fractionOclAbove80;
    }
    return f;
}

double predictQuality(const NativeQualityMeasures& m, const ScoreModel& model) {
    const std::map<std::string, double> values = scoreFeatureValues(m);
    std::vector<double> x;
    x.reserve(model.featureNames.size());
    for (const std::string& name : model.featureNames) {
        const auto it = values.find(name);
        if (it == values.end())
            throw std::invalid_argument("the quality model needs '" + name +
                                        "', which these measures lack");
        x.push_back(it->second);
    }
    return model.predict(x);
}

int unifiedQualityScore(const NativeQualityMeasures& m, const ScoreModel& model) {
    const double p = predictQuality(m, model);
    return static_cast<int>(std::lround(std::clamp(p, 0.0, 100.0)));
}

int unifiedQualityScore(const NativeQualityMeasures& m) {
    return unifiedQualityScore(m, embeddedScoreModel());
}

} // namespace umbral::biometrics
