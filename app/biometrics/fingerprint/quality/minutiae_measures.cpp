// Minutiae-based measures: count, count near the minutiae centre of mass, and two minutiae
// quality fractions, with NIST's definitions applied to whichever minutiae the caller supplies.

#include "app/biometrics/fingerprint/quality/local_region_measures.h"
#include "app/biometrics/fingerprint/quality/native_quality_measures.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace umbral::biometrics {

MinutiaeMeasures minutiaeMeasures(const cv::Mat& grey500,
                                  std::span<const MinutiaPosition> minutiae) {
    MinutiaeMeasures m;
    m.count = static_cast<int>(minutiae.size());
    if (minutiae.empty())
        return m; // NIST leaves the fractions undefined (0/0); we report 0
    const int w = grey500.cols, h = grey500.rows;
    constexpr int bs = detail::kLocalRegion;

    // Centre of mass in whole pixels (integer division, as NIST), then a 200 x 200 rectangle
    // around it, clipped to the image, bounds inclusive.
    long long sx = 0, sy = 0;
    for (const MinutiaPosition& p : minutiae) {
        sx += p.x;
        sy += p.y;
    }
    const int cx = static_cast<int>(sx / static_cast<long long>(minutiae.size()));
    const int cy = static_cast<int>(sy / static_cast<long long>(minutiae.size()));
    const int x0 = std::max(cx - 100, 0), y0 = std::max(cy - 100, 0);
    const int x1 = std::min(cx + 100, w - 1), y1 = std::min(cy + 100, h - 1);
    for (const MinutiaPosition& p : minutiae)
        if (p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1)
            ++m.countInCentre200;

    cv::Scalar imageMean, imageStd;
    cv::meanStdDev(grey500, imageMean, imageStd);
    int muInRange = 0, oclAbove80 = 0;
    for (const MinutiaPosition& p : minutiae) {
        // Mu quality: how much darker than the image the 32 x 32 block at the minutia is, in
        // image standard deviations; NIST counts the fraction in (0, 0.5].
        const int left = std::clamp(p.x - bs / 2, 0, w - 1);
        const int top = std::clamp(p.y - bs / 2, 0, h - 1);
        const cv::Rect muBlock(left, top, std::min(bs, w - left), std::min(bs, h - top));
        const double q = (imageMean[0] - cv::mean(grey500(muBlock))[0]) / imageStd[0];
        if (q > 0.0 && q <= 0.5)
            ++muInRange;
        // OCL quality: the full block nearest to the minutia, certainty rounded to percent; the
        // fraction above 80.
        if (w >= bs && h >= bs) {
            const int ol = std::min(std::max(p.x - bs / 2, 0), w - bs);
            const int ot = std::min(std::max(p.y - bs / 2, 0), h - bs);
            double ocl = 0.0;
            detail::orientationCertaintyOfBlock(grey500, cv::Rect(ol, ot, bs, bs), ocl);
            if (static_cast<int>(ocl * 100 + 0.5) > 80)
                ++oclAbove80;
        }
    }
    m.fractionMuQuality2 = static_cast<double>(muInRange) / static_cast<double>(minutiae.size());
    m.fractionOclAbove80 = static_cast<double>(oclAbove80) / static_cast<double>(minutiae.size());
    return m;
}

} // namespace umbral::biometrics
