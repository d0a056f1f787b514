#pragma once

// Internal: NFIQ 2's image-processing region of interest (ImgProcROI) and the orientation
// coherence computed over its blocks (QualityMap).

#include <opencv2/core.hpp>

#include <vector>

namespace umbral::biometrics::detail {

struct RegionOfInterest {
    cv::Mat mask;                 ///< 8-bit, 255 on the fingerprint foreground, 0 elsewhere
    int pixels = 0;               ///< foreground pixel count
    double meanGrey = 255.0;      ///< mean grey level of the foreground (255 when empty)
    std::vector<cv::Rect> blocks; ///< 32 x 32 tiles (partial at the edges) touching it
};

/// Erode 5 x 5, Gaussian 41 x 41, Otsu, Gaussian 91 x 91, Otsu, fill holes, keep the largest
/// region: NIST's foreground segmentation.
RegionOfInterest computeRegionOfInterest(const cv::Mat& grey8);

struct Coherence {
    double sum = 0.0;
    double relative = 0.0;
};

/// Sum and mean of the gradient coherence of the ROI blocks.
Coherence roiCoherence(const cv::Mat& grey8, const RegionOfInterest& roi);

} // namespace umbral::biometrics::detail
