#pragma once

// Segmentation of near-infrared eye images: pupil and limbus (circles, or ellipses when the
// eye looks past the camera), upper and lower eyelids, eyelashes and specular reflections,
// giving the mask of usable iris.
//
// Method (classical, no learning; about 3 ms for 640 x 480 on one core):
//  1. Refuse frames with nothing to measure (dark, saturated, uniform).
//  2. Pupil: the darkest compact round blob of a half-resolution frame over a few thresholds
//     (morphological opening removes lashes), then 64 and 128 rays from its centre find the
//     dark-to-bright edge with sub-pixel precision; a robust circle/ellipse fit rejects rays
//     that hit reflections or lids.
//  3. Limbus: an integro-differential search (Daugman) in a polar image about the pupil: the
//     circle (centre near the pupil's, radius 1.25 - 6.7 pupil radii) with the strongest mean
//     radial gradient along the lateral sectors, which lids rarely cover; then per-ray edges
//     near that circle and the same robust fit.
//  4. Eyelids: per column, walking out from the pupil, where the iris-like grey levels (learnt
//     from the lateral iris) end; a RANSAC parabola through those points.
//  5. Lashes: pixels much darker than their 9 x 9 neighbourhood and than the iris; reflections:
//     near-saturated pixels, dilated.
//
// Errors: BiometricError (NotGrey, UnsupportedDepth, EmptyImage, TooSmall, TooLarge) for input
// of the wrong kind; IrisSegmentationError (code NoSignal, with an IrisRefusal) when the frame
// holds no usable open eye.

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/iris/iris_geometry.h"

#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace umbral::biometrics {

/// Why a frame holds no eye to segment.
enum class IrisRefusal {
    None,
    TooDark,        ///< under-exposed: nothing above the noise
    Saturated,      ///< over-exposed: most of the frame clipped
    NoContrast,     ///< nearly uniform frame
    NoEye,          ///< no pupil: no eye in view, or the eye is closed
    NoIrisBoundary, ///< a pupil but no iris / sclera boundary around it
};

/// A short English name ("too dark", "no eye", ...).
std::string refusalName(IrisRefusal refusal);

/// Thrown by segmentIris when the frame holds no eye to segment. code() is NoSignal.
class IrisSegmentationError : public BiometricError {
public:
    IrisSegmentationError(IrisRefusal refusal, const std::string& message)
        : BiometricError(BiometricErrorCode::NoSignal, message), refusal_(refusal) {}
    IrisRefusal refusal() const noexcept { return refusal_; }

private:
    IrisRefusal refusal_;
};

/// The result of segmentation. All coordinates are image pixels of the input.
struct IrisSegmentation {
    cv::Size imageSize;
    IrisEllipse pupil;
    IrisEllipse limbus;
    EyelidBoundary upperLid;
    EyelidBoundary lowerLid;
    /// CV_8U, image size: 255 on iris texture that is usable (inside the limbus, outside the
    /// pupil, between the lids, not a lash or a reflection).
    cv::Mat usableMask;
    /// CV_8U, image size: 255 on detected specular reflections and eyelashes (anywhere in the
    /// iris box), for overlays.
    cv::Mat specularMask;
    cv::Mat lashMask;

    /// Evidence along the pupil boundary, one entry per ray (kPupilRays, evenly spaced from
    /// +x toward +y): measured boundary radius from the pupil centre (NaN where the ray was
    /// rejected) and the edge's steepness (largest grey-level slope / grey-level step, 1/px).
    static constexpr int kPupilRays = 128;
    std::vector<double> pupilRayRadius;
    std::vector<double> pupilRaySharpness;

    /// Robust grey levels (medians) of the regions, from the input image.
    double pupilGrey = 0.0;
    double irisGrey = 0.0;
    double irisGreySpread = 0.0; ///< robust standard deviation of the iris grey levels
};

/// Segments an 8-bit grey near-infrared eye image (at least 160 x 120, at most 4096 x 4096).
/// Throws BiometricError for input of the wrong kind and IrisSegmentationError when refused.
IrisSegmentation segmentIris(const cv::Mat& image);

} // namespace umbral::biometrics
