#pragma once

// The native quality measures of NFIQ 2 v2.3 (ISO/IEC 29794-4:2024), computed by our own code
// with NIST's definitions, block sizes, bin boundaries and names.

#include <opencv2/core.hpp>

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace umbral::biometrics {

/// A local-quality measure summarised as NIST does: the number of local regions in each of
/// 10 bins (NIST's fixed boundaries), and the mean and (population) standard deviation of the
/// local values.
struct HistogramMeasure {
    std::array<int, 10> bins{};
    double mean = 0.0;
    double stdDev = 0.0;
    int count() const; ///< number of local values (sum of the bins)
};

/// Position of a minutia in the measured (trimmed, 500 ppi) image, in pixels. The minutiae
/// measures need only positions, so any extractor can feed them.
struct MinutiaPosition {
    int x = 0;
    int y = 0;
};

/// Minutiae-based measures (NIST computes them on FingerJet FX OSE minutiae; ours come from
/// whichever extractor the caller supplies, so they are comparable but not identical).
struct MinutiaeMeasures {
    int count = 0;                   ///< FingerJetFX_MinutiaeCount
    int countInCentre200 = 0;        ///< FingerJetFX_MinCount_COMMinRect200x200
    double fractionMuQuality2 = 0.0; ///< FJFXPos_Mu_MinutiaeQuality_2
    double fractionOclAbove80 = 0.0; ///< FJFXPos_OCL_MinutiaeQuality_80
};

/// All native measures of one image, under NIST's names (see namedValues()).
struct NativeQualityMeasures {
    HistogramMeasure fda;      ///< FDA_Bin10_*: frequency domain analysis
    HistogramMeasure lcs;      ///< LCS_Bin10_*: local clarity
    HistogramMeasure ocl;      ///< OCL_Bin10_*: orientation certainty
    HistogramMeasure of;       ///< OF_Bin10_*: orientation flow
    HistogramMeasure rvup;     ///< RVUP_Bin10_*: ridge-valley uniformity
    double mu = 0.0;           ///< Mu: mean grey level
    double mmb = 0.0;          ///< MMB: mean of 32 x 32 block means
    double sigma = 0.0;        ///< grey-level standard deviation (UniformImage feedback)
    double roiMean = 0.0;      ///< ImgProcROIArea_Mean: mean grey level of the foreground
    int roiPixels = 0;         ///< foreground pixels (SufficientFingerprintForeground)
    int roiBlocks = 0;         ///< 32 x 32 blocks (partial ones too) touching the foreground
    cv::Rect roiBounds;        ///< bounding box of the foreground
    double coherenceSum = 0.0; ///< OrientationMap_ROIFilter_CoherenceSum
    double coherenceRel = 0.0; ///< OrientationMap_ROIFilter_CoherenceRel
    std::optional<MinutiaeMeasures> minutiae; ///< absent when no minutiae extractor ran
};

/// One named value, as NIST prints it.
struct NamedMeasure {
    std::string name;
    double value = 0.0;
};

/// Every native measure under its NIST name, in NIST's (alphabetical) output order. The four
/// minutiae measures are left out when `m.minutiae` is empty.
std::vector<NamedMeasure> namedValues(const NativeQualityMeasures& m);

/// Computes every native measure of `grey500`, an 8-bit grey 500 ppi image that has already been
/// prepared (near-white frame trimmed; see fingerprint_preparation.h). `minutiae`, when given,
/// are positions in that same image. Throws BiometricError(NoSignal) when fewer than 10 local
/// regions carry ridges (NIST: "not enough data to generate histogram bins").
NativeQualityMeasures computeNativeQualityMeasures(
    const cv::Mat& grey500,
    std::optional<std::span<const MinutiaPosition>> minutiae = std::nullopt);

/// Rebuilds measures from NIST-named values (a row of NIST's conformance table, an output file).
/// The minutiae measures are filled only when all four are present;
/// SufficientFingerprintForeground, UniformImage and EmptyImageOrContrastTooLow fill roiPixels,
/// sigma and mu when present. Throws std::invalid_argument naming the first missing non-minutiae
/// measure.
NativeQualityMeasures measuresFromNamedValues(const std::map<std::string, double>& values);

/// Individual measures (each a pure function of the prepared image), for tests and tools.
HistogramMeasure frequencyDomainAnalysis(const cv::Mat& grey500);
HistogramMeasure localClarity(const cv::Mat& grey500);
HistogramMeasure orientationCertainty(const cv::Mat& grey500);
HistogramMeasure orientationFlow(const cv::Mat& grey500);
HistogramMeasure ridgeValleyUniformity(const cv::Mat& grey500);
MinutiaeMeasures minutiaeMeasures(const cv::Mat& grey500,
                                  std::span<const MinutiaPosition> minutiae);

/// NIST's histogram bin boundaries (the upper bound of bins 0..8; bin 9 is open).
namespace histogram_bounds {
inline constexpr std::array<double, 9> fda{0.268, 0.304, 0.33, 0.355, 0.38, 0.407, 0.44, 0.50, 1};
inline constexpr std::array<double, 9> lcs{0, 0.70, 0.74, 0.77, 0.79, 0.81, 0.83, 0.85, 0.87};
inline constexpr std::array<double, 9> ocl{0.337, 0.479, 0.579, 0.655, 0.716,
                                           0.766, 0.81,  0.852, 0.898};
inline constexpr std::array<double, 9> of{1.715e-2, 3.5e-2,   5.57e-2,  8.1e-2, 1.15e-1,
                                          1.718e-1, 2.569e-1, 4.758e-1, 7.48e-1};
inline constexpr std::array<double, 9> rvup{0.5, 0.667, 0.8, 1, 1.25, 1.5, 2, 24, 30};
} // namespace histogram_bounds

} // namespace umbral::biometrics
