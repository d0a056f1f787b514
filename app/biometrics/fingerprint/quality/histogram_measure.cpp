#include "app/biometrics/fingerprint/quality/local_region_measures.h"

#include <algorithm>
#include <cmath>

namespace umbral::biometrics {

int HistogramMeasure::count() const {
    int n = 0;
    for (int b : bins)
        n += b;
    return n;
}

namespace detail {

HistogramMeasure summariseLocalValues(const std::vector<double>& values,
                                      const std::array<double, 9>& upperBounds) {
    HistogramMeasure h;
    if (values.empty())
        return h;
    for (double v : values) {
        const auto bin =
            std::upper_bound(upperBounds.begin(), upperBounds.end(), v) - upperBounds.begin();
        ++h.bins[static_cast<size_t>(bin)];
    }
    // NIST sorts the values first, then cv::meanStdDev: one pass of sum and sum of squares.
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    double s = 0.0, sq = 0.0;
    for (double v : sorted) {
        s += v;
        sq += v * v;
    }
    const double scale = 1.0 / static_cast<double>(sorted.size());
    h.mean = s * scale;
    h.stdDev = std::sqrt(std::max(sq * scale - h.mean * h.mean, 0.0));
    return h;
}

} // namespace detail
} // namespace umbral::biometrics
