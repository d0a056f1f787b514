#pragma once

// Synthetic near-infrared eye images: the image source of the simulated iris camera.
//
// An identity seed fixes an iris pattern (radial fibres, crypts, collarette, contraction
// furrows, pigment spots) and the skin around the eye. Each impression places that iris in a
// 640 x 480 frame in near-infrared contrast (dark pupil, mid-grey iris, bright sclera and skin)
// with the variation a real capture shows: pupil dilation, torsion, eyelids and lashes, specular
// reflections of the illuminators, defocus, motion blur, off-axis gaze, exposure and sensor
// noise. Every render returns the image together with its ground truth (pupil and limbus
// ellipses, eyelid curves, optionally the usable-iris mask) so segmentation can be checked.
//
// The same identity seed and the same settings (impressionSeed included) always give the same
// image, bit for bit. Impressions of one identity seed are genuine pairs; different identity
// seeds are impostors.
//
// Speed: the identity (iris texture and skin) is built once per seed (15 - 50 ms) and kept in a
// small least-recently-used cache; a render then takes a few milliseconds on one core, so a
// preview stream reaches well over 30 frames per second at 640 x 480.
//
// Library: umbral_iris_synthesis (OpenCV only, no Qt). Namespace umbral::devices.

#include <cstdint>
#include <memory>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace umbral::devices {

/// An ellipse in image pixels (x to the right, y down).
struct EllipseGeometry {
    cv::Point2d centre;
    double semiAxisA = 0.0; ///< semi-axis along angleDeg
    double semiAxisB = 0.0; ///< semi-axis perpendicular to it
    double angleDeg = 0.0;  ///< direction of semi-axis A, degrees from +x toward +y

    /// Radius of the circle with the same area, sqrt(a * b).
    double meanRadius() const;
    /// Distance from the centre to the boundary in the direction `angleRad` (from +x toward +y).
    double radiusAt(double angleRad) const;
    /// The boundary point in the direction `angleRad` seen from the centre.
    cv::Point2d pointAt(double angleRad) const;
    /// True when `p` lies inside (or on) the ellipse.
    bool contains(cv::Point2d p) const;
};

/// An eyelid margin as a parabola y = apex.y + curvature * (x - apex.x)^2 (image pixels).
/// The upper lid has curvature > 0 (it is highest at the apex), the lower lid curvature < 0.
struct EyelidCurve {
    cv::Point2d apex;
    double curvature = 0.0;
    double yAt(double x) const { return apex.y + curvature * (x - apex.x) * (x - apex.x); }
};

/// Everything that varies from one impression to the next. The defaults are a good capture:
/// an eye centred in the frame, iris 236 px across, lids just touching the iris, light lashes,
/// two specular spots in the pupil, in focus, still, looking at the camera.
struct IrisImpressionSettings {
    // Where the eye is.
    double irisRadiusPx = 118.0;       ///< limbus radius at frontal gaze (distance to camera)
    cv::Point2d eyeOffsetPx{0.0, 0.0}; ///< offset of the eye centre from the frame centre
    double gazeYawDeg = 0.0;           ///< off-axis gaze, left (-) / right (+)
    double gazePitchDeg = 0.0;         ///< off-axis gaze, up (-) / down (+)

    // The iris itself.
    double pupilIrisRatio = 0.40; ///< pupil radius / iris radius (dilation), 0.15 - 0.80
    cv::Point2d pupilDecentration{
        0.02, 0.01}; ///< pupil centre offset from the iris centre, in iris radii
    double pupilIrregularity =
        0.0;                      ///< 0 = round pupil; 0.1 = boundary wobbles by 10 % of its radius
    double torsionDeg = 0.0;      ///< rotation of the iris pattern (head roll, cyclotorsion)
    double irisReflectance = 1.0; ///< NIR brightness of the iris; > 1 brings it toward the sclera

    // What covers it.
    double upperLidCover = 0.12; ///< share of the iris diameter hidden by the upper lid (0 = clear)
    double lowerLidCover =
        0.05;                 ///< share hidden by the lower lid; covers summing >= 1 close the eye
    double lashDensity = 0.3; ///< 0 = no lashes, 1 = heavy lashes hanging over the iris
    int specularCount = 2;    ///< reflections of the NIR illuminators, 0 - 4
    double specularRadiusPx = 5.0; ///< radius of each reflection

