#pragma once

// Internal steps of iris segmentation (see iris_segmentation.h for the method). Not part of
// the public API of umbral_iris.

#include "app/biometrics/iris/iris_geometry.h"

#include <cmath>
#include <limits>
#include <opencv2/core.hpp>
#include <vector>

namespace umbral::biometrics::iris_detail {

constexpr double kPi = 3.14159265358979323846;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Bilinear sample of an 8-bit image; NaN outside the image.
inline double sampleBilinear(const cv::Mat& img, double x, double y) {
    if (!(x >= 0.0 && y >= 0.0 && x <= img.cols - 1.0 && y <= img.rows - 1.0))
        return kNaN;
    const int x0 = std::min(static_cast<int>(x), img.cols - 2);
    const int y0 = std::min(static_cast<int>(y), img.rows - 2);
    const double fx = x - x0;
    const double fy = y - y0;
    const uchar* r0 = img.ptr<uchar>(y0) + x0;
    const uchar* r1 = img.ptr<uchar>(y0 + 1) + x0;
    const double top = r0[0] + fx * (r0[1] - r0[0]);
    const double bottom = r1[0] + fx * (r1[1] - r1[0]);
    return top + fy * (bottom - top);
}

/// A first guess of the pupil from a reduced frame.
struct PupilSeed {
    cv::Point2d centre;
    double radius = 0.0;
    double darkThreshold = 0.0; ///< grey level separating pupil from its surround
};

/// Pupil boundary with per-ray evidence (SegmentationResult::kPupilRays rays).
struct PupilBoundary {
    IrisEllipse ellipse;
    std::vector<double> rayRadius;
    std::vector<double> raySharpness;
    double pupilGrey = 0.0;
    double surroundGrey = 0.0;
};

/// Finds the darkest compact round blob; false when there is none (no open eye).
bool findPupilSeed(const cv::Mat& image, PupilSeed& seed);

/// Refines the seed on `smoothed` (the frame after a light Gaussian blur) with radial edges.
bool refinePupil(const cv::Mat& smoothed, const PupilSeed& seed, int rays, PupilBoundary& out);

/// Limbus boundary and the edge points it was fitted to.
struct LimbusBoundary {
    IrisEllipse ellipse;
    IrisEllipse shape; ///< the pupil's shape, which the limbus shares
    std::vector<cv::Point2d> points;
    double minRadius = 0.0;
    double maxRadius = 0.0;
};

/// The limbus around the pupil; false when no iris / sclera boundary is found.
bool findLimbus(const cv::Mat& smoothed, const PupilBoundary& pupil, LimbusBoundary& limbus);

/// The limbus contains the pupil and is in proportion to it.
bool plausibleLimbus(const IrisEllipse& pupil, const IrisEllipse& limbus);

/// Robust grey level of the iris (median and spread), sampled in the lateral sectors.
struct IrisGreyModel {
    double median = 0.0;
    double spread = 0.0;
};

/// The upper (or lower) eyelid over the iris, from where iris-like grey levels end.
EyelidBoundary findEyelid(const cv::Mat& soft, const IrisEllipse& pupil, const IrisEllipse& limbus,
                          const IrisGreyModel& iris, bool upper);

} // namespace umbral::biometrics::iris_detail
