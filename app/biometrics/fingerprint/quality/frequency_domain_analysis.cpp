// FDA: frequency domain analysis of the ridge-valley signature of each local region.

#include "app/biometrics/fingerprint/quality/local_region_measures.h"

#include <cmath>

namespace umbral::biometrics {
namespace detail {

namespace {

constexpr int kSignatureLength = 32; // rows of the 32 x 16 slanted block

struct DftTable {
    double cosine[kSignatureLength][kSignatureLength];
    double sine[kSignatureLength][kSignatureLength];
    DftTable() {
        for (int k = 0; k < kSignatureLength; ++k)
            for (int n = 0; n < kSignatureLength; ++n) {
                const double a = 2.0 * M_PI * ((k * n) % kSignatureLength) / kSignatureLength;
                cosine[k][n] = std::cos(a);
                sine[k][n] = std::sin(a);
            }
    }
};

double fdaOfWindow(const cv::Mat& image, cv::Rect window, double orientation) {
    // Rotate so that the ridges run horizontally (orientation + 90 degrees), the window grown by
    // 2 pixels as NIST does, and take NIST's 32 rows x 16 columns.
    std::uint8_t block[kSignatureLength * 16];
    sampleRotatedWindow(image, window, 2, orientation + (M_PI / 2), cv::Rect(10, 2, 16, 32), block);
    double t[kSignatureLength];
    for (int r = 0; r < kSignatureLength; ++r) {
        int s = 0;
        for (int c = 0; c < 16; ++c)
            s += block[r * 16 + c];
        t[r] = s * (1.0 / 16);
    }
    // Amplitude spectrum without DC: amp[j] is frequency j + 1, j = 0..30. The input is real, so
    // frequency k and 32 - k have the same amplitude; NIST takes the first maximum.
    static const DftTable table;
    double amp[kSignatureLength - 1];
    for (int k = 1; k <= kSignatureLength / 2; ++k) {
        double re = 0.0, im = 0.0;
        for (int n = 0; n < kSignatureLength; ++n) {
            re += t[n] * table.cosine[k][n];
            im -= t[n] * table.sine[k][n];
        }
        amp[k - 1] = std::sqrt(re * re + im * im);
        amp[kSignatureLength - k - 1] = amp[k - 1];
    }
    int best = 0;
    for (int j = 1; j < kSignatureLength - 1; ++j)
        if (amp[j] > amp[best])
            best = j;
    if (best == 0 || best + 1 >= kSignatureLength - 1)
        return 1.0; // NIST: the peak has no neighbour on one side
    double denominator = 0.0;
    for (int j = 0; j < (kSignatureLength - 1) / 2; ++j)
        denominator += amp[j];
    return (amp[best] + 0.3 * (amp[best - 1] + amp[best + 1])) / denominator;
}

} // namespace

std::vector<double> frequencyDomainValues(const cv::Mat& grey8, const LocalRegionGrid& grid) {
    std::vector<double> values;
    values.reserve(grid.foreground.size());
    for (int r = 0; r < grid.rows; ++r)
        for (int c = 0; c < grid.cols; ++c)
            if (grid.isForeground(r, c))
                values.push_back(
                    fdaOfWindow(grey8, LocalRegionGrid::window(r, c), grid.orientationAt(r, c)));
    return values;
}

} // namespace detail

HistogramMeasure frequencyDomainAnalysis(const cv::Mat& grey500) {
    return detail::summariseLocalValues(
        detail::frequencyDomainValues(grey500, detail::computeLocalRegionGrid(grey500)),
        histogram_bounds::fda);
}

} // namespace umbral::biometrics
