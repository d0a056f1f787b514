#include "app/biometrics/fingerprint/slap/slap_foreground.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace umbral::biometrics::slap_detail {

namespace {
/// A region's outline: where its log energy falls this far below its upper quartile.
constexpr double kOutlineDrop = 2.3;
/// A region is ridge texture only when its typical (upper quartile) log energy stands this far
/// above the background (the image's lower quartile, which no finger reaches): a factor of two
/// in energy. Sensor noise on an empty platen is
/// a single population whose blobs never reach that.
constexpr double kMinContrastOverBackground = 0.7;
/// ...and when its band-pass amplitude reaches about 2 grey levels RMS (log(1 + 2^2)): below
/// that no ridge could be followed anyway.
constexpr double kMinRidgeLogEnergy = 1.61;
} // namespace

RidgeTexture ridgeTexture(const cv::Mat& grey500) {
    RidgeTexture out;
    // Half resolution is enough: ridges repeat every 8-12 px at 500 ppi, 4-6 px here, still well
    // above the 2 px limit, and the work drops fourfold (the preview scores slaps live).
    cv::Mat half;
    cv::resize(grey500, half, cv::Size(), RidgeTexture::kScale, RidgeTexture::kScale,
               cv::INTER_AREA);
    half.convertTo(half, CV_32F);

    // Band-pass at the ridge frequency (difference of Gaussians): a bright or unevenly lit
    // background and slow smudges fall below the band, pixel noise mostly above it. What is left
    // is ridge contrast, even in a blurred or faint print.
    cv::Mat fine, coarse;
    cv::GaussianBlur(half, fine, cv::Size(0, 0), 0.8);
    cv::GaussianBlur(half, coarse, cv::Size(0, 0), 2.4);
    cv::Mat band = fine - coarse;
    cv::Mat energy = band.mul(band);
    // Average over about two ridge periods so the energy does not dip between ridges.
    cv::boxFilter(energy, energy, -1, cv::Size(9, 9));
    cv::log(energy + 1.0f, energy);
    out.energy = energy;

    // Threshold on the log energy. Otsu's method separates the two populations, background and
    // ridges, whatever the exposure; but a faint finger (light touch, dry skin) sits between
    // them and Otsu's cut, set by the strong fingers, would miss it. So the cut is lowered to
    // what the background's own spread allows: its median plus 3.5 robust deviations (from the
    // lower half, which no finger reaches).
    double lo, hi;
    cv::minMaxLoc(energy, &lo, &hi);
    const double span = std::max(1e-6, hi - lo);
    cv::Mat levels;
    energy.convertTo(levels, CV_8U, 255.0 / span, -lo * 255.0 / span);
    cv::Mat mask;
    const double otsu =
        lo +
        cv::threshold(levels, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU) * span / 255.0;
    // Quantiles from a fine histogram of the log energy (exact to a 1/1024 of its range).
    constexpr int kBins = 1024;
    std::vector<int> histogram(kBins, 0);
    for (int y = 0; y < energy.rows; ++y) {
        const float* e = energy.ptr<float>(y);
        for (int x = 0; x < energy.cols; ++x)
            ++histogram[std::min(kBins - 1, static_cast<int>((e[x] - lo) / span * kBins))];
    }
    auto quantile = [&](double q) {
        const double target = q * static_cast<double>(energy.total());
        double run = 0;
        for (int b = 0; b < kBins; ++b) {
            run += histogram[static_cast<size_t>(b)];
            if (run >= target)
                return lo + (b + 0.5) * span / kBins;
        }
        return hi;
    };
    const double median = quantile(0.5), lowerQuartile = quantile(0.25);
    // The lower half's median distance from the median: the median of that half is the
    // quarter quantile.
    const double sigma = 1.4826 * (median - lowerQuartile);
    out.threshold = std::min(otsu, median + 3.5 * sigma);
    cv::compare(energy, out.threshold, mask, cv::CMP_GT);

    // That low cut finds every finger but draws each too wide, and lets fingers pressed close
    // together run into one. Each region is therefore drawn again at its own level: where its
    // energy falls to a fixed fraction of its own typical (upper quartile) energy. A strong and
    // a faint finger get the same kind of outline, and the dip between two touching fingers
    // separates them.
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    cv::Mat drawn(mask.size(), CV_8U, cv::Scalar(0));
    for (int c = 1; c < n; ++c) {
        if (stats.at<int>(c, cv::CC_STAT_AREA) < 200)
            continue;
        const cv::Rect box(stats.at<int>(c, cv::CC_STAT_LEFT), stats.at<int>(c, cv::CC_STAT_TOP),
                           stats.at<int>(c, cv::CC_STAT_WIDTH),
                           stats.at<int>(c, cv::CC_STAT_HEIGHT));
        std::vector<int> inside(256, 0);
        for (int y = box.y; y < box.y + box.height; ++y) {
            const int* l = labels.ptr<int>(y);
            const uchar* v = levels.ptr<uchar>(y);
            for (int x = box.x; x < box.x + box.width; ++x)
                if (l[x] == c)
                    ++inside[v[x]];
        }
        const double target = 0.75 * stats.at<int>(c, cv::CC_STAT_AREA);
        int level = 0;
        for (double run = 0; level < 255 && (run += inside[static_cast<size_t>(level)]) < target;)
            ++level;
        const double upperQuartile = lo + (level + 0.5) * span / 255.0;
        // Otsu's method always finds two classes, even on an empty platen where there is only
        // noise; a region must stand out from the background to be a finger at all.
        if (upperQuartile < lowerQuartile + kMinContrastOverBackground ||
            upperQuartile < kMinRidgeLogEnergy)
            continue;
        const double own = std::max(out.threshold, upperQuartile - kOutlineDrop);
        for (int y = box.y; y < box.y + box.height; ++y) {
            const int* l = labels.ptr<int>(y);
            const float* e = energy.ptr<float>(y);
            uchar* d = drawn.ptr<uchar>(y);
            for (int x = box.x; x < box.x + box.width; ++x)
                if (l[x] == c && e[x] > own)
                    d[x] = 255;
        }
    }
    mask = drawn;

    // Clean: close the breaks of dry or faint ridges, drop specks, fill holes.
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(9, 9)));
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(7, 7)));
    cv::Mat holes = mask.clone();
    cv::Mat border(holes.rows + 2, holes.cols + 2, CV_8U, cv::Scalar(0));
    holes.copyTo(border(cv::Rect(1, 1, holes.cols, holes.rows)));
    cv::floodFill(border, cv::Point(0, 0), cv::Scalar(255));
    cv::Mat outside = border(cv::Rect(1, 1, holes.cols, holes.rows));
    mask |= ~outside;
    out.mask = mask;
    return out;
}

} // namespace umbral::biometrics::slap_detail
