#pragma once

// Daugman's rubber-sheet normalisation: the iris between the pupil boundary and the limbus is
// resampled onto a fixed grid of normalised radius (rows, pupil side first) by angle (columns,
// from +x toward +y, once round), so that pupil dilation, iris size and position no longer
// matter; rotation of the eye becomes a circular shift of the columns.

#include "app/biometrics/iris/iris_segmentation.h"

#include <opencv2/core.hpp>

namespace umbral::biometrics {

struct NormalisedIris {
    cv::Mat texture; ///< CV_32F, rows x columns, grey levels
    cv::Mat mask;    ///< CV_8U, 255 where the sample falls on usable iris
};

/// Rows and columns of the normalised iris used by the encoder.
inline constexpr int kNormalisedRows = 64;
inline constexpr int kNormalisedColumns = 512;

/// Samples `image` (8-bit grey) between the segmentation's pupil and limbus. Each column runs
/// from the pupil boundary point to the limbus point in the same direction (each seen from its
/// own centre); rows cover normalised radius 0.04 - 0.96, leaving out the boundary blur.
NormalisedIris normaliseIris(const cv::Mat& image, const IrisSegmentation& segmentation,
                             int rows = kNormalisedRows, int columns = kNormalisedColumns);

} // namespace umbral::biometrics
