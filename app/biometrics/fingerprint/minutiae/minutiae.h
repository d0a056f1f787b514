#pragma once

// Fingerprint minutiae extraction at 500 ppi.
//
// Pipeline (one responsibility per file in this folder):
//   segmentation mask -> orientation field (doubled-angle averaging) -> ridge frequency ->
//   oriented Gabor enhancement -> binarisation -> thinning -> crossing-number minutiae ->
//   false-minutiae removal (border, spurs, short ridges, dots, bridges, broken ridges, clusters).
//
// Coordinates are pixels of the 500 ppi image, origin at the top-left corner, x to the right,
// y downwards (the ISO/IEC 19794-2 coordinate system). Directions follow ISO/IEC 19794-2:
// degrees counter-clockwise from the x axis as the image is viewed (so "up" is 90 degrees); a
// ridge ending points from the ending into its ridge, a bifurcation points between its two
// branches (along the valley they enclose).

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace umbral::biometrics {

/// Minutia type, with the ISO/IEC 19794-2 codes as values.
enum class MinutiaType : std::uint8_t {
    Other = 0,
    RidgeEnding = 1,
    Bifurcation = 2,
};

struct Minutia {
    float x = 0.0f; ///< column, pixels at 500 ppi
    float y = 0.0f; ///< row, pixels at 500 ppi
    float angleDeg =
        0.0f; ///< [0, 360), ISO direction convention, counter-clockwise from the x axis
    MinutiaType type = MinutiaType::Other;
    int quality = 0; ///< 0-100 (ISO/IEC 19794-2 minutia quality; 0 means "not reported")
};

struct MinutiaeExtractionOptions {
    /// Resolution of the input image. Anything else than 500 ppi is resampled to 500 ppi first;
    /// all outputs are then in the 500 ppi frame.
    double ppi = 500.0;
    /// Minimum distance in pixels of a kept minutia from the edge of the foreground mask.
    int borderMargin = 8;
};

/// Everything the extractor computed that a caller may want besides the minutiae.
struct MinutiaeExtraction {
    std::vector<Minutia> minutiae; ///< after false-minutiae removal, sorted by quality (best first)
    cv::Size imageSize;            ///< size of the 500 ppi image the coordinates refer to
    double ppi = 500.0;            ///< always 500
    /// Block fields, one value per blockSize x blockSize block of the 500 ppi image.
    int blockSize = 8;
    cv::Mat foreground;  ///< CV_8U, 255 = fingerprint area, 0 = background (per block)
    cv::Mat orientation; ///< CV_32F, ridge orientation in radians [0, pi), ISO convention
                         ///< (counter-clockwise from the x axis as viewed)
    cv::Mat coherence;   ///< CV_32F, 0..1 reliability of the orientation
    cv::Mat ridgePeriod; ///< CV_32F, local ridge period in pixels (0 outside the foreground)
    /// Per-pixel results, size imageSize.
    cv::Mat foregroundMask;          ///< CV_8U, 255 = fingerprint area
    cv::Mat skeleton;                ///< CV_8U, 255 on the thinned ridges
    double foregroundFraction = 0.0; ///< share of the image covered by the fingerprint
};

/// Extracts the minutiae of one fingerprint image (8-bit grey, a single finger, ridges dark).
/// A blank image or one without ridge structure is not an error: the result then has no
/// minutiae and foregroundFraction 0 (callers that need minutiae refuse it with a reason).
/// Throws BiometricError for input that is not an 8-bit grey image (EmptyImage, NotGrey,
/// UnsupportedDepth), is below 64 x 64 or above 4096 x 4096 pixels at 500 ppi (TooSmall,
/// TooLarge), or has an absurd resolution (BadResolution). Thread-safe (no shared state).
MinutiaeExtraction extractMinutiae(const cv::Mat& grey500ppi,
                                   const MinutiaeExtractionOptions& options = {});

/// Converts an ISO direction in degrees to the image-frame angle in radians used by the matcher
/// (y downwards: a vector (cos a, sin a) in pixel coordinates). Exposed for drawing and tests.
float isoDegreesToImageRadians(float angleDeg);
/// The inverse of isoDegreesToImageRadians, normalised to [0, 360).
float imageRadiansToIsoDegrees(float angleRad);

} // namespace umbral::biometrics
