#pragma once

// ISO/IEC 29794-6 iris image quality, fast enough to score every preview frame (a few
// milliseconds for 640 x 480 on one core, segmentation included).
//
// Each metric is a pure function of the image and its segmentation (iris_quality_metrics.h),
// listed once in kIrisQualityMetrics with its name, unit and requirement. Where ISO/IEC
// 29794-6 recommends a value, that value is the pass/fail threshold; where it does not
// (circularity, sharpness, motion blur, gaze angle) the threshold is ours and says so
// (`standardThreshold` false). docs/iris.md gives the definitions and where each threshold
// comes from.
//
// The overall score (0 - 100) is the product of one factor per metric, each 1 when the metric
// is comfortably good and falling to 0 as it reaches unusable; it ranks frames for auto-capture.
// `acceptable` is the gate: every metric passes its threshold for the intended use.
//
// Feedback is what the traveler can do about the frame ("open your eyes wider", "look at the
// camera", "hold still", "come closer"), most useful first; problems only the officer can fix
// (illumination) come last.

#include "app/biometrics/iris/iris_segmentation.h"

#include <array>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace umbral::biometrics {

enum class IrisQualityMetric {
    UsableIrisArea,           ///< % of the iris annulus not hidden by lids, lashes, reflections
    IrisScleraContrast,       ///< 100 (S - I) / (S + I - 2P), medians of sclera, iris, pupil
    IrisPupilContrast,        ///< 100 W / (0.75 + W), W = (I - P) / (20 + P)
    PupilBoundaryCircularity, ///< 100 (1 - 5 x RMS of the pupil radius harmonics 2 - 16)
    GreyScaleUtilisation,     ///< entropy of the frame's grey-level histogram, bits
    IrisDiameter,             ///< limbus diameter, px
    PupilIrisRatio,           ///< 100 pupil radius / iris radius
    IrisPupilConcentricity,   ///< 100 (1 - centre distance / iris radius)
    MarginAdequacy,           ///< 100 min(margins / required margins), capped at 100
    Sharpness,                ///< 100 F^2 / (F^2 + c^2), ISO 9 x 9 kernel power F
    MotionBlur,               ///< 100 (1 - weakest / strongest directional pupil-edge slope)
    GazeAngle,                ///< degrees off the camera axis, from the limbus foreshortening
};
inline constexpr int kIrisQualityMetricCount = 12;

/// What the image is for: enrollment asks for a larger iris than verification.
enum class IrisCaptureUse { Verification, Enrollment };

/// Static description of a metric.
struct IrisMetricSpec {
    IrisQualityMetric metric;
    const char* key;        ///< machine name, "usable_iris_area"
    const char* name;       ///< "usable iris area"
    const char* unit;       ///< "%", "bits", "px", "deg" or ""
    bool standardThreshold; ///< threshold recommended by ISO/IEC 29794-6 (else Umbral's)
};

/// The twelve metrics in report order.
extern const std::array<IrisMetricSpec, kIrisQualityMetricCount> kIrisQualityMetrics;
const IrisMetricSpec& metricSpec(IrisQualityMetric metric);

/// The requirement in words ("> 5", "20 - 70", ">= 210 (enrollment)").
std::string metricRequirement(IrisQualityMetric metric, IrisCaptureUse use);
/// Whether `value` meets the requirement.
bool metricPasses(IrisQualityMetric metric, double value, IrisCaptureUse use);

struct IrisMetricValue {
    IrisQualityMetric metric = IrisQualityMetric::UsableIrisArea;
    double value = 0.0;
    bool pass = false;
};

/// Something the traveler (or, last, the officer) can do about the frame.
enum class IrisFeedback {
    OpenEyesWider,     ///< lids or lashes hide the iris
    LookAtCamera,      ///< gaze off axis, or no eye found
    HoldStill,         ///< motion blur or out of focus
    ComeCloser,        ///< iris too small
    MoveBack,          ///< iris too large for the frame
    CentreEye,         ///< iris near the frame edge
    CheckIllumination, ///< exposure or contrast problem (officer)
};
std::string feedbackKey(IrisFeedback feedback);  ///< "open-eyes-wider", for JSON and translation
std::string feedbackText(IrisFeedback feedback); ///< "Open your eyes wider", English

struct IrisQualityReport {
    bool assessed = false; ///< false when the frame was refused (no eye to measure)
    IrisRefusal refusal = IrisRefusal::None;
    std::string refusalReason;
    IrisCaptureUse use = IrisCaptureUse::Enrollment;
    std::array<IrisMetricValue, kIrisQualityMetricCount> metrics{};
    int overallScore = 0;    ///< 0 - 100
    bool acceptable = false; ///< every metric passes
    std::vector<IrisFeedback> feedback;
    IrisSegmentation segmentation; ///< valid when assessed

    const IrisMetricValue& metric(IrisQualityMetric m) const {
        return metrics[static_cast<std::size_t>(m)];
    }
};

/// Segments and scores `image` (8-bit grey). Input of the wrong kind (colour, 16-bit, empty,
/// too small) throws BiometricError; a frame with no eye to measure (dark, saturated, eye
/// closed or absent) returns a report with assessed == false, the refusal, and feedback.
IrisQualityReport assessIrisQuality(const cv::Mat& image,
                                    IrisCaptureUse use = IrisCaptureUse::Enrollment);

/// Scores `image` with a segmentation already at hand.
IrisQualityReport assessIrisQuality(const cv::Mat& image, const IrisSegmentation& segmentation,
                                    IrisCaptureUse use = IrisCaptureUse::Enrollment);

} // namespace umbral::biometrics
