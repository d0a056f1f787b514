#pragma once

// A picture of a segmentation for people: the frame in grey with the usable iris tinted green,
// lashes blue, reflections magenta, the pupil boundary red, the limbus green and the eyelids
// yellow. Used by tests (written to UMBRAL_TEST_OUTPUT), the CLI and the capture preview.

#include "app/biometrics/iris/iris_segmentation.h"

#include <opencv2/core.hpp>

namespace umbral::biometrics {

/// Returns a BGR image the size of `grey` (8-bit grey) with `segmentation` drawn on it.
cv::Mat drawIrisSegmentation(const cv::Mat& grey, const IrisSegmentation& segmentation);

} // namespace umbral::biometrics
