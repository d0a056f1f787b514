#include "app/biometrics/iris/iris_geometry.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace umbral::biometrics {

namespace {
constexpr double kPi = 3.14159265358979323846;

double median(std::vector<double> v) {
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

} // namespace

double IrisEllipse::meanRadius() const {
    return std::sqrt(semiAxisA * semiAxisB);
}

double IrisEllipse::axisRatio() const {
    const double hi = std::max(semiAxisA, semiAxisB);
    return hi > 0.0 ? std::min(semiAxisA, semiAxisB) / hi : 0.0;
}

double IrisEllipse::radiusAt(double angleRad) const {
    const double t = angleRad - angleDeg * kPi / 180.0;
    const double c = semiAxisB * std::cos(t);
    const double s = semiAxisA * std::sin(t);
    const double den = std::sqrt(c * c + s * s);
    return den > 0.0 ? semiAxisA * semiAxisB / den : 0.0;
}

cv::Point2d IrisEllipse::pointAt(double angleRad) const {
    const double r = radiusAt(angleRad);
    return {centre.x + r * std::cos(angleRad), centre.y + r * std::sin(angleRad)};
}

bool IrisEllipse::contains(cv::Point2d p) const {
    if (!valid())
        return false;
    const double a = angleDeg * kPi / 180.0;
    const double dx = p.x - centre.x;
    const double dy = p.y - centre.y;
    const double u = dx * std::cos(a) + dy * std::sin(a);
    const double v = -dx * std::sin(a) + dy * std::cos(a);
    return u * u / (semiAxisA * semiAxisA) + v * v / (semiAxisB * semiAxisB) <= 1.0;
}

// Points (x, y) of the ellipse satisfy A x'^2 + B x'y' + C y'^2 = 1 with x' = x - cx, y' = y - cy;
// on a fixed row this is a quadratic in x'.
bool IrisEllipse::rowSpan(double y, double& x0, double& x1) const {
    if (!valid())
        return false;
    const double a = angleDeg * kPi / 180.0;
    const double ca = std::cos(a);
    const double sa = std::sin(a);
    const double ia = 1.0 / (semiAxisA * semiAxisA);
    const double ib = 1.0 / (semiAxisB * semiAxisB);
    const double A = ca * ca * ia + sa * sa * ib;
    const double B = 2.0 * ca * sa * (ia - ib);
    const double C = sa * sa * ia + ca * ca * ib;
    const double yy = y - centre.y;
    const double disc = B * B * yy * yy - 4.0 * A * (C * yy * yy - 1.0);
    if (disc < 0.0)
        return false;
    const double s = std::sqrt(disc);
    x0 = centre.x + (-B * yy - s) / (2.0 * A);
    x1 = centre.x + (-B * yy + s) / (2.0 * A);
    return true;
}

bool IrisEllipse::columnSpan(double x, double& y0, double& y1) const {
    IrisEllipse transposed = *this;
    transposed.centre = {centre.y, centre.x};
    transposed.angleDeg = 90.0 - angleDeg;
    return transposed.rowSpan(x, y0, y1);
}

bool fitCircle(const std::vector<cv::Point2d>& points, cv::Point2d& centre, double& radius) {
    if (points.size() < 3)
        return false;
    // Kasa fit, centred on the mean for numerical stability: minimise sum (x^2 + y^2 + D x + E y +
    // F)^2.
    cv::Point2d mean(0, 0);
    for (const auto& p : points)
        mean += p;
    mean *= 1.0 / static_cast<double>(points.size());
    cv::Matx33d ata = cv::Matx33d::zeros();
    cv::Vec3d atb(0, 0, 0);
    for (const auto& p : points) {
        const double x = p.x - mean.x;
        const double y = p.y - mean.y;
        const cv::Vec3d row(x, y, 1.0);
        const double rhs = -(x * x + y * y);
        for (int i = 0; i < 3; ++i) {
            atb[i] += row[i] * rhs;
            for (int j = 0; j < 3; ++j)
                ata(i, j) += row[i] * row[j];
        }
    }
    cv::Vec3d sol;
    if (!cv::solve(ata, atb, sol, cv::DECOMP_CHOLESKY) && !cv::solve(ata, atb, sol, cv::DECOMP_SVD))
        return false;
    const double cx = -sol[0] / 2.0;
    const double cy = -sol[1] / 2.0;
    const double r2 = cx * cx + cy * cy - sol[2];
    if (!(r2 > 0.0) || !std::isfinite(r2))
        return false;
    centre = {cx + mean.x, cy + mean.y};
    radius = std::sqrt(r2);
    return true;
}

namespace {

// A boundary as a star-shaped curve about its centre: 1 / r(phi)^2 = A cos^2 + B sin cos + C sin^2.
// For a circle A = C = 1 / R^2 and B = 0, so the same parameters fit circles and ellipses
// without the ill-defined orientation of a near-circular ellipse.
struct QuadraticBoundary {
    double cx = 0.0;
    double cy = 0.0;
    double A = 0.0;
    double B = 0.0;
    double C = 0.0;

