#include "app/biometrics/fingerprint/quality/native_quality_measures.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/fingerprint/quality/local_region_measures.h"
#include "app/biometrics/fingerprint/quality/region_of_interest.h"

#include <cmath>
#include <cstdint>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

namespace umbral::biometrics {

namespace {

struct Contrast {
    double mu = 0.0, sigma = 0.0, mmb = 0.0;
};

/// Mu (mean grey level), its standard deviation and MMB (mean of 32 x 32 block means, partial
/// blocks at the edges included).
Contrast contrast(const cv::Mat& grey8) {
    Contrast c;
    std::uint64_t sum = 0, sumSq = 0;
    std::vector<double> blockMeans;
    for (int by = 0; by < grey8.rows; by += detail::kLocalRegion) {
        for (int bx = 0; bx < grey8.cols; bx += detail::kLocalRegion) {
            const int h = std::min(detail::kLocalRegion, grey8.rows - by);
            const int w = std::min(detail::kLocalRegion, grey8.cols - bx);
            std::uint64_t bs = 0;
            for (int y = by; y < by + h; ++y) {
                const std::uint8_t* row = grey8.ptr<std::uint8_t>(y);
                for (int x = bx; x < bx + w; ++x) {
                    bs += row[x];
                    sumSq += static_cast<std::uint64_t>(row[x]) * row[x];
                }
            }
            sum += bs;
            blockMeans.push_back(static_cast<double>(bs) * (1.0 / (static_cast<double>(w) * h)));
        }
    }
    const double n = static_cast<double>(grey8.total());
    c.mu = static_cast<double>(sum) / n;
    c.sigma = std::sqrt(std::max(0.0, static_cast<double>(sumSq) / n - c.mu * c.mu));
    const double count = static_cast<double>(blockMeans.size());
    for (double m : blockMeans)
        c.mmb += m / count; // NIST's order of operations
    return c;
}

void addHistogram(std::vector<NamedMeasure>& out, const std::string& prefix,
                  const HistogramMeasure& h) {
    for (size_t i = 0; i < h.bins.size(); ++i)
        out.push_back({prefix + std::to_string(i), static_cast<double>(h.bins[i])});
    out.push_back({prefix + "Mean", h.mean});
    out.push_back({prefix + "StdDev", h.stdDev});
}

} // namespace

std::vector<NamedMeasure> namedValues(const NativeQualityMeasures& m) {
    std::vector<NamedMeasure> out;
    addHistogram(out, "FDA_Bin10_", m.fda);
    if (m.minutiae) {
        out.push_back({"FingerJetFX_MinCount_COMMinRect200x200",
                       static_cast<double>(m.minutiae->countInCentre200)});
        out.push_back({"FingerJetFX_MinutiaeCount", static_cast<double>(m.minutiae->count)});
        out.push_back({"FJFXPos_Mu_MinutiaeQuality_2", m.minutiae->fractionMuQuality2});
        out.push_back({"FJFXPos_OCL_MinutiaeQuality_80", m.minutiae->fractionOclAbove80});
    }
    out.push_back({"ImgProcROIArea_Mean", m.roiMean});
    addHistogram(out, "LCS_Bin10_", m.lcs);
    out.push_back({"MMB", m.mmb});
    out.push_back({"Mu", m.mu});
    addHistogram(out, "OCL_Bin10_", m.ocl);
    addHistogram(out, "OF_Bin10_", m.of);
    out.push_back({"OrientationMap_ROIFilter_CoherenceRel", m.coherenceRel});
    out.push_back({"OrientationMap_ROIFilter_CoherenceSum", m.coherenceSum});
    addHistogram(out, "RVUP_Bin10_", m.rvup);
    return out;
}

NativeQualityMeasures measuresFromNamedValues(const std::map<std::string, double>& values) {
    auto get = [&](const std::string& name) {
        const auto it = values.find(name);
        if (it == values.end())
            throw std::invalid_argument("missing native quality measure " + name);
        return it->second;
    };
    auto histogram = [&](const std::string& prefix) {
        HistogramMeasure h;
        for (size_t i = 0; i < h.bins.size(); ++i)
            h.bins[i] = static_cast<int>(std::lround(get(prefix + std::to_string(i))));
        h.mean = get(prefix + "Mean");
        h.stdDev = get(prefix + "StdDev");
        return h;
    };
    NativeQualityMeasures m;
    m.fda = histogram("FDA_Bin10_");
    m.lcs = histogram("LCS_Bin10_");
    m.ocl = histogram("OCL_Bin10_");
    m.of = histogram("OF_Bin10_");
    m.rvup = histogram("RVUP_Bin10_");
    m.mu = get("Mu");
    m.mmb = get("MMB");
    m.roiMean = get("ImgProcROIArea_Mean");
    m.coherenceRel = get("OrientationMap_ROIFilter_CoherenceRel");
    m.coherenceSum = get("OrientationMap_ROIFilter_CoherenceSum");
    if (values.count("SufficientFingerprintForeground"))
        m.roiPixels = static_cast<int>(std::lround(values.at("SufficientFingerprintForeground")));
    if (values.count("UniformImage"))
        m.sigma = values.at("UniformImage");
    const char* minutiaeNames[] = {
        "FingerJetFX_MinutiaeCount", "FingerJetFX_MinCount_COMMinRect200x200",
        "FJFXPos_Mu_MinutiaeQuality_2", "FJFXPos_OCL_MinutiaeQuality_80"};
    bool allMinutiae = true;
    for (const char* n : minutiaeNames)
        allMinutiae = allMinutiae && values.count(n) > 0;
    if (allMinutiae) {
        MinutiaeMeasures mm;
        mm.count = static_cast<int>(std::lround(values.at(minutiaeNames[0])));
        mm.countInCentre200 = static_cast<int>(std::lround(values.at(minutiaeNames[1])));
        mm.fractionMuQuality2 = values.at(minutiaeNames[2]);
        mm.fractionOclAbove80 = values.at(minutiaeNames[3]);
        m.minutiae = mm;
    }
    return m;
}

NativeQualityMeasures
computeNativeQualityMeasures(const cv::Mat& grey500,
                             std::optional<std::span<const MinutiaPosition>> minutiae) {
    NativeQualityMeasures m;
    const detail::LocalRegionGrid grid = detail::computeLocalRegionGrid(grey500);
    const std::vector<double> fda = detail::frequencyDomainValues(grey500, grid);
    if (fda.size() < 10)
        throw BiometricError(BiometricErrorCode::NoSignal,
                             "too little fingerprint: " + std::to_string(fda.size()) +
                                 " local regions with ridges, at least 10 are needed");
    m.fda = detail::summariseLocalValues(fda, histogram_bounds::fda);
    m.lcs = detail::summariseLocalValues(detail::localClarityValues(grey500, grid),
                                         histogram_bounds::lcs);
    m.of = detail::summariseLocalValues(detail::orientationFlowValues(grid), histogram_bounds::of);
    m.rvup = detail::summariseLocalValues(detail::ridgeValleyUniformityValues(grey500, grid),
                                          histogram_bounds::rvup);
    m.ocl = detail::summariseLocalValues(detail::orientationCertaintyValues(grey500),
                                         histogram_bounds::ocl);
    const Contrast c = contrast(grey500);
    m.mu = c.mu;
    m.sigma = c.sigma;
    m.mmb = c.mmb;
    const detail::RegionOfInterest roi = detail::computeRegionOfInterest(grey500);
    m.roiMean = roi.meanGrey;
    m.roiPixels = roi.pixels;
    m.roiBlocks = static_cast<int>(roi.blocks.size());
    m.roiBounds = roi.pixels > 0 ? cv::boundingRect(roi.mask) : cv::Rect();
    const detail::Coherence coherence = detail::roiCoherence(grey500, roi);
    m.coherenceSum = coherence.sum;
    m.coherenceRel = coherence.relative;
    if (minutiae)
        m.minutiae = minutiaeMeasures(grey500, *minutiae);
    return m;
}

} // namespace umbral::biometrics
