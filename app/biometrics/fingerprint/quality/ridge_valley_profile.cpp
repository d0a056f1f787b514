#include "app/biometrics/fingerprint/quality/local_regions.h"

#include <cmath>

namespace umbral::biometrics::detail {

RidgeValleyProfile ridgeValleyProfile(const std::uint8_t* block, int rows, int cols) {
    RidgeValleyProfile p;
    p.columnMean.resize(cols);
    p.trend.resize(cols);
    p.ridge.resize(cols);
    for (int c = 0; c < cols; ++c) {
        int s = 0;
        for (int r = 0; r < rows; ++r)
            s += block[r * cols + c];
        p.columnMean[c] = s * (1.0 / rows); // as cv::mean: sum times the reciprocal count
    }
    // Least-squares line through (x, mean) with x = 1..cols. NIST solves it by QR and then rounds
    // both coefficients to 10 decimals "for consistency across platforms"; the closed form below
    // agrees with the QR solution to a few ulps, which that rounding absorbs.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int c = 0; c < cols; ++c) {
        const double x = c + 1;
        sx += x;
        sy += p.columnMean[c];
        sxx += x * x;
        sxy += x * p.columnMean[c];
    }
    const double n = cols;
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double intercept = (sy - slope * sx) / n;
    slope = std::round(slope * 10000000000) / 10000000000;
    intercept = std::round(intercept * 10000000000) / 10000000000;
    for (int c = 0; c < cols; ++c) {
        p.trend[c] = static_cast<double>(c + 1) * slope + intercept;
        p.ridge[c] = p.columnMean[c] < p.trend[c] ? 1 : 0;
    }
    return p;
}

} // namespace umbral::biometrics::detail
