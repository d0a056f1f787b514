// RVUP: ridge-valley uniformity, the ratios of consecutive ridge and valley widths.

#include "app/biometrics/fingerprint/quality/local_region_measures.h"

#include <cstdint>

namespace umbral::biometrics {
namespace detail {

namespace {

constexpr int kRows = 16;
constexpr int kCols = 32;

void rvuOfWindow(const cv::Mat& image, cv::Rect window, double orientation,
                 std::vector<double>& out) {
    // RVUP rotates the window grown by 2 pixels (centre 20, 20), output 36 x 36.
    std::uint8_t block[kRows * kCols];
    sampleRotatedWindow(image, window, 2, orientation, cv::Rect(2, 10, kCols, kRows), block);
    const std::vector<std::uint8_t> ridval = ridgeValleyProfile(block, kRows, kCols).ridge;

    // NIST compares each of the first 31 columns with its predecessor (the last column is never
    // looked at); positions are 0-based after dropping the first element.
    std::vector<int> changeIndex;
    for (int i = 1; i < kCols - 1; ++i)
        if (ridval[i] != ridval[i - 1])
            changeIndex.push_back(i - 1);
    if (changeIndex.empty())
        return;
    // Drop the incomplete ridge/valley at each end of the block.
    const int firstComplete = changeIndex.front() + 1;
    const int endComplete = changeIndex.back();
    if (firstComplete >= endComplete)
        return;
    const int beginsWithRidge = ridval[firstComplete];
    std::vector<int> changeFromFirst;
    for (size_t i = 1; i < changeIndex.size(); ++i)
        changeFromFirst.push_back(changeIndex[i] - changeIndex[0]);
    if (changeFromFirst.size() <= 1)
        return;
    // Widths of the complete ridges and valleys, last one first (NIST's order).
    std::vector<int> widths;
    for (size_t i = changeFromFirst.size() - 1; i > 0; --i)
        widths.push_back(changeFromFirst[i] - changeFromFirst[i - 1]);
    std::vector<double> ratios;
    for (size_t m = 0; m + 1 < widths.size(); ++m)
        ratios.push_back(static_cast<double>(widths[m]) / static_cast<double>(widths[m + 1]));
    for (size_t i = static_cast<size_t>(beginsWithRidge); i < ratios.size(); i += 2)
        ratios[i] = 1 / ratios[i];
    out.insert(out.end(), ratios.begin(), ratios.end());
}

} // namespace

std::vector<double> ridgeValleyUniformityValues(const cv::Mat& grey8, const LocalRegionGrid& grid) {
    std::vector<double> values;
    values.reserve(grid.foreground.size() * 4);
    for (int r = 0; r < grid.rows; ++r)
        for (int c = 0; c < grid.cols; ++c)
            if (grid.isForeground(r, c))
                rvuOfWindow(grey8, LocalRegionGrid::window(r, c), grid.orientationAt(r, c), values);
    return values;
}

} // namespace detail

HistogramMeasure ridgeValleyUniformity(const cv::Mat& grey500) {
    return detail::summariseLocalValues(
        detail::ridgeValleyUniformityValues(grey500, detail::computeLocalRegionGrid(grey500)),
        histogram_bounds::rvup);
}

} // namespace umbral::biometrics