    double radius(double phi) const {
        const double c = std::cos(phi);
        const double s = std::sin(phi);
        const double q = A * c * c + B * s * c + C * s * s;
        return q > 0.0 ? 1.0 / std::sqrt(q) : 1e9;
    }
    double residual(cv::Point2d p) const {
        const double dx = p.x - cx;
        const double dy = p.y - cy;
        return std::hypot(dx, dy) - radius(std::atan2(dy, dx));
    }
    IrisEllipse ellipse() const {
        // Eigen-decomposition of [[A, B/2], [B/2, C]]: the smaller eigenvalue belongs to the major
        // axis.
        const double tr = A + C;
        const double det = A * C - 0.25 * B * B;
        const double disc = std::sqrt(std::max(0.0, 0.25 * tr * tr - det));
        const double l1 = 0.5 * tr - disc;
        const double l2 = 0.5 * tr + disc;
        if (!(l1 > 0.0))
            return {};
        const double angle =
            0.5 * std::atan2(B, A - C) + kPi / 2.0; // direction of the l1 eigenvector
        return {{cx, cy}, 1.0 / std::sqrt(l1), 1.0 / std::sqrt(l2), angle * 180.0 / kPi};
    }
};

// Residual of p (distance from the centre minus the boundary radius in its direction) and its
// derivatives with respect to (cx, cy, A, B, C), analytically: with d = p - c at angle phi and
// q = A cos^2 + B sin cos + C sin^2, r = |d| - q^(-1/2).
double residualAndGradient(const QuadraticBoundary& b, cv::Point2d p, double* g) {
    const double dx = p.x - b.cx;
    const double dy = p.y - b.cy;
    const double dist = std::max(std::hypot(dx, dy), 1e-9);
    const double c = dx / dist;
    const double s = dy / dist;
    const double q = std::max(b.A * c * c + b.B * s * c + b.C * s * s, 1e-12);
    const double rho = 1.0 / std::sqrt(q);
    const double rho3 = rho * rho * rho;
    const double dq = 2.0 * (b.C - b.A) * s * c + b.B * (c * c - s * s); // dq / dphi
    const double drho = -0.5 * rho3 * dq;                                // drho / dphi
    g[0] = -c - drho * s / dist;
    g[1] = -s + drho * c / dist;
    g[2] = 0.5 * rho3 * c * c;
    g[3] = 0.5 * rho3 * s * c;
    g[4] = 0.5 * rho3 * s * s;
    return dist - rho;
}

// Robust Gauss-Newton fit (Tukey weights) with a scale that shrinks from `startScale` to the
// residuals' own spread: wide at first so a circle can grow into an ellipse, narrow at the end so
// lid and lash points carry no weight. `ellipse` false keeps A == C, B == 0.
QuadraticBoundary robustFit(const std::vector<cv::Point2d>& pts, QuadraticBoundary q, bool ellipse,
                            double startScale) {
    const int np = ellipse ? 5 : 3;
    double scale = startScale;
    std::vector<double> res(pts.size());
    for (int round = 0; round < 5; ++round) {
        for (int it = 0; it < 3; ++it) {
            cv::Matx<double, 5, 5> jtj = cv::Matx<double, 5, 5>::zeros();
            cv::Vec<double, 5> jtr(0, 0, 0, 0, 0);
            for (const auto& p : pts) {
                double g[5];
                const double r = residualAndGradient(q, p, g);
                const double u = r / (4.685 * scale);
                if (std::abs(u) >= 1.0)
                    continue;
                const double w = (1.0 - u * u) * (1.0 - u * u);
                if (!ellipse) {
                    g[2] = g[2] + g[4]; // A and C move together
                }
                for (int a = 0; a < np; ++a) {
                    jtr[a] += w * g[a] * r;
                    for (int k = 0; k < np; ++k)
                        jtj(a, k) += w * g[a] * g[k];
                }
            }
            cv::Mat lhs(jtj);
            cv::Mat rhs(jtr);
            lhs = lhs(cv::Rect(0, 0, np, np)).clone();
            rhs = -rhs(cv::Rect(0, 0, 1, np)).clone();
            cv::Mat delta;
            if (!cv::solve(lhs, rhs, delta, cv::DECOMP_CHOLESKY) &&
                !cv::solve(lhs, rhs, delta, cv::DECOMP_SVD))
                break;
            QuadraticBoundary next = q;
            next.cx += delta.at<double>(0);
            next.cy += delta.at<double>(1);
            next.A += delta.at<double>(2);
            if (ellipse) {
                next.B += delta.at<double>(3);
                next.C += delta.at<double>(4);
            } else {
                next.C = next.A;
            }
            if (!next.ellipse().valid())
                break;
            q = next;
        }
        for (std::size_t i = 0; i < pts.size(); ++i)
            res[i] = std::abs(q.residual(pts[i]));
        std::vector<double> sorted = res;
        const double mad = 1.4826 * median(sorted);
        scale = std::max(0.5, std::min(0.6 * scale, mad));
    }
    return q;
}

// The conic a x^2 + b xy + c y^2 + d x + e y + f = 0 through five points, as a boundary about
// its centre; false unless it is an ellipse.
bool ellipseThrough(const std::array<cv::Point2d, 5>& p, cv::Point2d origin,
                    QuadraticBoundary& out) {
    cv::Matx<double, 5, 6> m;
    for (int i = 0; i < 5; ++i) {
        const double x = p[i].x - origin.x;
        const double y = p[i].y - origin.y;
        m(i, 0) = x * x;
        m(i, 1) = x * y;
        m(i, 2) = y * y;
        m(i, 3) = x;
        m(i, 4) = y;
        m(i, 5) = 1.0;
    }
    cv::Mat w, u, vt;
    cv::SVD::compute(cv::Mat(m), w, u, vt, cv::SVD::FULL_UV);
    const cv::Mat v = vt.row(5);
    const double a = v.at<double>(0), b = v.at<double>(1), c = v.at<double>(2);
    const double d = v.at<double>(3), e = v.at<double>(4), f = v.at<double>(5);
    const double det = 4.0 * a * c - b * b;
    if (!(det > 1e-18 * (a * a + c * c)))
        return false;
    // Centre: where the gradient vanishes.
    const double x0 = (b * e - 2.0 * c * d) / det;
    const double y0 = (b * d - 2.0 * a * e) / det;
    const double k = a * x0 * x0 + b * x0 * y0 + c * y0 * y0 + d * x0 + e * y0 + f;
    if (!(std::abs(k) > 0.0))
        return false;
    out.cx = x0 + origin.x;
    out.cy = y0 + origin.y;
    out.A = -a / k;
    out.B = -b / k;
    out.C = -c / k;
    return out.A > 0.0 && out.C > 0.0 && out.ellipse().valid();
}

} // namespace

BoundaryFit fitBoundary(const std::vector<cv::Point2d>& points, int minInliers, double minRadius,
                        double maxRadius, bool allowEllipse) {
    BoundaryFit fit;
    fit.inliers.assign(points.size(), false);
    const int n = static_cast<int>(points.size());
    if (n < std::max(minInliers, 5))
        return fit;

    // RANSAC start: the circle through three points that most points agree with. A lid
    // crossing the boundary can put half the points on a line; a plain least-squares start
    // would average the two, consensus picks the circle.
    const double rLo = minRadius > 0.0 ? minRadius : 0.0;
    const double rHi = maxRadius > 0.0 ? maxRadius : 1e9;
    cv::RNG rng(0xB0D1ULL);
    int bestCount = 0;
    cv::Point2d bestCentre;
    double bestRadius = 0.0;
    for (int it = 0; it < 150; ++it) {
        const int a = rng.uniform(0, n);
        const int b = rng.uniform(0, n);
        const int c = rng.uniform(0, n);
        if (a == b || b == c || a == c)
            continue;
        cv::Point2d centre;
        double radius = 0.0;
        if (!fitCircle({points[a], points[b], points[c]}, centre, radius) || radius < rLo ||
            radius > rHi)
            continue;
        const double tol = std::max(1.5, 0.04 * radius);
        int count = 0;
        for (const auto& p : points)
            count += std::abs(std::hypot(p.x - centre.x, p.y - centre.y) - radius) <= tol ? 1 : 0;
        if (count > bestCount) {
            bestCount = count;
            bestCentre = centre;
            bestRadius = radius;
        }
    }
    if (bestCount < std::max(3, minInliers / 2))
        return fit;

    QuadraticBoundary start;
    start.cx = bestCentre.x;
    start.cy = bestCentre.y;
    start.A = start.C = 1.0 / (bestRadius * bestRadius);
    const QuadraticBoundary circle =
        robustFit(points, start, false, std::max(1.5, 0.03 * bestRadius));

    // The ellipse starts from the better of the fitted circle and a five-point ellipse
    // consensus: when a lid hides part of a foreshortened pupil, the circle through the rest can
    // sit too far from the true ellipse for the robust fit to grow into it.
    QuadraticBoundary ellipseStart = circle;
    if (allowEllipse) {
        auto consensus = [&](const QuadraticBoundary& q) {
            const double tol = std::max(1.0, 0.015 * bestRadius);
            int count = 0;
            for (const auto& p : points)
                count += std::abs(q.residual(p)) <= tol ? 1 : 0;
            return count;
        };
        int best = consensus(circle);
        for (int it = 0; it < 60; ++it) {
            std::array<cv::Point2d, 5> sample;
            std::array<int, 5> idx{};
            bool distinct = true;
            for (int k = 0; k < 5; ++k) {
                idx[k] = rng.uniform(0, n);
                for (int j = 0; j < k; ++j)
                    distinct = distinct && idx[j] != idx[k];
                sample[k] = points[idx[k]];
            }
            QuadraticBoundary q;
            if (!distinct || !ellipseThrough(sample, bestCentre, q))
                continue;
            const IrisEllipse e = q.ellipse();
            if (e.axisRatio() < 0.5 || e.meanRadius() < rLo || e.meanRadius() > rHi)
                continue;
            const int count = consensus(q);
            if (count > best) {
                best = count;
                ellipseStart = q;
            }
        }
    }
    const QuadraticBoundary general =
        allowEllipse ? robustFit(points, ellipseStart, true, std::max(2.0, 0.06 * bestRadius))
                     : circle;

    // Both models are judged against one inlier band, set by the better of the two: comparing
    // each model's count under its own band would favour the looser model.
    auto spread = [&](const QuadraticBoundary& q) {
        std::vector<double> res(points.size());
        for (int i = 0; i < n; ++i)
            res[i] = std::abs(q.residual(points[i]));
        return 1.4826 * median(res);
    };
    const double band =
        std::max(1.5, 3.0 * std::max(0.5, std::min(spread(circle), spread(general))));
    auto evaluate = [&](const QuadraticBoundary& q, std::vector<bool>& in, double& rms) {
        int count = 0;
        double sum = 0.0;
        in.assign(points.size(), false);
        for (int i = 0; i < n; ++i) {
            const double r = std::abs(q.residual(points[i]));
            if (r <= band) {
                in[i] = true;
                ++count;
                sum += r * r;
            }
        }
        rms = count > 0 ? std::sqrt(sum / count) : 1e9;
        return count;
    };
    std::vector<bool> inC;
    std::vector<bool> inE;
    double rmsC = 0.0;
    double rmsE = 0.0;
    const int countC = evaluate(circle, inC, rmsC);
    int countE = 0;
    const IrisEllipse e = general.ellipse();
    const IrisEllipse c = circle.ellipse();
    if (allowEllipse && e.valid() && e.axisRatio() > 0.5 &&
        std::hypot(e.centre.x - c.centre.x, e.centre.y - c.centre.y) < 0.3 * c.semiAxisA)
        countE = evaluate(general, inE, rmsE);
    // An ellipse has two more degrees of freedom: it must explain clearly more points, or the
    // same points clearly better, to be believed.
    const bool useEllipse =
        countE > 0 && ((countE >= countC + std::max(3, n / 20) && rmsE <= 1.2 * rmsC + 0.1) ||
                       (countE >= countC && rmsE < 0.8 * rmsC && rmsC - rmsE > 0.15));
    fit.ellipse = useEllipse ? e : c;
    fit.inliers = useEllipse ? inE : inC;
    fit.rmsResidual = useEllipse ? rmsE : rmsC;
    fit.inlierCount = useEllipse ? countE : countC;
    if (fit.inlierCount < minInliers || !fit.ellipse.valid())
        return BoundaryFit{};
    return fit;
}

BoundaryFit fitShapedBoundary(const std::vector<cv::Point2d>& points, const IrisEllipse& shape,
                              int minInliers, double minRadius, double maxRadius) {
    // Map the points through the inverse of the shape's stretch (about the origin: a stretch
    // commutes with translation up to a translation, so the centre comes back exactly), fit a
    // circle there, and stretch the circle back into an ellipse of the shape.
    const double a = shape.angleDeg * kPi / 180.0;
    const double s = std::sqrt(shape.semiAxisA * shape.semiAxisB);
    const cv::Matx22d rot(std::cos(a), -std::sin(a), std::sin(a), std::cos(a));
    const cv::Matx22d stretch =
        rot * cv::Matx22d(shape.semiAxisA / s, 0.0, 0.0, shape.semiAxisB / s) * rot.t();
    const cv::Matx22d inverse = stretch.inv();
    std::vector<cv::Point2d> rectified;
    rectified.reserve(points.size());
    for (const auto& p : points) {
        const cv::Vec2d q = inverse * cv::Vec2d(p.x, p.y);
        rectified.emplace_back(q[0], q[1]);
    }
    BoundaryFit fit = fitBoundary(rectified, minInliers, minRadius, maxRadius, false);
    if (!fit.ellipse.valid())
        return fit;
    const double r = fit.ellipse.semiAxisA;
    const cv::Vec2d c = stretch * cv::Vec2d(fit.ellipse.centre.x, fit.ellipse.centre.y);
    fit.ellipse = {{c[0], c[1]}, r * shape.semiAxisA / s, r * shape.semiAxisB / s, shape.angleDeg};
    // Residuals were measured in the rectified frame; near enough for a shape close to a circle.
    return fit;
}

} // namespace umbral::biometrics
