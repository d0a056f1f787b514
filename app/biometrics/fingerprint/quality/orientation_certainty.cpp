// OCL: orientation certainty level of every full 32 x 32 block of the image.

#include "app/biometrics/fingerprint/quality/local_region_measures.h"

#include <cmath>

namespace umbral::biometrics {
namespace detail {

bool orientationCertaintyOfBlock(const cv::Mat& grey8, cv::Rect block, double& ocl) {
    const GradientMoments m = gradientMoments(grey8, block);
    const double a = m.gxx, b = m.gyy, c = m.gxy;
    const double root = std::sqrt(std::pow(a - b, 2) + 4 * std::pow(c, 2));
    const double eigMax = ((a + b) + root) / 2.0;
    const double eigMin = ((a + b) - root) / 2.0;
    if (eigMax == 0) {
        ocl = 0.0;
        return false; // flat block: no orientation at all
    }
    ocl = 1.0 - eigMin / eigMax;
    return true;
}

std::vector<double> orientationCertaintyValues(const cv::Mat& grey8) {
    // OCL uses the plain 32 x 32 tiling from the top-left corner, whole blocks only, and no
    // ridge segmentation: flat blocks are the only ones left out.
    std::vector<double> values;
    for (int y = 0; y + kLocalRegion <= grey8.rows; y += kLocalRegion)
        for (int x = 0; x + kLocalRegion <= grey8.cols; x += kLocalRegion) {
            double ocl = 0.0;
            if (orientationCertaintyOfBlock(grey8, cv::Rect(x, y, kLocalRegion, kLocalRegion), ocl))
                values.push_back(ocl);
        }
    return values;
}

} // namespace detail

HistogramMeasure orientationCertainty(const cv::Mat& grey500) {
    return detail::summariseLocalValues(detail::orientationCertaintyValues(grey500),
                                        histogram_bounds::ocl);
}

} // namespace umbral::biometrics
