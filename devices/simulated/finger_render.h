#pragma once

// Stage 2 of the generator (internal header): one finger's impression, and the image that
// finger impressions compose into.

#include "devices/simulated/finger_synthesis.h"

#include <cstdint>

namespace umbral::devices::finger_detail {

/// Where a master lands in the output image.
struct FingerPose {
    cv::Point2d centre;       ///< output pixel where the master's pad centre lands
    double rotationDeg = 0.0; ///< clockwise, 0 = finger pointing up
};

/// One finger rendered into a region of the output image.
struct RenderedFinger {
    cv::Rect roi;        ///< region of the output image this finger covers
    cv::Mat darkness;    ///< CV_32F in [0, 1] over roi: 1 = ridge in full contact
    cv::Mat contact;     ///< CV_32F in [0, 1] over roi: skin touching the glass
    cv::RotatedRect box; ///< axis-aligned-to-finger box of contact > 0.5 (image pixels)
    double contactAreaPx = 0.0;
};

/// Choices a caller makes instead of the random draw.
struct RenderOptions {
    /// Partial contact: direction (radians, master canvas, y down) towards the side that lifts
    /// off; negative = drawn at random.
    double liftDirectionRad = -1.0;
};

/// Renders `master` at `pose` into an image of `outputSize` with the finger-level knobs of
/// `quality` (pressure, contact, dryness, wetness, distortion). `seed` draws the distortion,
/// the contact edge and the skin-condition noise.
RenderedFinger renderFinger(const MasterFingerprint& master, const FingerPose& pose,
                            const FingerQuality& quality, cv::Size outputSize, std::uint64_t seed,
                            const RenderOptions& options = {});

/// The optical image before the sensor: accumulated ridge darkness and contact (CV_32F [0, 1],
/// output size) with background shading and the image-level knobs of `quality` (contrast,
/// blur, motion). CV_32F grey levels, not yet clipped to 0-255. `sceneSeed` fixes the
/// background and the direction of motion.
cv::Mat composeOptics(const cv::Mat& darkness, const cv::Mat& contact, const FingerQuality& quality,
                      std::uint64_t sceneSeed);

/// One exposure of an optical image: the sensor's grain and speckle drawn from `noiseSeed`
/// (their strength from quality.noise), saturated to the 8-bit scanner image. A preview changes
/// only the noise seed from frame to frame.
cv::Mat exposeSensor(const cv::Mat& optics, const FingerQuality& quality, std::uint64_t noiseSeed);

/// Adds `finger` into full-size accumulators (darkness and contact, CV_32F, output size) by
/// maximum, as prints of several fingers overlap on the glass.
void accumulate(const RenderedFinger& finger, cv::Mat& darkness, cv::Mat& contact);

} // namespace umbral::devices::finger_detail
