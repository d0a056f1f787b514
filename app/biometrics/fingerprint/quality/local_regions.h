#pragma once

// Internal building blocks shared by the NFIQ 2 local-region measures (FDA, LCS, OF, RVUP, OCL).
// Not part of the public API of umbral_finger_quality.

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace umbral::biometrics::detail {

/// ISO/IEC 29794-4 local region: 32 x 32 pixels at 500 ppi (about two ridges).
inline constexpr int kLocalRegion = 32;
/// Border added around a local region so that a 32 x 16 slanted block, rotated by any angle,
/// stays inside the window: ceil(sqrt(32^2 + 16^2)) = 36, i.e. 2 pixels each side.
inline constexpr int kWindowBorder = 2;
inline constexpr int kWindow = kLocalRegion + 2 * kWindowBorder;

/// Second moments of the grey-level gradient of one block (finite differences: forward at the
/// edges, centred inside; gx along columns, gy along rows), averaged over the block.
struct GradientMoments {
    double gxx = 0.0; ///< mean of gx^2
    double gyy = 0.0; ///< mean of gy^2
    double gxy = 0.0; ///< mean of gx*gy
};

/// Moments of a `size` x `size` block of an 8-bit image. Exact: the sums are integers.
GradientMoments gradientMoments(const cv::Mat& grey8, cv::Rect block);

/// Orientation (radians, (-pi/2, pi/2]) of the line perpendicular to the ridges, from the moments,
/// exactly as NFIQ 2's ridgeorient().
double ridgeOrientation(const GradientMoments& m);

/// The grid of local regions that FDA, LCS, OF and RVUP walk: blocks of 32 x 32 starting 2 pixels
/// in from the top-left corner, as many as leave a 2-pixel border inside the image.
struct LocalRegionGrid {
    int rows = 0;
    int cols = 0;
    /// Ridge segmentation: every pixel of the block lies in a 32 x 32 segmentation block whose
    /// normalised grey-level standard deviation exceeds 0.1.
    std::vector<std::uint8_t> foreground;
    /// Ridge orientation of every block (foreground or not).
    std::vector<double> orientation;

    bool isForeground(int r, int c) const { return foreground[r * cols + c] != 0; }
    double orientationAt(int r, int c) const { return orientation[r * cols + c]; }
    /// Top-left corner of block (r, c) in the image.
    static cv::Point origin(int r, int c) {
        return {kWindowBorder + c * kLocalRegion, kWindowBorder + r * kLocalRegion};
    }
    /// The 36 x 36 window around block (r, c): the block and its 2-pixel border.
    static cv::Rect window(int r, int c) {
        const cv::Point o = origin(r, c);
        return {o.x - kWindowBorder, o.y - kWindowBorder, kWindow, kWindow};
    }
};

LocalRegionGrid computeLocalRegionGrid(const cv::Mat& grey8);

/// Samples the rotated window `window` of `image` as NIST's getRotatedBlock() produces it:
/// cv::warpAffine(window grown by `pad` pixels, getRotationMatrix2D(centre of the grown window,
/// degrees, 1), window size, INTER_NEAREST, BORDER_CONSTANT 0), but only the output rectangle
/// `crop` (in output coordinates), into `out` (row-major, crop.area() bytes).
/// NIST grows the window with cv::copyMakeBorder(BORDER_CONSTANT) on a view into the image, and
/// OpenCV then takes the border from the surrounding image pixels, not zeros (zeros only outside
/// the image). Bit-exact with OpenCV's fixed-point nearest-neighbour warp, and far cheaper than
/// warping whole windows.
void sampleRotatedWindow(const cv::Mat& image, cv::Rect window, int pad, double angleRadians,
                         cv::Rect crop, std::uint8_t* out);

/// NFIQ 2's ridge/valley profile of a vertically-aligned block: the mean of each column, a
/// least-squares line through those means (coefficients rounded to 1e-10 as NIST does), and
/// for each column whether its mean lies below the line (ridge = 1).
struct RidgeValleyProfile {
    std::vector<double> columnMean;
    std::vector<double> trend;
    std::vector<std::uint8_t> ridge;
};
RidgeValleyProfile ridgeValleyProfile(const std::uint8_t* block, int rows, int cols);

} // namespace umbral::biometrics::detail
