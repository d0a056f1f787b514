// Pupil localisation: a dark-blob seed on a reduced frame, then radial edges at full resolution.
#include "app/biometrics/iris/iris_segmentation.h"
#include "app/biometrics/iris/segmentation_steps.h"

#include <algorithm>
#include <array>
#include <opencv2/imgproc.hpp>

namespace umbral::biometrics::iris_detail {

namespace {

double median(std::vector<double> v) {
    if (v.empty())
        return kNaN;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

// Median grey level on a circle: reflections inside the pupil do not move it.
double ringMedian(const cv::Mat& img, cv::Point2f c, double radius, int samples) {
    std::vector<double> v;
    v.reserve(static_cast<std::size_t>(samples));
    for (int i = 0; i < samples; ++i) {
        const double a = 2.0 * kPi * i / samples;
        const double s =
            sampleBilinear(img, c.x + radius * std::cos(a), c.y + radius * std::sin(a));
        if (!std::isnan(s))
            v.push_back(s);
    }
    return static_cast<int>(v.size()) > samples / 3 ? median(v) : kNaN;
}

int percentile(const std::array<int, 256>& hist, int total, double q) {
    const int target = static_cast<int>(q * total);
    int acc = 0;
    for (int v = 0; v < 256; ++v) {
        acc += hist[v];
        if (acc > target)
            return v;
    }
    return 255;
}

} // namespace

bool findPupilSeed(const cv::Mat& image, PupilSeed& seed) {
    // Work near 320 px wide: the pupil stays tens of pixels across and everything is 4x cheaper.
    const int factor =
        std::max(1, static_cast<int>(std::lround(std::max(image.cols, image.rows) / 320.0)));
    cv::Mat small;
    if (factor > 1)
        cv::resize(image, small, cv::Size(image.cols / factor, image.rows / factor), 0, 0,
                   cv::INTER_AREA);
    else
        small = image;
    cv::medianBlur(small, small, 5);

    std::array<int, 256> hist{};
    for (int y = 0; y < small.rows; ++y) {
        const uchar* p = small.ptr<uchar>(y);
        for (int x = 0; x < small.cols; ++x)
            ++hist[p[x]];
    }
    const int total = static_cast<int>(small.total());
    // After the median filter the darkest 0.1 % is pupil whenever a pupil is in view (even one
    // only 30 px across is 0.2 % of a 640 x 480 frame).
    const int dark = percentile(hist, total, 0.001);
    const int mid = percentile(hist, total, 0.5);
    if (mid - dark < 15)
        return false;

    // A usable iris is at least 150 px across in a 640 px frame with the pupil at least a fifth
    // of it: pupils under 2 % of the frame's size are not pupils (text, nostrils, lash clumps).
    const double rMin = std::max(3.0, 0.02 * std::max(image.cols, image.rows) / factor);
    const double rMax = 0.35 * std::min(image.cols, image.rows) / factor;
    const int k = 2 * std::max(1, static_cast<int>(std::lround(rMin * 0.6))) + 1;
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k));

