#pragma once

// Minutiae on the ridge skeleton by crossing number, with the ridge traced from each of them.
// Internal to umbral_finger_minutiae.

#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <opencv2/core.hpp>

#include <vector>

namespace umbral::biometrics::minutiae_detail {

/// One skeleton branch leaving a minutia, followed for at most kMaxTrace pixels.
struct RidgeBranch {
    std::vector<cv::Point> path; ///< pixels after the minutia, in walking order
    int endNode = -1;            ///< index of the minutia reached, or -1
    bool deadEnd = false;        ///< the skeleton stopped without reaching a minutia
};

/// A crossing-number minutia of the skeleton: an end point (crossing number 1) or a cluster of
/// adjacent branching pixels (crossing number >= 3) merged into one bifurcation.
struct SkeletonNode {
    cv::Point2f position;
    MinutiaType type = MinutiaType::Other;
    std::vector<cv::Point> pixels;
    std::vector<RidgeBranch> branches;
    float direction = 0.0f; ///< image frame radians (y downwards), ISO sense (see minutiae.h)
    bool removed = false;
    const char* removedBecause = nullptr;
};

inline constexpr int kMaxTrace = 32;

/// Finds the minutiae of `skeleton` (CV_8U, 0/255, one pixel wide) and traces their branches.
/// Directions come from the traced branches and are then aligned with the local ridge
/// orientation `theta` (CV_32F per pixel, image frame, [0, pi)), which is smoother than any
/// short trace.
std::vector<SkeletonNode> findSkeletonMinutiae(const cv::Mat& skeleton, const cv::Mat& theta);

} // namespace umbral::biometrics::minutiae_detail
