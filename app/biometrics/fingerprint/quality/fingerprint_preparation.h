#pragma once

// Bringing a fingerprint image to what NFIQ 2 measures: 8-bit grey, 500 ppi, the near-white
// frame trimmed, within NIST's size limits.

#include <opencv2/core.hpp>

namespace umbral::biometrics {

/// NIST's limits after trimming (FingerJet FX): at most 800 wide and 1000 high.
inline constexpr int kMaxFingerprintWidth = 800;
inline constexpr int kMaxFingerprintHeight = 1000;
/// Smaller than this in either dimension, the minutiae extractor sees a copy padded with white
/// to this size (NIST pads the same way); the other measures use the image as it is.
inline constexpr int kMinutiaeMinimumSide = 196;

struct PreparedFingerprint {
    cv::Mat image;            ///< 8-bit grey, 500 ppi, near-white frame trimmed (may be a view)
    double sourcePpi = 500.0; ///< resolution of the input
    bool resampled = false;   ///< true when the input was not 500 ppi and was resampled
    cv::Size sourceSize;      ///< size of the input
    cv::Rect trimmed;         ///< the kept rectangle, in 500 ppi coordinates
    bool paddedForMinutiae = false; ///< smaller than 196 pixels: padded with white for minutiae
};

/// Checks and prepares `image` (see requireGrey8): resamples from `ppi` to 500 ppi (area or cubic
/// interpolation), trims rows and columns at the edges whose mean grey level exceeds 250 (NIST's
/// copyRemovingNearWhiteFrame), then applies NIST's size limits.
/// Throws BiometricError: EmptyImage / NotGrey / UnsupportedDepth for the wrong kind of image,
/// BadResolution for a ppi outside 100..5000, NoSignal when every row or column is near white,
/// TooLarge beyond 800 x 1000 after trimming, TooSmall when the trimmed image cannot hold the 10
/// local regions NFIQ 2 needs.
PreparedFingerprint prepareFingerprint(const cv::Mat& image, double ppi = 500.0);

/// The prepared image padded on the right and bottom with white to at least 196 x 196, as the
/// minutiae extractor needs it (returns the image itself when already large enough).
cv::Mat paddedForMinutiae(const cv::Mat& prepared);

} // namespace umbral::biometrics
