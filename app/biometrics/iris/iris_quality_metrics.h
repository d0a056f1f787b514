#pragma once

// The ISO/IEC 29794-6 measures, one pure function each, on an 8-bit grey image and its
// segmentation. See iris_quality.h for the list and the requirements.

#include "app/biometrics/iris/iris_segmentation.h"

#include <opencv2/core.hpp>

namespace umbral::biometrics::iris_metrics {

/// Robust grey levels of the three regions the contrast metrics compare (medians).
struct RegionGreys {
    double pupil = 0.0;
    double irisInner = 0.0; ///< usable iris next to the pupil (rubber-sheet radius 0.05 - 0.35)
    double irisOuter = 0.0; ///< usable iris next to the limbus (0.65 - 0.95)
    double sclera = 0.0;    ///< just outside the limbus on both sides (1.1 - 1.25 iris radii)
    bool scleraSeen = false;
};
RegionGreys regionGreys(const cv::Mat& image, const IrisSegmentation& seg);

double usableIrisArea(const IrisSegmentation& seg);
/// Share (%) of the iris annulus hidden by the eyelids alone (for feedback).
double lidOcclusion(const IrisSegmentation& seg);
double irisScleraContrast(const RegionGreys& g);
double irisPupilContrast(const RegionGreys& g);
double pupilBoundaryCircularity(const IrisSegmentation& seg);
double greyScaleUtilisation(const cv::Mat& image);
double irisDiameter(const IrisSegmentation& seg);
double pupilIrisRatio(const IrisSegmentation& seg);
double irisPupilConcentricity(const IrisSegmentation& seg);
double marginAdequacy(const IrisSegmentation& seg);
double sharpness(const cv::Mat& image, const IrisSegmentation& seg);
double motionBlur(const IrisSegmentation& seg);
double gazeAngle(const IrisSegmentation& seg);

} // namespace umbral::biometrics::iris_metrics
