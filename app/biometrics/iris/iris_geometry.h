#pragma once

// Geometry of a segmented eye: ellipses for the pupil and limbus, parabolas for the eyelids,
// and the robust fits that produce them from boundary points.

#include <opencv2/core.hpp>
#include <vector>

namespace umbral::biometrics {

/// An ellipse in image pixels (x to the right, y down). A circle has semiAxisA == semiAxisB.
struct IrisEllipse {
    cv::Point2d centre;
    double semiAxisA = 0.0; ///< semi-axis along angleDeg
    double semiAxisB = 0.0; ///< semi-axis perpendicular to it
    double angleDeg = 0.0;  ///< direction of semi-axis A, degrees from +x toward +y

    bool valid() const { return semiAxisA > 0.0 && semiAxisB > 0.0; }
    /// Radius of the circle of equal area, sqrt(a * b).
    double meanRadius() const;
    /// Minor / major axis, 1 for a circle.
    double axisRatio() const;
    /// Distance from the centre to the boundary in direction `angleRad` (from +x toward +y).
    double radiusAt(double angleRad) const;
    /// Boundary point in direction `angleRad` seen from the centre.
    cv::Point2d pointAt(double angleRad) const;
    bool contains(cv::Point2d p) const;
    /// The x-range [x0, x1] of the ellipse on row y; false when the row misses it.
    bool rowSpan(double y, double& x0, double& x1) const;
    /// The y-range [y0, y1] of the ellipse on column x; false when the column misses it.
    bool columnSpan(double x, double& y0, double& y1) const;
};

/// An eyelid margin y = c0 + c1 * x + c2 * x^2 over the iris, in image pixels. `present` is
/// false when the lid does not reach the iris (nothing to mask).
struct EyelidBoundary {
    bool present = false;
    double c0 = 0.0;
    double c1 = 0.0;
    double c2 = 0.0;
    double yAt(double x) const { return c0 + c1 * x + c2 * x * x; }
};

/// A robust circle / ellipse fit to boundary points. `inliers` flags the points kept.
struct BoundaryFit {
    IrisEllipse ellipse;
    std::vector<bool> inliers;
    double rmsResidual = 0.0; ///< radial RMS distance of the inliers to the fitted boundary, px
    int inlierCount = 0;
};

/// Fits a circle robustly (RANSAC consensus, then iterative rejection by median absolute
/// deviation), then tries an ellipse on the inliers and keeps it only when it explains the
/// points clearly better (an ellipse always fits noise a little better; a frontal pupil should
/// stay a circle). Candidate circles outside [minRadius, maxRadius] are ignored (0: no limit).
/// Returns an invalid ellipse when fewer than `minInliers` points survive.
BoundaryFit fitBoundary(const std::vector<cv::Point2d>& points, int minInliers = 12,
                        double minRadius = 0.0, double maxRadius = 0.0, bool allowEllipse = true);

/// Fits a boundary of a given shape: an ellipse similar to `shape` (axes and orientation of
/// `shape`, any centre and size). Used for the limbus, which off-axis gaze foreshortens exactly
/// as it foreshortens the pupil. `shape` must be valid; radii limits refer to the mean radius.
BoundaryFit fitShapedBoundary(const std::vector<cv::Point2d>& points, const IrisEllipse& shape,
                              int minInliers = 12, double minRadius = 0.0, double maxRadius = 0.0);

/// Least-squares circle through points (algebraic fit); false when degenerate.
bool fitCircle(const std::vector<cv::Point2d>& points, cv::Point2d& centre, double& radius);

} // namespace umbral::biometrics
