// OF: orientation flow, the mean angular change between a local region and its 8 neighbours.

#include "app/biometrics/fingerprint/quality/local_region_measures.h"

#include <algorithm>
#include <cmath>

namespace umbral::biometrics {
namespace detail {

std::vector<double> orientationFlowValues(const LocalRegionGrid& grid) {
    constexpr double kDeg2Rad = M_PI / 180.0;
    constexpr double kAngleMin = 4.0 * kDeg2Rad;            // changes below 4 degrees are ignored
    constexpr double kAngleRange = (90.0 - 4.0) * kDeg2Rad; // normalises to [0, 1] at 90 degrees
    constexpr double kFullTurn = 360.0 * kDeg2Rad;
    std::vector<double> values;
    // Regions on the grid's edge have a missing neighbour, which NIST counts as background, so
    // only interior regions whose whole 3 x 3 neighbourhood is foreground contribute.
    for (int r = 1; r + 1 < grid.rows; ++r) {
        for (int c = 1; c + 1 < grid.cols; ++c) {
            bool allForeground = true;
            for (int dr = -1; dr <= 1 && allForeground; ++dr)
                for (int dc = -1; dc <= 1; ++dc)
                    allForeground = allForeground && grid.isForeground(r + dr, c + dc);
            if (!allForeground)
                continue;
            const double centre = grid.orientationAt(r, c);
            double sum = 0.0;
            for (int dr = -1; dr <= 1; ++dr)
                for (int dc = -1; dc <= 1; ++dc) {
                    const double d = std::abs(centre - grid.orientationAt(r + dr, c + dc));
                    sum += std::min(d, kFullTurn - d);
                }
            const double loq = sum / 8.0; // centre included (0), divided by its 8 neighbours
            if (loq > kAngleMin)
                values.push_back((loq - kAngleMin) / kAngleRange);
        }
    }
    return values;
}

} // namespace detail

HistogramMeasure orientationFlow(const cv::Mat& grey500) {
    return detail::summariseLocalValues(
        detail::orientationFlowValues(detail::computeLocalRegionGrid(grey500)),
        histogram_bounds::of);
}

} // namespace umbral::biometrics
