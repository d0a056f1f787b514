// Limbus localisation: Daugman's integro-differential search for the circle of strongest
// radial gradient, carried out in a polar image about the pupil, then per-ray edges and a
// robust fit.
#include "app/biometrics/iris/segmentation_steps.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace umbral::biometrics::iris_detail {

namespace {

constexpr int kAngles = 128;

// Largest pupil decentration searched, as a share of the iris radius. Real pupils sit within a
// few percent of the iris centre, off-axis gaze included (both boundaries are foreshortened
// alike); ISO/IEC 29794-6 wants concentricity >= 90, i.e. an offset under 0.10.
constexpr double kMaxDecentration = 0.15;

// How far inside a candidate boundary its inside grey level is read (px).
constexpr int kInsideOffset = 6;

// grey(k, j): the smoothed frame along ray k at radius r0 + j (1 px steps); NaN outside.
struct PolarImage {
    cv::Point2d centre;
    cv::Matx22d shape = cv::Matx22d::eye(); // ray k samples centre + r * shape * (cos, sin)
    double r0 = 0.0;
    int radii = 0;
    std::vector<float> grey;          // kAngles x radii
    std::vector<float> greyOrZero;    // grey with 0 where unknown, for branch-free sums
    std::vector<float> gradient;      // grey(j + 2) - grey(j - 2), specular-suppressed, 0 unknown
    std::vector<unsigned char> known; // 1 where the gradient is known (inside the image)
    std::vector<double> cosA;
    std::vector<double> sinA;