    // The camera.
    double defocusSigmaPx = 0.0;     ///< Gaussian defocus blur (sigma, pixels)
    double motionBlurPx = 0.0;       ///< length of linear motion blur (pixels)
    double motionBlurAngleDeg = 0.0; ///< its direction, degrees from +x toward +y
    double illumination = 1.0; ///< exposure gain: < 1 darker (0.05 is a dark frame), > 1 brighter
    double noiseSigma = 2.0;   ///< sensor noise, grey levels

    std::uint64_t impressionSeed = 0; ///< varies lash placement, speculars and noise
};

/// The ground truth of one rendered impression.
struct IrisImpressionTruth {
    bool eyeOpen = true;    ///< false when the lids meet and no iris is visible
    EllipseGeometry pupil;  ///< pupil boundary (best-fit ellipse if irregular)
    EllipseGeometry limbus; ///< iris / sclera boundary
    EyelidCurve upperLid;
    EyelidCurve lowerLid;
    double torsionDeg = 0.0;
    double gazeYawDeg = 0.0;
    double gazePitchDeg = 0.0;
    double gazeAngleDeg = 0.0; ///< angle between gaze and camera axis
    std::vector<cv::Point2d> specularCentres;
    double specularRadiusPx = 0.0;
    /// CV_8U, 255 where iris texture is visible (inside the limbus, outside the pupil, between the
    /// lids, not under a lash or a reflection). Empty unless RenderOptions::withUsableIrisMask.
    cv::Mat usableIrisMask;
};

/// One rendered frame and its truth.
struct SyntheticEye {
    cv::Mat image; ///< CV_8UC1, 640 x 480
    IrisImpressionTruth truth;
};

struct RenderOptions {
    bool withUsableIrisMask = false; ///< also compute IrisImpressionTruth::usableIrisMask
};

/// Ready-made capture conditions, each one degradation on top of natural variation. Used by
/// the simulated camera's scripting API and by tests.
enum class IrisQualityProfile {
    Good,          ///< in focus, centred, open eye, looking at the camera
    Defocused,     ///< strong defocus
    MotionBlurred, ///< the traveler moved during exposure
    Squinting,     ///< lids cover most of the iris
    HeavyLashes,   ///< lashes hang over the upper iris
    OffAxisGaze,   ///< looking past the camera
    TooFar,        ///< iris under 150 px across
    OffCentre,     ///< eye near the frame edge
    Dark,          ///< badly under-exposed
    Saturated,     ///< over-exposed
    EyeClosed      ///< lids shut
};

/// A printable name ("good", "defocused", ...) and its inverse (false on an unknown name).
std::string profileName(IrisQualityProfile profile);
bool profileFromName(const std::string& name, IrisQualityProfile& profile);

/// Settings for `profile`, with natural variation (dilation, torsion, placement, lids, lashes,
/// speculars, noise) drawn from `impressionSeed`. Deterministic in its arguments.
IrisImpressionSettings impressionSettings(IrisQualityProfile profile, std::uint64_t impressionSeed);

/// Renders synthetic eyes. Keeps the identities it has built in a small LRU cache. Not
/// thread-safe: give each thread (each simulated camera) its own instance.
class IrisSynthesizer {
public:
    static constexpr int kFrameWidth = 640;
    static constexpr int kFrameHeight = 480;

    explicit IrisSynthesizer(std::size_t identityCacheCapacity = 8);
    ~IrisSynthesizer();
    IrisSynthesizer(IrisSynthesizer&&) noexcept;
    IrisSynthesizer& operator=(IrisSynthesizer&&) noexcept;
    IrisSynthesizer(const IrisSynthesizer&) = delete;
    IrisSynthesizer& operator=(const IrisSynthesizer&) = delete;

    /// Renders identity `identitySeed` under `settings`. Settings out of range are clamped to
    /// the documented ranges; never throws on settings.
    SyntheticEye render(std::uint64_t identitySeed, const IrisImpressionSettings& settings,
                        const RenderOptions& options = {});

    /// The identity's iris pattern in normalised polar form (rows: pupil boundary to limbus,
    /// columns: angle 0 - 360 degrees), CV_32F grey levels. For inspection and tests.
    cv::Mat irisTexture(std::uint64_t identitySeed);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace umbral::devices
