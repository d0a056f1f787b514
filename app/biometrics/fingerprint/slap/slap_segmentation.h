#pragma once

// Slap segmentation: a 4-finger slap (ANSI/NIST FGP 13 right, 14 left) or a two-thumb image
// (FGP 15) becomes one rotated box per fingertip, the number of fingers found, the hand, and an
// upright crop of each fingertip for quality scoring and matching, and on request each
// fingertip's NFIQ 2-compatible score (the preview path of umbral_finger_quality).
//
// Method (docs/fingerprint-quality.md, "Slap segmentation"): a ridge-texture map (band-pass energy
// at the ridge frequency, so a bright background, sensor noise and smudges do not count),
// thresholded by Otsu's method and cleaned; its regions are split where two fingers touch, cut at
// the flexion crease, and regions lying below a fingertip along its axis (the phalanx under the
// crease) are set aside. Each fingertip's axis comes from the shape of its region; its box is the
// region's extent across and along that axis. Which hand: from the fingertip arc (the little finger
// is the narrowest and its tip stands lowest) when the image shows it clearly, otherwise from the
// slap kind the caller states.
//
// Contract: the count is the number of fingertips actually seen; a slap of 3 fingers is reported
// as 3, never padded to 4, and complete() tells the caller whether the slap has all its fingers.
// Boxes follow cv::RotatedRect's convention as the generator's do: size.width across the finger,
// size.height along it, angle in degrees clockwise from pointing up, in input image pixels.
//
// Pure: OpenCV and the standard library; errors at the boundary are BiometricError.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace umbral::biometrics {

/// What the caller says the image is. Values are the ANSI/NIST-ITL FGP codes where one exists.
enum class SlapKind : std::uint8_t {
    RightFour = 13, ///< right index, middle, ring, little
    LeftFour = 14,  ///< left index, middle, ring, little
    Thumbs = 15,    ///< both thumbs, left thumb on the left
    FourUnknownHand =
        40 ///< a 4-finger slap of a hand the caller does not know: told from the image
};

enum class Hand : std::uint8_t { Unknown, Right, Left, Both };

std::string toString(Hand hand);

struct SlapOptions {
    double ppi = 500.0;    ///< resolution of the input; other than 500 is resampled
    bool makeCrops = true; ///< cut out each fingertip upright (costs ~1 ms per finger)
    /// Score each fingertip (0-100, NFIQ 2-compatible unified score without minutiae, as the
    /// preview path scores a finger region; costs ~3-5 ms per finger).
    bool scoreFingers = false;
};

/// One fingertip found in the slap.
struct SegmentedFinger {
    /// ANSI/NIST FGP code 1-10 (1 right thumb .. 5 right little, 6 left thumb .. 10 left
    /// little); 0 when the position cannot be told.
    int position = 0;
    cv::RotatedRect box;        ///< in input pixels: width across, height along, angle clockwise
    cv::Mat crop;               ///< the box cut out with the tip up, 8-bit at 500 ppi
    double ridgeCoverage = 0.0; ///< share of the box showing ridge texture (0-1)
    /// The fingertip's quality score 0-100 when SlapOptions::scoreFingers asked for it (empty
    /// otherwise, or when the region held no print that could be scored).
    std::optional<int> score;
};

/// The result for one slap image.
struct SlapSegmentation {
    SlapKind statedKind = SlapKind::RightFour;
    int expectedFingers = 4;              ///< 4 for a slap, 2 for thumbs
    std::vector<SegmentedFinger> fingers; ///< left to right as seen in the image
    Hand hand = Hand::Unknown;            ///< Both for thumbs
    bool handFromImage = false;           ///< the image's geometry decided the hand
    /// False when the image clearly shows the other hand than the stated kind (for instance a
    /// left hand presented for a right slap); always true for thumbs and FourUnknownHand.
    bool handMatchesStatedKind = true;
    double resampledFrom = 500.0; ///< the input's ppi (500 when no resampling was done)

    int fingerCount() const noexcept { return static_cast<int>(fingers.size()); }
    /// True when every finger of the slap was found.
    bool complete() const noexcept { return fingerCount() == expectedFingers; }
};

/// Segments a slap. `image` is 8-bit grey, dark ridges on a light background, at `options.ppi`.
/// Throws BiometricError for empty, non-grey, non-8-bit, too small (under about 0.8 x 0.6 inch)
/// or too large (over 4 x 4 inches) images and for an absurd resolution. An image with no finger
/// gives an empty result, not an error.
SlapSegmentation segmentSlap(const cv::Mat& image, SlapKind stated,
                             const SlapOptions& options = {});

/// Intersection over union of two rotated boxes (0 when either is empty). For tests and tools.
double rotatedBoxIoU(const cv::RotatedRect& a, const cv::RotatedRect& b);

} // namespace umbral::biometrics
