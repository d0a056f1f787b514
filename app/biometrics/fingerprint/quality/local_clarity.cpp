// LCS: local clarity score, the overlap of ridge and valley grey levels in each local region.

#include "app/biometrics/fingerprint/quality/local_region_measures.h"

#include <cstdint>

namespace umbral::biometrics {
namespace detail {

namespace {

constexpr int kRows = 16; // slanted block, ridges vertical: 16 rows x 32 columns
constexpr int kCols = 32;

/// cv::mean of doubles: groups of four added left to right, then multiplied by 1/n; 0 if empty.
double cvStyleMean(const std::vector<double>& v) {
    if (v.empty())
        return 0.0;
    double s = 0.0;
    size_t i = 0;
    for (; i + 4 <= v.size(); i += 4)
        s += v[i] + v[i + 1] + v[i + 2] + v[i + 3];
    for (; i < v.size(); ++i)
        s += v[i];
    return s * (1.0 / static_cast<double>(v.size()));
}

double lcsOfWindow(const cv::Mat& image, cv::Rect window, double orientation) {
    // LCS rotates the 36 x 36 window without padding (centre 18, 18).
    std::uint8_t block[kRows * kCols];
    sampleRotatedWindow(image, window, 0, orientation, cv::Rect(2, 10, kCols, kRows), block);
    const RidgeValleyProfile p = ridgeValleyProfile(block, kRows, kCols);
    const std::vector<std::uint8_t>& ridval = p.ridge;

    // Changes between ridge and valley along the profile (NIST: xor with the circular shift,
    // first element dropped); changeIndex holds the positions, 0-based after the drop.
    std::vector<int> changeIndex;
    for (int i = 1; i < kCols; ++i)
        if (ridval[i] != ridval[i - 1])
            changeIndex.push_back(i - 1);
    if (changeIndex.empty())
        return 0.0;

    std::vector<int> widths; // ridge and valley widths, alternating
    widths.push_back(changeIndex[0]);
    for (size_t i = 1; i < changeIndex.size(); ++i)
        widths.push_back(changeIndex[i] - changeIndex[i - 1]);

    // Widths normalised by the 500 ppi scale (125 ppi * 4 * max width 5 px = 20).
    constexpr double kScale = (500.0 / 125.0) * 5.0;
    constexpr double kRidgeMin = 3.0 / kScale, kRidgeMax = 10.0 / kScale;
    constexpr double kValleyMin = 2.0 / kScale, kValleyMax = 10.0 / kScale;
    const bool beginsWithRidge = ridval[0] != 0;
    std::vector<double> ridgeWidths, valleyWidths;
    for (size_t i = 0; i < widths.size(); ++i) {
        const bool isRidge = (i % 2 == 0) == beginsWithRidge;
        (isRidge ? ridgeWidths : valleyWidths).push_back(static_cast<double>(widths[i]) / kScale);
    }
    // The means are compared with exact limits (a mean width of exactly 3 pixels is common), so
    // they are summed in the order cv::mean uses, to land on the same side as NIST.
    const double meanRidge = cvStyleMean(ridgeWidths);
    const double meanValley = cvStyleMean(valleyWidths);
    if (!(meanRidge >= kRidgeMin && meanRidge <= kRidgeMax && meanValley >= kValleyMin &&
          meanValley <= kValleyMax))
        return 0.0;

    // Clarity: fraction of ridge pixels brighter than the trend line (should be darker) and of
    // valley pixels darker than it (should be brighter); 1 minus their mean.
    int ridgeGood = 0, valleyGood = 0, ridgePixels = 0, valleyPixels = 0;
    for (int c = 0; c < kCols; ++c) {
        for (int r = 0; r < kRows; ++r) {
            const double v = block[r * kCols + c];
            if (ridval[c]) {
                ridgeGood += v >= p.trend[c] ? 1 : 0;
            } else {
                valleyGood += v < p.trend[c] ? 1 : 0;
            }
        }
        (ridval[c] ? ridgePixels : valleyPixels) += kRows;
    }
    const double alpha = static_cast<double>(valleyGood) / static_cast<double>(valleyPixels);
    const double beta = static_cast<double>(ridgeGood) / static_cast<double>(ridgePixels);
    return 1.0 - (alpha + beta) / 2.0;
}

} // namespace

std::vector<double> localClarityValues(const cv::Mat& grey8, const LocalRegionGrid& grid) {
    std::vector<double> values;
    values.reserve(grid.foreground.size());
    for (int r = 0; r < grid.rows; ++r)
        for (int c = 0; c < grid.cols; ++c)
            if (grid.isForeground(r, c))
                values.push_back(
                    lcsOfWindow(grey8, LocalRegionGrid::window(r, c), grid.orientationAt(r, c)));
    return values;
}

} // namespace detail

HistogramMeasure localClarity(const cv::Mat& grey500) {
    return detail::summariseLocalValues(
        detail::localClarityValues(grey500, detail::computeLocalRegionGrid(grey500)),
        histogram_bounds::lcs);
}

} // namespace umbral::biometrics
