#pragma once

// Internal: the local-region measures computed over a precomputed LocalRegionGrid, so that
// computeNativeQualityMeasures() segments the image and estimates orientations only once
// (NIST recomputes both in each of FDA, LCS, OF and RVUP).

#include "app/biometrics/fingerprint/quality/local_regions.h"
#include "app/biometrics/fingerprint/quality/native_quality_measures.h"

#include <array>
#include <vector>

namespace umbral::biometrics::detail {

/// Bins `values` with NIST's rule (value v goes to the first bin whose upper bound exceeds v)
/// and computes mean and population standard deviation as cv::meanStdDev does.
HistogramMeasure summariseLocalValues(const std::vector<double>& values,
                                      const std::array<double, 9>& upperBounds);

std::vector<double> frequencyDomainValues(const cv::Mat& grey8, const LocalRegionGrid& grid);
std::vector<double> localClarityValues(const cv::Mat& grey8, const LocalRegionGrid& grid);
std::vector<double> orientationFlowValues(const LocalRegionGrid& grid);
std::vector<double> ridgeValleyUniformityValues(const cv::Mat& grey8, const LocalRegionGrid& grid);
std::vector<double> orientationCertaintyValues(const cv::Mat& grey8);

/// Orientation certainty level of one full 32 x 32 block: 1 - lambda_min / lambda_max of the
/// gradient covariance. Returns false (and 0) for a flat block, which NIST leaves out.
bool orientationCertaintyOfBlock(const cv::Mat& grey8, cv::Rect block, double& ocl);

} // namespace umbral::biometrics::detail
