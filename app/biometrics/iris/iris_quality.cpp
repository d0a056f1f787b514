#include "app/biometrics/iris/iris_quality.h"

#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/iris/iris_quality_metrics.h"

#include <algorithm>
#include <cmath>

namespace umbral::biometrics {

using M = IrisQualityMetric;

const std::array<IrisMetricSpec, kIrisQualityMetricCount> kIrisQualityMetrics{{
    {M::UsableIrisArea, "usable_iris_area", "usable iris area", "%", true},
    {M::IrisScleraContrast, "iris_sclera_contrast", "iris-sclera contrast", "", true},
    {M::IrisPupilContrast, "iris_pupil_contrast", "iris-pupil contrast", "", true},
    {M::PupilBoundaryCircularity, "pupil_boundary_circularity", "pupil boundary circularity", "",
     false},
    {M::GreyScaleUtilisation, "grey_scale_utilisation", "grey scale utilisation", "bits", true},
    {M::IrisDiameter, "iris_diameter", "iris diameter", "px", true},
    {M::PupilIrisRatio, "pupil_iris_ratio", "pupil-iris ratio", "%", true},
    {M::IrisPupilConcentricity, "iris_pupil_concentricity", "iris-pupil concentricity", "", true},
    {M::MarginAdequacy, "margin_adequacy", "margin adequacy", "", true},
    {M::Sharpness, "sharpness", "sharpness", "", false},
    {M::MotionBlur, "motion_blur", "motion blur", "", false},
    {M::GazeAngle, "gaze_angle", "gaze angle", "deg", false},
}};

namespace {

// Thresholds. ISO/IEC 29794-6 recommends: usable iris area >= 70, iris-sclera contrast > 5,
// iris-pupil contrast >= 30, grey scale utilisation >= 6 bits, pupil-iris ratio 20 - 70,
// concentricity >= 90, margin adequacy > 80; iris diameter >= 150 px (210 px for enrollment).
// The standard gives no value for the others; ours are set from the synthetic degradation
// sweeps in docs/iris.md (a clean frame scores far from them, a degraded one far past them).
constexpr double kMinUsableArea = 70.0;
constexpr double kMinScleraContrast = 5.0;
constexpr double kMinPupilContrast = 30.0;
constexpr double kMinCircularity = 60.0;
constexpr double kMinGreyBits = 6.0;
constexpr double kMinDiameterVerification = 150.0;
constexpr double kMinDiameterEnrollment = 210.0;
constexpr double kMinPupilRatio = 20.0;
constexpr double kMaxPupilRatio = 70.0;
constexpr double kMinConcentricity = 90.0;
constexpr double kMinMargin = 80.0;
constexpr double kMinSharpness = 30.0;
constexpr double kMaxMotionBlur = 40.0;
constexpr double kMaxGazeAngle = 25.0;

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// 0 at `zero`, 1 at `full`, linear between (either order).
double ramp(double v, double zero, double full) {
    const double t = (v - zero) / (full - zero);
    return std::clamp(t, 0.0, 1.0);
}

double factor(M m, double v, IrisCaptureUse use) {
    switch (m) {
    case M::UsableIrisArea:
        return ramp(v, 30.0, 80.0);
    case M::IrisScleraContrast:
        return ramp(v, 2.0, 10.0);
    case M::IrisPupilContrast:
        return ramp(v, 15.0, 40.0);
    case M::PupilBoundaryCircularity:
        return ramp(v, 30.0, 75.0);
    case M::GreyScaleUtilisation:
        return ramp(v, 4.5, 6.5);
    case M::IrisDiameter:
        return ramp(v, 100.0,
                    use == IrisCaptureUse::Enrollment ? kMinDiameterEnrollment + 20.0
                                                      : kMinDiameterVerification + 30.0);
    case M::PupilIrisRatio:
        return std::min(ramp(v, 10.0, 25.0), ramp(v, 80.0, 65.0));
    case M::IrisPupilConcentricity:
        return ramp(v, 75.0, 93.0);
    case M::MarginAdequacy:
        return ramp(v, 40.0, 90.0);
    case M::Sharpness:
        return ramp(v, 0.5 * kMinSharpness, 2.0 * kMinSharpness);
    case M::MotionBlur:
        return ramp(v, 90.0, 0.6 * kMaxMotionBlur);
    case M::GazeAngle:
        return ramp(v, 40.0, 15.0);
    }
    return 1.0;
}

void addFeedback(std::vector<IrisFeedback>& list, IrisFeedback f) {
    if (std::find(list.begin(), list.end(), f) == list.end())
        list.push_back(f);
}

} // namespace

const IrisMetricSpec& metricSpec(IrisQualityMetric metric) {
    return kIrisQualityMetrics[static_cast<std::size_t>(metric)];
}

std::string metricRequirement(IrisQualityMetric metric, IrisCaptureUse use) {
    switch (metric) {
    case M::UsableIrisArea:
        return ">= " + fmt(kMinUsableArea);
    case M::IrisScleraContrast:
        return "> " + fmt(kMinScleraContrast);
    case M::IrisPupilContrast:
        return ">= " + fmt(kMinPupilContrast);
    case M::PupilBoundaryCircularity:
        return ">= " + fmt(kMinCircularity);
    case M::GreyScaleUtilisation:
        return ">= " + fmt(kMinGreyBits);
    case M::IrisDiameter:
        return ">= " + fmt(use == IrisCaptureUse::Enrollment ? kMinDiameterEnrollment
                                                             : kMinDiameterVerification);
    case M::PupilIrisRatio:
        return fmt(kMinPupilRatio) + " - " + fmt(kMaxPupilRatio);
    case M::IrisPupilConcentricity:
        return ">= " + fmt(kMinConcentricity);
    case M::MarginAdequacy:
        return "> " + fmt(kMinMargin);
    case M::Sharpness:
        return ">= " + fmt(kMinSharpness);
    case M::MotionBlur:
        return "<= " + fmt(kMaxMotionBlur);
    case M::GazeAngle:
        return "<= " + fmt(kMaxGazeAngle);
    }
    return "";
}

bool metricPasses(IrisQualityMetric metric, double v, IrisCaptureUse use) {
    switch (metric) {
    case M::UsableIrisArea:
        return v >= kMinUsableArea;
    case M::IrisScleraContrast:
        return v > kMinScleraContrast;
    case M::IrisPupilContrast:
        return v >= kMinPupilContrast;
    case M::PupilBoundaryCircularity:
        return v >= kMinCircularity;
    case M::GreyScaleUtilisation:
        return v >= kMinGreyBits;
    case M::IrisDiameter:
        return v >= (use == IrisCaptureUse::Enrollment ? kMinDiameterEnrollment
                                                       : kMinDiameterVerification);
    case M::PupilIrisRatio:
        return v >= kMinPupilRatio && v <= kMaxPupilRatio;
    case M::IrisPupilConcentricity:
        return v >= kMinConcentricity;
    case M::MarginAdequacy:
        return v > kMinMargin;
    case M::Sharpness:
        return v >= kMinSharpness;
    case M::MotionBlur:
        return v <= kMaxMotionBlur;
    case M::GazeAngle:
        return v <= kMaxGazeAngle;
    }
    return false;
}

std::string feedbackKey(IrisFeedback feedback) {
    switch (feedback) {
    case IrisFeedback::OpenEyesWider:
        return "open-eyes-wider";
    case IrisFeedback::LookAtCamera:
        return "look-at-camera";
    case IrisFeedback::HoldStill:
        return "hold-still";
    case IrisFeedback::ComeCloser:
        return "come-closer";
    case IrisFeedback::MoveBack:
        return "move-back";
    case IrisFeedback::CentreEye:
        return "centre-eye";
    case IrisFeedback::CheckIllumination:
        return "check-illumination";
    }
    return "unknown";
}

std::string feedbackText(IrisFeedback feedback) {
    switch (feedback) {
    case IrisFeedback::OpenEyesWider:
        return "Open your eyes wider";
    case IrisFeedback::LookAtCamera:
        return "Look at the camera";
    case IrisFeedback::HoldStill:
        return "Hold still";
    case IrisFeedback::ComeCloser:
        return "Come closer";
    case IrisFeedback::MoveBack:
        return "Move back a little";
    case IrisFeedback::CentreEye:
        return "Move so your eye is in the middle of the camera";
    case IrisFeedback::CheckIllumination:
        return "Check the illumination (officer)";
    }
    return "";
}

IrisQualityReport assessIrisQuality(const cv::Mat& image, const IrisSegmentation& seg,
                                    IrisCaptureUse use) {
    requireGrey8(image, "iris image");
    namespace q = iris_metrics;
    IrisQualityReport report;
    report.use = use;
    report.assessed = true;
    report.segmentation = seg;
    const q::RegionGreys greys = q::regionGreys(image, seg);
    const std::array<double, kIrisQualityMetricCount> values{q::usableIrisArea(seg),
                                                             q::irisScleraContrast(greys),
                                                             q::irisPupilContrast(greys),
                                                             q::pupilBoundaryCircularity(seg),
                                                             q::greyScaleUtilisation(image),
                                                             q::irisDiameter(seg),
                                                             q::pupilIrisRatio(seg),
                                                             q::irisPupilConcentricity(seg),
                                                             q::marginAdequacy(seg),
                                                             q::sharpness(image, seg),
                                                             q::motionBlur(seg),
                                                             q::gazeAngle(seg)};
    double overall = 1.0;
    bool all = true;
    for (int i = 0; i < kIrisQualityMetricCount; ++i) {
        const auto m = static_cast<M>(i);
        report.metrics[i] = {m, values[i], metricPasses(m, values[i], use)};
        all = all && report.metrics[i].pass;
        overall *= factor(m, values[i], use);
    }
    report.overallScore = static_cast<int>(std::lround(100.0 * overall));
    report.acceptable = all;

    // Feedback, most useful first. Lids are the traveler's to open; lashes and reflections are not.
    auto fails = [&](M m) { return !report.metric(m).pass; };
    if (fails(M::UsableIrisArea) && q::lidOcclusion(seg) >= 0.5 * (100.0 - values[0]))
        addFeedback(report.feedback, IrisFeedback::OpenEyesWider);
    if (fails(M::GazeAngle))
        addFeedback(report.feedback, IrisFeedback::LookAtCamera);
    // Sharpness is an absolute measure of high-frequency power: an under-exposed frame is soft
    // too, and holding still would not help it.
    const bool exposureProblem = fails(M::GreyScaleUtilisation);
    if (fails(M::MotionBlur) || (fails(M::Sharpness) && !exposureProblem))
        addFeedback(report.feedback, IrisFeedback::HoldStill);
    if (fails(M::IrisDiameter))
        addFeedback(report.feedback, IrisFeedback::ComeCloser);
    if (fails(M::MarginAdequacy)) {
        // An iris that cannot fit with its margins even when centred is too close.
        const double d = values[static_cast<int>(M::IrisDiameter)];
        const bool tooBig = 1.2 * d > seg.imageSize.width || 0.7 * d > seg.imageSize.height;
        addFeedback(report.feedback, tooBig ? IrisFeedback::MoveBack : IrisFeedback::CentreEye);
    }
    if (fails(M::GreyScaleUtilisation) || fails(M::IrisScleraContrast) ||
        fails(M::IrisPupilContrast))
        addFeedback(report.feedback, IrisFeedback::CheckIllumination);
    return report;
}

IrisQualityReport assessIrisQuality(const cv::Mat& image, IrisCaptureUse use) {
    try {
        return assessIrisQuality(image, segmentIris(image), use);
    } catch (const IrisSegmentationError& e) {
        IrisQualityReport report;
        report.use = use;
        report.refusal = e.refusal();
        report.refusalReason = e.what();
        for (auto& m : report.metrics)
            m.pass = false;
        for (int i = 0; i < kIrisQualityMetricCount; ++i)
            report.metrics[i].metric = static_cast<M>(i);
        switch (e.refusal()) {
        case IrisRefusal::TooDark:
        case IrisRefusal::Saturated:
        case IrisRefusal::NoContrast:
            report.feedback = {IrisFeedback::CheckIllumination};
            break;
        case IrisRefusal::NoEye:
            report.feedback = {IrisFeedback::OpenEyesWider, IrisFeedback::LookAtCamera};
            break;
        case IrisRefusal::NoIrisBoundary:
            // Usually the iris is hidden: a closed or nearly closed eye, or a glance away.
            report.feedback = {IrisFeedback::OpenEyesWider, IrisFeedback::LookAtCamera};
            break;
        case IrisRefusal::None:
            break;
        }
        return report;
    }
}

} // namespace umbral::biometrics
