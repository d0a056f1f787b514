// ISO/IEC 29794-6 measures. Each function states its definition; docs/iris.md lists them with
// their thresholds.
#include "app/biometrics/iris/iris_quality_metrics.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <vector>

namespace umbral::biometrics::iris_metrics {

namespace {

constexpr double kPi = 3.14159265358979323846;

double median(std::vector<double> v) {
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

bool inside(const cv::Mat& m, cv::Point2d p) {
    return p.x >= 0.0 && p.y >= 0.0 && p.x < m.cols - 0.5 && p.y < m.rows - 0.5;
}

uchar at(const cv::Mat& m, cv::Point2d p) {
    return m.at<uchar>(static_cast<int>(std::lround(p.y)), static_cast<int>(std::lround(p.x)));
}

// The annulus between the pupil and the limbus, with the same one-pixel margins the usable
// mask leaves at both boundaries.
double annulusArea(const IrisSegmentation& seg) {
    const double outer = (seg.limbus.semiAxisA - 1.0) * (seg.limbus.semiAxisB - 1.0);
    const double inner = (seg.pupil.semiAxisA + 1.0) * (seg.pupil.semiAxisB + 1.0);
    return std::max(1.0, kPi * (outer - inner));
}

} // namespace

RegionGreys regionGreys(const cv::Mat& image, const IrisSegmentation& seg) {
    RegionGreys g;
    std::vector<double> pupil;
    std::vector<double> inner;
    std::vector<double> outer;
    std::vector<double> sclera;
    const bool haveSpecular = !seg.specularMask.empty();
    for (int i = 0; i < 120; ++i) {
        const double a = 2.0 * kPi * i / 120;
        const cv::Point2d u(std::cos(a), std::sin(a));
        for (const double f : {0.2, 0.4, 0.6}) {
            const cv::Point2d p = seg.pupil.centre + f * seg.pupil.radiusAt(a) * u;
            if (inside(image, p) && (!haveSpecular || !at(seg.specularMask, p)) &&
                at(image, p) < 200)
                pupil.push_back(at(image, p));
        }
        // Rubber-sheet positions between the two boundaries, kept where the iris is usable.
        const cv::Point2d p0 = seg.pupil.pointAt(a);
        const cv::Point2d p1 = seg.limbus.pointAt(a);
        for (int k = 0; k < 10; ++k) {
            const double rho = 0.05 + 0.1 * k;
            const cv::Point2d q = (1.0 - rho) * p0 + rho * p1;
            if (!inside(image, q) || !at(seg.usableMask, q))
                continue;
            if (rho < 0.35)
                inner.push_back(at(image, q));
            else if (rho > 0.65)
                outer.push_back(at(image, q));
        }
        // Sclera: just outside the limbus, within 30 degrees of the horizontal, between the lids.
        if (std::abs(std::sin(a)) <= 0.5) {
            for (const double s : {1.1, 1.15, 1.2, 1.25}) {
                const cv::Point2d q = seg.limbus.centre + s * seg.limbus.radiusAt(a) * u;
                if (!inside(image, q) || (haveSpecular && at(seg.specularMask, q)))
                    continue;
                if (seg.upperLid.present && q.y <= seg.upperLid.yAt(q.x))
                    continue;
                if (seg.lowerLid.present && q.y >= seg.lowerLid.yAt(q.x))
                    continue;
                sclera.push_back(at(image, q));
            }
        }
    }
    g.pupil = median(pupil);
    g.irisInner = inner.empty() ? seg.irisGrey : median(inner);
    g.irisOuter = outer.empty() ? seg.irisGrey : median(outer);
    g.sclera = median(sclera);
    g.scleraSeen = sclera.size() >= 8;
    return g;
}

// ISO/IEC 29794-6 usable iris area: the share of the iris (between pupil and limbus) that is
// not occluded by eyelids, eyelashes or specular reflections. Parts of the iris outside the
// frame count as occluded.
double usableIrisArea(const IrisSegmentation& seg) {
    return std::min(100.0, 100.0 * cv::countNonZero(seg.usableMask) / annulusArea(seg));
}

double lidOcclusion(const IrisSegmentation& seg) {
    if (!seg.upperLid.present && !seg.lowerLid.present)
        return 0.0;
    double hidden = 0.0;
    const IrisEllipse& L = seg.limbus;
    const int y0 = static_cast<int>(std::floor(L.centre.y - std::max(L.semiAxisA, L.semiAxisB)));
    const int y1 = static_cast<int>(std::ceil(L.centre.y + std::max(L.semiAxisA, L.semiAxisB)));
    for (int y = y0; y <= y1; ++y) {
        double x0 = 0.0;
        double x1 = 0.0;
        if (!L.rowSpan(y, x0, x1))
            continue;
        double p0 = 1.0;
        double p1 = 0.0;
        const bool pupilRow = seg.pupil.rowSpan(y, p0, p1);
        for (int x = static_cast<int>(std::ceil(x0)); x <= static_cast<int>(std::floor(x1)); ++x) {
            if (pupilRow && x >= p0 && x <= p1)
                continue;
            if ((seg.upperLid.present && y <= seg.upperLid.yAt(x)) ||
                (seg.lowerLid.present && y >= seg.lowerLid.yAt(x)))
                hidden += 1.0;
        }
    }
    return std::min(100.0, 100.0 * hidden / annulusArea(seg));
}

// ISO/IEC 29794-6 iris-sclera contrast: 100 (S - I) / (S + I - 2P) with the median grey levels
// of sclera, iris (near the limbus) and pupil; 0 when the sclera is not in view.
double irisScleraContrast(const RegionGreys& g) {
    if (!g.scleraSeen)
        return 0.0;
    const double den = g.sclera + g.irisOuter - 2.0 * g.pupil;
    return den > 0.0 ? std::max(0.0, 100.0 * (g.sclera - g.irisOuter) / den) : 0.0;
}

// ISO/IEC 29794-6 iris-pupil contrast: the Weber ratio W = (I - P) / (20 + P) mapped to
// 100 W / (0.75 + W) (iris next to the pupil, medians).
double irisPupilContrast(const RegionGreys& g) {
    const double w = (g.irisInner - g.pupil) / (20.0 + g.pupil);
    return w > 0.0 ? 100.0 * w / (0.75 + w) : 0.0;
}

// Pupil boundary circularity: the measured pupil radius as a function of angle, relative to its
// mean, expanded in a Fourier series; harmonics 2 - 16 are departures from a circle (the first
// harmonic only moves the centre). 100 (1 - 5 RMS) where RMS is their combined amplitude, so a
// wobble of 10 % of the radius scores about 65 and an ellipse of axis ratio 0.9 about 82.
double pupilBoundaryCircularity(const IrisSegmentation& seg) {
    const int n = static_cast<int>(seg.pupilRayRadius.size());
    std::vector<double> angle;
    std::vector<double> radius;
    for (int i = 0; i < n; ++i)
        if (!std::isnan(seg.pupilRayRadius[i])) {
            angle.push_back(2.0 * kPi * i / n);
            radius.push_back(seg.pupilRayRadius[i]);
        }
    if (radius.size() < 24)
        return 0.0;
    double mean = 0.0;
    for (const double r : radius)
        mean += r;
    mean /= static_cast<double>(radius.size());
    double power = 0.0;
    for (int h = 2; h <= 16; ++h) {
        std::complex<double> c(0.0, 0.0);
        for (std::size_t k = 0; k < radius.size(); ++k)
            c += (radius[k] / mean - 1.0) * std::polar(1.0, -h * angle[k]);
        c /= static_cast<double>(radius.size());
        power += 2.0 * std::norm(c);
    }
    return std::clamp(100.0 * (1.0 - 5.0 * std::sqrt(power)), 0.0, 100.0);
}

// ISO/IEC 29794-6 grey scale utilisation: the entropy of the grey-level histogram, in bits.
double greyScaleUtilisation(const cv::Mat& image) {
    std::array<int, 256> hist{};
    for (int y = 0; y < image.rows; ++y) {
        const uchar* p = image.ptr<uchar>(y);
        for (int x = 0; x < image.cols; ++x)
            ++hist[p[x]];
    }
    const double total = static_cast<double>(image.total());
    double h = 0.0;
    for (const int c : hist)
        if (c > 0) {
            const double p = c / total;
            h -= p * std::log2(p);
        }
    return h;
}

// Iris diameter in pixels: twice the limbus's major semi-axis (foreshortening shrinks only the
// other axis).
double irisDiameter(const IrisSegmentation& seg) {
    return 2.0 * std::max(seg.limbus.semiAxisA, seg.limbus.semiAxisB);
}

// ISO/IEC 29794-6 pupil dilation: 100 pupil radius / iris radius.
double pupilIrisRatio(const IrisSegmentation& seg) {
    return 100.0 * seg.pupil.meanRadius() / seg.limbus.meanRadius();
}

// ISO/IEC 29794-6 iris-pupil concentricity: 100 (1 - distance of the centres / iris radius).
double irisPupilConcentricity(const IrisSegmentation& seg) {
    const double d = std::hypot(seg.pupil.centre.x - seg.limbus.centre.x,
                                seg.pupil.centre.y - seg.limbus.centre.y);
    return std::clamp(100.0 * (1.0 - d / seg.limbus.meanRadius()), 0.0, 100.0);
}

// ISO/IEC 29794-6 margin adequacy: the frame should leave 0.6 iris radius beside the iris and
// 0.2 above and below it. Each margin divided by its requirement, the smallest, times 100,
// capped at 100.
double marginAdequacy(const IrisSegmentation& seg) {
    const IrisEllipse& L = seg.limbus;
    const double R = std::max(L.semiAxisA, L.semiAxisB);
    double x0 = L.centre.x - R;
    double x1 = L.centre.x + R;
    double y0 = L.centre.y - R;
    double y1 = L.centre.y + R;
    L.rowSpan(L.centre.y, x0, x1);
    L.columnSpan(L.centre.x, y0, y1);
    const double w = seg.imageSize.width - 1.0;
    const double h = seg.imageSize.height - 1.0;
    const double m =
        std::min({x0 / (0.6 * R), (w - x1) / (0.6 * R), y0 / (0.2 * R), (h - y1) / (0.2 * R)});
    return std::clamp(100.0 * m, 0.0, 100.0);
}

// ISO/IEC 29794-6 sharpness: the frame filtered with the standard's 9 x 9 kernel (a zero-sum
// ring-shaped band-pass) at every fourth row and column; F = sum of squared responses / number
// of pixels; sharpness = 100 F^2 / (F^2 + c^2), c = 180 000. Measured over the iris and its
// immediate surround (the limbus's bounding box) so that background texture does not count as
// focus.
double sharpness(const cv::Mat& image, const IrisSegmentation& seg) {
    static constexpr std::array<int, 81> kKernel{0, 1, 1, 2,   2,   2,   1, 1, 0, //
                                                 1, 2, 4, 5,   5,   5,   4, 2, 1, //
                                                 1, 4, 5, 3,   0,   3,   5, 4, 1, //
                                                 2, 5, 3, -12, -24, -12, 3, 5, 2, //
                                                 2, 5, 0, -24, -40, -24, 0, 5, 2, //
                                                 2, 5, 3, -12, -24, -12, 3, 5, 2, //
                                                 1, 4, 5, 3,   0,   3,   5, 4, 1, //
                                                 1, 2, 4, 5,   5,   5,   4, 2, 1, //
                                                 0, 1, 1, 2,   2,   2,   1, 1, 0};
    const IrisEllipse& L = seg.limbus;
    const double reach = 1.1 * std::max(L.semiAxisA, L.semiAxisB);
    const int x0 = std::max(4, static_cast<int>(L.centre.x - reach));
    const int x1 = std::min(image.cols - 5, static_cast<int>(L.centre.x + reach));
    const int y0 = std::max(4, static_cast<int>(L.centre.y - reach));
    const int y1 = std::min(image.rows - 5, static_cast<int>(L.centre.y + reach));
    if (x1 <= x0 || y1 <= y0)
        return 0.0;
    double sum = 0.0;
    for (int y = y0; y <= y1; y += 4)
        for (int x = x0; x <= x1; x += 4) {
            int r = 0;
            const int* k = kKernel.data();
            for (int dy = -4; dy <= 4; ++dy) {
                const uchar* row = image.ptr<uchar>(y + dy) + x - 4;
                for (int dx = 0; dx < 9; ++dx)
                    r += *k++ * row[dx];
            }
            sum += static_cast<double>(r) * r;
        }
    const double pixels = static_cast<double>(x1 - x0 + 1) * (y1 - y0 + 1);
    const double f = sum / pixels;
    constexpr double c = 180000.0;
    return 100.0 * f * f / (f * f + c * c);
}

// Motion blur: the slope of the pupil edge (relative to the pupil-iris step) along rays in
// four directions (0, 45, 90, 135 degrees, each with its opposite). Defocus softens every
// direction alike; motion softens the direction of motion most. 100 (1 - weakest / strongest)
// of the per-direction medians; 0 when fewer than three directions are measurable.
double motionBlur(const IrisSegmentation& seg) {
    const int n = static_cast<int>(seg.pupilRaySharpness.size());
    std::array<std::vector<double>, 4> bins;
    for (int i = 0; i < n; ++i) {
        const double s = seg.pupilRaySharpness[i];
        if (std::isnan(s))
            continue;
        double deg = 180.0 * 2.0 * i / n; // 0 - 360
        deg = std::fmod(deg, 180.0);
        const int bin = static_cast<int>(std::lround(deg / 45.0)) % 4;
        bins[bin].push_back(s);
    }
    double lo = 1e9;
    double hi = 0.0;
    int used = 0;
    for (const auto& b : bins)
        if (b.size() >= 3) {
            const double m = median(b);
            lo = std::min(lo, m);
            hi = std::max(hi, m);
            ++used;
        }
    if (used < 3 || hi <= 0.0)
        return 0.0;
    return std::clamp(100.0 * (1.0 - lo / hi), 0.0, 100.0);
}

// Gaze angle: a disc seen at angle t from its axis is an ellipse of axis ratio cos t, so the
// limbus's ratio gives the angle between the eye's axis and the camera's. Insensitive near 0
// (anatomy alone makes real limbi a few percent elliptical), reliable beyond 20 degrees.
double gazeAngle(const IrisSegmentation& seg) {
    return std::acos(std::clamp(seg.limbus.axisRatio(), 0.0, 1.0)) * 180.0 / kPi;
}

} // namespace umbral::biometrics::iris_metrics