    float g(int k, int j) const { return grey[static_cast<std::size_t>(k) * radii + j]; }
    float d(int k, int j) const { return gradient[static_cast<std::size_t>(k) * radii + j]; }
};

PolarImage polarAbout(const cv::Mat& img, cv::Point2d centre, double r0, double r1,
                      const cv::Matx22d& shape = cv::Matx22d::eye()) {
    PolarImage p;
    p.centre = centre;
    p.shape = shape;
    p.r0 = r0;
    p.radii = std::max(8, static_cast<int>(r1 - r0) + 1);
    p.grey.assign(static_cast<std::size_t>(kAngles) * p.radii,
                  std::numeric_limits<float>::quiet_NaN());
    p.gradient.assign(p.grey.size(), 0.0F);
    p.greyOrZero.assign(p.grey.size(), 0.0F);
    p.known.assign(p.grey.size(), 0);
    p.cosA.resize(kAngles);
    p.sinA.resize(kAngles);
    for (int k = 0; k < kAngles; ++k) {
        const double a = 2.0 * kPi * k / kAngles;
        const double ca = std::cos(a);
        const double sa = std::sin(a);
        p.cosA[k] = ca;
        p.sinA[k] = sa;
        float* row = &p.grey[static_cast<std::size_t>(k) * p.radii];
        for (int j = 0; j < p.radii; ++j)
            row[j] = static_cast<float>(
                sampleBilinear(img, centre.x + (r0 + j) * (shape(0, 0) * ca + shape(0, 1) * sa),
                               centre.y + (r0 + j) * (shape(1, 0) * ca + shape(1, 1) * sa)));
        float* grad = &p.gradient[static_cast<std::size_t>(k) * p.radii];
        unsigned char* ok = &p.known[static_cast<std::size_t>(k) * p.radii];
        float* g0 = &p.greyOrZero[static_cast<std::size_t>(k) * p.radii];
        for (int j = 0; j < p.radii; ++j)
            g0[j] = std::isnan(row[j]) ? 0.0F : row[j];
        for (int j = 2; j + 2 < p.radii; ++j) {
            const float in = row[j - 2];
            const float out = row[j + 2];
            if (std::isnan(in) || std::isnan(out))
                continue;
            // A reflection gives a huge gradient that is not the limbus.
            grad[j] = (out >= 235.0F || in >= 235.0F) ? 0.0F : out - in;
            ok[j] = 1;
        }
    }
    return p;
}

// Mean gradient along the circle (centre + (dx, dy), radius R) over the angles `ks`, sampled in
// a polar image about the pupil: the boundary radius along ray k is the ray/circle intersection.
// `inside` receives the mean grey level just inside the circle.
double circleScore(const PolarImage& p, const std::vector<int>& ks, double dx, double dy, double R,
                   int& valid, double& inside) {
    double sum = 0.0;
    double in = 0.0;
    valid = 0;
    for (const int k : ks) {
        const double along = dx * p.cosA[k] + dy * p.sinA[k];
        const double perp = dx * p.sinA[k] - dy * p.cosA[k];
        const double disc = R * R - perp * perp;
        if (disc <= 0.0)
            continue;
        const int j = static_cast<int>(std::lround(along + std::sqrt(disc) - p.r0));
        if (j < kInsideOffset || j + 2 >= p.radii)
            continue;
        if (!p.known[static_cast<std::size_t>(k) * p.radii + j])
            continue;
        sum += p.d(k, j);
        in += p.greyOrZero[static_cast<std::size_t>(k) * p.radii + j - kInsideOffset];
        ++valid;
    }
    inside = valid > 0 ? in / valid : 0.0;
    return valid > 0 ? sum / valid : 0.0;
}

// A limbus has iris on its inside: a circle whose inside is much brighter than the iris next to
// the pupil (skin or sclera beyond an eye corner or a lid) is not one, however strong its edge.
double irisInsideWeight(double inside, double irisGrey) {
    return std::clamp(1.0 - (inside - irisGrey - 50.0) / 50.0, 0.0, 1.0);
}

struct PeakEdge {
    bool found = false;
    double radius = 0.0;
    double strength = 0.0;
};

PeakEdge peakNear(const PolarImage& p, int k, double predicted, double window) {
    const int j0 = std::max(2, static_cast<int>(std::floor(predicted - window - p.r0)));
    const int j1 = std::min(p.radii - 3, static_cast<int>(std::ceil(predicted + window - p.r0)));
    int best = -1;
    float bestV = 0.0F;
    for (int j = j0; j <= j1; ++j) {
        const float v = p.d(k, j);
        if (v > bestV) {
            bestV = v;
            best = j;
        }
    }
    if (best < 0)
        return {};
    // Centroid of the gradient's upper half around the peak (see the pupil's edges).
    double wSum = 0.0;
    double jSum = 0.0;
    for (int j = best; j >= j0 && p.d(k, j) >= 0.5F * bestV; --j) {
        wSum += p.d(k, j);
        jSum += p.d(k, j) * j;
    }
    for (int j = best + 1; j <= j1 && p.d(k, j) >= 0.5F * bestV; ++j) {
        wSum += p.d(k, j);
        jSum += p.d(k, j) * j;
    }
    const double offset = jSum / wSum - best;
    return {true, p.r0 + best + offset, bestV};
}

double median(std::vector<double> v) {
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

} // namespace

bool findLimbus(const cv::Mat& smoothed, const PupilBoundary& pupil, LimbusBoundary& limbus) {
    const cv::Point2d cp = pupil.ellipse.centre;
    const double rp = pupil.ellipse.meanRadius();
    const double rpMax = std::max(pupil.ellipse.semiAxisA, pupil.ellipse.semiAxisB);
    // ISO/IEC 29794-6 expects a pupil/iris ratio of 20 - 70; search a wider 15 - 80.
    const double rMin = std::max(rpMax + 4.0, rp / 0.8);
    // An iris more than 0.45 frame widths in radius could not be framed by the camera at all.
    const double rMax = std::min(rp / 0.15, 0.45 * std::max(smoothed.cols, smoothed.rows));
    if (rMax <= rMin + 4.0)
        return false;
    const double dMax = std::clamp(0.5 * rp, 8.0, 40.0);
    // Off-axis gaze foreshortens pupil and limbus alike. Sampling along the pupil's own shape
    // turns a foreshortened limbus back into a circle about the pupil, so the circle search
    // below also serves an eye that looks past the camera.
    cv::Matx22d shape = cv::Matx22d::eye();
    if (pupil.ellipse.axisRatio() < 0.97) {
        const double a = pupil.ellipse.angleDeg * kPi / 180.0;
        const double s = std::sqrt(pupil.ellipse.semiAxisA * pupil.ellipse.semiAxisB);
        const cv::Matx22d rot(std::cos(a), -std::sin(a), std::sin(a), std::cos(a));
        const cv::Matx22d scale(pupil.ellipse.semiAxisA / s, 0.0, 0.0, pupil.ellipse.semiAxisB / s);
        shape = rot * scale * rot.t();
    }
    const PolarImage polar = polarAbout(smoothed, cp, std::max(2.0, rMin - 1.5 * dMax - 4.0),
                                        rMax + 1.5 * dMax + 4.0, shape);
    IrisEllipse pupilShape = pupil.ellipse;
    if (pupilShape.axisRatio() >= 0.97)
        pupilShape.semiAxisA = pupilShape.semiAxisB = pupilShape.meanRadius();

    // Lateral sectors (within 45 degrees of horizontal): lids seldom reach them.
    std::vector<int> lateral;
    std::vector<int> lateralCoarse;
    for (int k = 0; k < kAngles; ++k) {
        const double a = 2.0 * kPi * k / kAngles;
        if (std::abs(std::cos(a)) >= std::cos(45.0 * kPi / 180.0)) {
            lateral.push_back(k);
            if (k % 2 == 0)
                lateralCoarse.push_back(k);
        }
    }

    // The iris's grey level next to the pupil, for irisInsideWeight.
    std::vector<double> nearPupil;
    for (const int k : lateral)
        for (double r = 1.2 * rpMax; r <= 1.2 * rpMax + 0.3 * rp; r += 2.0) {
            const int j = static_cast<int>(std::lround(r - polar.r0));
            if (j >= 0 && j < polar.radii && !std::isnan(polar.g(k, j)))
                nearPupil.push_back(polar.g(k, j));
        }
    if (nearPupil.empty())
        return false;
    const double irisGrey = median(nearPupil);

    // Coarse grid over centre offset and radius, then a fine one around the best. The coarse
    // pass accumulates, per centre offset, every radius at once: along ray k the circle of
    // radius R lies at along_k + sqrt(R^2 - perp_k^2) ~ along_k + R - perp_k^2 / 2R.
    const double step = std::max(2.0, dMax / 5.0);
    const int nR = static_cast<int>((rMax - rMin) / 2.0) + 1;
    std::vector<double> inv2R(static_cast<std::size_t>(nR));
    for (int i = 0; i < nR; ++i)
        inv2R[i] = 1.0 / (2.0 * (rMin + 2.0 * i));
    std::vector<double> acc(static_cast<std::size_t>(nR));
    std::vector<double> accIn(static_cast<std::size_t>(nR));
    std::vector<int> cnt(static_cast<std::size_t>(nR));
    double best = 0.0;
    double bestDx = 0.0;
    double bestDy = 0.0;
    double bestR = 0.0;
    const int minValid = static_cast<int>(0.4 * lateralCoarse.size());
    for (double dx = -dMax; dx <= dMax + 1e-9; dx += step)
        for (double dy = -dMax; dy <= dMax + 1e-9; dy += step) {
            std::fill(acc.begin(), acc.end(), 0.0);
            std::fill(accIn.begin(), accIn.end(), 0.0);
            std::fill(cnt.begin(), cnt.end(), 0);
            for (const int k : lateralCoarse) {
                const double along = dx * polar.cosA[k] + dy * polar.sinA[k];
                const double perp = dx * polar.sinA[k] - dy * polar.cosA[k];
                const double p2 = perp * perp;
                const float* grad = &polar.gradient[static_cast<std::size_t>(k) * polar.radii];
                const unsigned char* ok = &polar.known[static_cast<std::size_t>(k) * polar.radii];
                const float* grey = &polar.greyOrZero[static_cast<std::size_t>(k) * polar.radii];
                const double base = along + rMin - polar.r0 + 0.5;
                for (int i = 0; i < nR; ++i) {
                    const int j = std::clamp(static_cast<int>(base + 2.0 * i - p2 * inv2R[i]),
                                             kInsideOffset, polar.radii - 1);
                    acc[i] += grad[j];
                    accIn[i] += ok[j] ? grey[j - kInsideOffset] : 0.0F;
                    cnt[i] += ok[j];
                }
            }
            // The circle must enclose the pupil with room to spare and be nearly concentric
            // with it (ISO/IEC 29794-6 concentricity >= 90 means an offset under 0.1 R).
            const double offset = std::hypot(dx, dy);
            const double rFloor = std::max(rpMax + 4.0 + offset, offset / kMaxDecentration);
            for (int i = 0; i < nR; ++i) {
                if (rMin + 2.0 * i < rFloor || cnt[i] < minValid)
                    continue;
                const double score =
                    acc[i] / cnt[i] * irisInsideWeight(accIn[i] / cnt[i], irisGrey);
                if (score > best) {
                    best = score;
                    bestDx = dx;
                    bestDy = dy;
                    bestR = rMin + 2.0 * i;
                }
            }
        }
    if (best <= 0.0)
        return false;
    const double cdx = bestDx;
    const double cdy = bestDy;
    const double cR = bestR;
    best = 0.0;
    const int minValidFine = static_cast<int>(0.4 * lateral.size());
    for (double dx = cdx - step; dx <= cdx + step + 1e-9; dx += 1.0)
        for (double dy = cdy - step; dy <= cdy + step + 1e-9; dy += 1.0)
            for (double R = cR - 2.0; R <= cR + 2.0; R += 1.0) {
                const double offset = std::hypot(dx, dy);
                if (R < std::max(rpMax + 4.0 + offset, offset / kMaxDecentration))
                    continue;
                int valid = 0;
                double inside = 0.0;
                const double s = circleScore(polar, lateral, dx, dy, R, valid, inside) *
                                 irisInsideWeight(inside, irisGrey);
                if (valid >= minValidFine && s > best) {
                    best = s;
                    bestDx = dx;
                    bestDy = dy;
                    bestR = R;
                }
            }
    // A limbus is a sustained step of several grey levels; noise and texture average out.
    if (best < 5.0)
        return false;

    // Per-ray edges near the circle, all round; rays that cross a lid find no strong edge
    // there, or one the robust fit rejects.
    auto collect = [&](const PolarImage& p, auto predictedRadius, double window,
                       std::vector<cv::Point2d>& pts) {
        std::vector<double> strengths;
        std::vector<PeakEdge> peaks(kAngles);
        for (int k = 0; k < kAngles; ++k) {
            peaks[k] = peakNear(p, k, predictedRadius(k), window);
            if (peaks[k].found &&
                std::abs(std::cos(2.0 * kPi * k / kAngles)) >= std::cos(50.0 * kPi / 180.0))
                strengths.push_back(peaks[k].strength);
        }
        const double floor = std::max(4.0, 0.35 * median(strengths));
        pts.clear();
        for (int k = 0; k < kAngles; ++k) {
            if (!peaks[k].found || peaks[k].strength < floor)
                continue;
            // The upper sector (45 - 135 degrees above the horizontal) is where the upper lid and
            // its lashes hang over the limbus; their edges would pass for limbus. 270 degrees
            // of arc fix the boundary well enough.
            if (p.sinA[k] < -std::sin(45.0 * kPi / 180.0))
                continue;
            const double a = 2.0 * kPi * k / kAngles;
            const cv::Vec2d u = p.shape * cv::Vec2d(std::cos(a), std::sin(a));
            pts.emplace_back(p.centre.x + peaks[k].radius * u[0],
                             p.centre.y + peaks[k].radius * u[1]);
        }
    };

    std::vector<cv::Point2d> points;
    const double window = std::max(4.0, 0.06 * bestR);
    collect(
        polar,
        [&](int k) {
            const double a = 2.0 * kPi * k / kAngles;
            const double along = bestDx * std::cos(a) + bestDy * std::sin(a);
            const double perp = bestDx * std::sin(a) - bestDy * std::cos(a);
            return along + std::sqrt(std::max(bestR * bestR - perp * perp, 0.0));
        },
        window, points);
    BoundaryFit fit = fitShapedBoundary(points, pupilShape, 16, rMin, rMax);
    if (!fit.ellipse.valid())
        return false;

    // Second pass in a polar image about the fitted centre, in a narrow band.
    const IrisEllipse first = fit.ellipse;
    const double lo = std::min(first.semiAxisA, first.semiAxisB);
    const double hi = std::max(first.semiAxisA, first.semiAxisB);
    const PolarImage band = polarAbout(smoothed, first.centre, std::max(2.0, lo - 10.0), hi + 10.0);
    collect(
        band, [&](int k) { return first.radiusAt(2.0 * kPi * k / kAngles); },
        std::max(3.0, 0.03 * hi), points);
    fit = fitShapedBoundary(points, pupilShape, 16, rMin, rMax);
    if (!fit.ellipse.valid())
        return false;

    // The iris must contain the pupil and be in proportion to it.
    if (!plausibleLimbus(pupil.ellipse, fit.ellipse))
        return false;
    limbus.ellipse = fit.ellipse;
    limbus.shape = pupilShape;
    limbus.points = std::move(points);
    limbus.minRadius = rMin;
    limbus.maxRadius = rMax;
    return true;
}

bool plausibleLimbus(const IrisEllipse& pupil, const IrisEllipse& e) {
    const double ri = e.meanRadius();
    const double rp = pupil.meanRadius();
    return e.valid() && e.contains(pupil.centre) && rp / ri >= 0.1 && rp / ri <= 0.85 &&
           std::hypot(pupil.centre.x - e.centre.x, pupil.centre.y - e.centre.y) <= 0.2 * ri &&
           e.axisRatio() >= 0.55;
}

} // namespace umbral::biometrics::iris_detail
