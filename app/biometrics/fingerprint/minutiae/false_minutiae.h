#pragma once

// Removal of false minutiae. Internal to umbral_finger_minutiae.

#include "app/biometrics/fingerprint/minutiae/skeleton_minutiae.h"

#include <opencv2/core.hpp>

#include <vector>

namespace umbral::biometrics::minutiae_detail {

/// Marks as removed (with the reason) the minutiae that are artefacts of the image or of the
/// skeleton, using the ridge graph traced from each minutia and distances measured in local
/// ridge periods (`period`, CV_32F per pixel):
///  - short ridges and dots: two endings joined by a ridge shorter than 1.8 periods;
///  - spurs: an ending joined to a bifurcation by less than 0.6 periods;
///  - bridges: two bifurcations joined by less than 0.6 periods;
///  - lakes: two bifurcations joined twice by ridges shorter than 3 periods;
///  - broken ridges: two endings facing each other across a gap under 1.6 periods;
///  - clusters: a minutia with three or more others within one period (noise);
///  - border: closer than `borderMargin` pixels to the edge of `mask` (CV_8U per pixel), where
///    ridges end because the print does.
void removeFalseMinutiae(std::vector<SkeletonNode>& nodes, const cv::Mat& mask,
                         const cv::Mat& period, int borderMargin);

} // namespace umbral::biometrics::minutiae_detail