    double bestScore = 0.0;
    for (const double share : {0.10, 0.18, 0.28, 0.40}) {
        const double t = dark + share * (mid - dark);
        cv::Mat bin = small <= t;
        // Closing first fills the bites that reflections take out of the pupil's edge; opening
        // then removes lashes and other thin dark structures.
        cv::morphologyEx(bin, bin, cv::MORPH_CLOSE, kernel);
        cv::morphologyEx(bin, bin, cv::MORPH_OPEN, kernel);
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(bin, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        for (const auto& contour : contours) {
            const double area = cv::contourArea(contour);
            if (area < 0.5 * kPi * rMin * rMin || area > kPi * rMax * rMax)
                continue;
            cv::Point2f centre;
            float enclosing = 0.0F;
            cv::minEnclosingCircle(contour, centre, enclosing);
            std::vector<cv::Point> hull;
            cv::convexHull(contour, hull);
            const double fill = area / (kPi * enclosing * enclosing);
            const double solidity = area / std::max(1.0, cv::contourArea(hull));
            if (fill < 0.45 || solidity < 0.8)
                continue;
            const double req = std::sqrt(area / kPi);
            // The blob's own centre of mass is steadier than the enclosing circle's when a lid
            // or a reflection bites into it.
            const cv::Moments m = cv::moments(contour);
            const cv::Point2f com(static_cast<float>(m.m10 / m.m00),
                                  static_cast<float>(m.m01 / m.m00));
            const double inside = ringMedian(small, com, 0.4 * req, 24);
            const double around = ringMedian(small, com, 1.6 * req, 32);
            if (std::isnan(inside) || std::isnan(around))
                continue;
            const double contrast = around - inside;
            if (contrast < 20.0 || inside > t + 10.0)
                continue;
            // The pupil is the darkest thing in the eye; a blob that swallowed the iris around it
            // (at a high threshold) is round too but much less dark on average.
            const cv::Rect box = cv::boundingRect(contour);
            cv::Mat blobMask = cv::Mat::zeros(box.size(), CV_8U);
            cv::drawContours(blobMask, std::vector<std::vector<cv::Point>>{contour}, 0,
                             cv::Scalar(255), cv::FILLED, cv::LINE_8, cv::noArray(), 0, -box.tl());
            const double blobMean = cv::mean(small(box), blobMask)[0];
            const double darkness =
                std::clamp(1.0 - (blobMean - dark) / (0.5 * (mid - dark)), 0.0, 1.0);
            const double score = fill * solidity * std::min(1.0, contrast / 60.0) * darkness;
            if (score > bestScore) {
                bestScore = score;
                seed.centre = {(com.x + 0.5) * factor - 0.5, (com.y + 0.5) * factor - 0.5};
                seed.radius = req * factor;
                seed.darkThreshold = t;
            }
        }
    }
    return bestScore >= 0.3;
}

namespace {

struct RayEdge {
    bool found = false;
    double radius = 0.0;
    double slope = 0.0; // grey levels per pixel at the edge
};

// The strongest dark-to-bright edge along one ray, in [r0, r1] (pixels from `c`).
RayEdge rayEdge(const cv::Mat& img, cv::Point2d c, double angle, double r0, double r1,
                double darkLevel, double minStep) {
    constexpr double kStep = 0.5;
    const double ca = std::cos(angle);
    const double sa = std::sin(angle);
    r0 = std::max(r0, 1.0);
    const int n = static_cast<int>((r1 - r0) / kStep) + 1;
    if (n < 12)
        return {};
    std::vector<double> prof(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double r = r0 + i * kStep;
        prof[i] = sampleBilinear(img, c.x + r * ca, c.y + r * sa);
        if (std::isnan(prof[i]))
            return {};
    }
    int best = -1;
    double bestD = 0.0;
    for (int i = 2; i + 2 < n; ++i) {
        const double d = prof[i + 2] - prof[i - 2]; // over 2 px
        if (d > bestD) {
            bestD = d;
            best = i;
        }
    }
    if (best < 6 || best + 6 >= n)
        return {};
    const double inner = prof[best - 6];
    const double outer = prof[best + 6];
    if (outer - inner < minStep || inner > darkLevel)
        return {};
    for (int i = std::max(0, best - 10); i < std::min(n, best + 11); ++i)
        if (prof[i] >= 230.0) // a specular reflection on the boundary
            return {};
    // The edge is the centroid of the gradient's upper half around the peak: the same as the
    // peak for a sharp edge, and the middle of the ramp (not a random point on its flat top)
    // when motion blur has smeared the edge into a ramp.
    double wSum = 0.0;
    double iSum = 0.0;
    for (int i = best; i >= 2; --i) {
        const double d = prof[i + 2] - prof[i - 2];
        if (d < 0.5 * bestD)
            break;
        wSum += d;
        iSum += d * i;
    }
    for (int i = best + 1; i + 2 < n; ++i) {
        const double d = prof[i + 2] - prof[i - 2];
        if (d < 0.5 * bestD)
            break;
        wSum += d;
        iSum += d * i;
    }
    return {true, r0 + (iSum / wSum) * kStep, bestD / 2.0};
}

} // namespace

bool refinePupil(const cv::Mat& smoothed, const PupilSeed& seed, int rays, PupilBoundary& out) {
    // Grey levels inside and just outside the seed give the edge strength to expect.
    std::vector<double> insideSamples;
    std::vector<double> outsideSamples;
    for (int i = 0; i < 32; ++i) {
        const double a = 2.0 * kPi * i / 32;
        for (const double f : {0.0, 0.25, 0.5}) {
            const double v = sampleBilinear(smoothed, seed.centre.x + f * seed.radius * std::cos(a),
                                            seed.centre.y + f * seed.radius * std::sin(a));
            if (!std::isnan(v) && v < 200.0)
                insideSamples.push_back(v);
        }
        const double v = sampleBilinear(smoothed, seed.centre.x + 1.35 * seed.radius * std::cos(a),
                                        seed.centre.y + 1.35 * seed.radius * std::sin(a));
        if (!std::isnan(v))
            outsideSamples.push_back(v);
    }
    const double pupilGrey = median(insideSamples);
    const double surround = median(outsideSamples);
    if (std::isnan(pupilGrey) || std::isnan(surround) || surround - pupilGrey < 15.0)
        return false;
    const double darkLevel = pupilGrey + 0.45 * (surround - pupilGrey);
    const double minStep = std::max(10.0, 0.3 * (surround - pupilGrey));

    // Pass 1: 64 rays over a wide window around the seed.
    std::vector<cv::Point2d> points;
    for (int i = 0; i < 64; ++i) {
        const double a = 2.0 * kPi * i / 64;
        const RayEdge e = rayEdge(smoothed, seed.centre, a, 0.5 * seed.radius,
                                  1.6 * seed.radius + 4.0, darkLevel, minStep);
        if (e.found)
            points.emplace_back(seed.centre.x + e.radius * std::cos(a),
                                seed.centre.y + e.radius * std::sin(a));
    }
    BoundaryFit fit = fitBoundary(points, 16, 0.5 * seed.radius, 2.0 * seed.radius);
    if (!fit.ellipse.valid())
        return false;

    // Pass 2: `rays` rays from the fitted centre in a narrow window round the fitted boundary.
    const cv::Point2d c = fit.ellipse.centre;
    const double r = fit.ellipse.meanRadius();
    const double window = std::max(3.0, 0.15 * r);
    std::vector<double> rayRadius(static_cast<std::size_t>(rays), kNaN);
    std::vector<double> raySlope(static_cast<std::size_t>(rays), kNaN);
    std::vector<int> rayOf;
    points.clear();
    for (int i = 0; i < rays; ++i) {
        const double a = 2.0 * kPi * i / rays;
        const double predicted = fit.ellipse.radiusAt(a);
        const RayEdge e = rayEdge(smoothed, c, a, predicted - window - 3.0,
                                  predicted + window + 3.0, darkLevel, minStep);
        if (!e.found)
            continue;
        points.emplace_back(c.x + e.radius * std::cos(a), c.y + e.radius * std::sin(a));
        rayOf.push_back(i);
        rayRadius[i] = e.radius;
        raySlope[i] = e.slope;
    }
    fit = fitBoundary(points, std::max(16, rays / 4), 0.7 * r, 1.4 * r);
    if (!fit.ellipse.valid())
        return false;
    // Most of the boundary must be a clean edge on one ellipse; a dark blob that is not a
    // pupil (lash clump, nostril, text) rarely is.
    if (fit.inlierCount < 0.4 * rays ||
        fit.rmsResidual > std::max(1.5, 0.05 * fit.ellipse.meanRadius()))
        return false;
    for (std::size_t k = 0; k < rayOf.size(); ++k)
        if (!fit.inliers[k]) {
            rayRadius[rayOf[k]] = kNaN;
            raySlope[rayOf[k]] = kNaN;
        }
    // Radii are reported from the fitted centre.
    const cv::Point2d shift = fit.ellipse.centre - c;
    for (int i = 0; i < rays; ++i)
        if (!std::isnan(rayRadius[i])) {
            const double a = 2.0 * kPi * i / rays;
            const cv::Point2d p(c.x + rayRadius[i] * std::cos(a) - shift.x - c.x,
                                c.y + rayRadius[i] * std::sin(a) - shift.y - c.y);
            rayRadius[i] = std::hypot(p.x, p.y);
        }
    out.ellipse = fit.ellipse;
    out.rayRadius = std::move(rayRadius);
    const double step = surround - pupilGrey;
    out.raySharpness.assign(static_cast<std::size_t>(rays), kNaN);
    for (int i = 0; i < rays; ++i)
        if (!std::isnan(raySlope[i]))
            out.raySharpness[i] = raySlope[i] / step;
    out.pupilGrey = pupilGrey;
    out.surroundGrey = surround;
    return true;
}

} // namespace umbral::biometrics::iris_detail
