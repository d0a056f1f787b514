#include "app/biometrics/fingerprint/quality/local_regions.h"

#include <cfloat>
#include <cmath>
#include <cstdint>

namespace umbral::biometrics::detail {

GradientMoments gradientMoments(const cv::Mat& grey8, cv::Rect block) {
    // Twice the finite differences are integers, so the sums below are exact and the result
    // does not depend on summation order (NIST sums doubles; the values agree bit for bit).
    const int w = block.width;
    const int h = block.height;
    std::int64_t sxx = 0, syy = 0, sxy = 0;
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* row = grey8.ptr<std::uint8_t>(block.y + y) + block.x;
        const std::uint8_t* up = grey8.ptr<std::uint8_t>(block.y + (y == 0 ? 0 : y - 1)) + block.x;
        const std::uint8_t* down =
            grey8.ptr<std::uint8_t>(block.y + (y == h - 1 ? h - 1 : y + 1)) + block.x;
        const int yScale = (y == 0 || y == h - 1) ? 2 : 1; // forward difference at the edges
        for (int x = 0; x < w; ++x) {
            const int left = row[x == 0 ? 0 : x - 1];
            const int right = row[x == w - 1 ? w - 1 : x + 1];
            const int xScale = (x == 0 || x == w - 1) ? 2 : 1;
            const std::int64_t gx2 = static_cast<std::int64_t>(right - left) * xScale;
            const std::int64_t gy2 = static_cast<std::int64_t>(down[x] - up[x]) * yScale;
            sxx += gx2 * gx2;
            syy += gy2 * gy2;
            sxy += gx2 * gy2;
        }
    }
    const double n4 = 4.0 * w * h;
    return {static_cast<double>(sxx) / n4, static_cast<double>(syy) / n4,
            static_cast<double>(sxy) / n4};
}

double ridgeOrientation(const GradientMoments& m) {
    // Same operations and order as NFIQ 2 so that the angle (and the nearest-neighbour
    // rotation that depends on it) is bit-identical.
    const double a = m.gxx, b = m.gyy, c = m.gxy;
    const double temp = a - b;
    const double denom = (c * c + temp * temp) + DBL_EPSILON;
    const double sin2theta = c / denom;
    const double cos2theta = temp / denom;
    return std::atan2(sin2theta, cos2theta) / 2;
}

namespace {

/// Ridge segmentation at block level: segmentation block (by, bx) covers pixels
/// [32*by, 32*by+32) x [32*bx, 32*bx+32) (clipped at the image edge) and is foreground when its
/// grey-level standard deviation, relative to the whole image's, exceeds 0.1 (NIST ridgesegment).
std::vector<std::uint8_t> segmentationBlocks(const cv::Mat& grey8, int blockRows, int blockCols) {
    std::vector<std::uint8_t> fg(static_cast<size_t>(blockRows) * blockCols, 0);
    std::uint64_t sum = 0, sumSq = 0;
    std::vector<std::uint64_t> bs(fg.size(), 0), bsq(fg.size(), 0);
    for (int y = 0; y < grey8.rows; ++y) {
        const std::uint8_t* row = grey8.ptr<std::uint8_t>(y);
        const int by = y / kLocalRegion;
        for (int x = 0; x < grey8.cols; ++x) {
            const std::uint64_t v = row[x];
            const size_t i = static_cast<size_t>(by) * blockCols + x / kLocalRegion;
            bs[i] += v;
            bsq[i] += v * v;
        }
    }
    for (size_t i = 0; i < fg.size(); ++i) {
        sum += bs[i];
        sumSq += bsq[i];
    }
    const double n = static_cast<double>(grey8.total());
    const double mean = static_cast<double>(sum) / n;
    const double globalStd = std::sqrt(std::max(0.0, static_cast<double>(sumSq) / n - mean * mean));
    if (!(globalStd > 0.0))
        return fg; // uniform image: NIST divides by zero and no block passes the threshold
    for (int by = 0; by < blockRows; ++by) {
        for (int bx = 0; bx < blockCols; ++bx) {
            const int h = std::min(kLocalRegion, grey8.rows - by * kLocalRegion);
            const int w = std::min(kLocalRegion, grey8.cols - bx * kLocalRegion);
            const double cnt = static_cast<double>(w) * h;
            const size_t i = static_cast<size_t>(by) * blockCols + bx;
            const double m = static_cast<double>(bs[i]) / cnt;
            const double var = std::max(0.0, static_cast<double>(bsq[i]) / cnt - m * m);
            fg[i] = std::sqrt(var) / globalStd > 0.1 ? 1 : 0;
        }
    }
    return fg;
}

} // namespace

LocalRegionGrid computeLocalRegionGrid(const cv::Mat& grey8) {
    LocalRegionGrid grid;
    // NIST: for (r = 2; r < rows - 33; r += 32), likewise for columns.
    const int limitR = grey8.rows - (kLocalRegion + kWindowBorder - 1);
    const int limitC = grey8.cols - (kLocalRegion + kWindowBorder - 1);
    for (int r = kWindowBorder; r < limitR; r += kLocalRegion)
        ++grid.rows;
    for (int c = kWindowBorder; c < limitC; c += kLocalRegion)
        ++grid.cols;
    if (grid.rows <= 0 || grid.cols <= 0) {
        grid.rows = grid.cols = 0;
        return grid;
    }
    const int segRows = (grey8.rows + kLocalRegion - 1) / kLocalRegion;
    const int segCols = (grey8.cols + kLocalRegion - 1) / kLocalRegion;
    const std::vector<std::uint8_t> seg = segmentationBlocks(grey8, segRows, segCols);
    auto segAt = [&](int by, int bx) -> bool {
        return by < segRows && bx < segCols && seg[static_cast<size_t>(by) * segCols + bx] != 0;
    };
    grid.foreground.assign(static_cast<size_t>(grid.rows) * grid.cols, 0);
    grid.orientation.assign(grid.foreground.size(), 0.0);
    for (int r = 0; r < grid.rows; ++r) {
        for (int c = 0; c < grid.cols; ++c) {
            // A local region offset by 2 pixels straddles up to 2 x 2 segmentation blocks; it is
            // foreground only if every pixel is (NIST allfun over the pixel mask).
            const cv::Point o = LocalRegionGrid::origin(r, c);
            const int by0 = o.y / kLocalRegion, by1 = (o.y + kLocalRegion - 1) / kLocalRegion;
            const int bx0 = o.x / kLocalRegion, bx1 = (o.x + kLocalRegion - 1) / kLocalRegion;
            const bool fg =
                segAt(by0, bx0) && segAt(by0, bx1) && segAt(by1, bx0) && segAt(by1, bx1);
            grid.foreground[static_cast<size_t>(r) * grid.cols + c] = fg ? 1 : 0;
            grid.orientation[static_cast<size_t>(r) * grid.cols + c] = ridgeOrientation(
                gradientMoments(grey8, cv::Rect(o.x, o.y, kLocalRegion, kLocalRegion)));
        }
    }
    return grid;
}

} // namespace umbral::biometrics::detail
