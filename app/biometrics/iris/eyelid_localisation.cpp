// Eyelid localisation: per column, walk from the pupil toward the limbus and find where the
// iris's grey levels give way (to skin, lid margin or lashes); fit a parabola through those
// points with RANSAC so lash tips and crypts do not bend it.
#include "app/biometrics/iris/segmentation_steps.h"

#include <algorithm>
#include <opencv2/core.hpp>

namespace umbral::biometrics::iris_detail {

namespace {

bool solveParabola(const std::vector<cv::Point2d>& pts, double xRef, EyelidBoundary& lid) {
    if (pts.size() < 3)
        return false;
    // Least squares in x - xRef for conditioning, then expand to y = c0 + c1 x + c2 x^2.
    cv::Matx33d ata = cv::Matx33d::zeros();
    cv::Vec3d atb(0, 0, 0);
    for (const auto& p : pts) {
        const double u = p.x - xRef;
        const cv::Vec3d row(1.0, u, u * u);
        for (int i = 0; i < 3; ++i) {
            atb[i] += row[i] * p.y;
            for (int j = 0; j < 3; ++j)
                ata(i, j) += row[i] * row[j];
        }
    }
    cv::Vec3d b;
    if (!cv::solve(ata, atb, b, cv::DECOMP_SVD))
        return false;
    lid.c2 = b[2];
    lid.c1 = b[1] - 2.0 * b[2] * xRef;
    lid.c0 = b[0] - b[1] * xRef + b[2] * xRef * xRef;
    return std::isfinite(lid.c0) && std::isfinite(lid.c1) && std::isfinite(lid.c2);
}

} // namespace

EyelidBoundary findEyelid(const cv::Mat& soft, const IrisEllipse& pupil, const IrisEllipse& limbus,
                          const IrisGreyModel& iris, bool upper) {
    EyelidBoundary none;
    double xl0 = 0.0;
    double xl1 = 0.0;
    if (!limbus.rowSpan(limbus.centre.y, xl0, xl1))
        return none;
    const double R = limbus.meanRadius();
    const double halfWidth = 0.5 * (xl1 - xl0);
    const double xc = 0.5 * (xl0 + xl1);
    const double colStep = std::max(2.0, R / 40.0);
    const int run = std::max(5, static_cast<int>(0.05 * R));
    const double tolerance = std::max(18.0, 2.5 * iris.spread);
    const int dir = upper ? -1 : 1;

    std::vector<cv::Point2d> points;
    int columns = 0;
    for (double x = xc - 0.9 * halfWidth; x <= xc + 0.9 * halfWidth; x += colStep) {
        const int xi = static_cast<int>(std::lround(x));
        if (xi < 0 || xi >= soft.cols)
            continue;
        double ly0 = 0.0;
        double ly1 = 0.0;
        if (!limbus.columnSpan(x, ly0, ly1))
            continue;
        double start = pupil.centre.y;
        double py0 = 0.0;
        double py1 = 0.0;
        if (pupil.columnSpan(x, py0, py1))
            start = upper ? py0 - 2.0 : py1 + 2.0;
        // Stop short of the limbus: its blur and the darker limbal ring would pass for a lid,
        // and a lid that hides less than this margin hides nothing worth masking.
        const double margin = std::max(4.0, 0.05 * R);
        const double end = upper ? ly0 + margin : ly1 - margin;
        if ((end - start) * dir <= run)
            continue;
        ++columns;
        const int ys = static_cast<int>(std::lround(start));
        const int ye = static_cast<int>(std::lround(end));
        // nonIris[i]: the i-th pixel from the start does not look like iris.
        std::vector<unsigned char> nonIris;
        for (int y = ys; (ye - y) * dir >= 0; y += dir) {
            if (y < 0 || y >= soft.rows) {
                nonIris.push_back(1); // outside the frame counts as hidden
                continue;
            }
            nonIris.push_back(std::abs(soft.at<uchar>(y, xi) - iris.median) > tolerance ? 1 : 0);
        }
        const int n = static_cast<int>(nonIris.size());
        int window = 0;
        for (int i = 0; i < std::min(run, n); ++i)
            window += nonIris[i];
        // A lid, once it starts, hides everything up to the limbus: most of the rest of the
        // column must be non-iris too (a crypt or a single lash is not a lid).
        std::vector<int> tail(static_cast<std::size_t>(n) + 1, 0);
        for (int i = n - 1; i >= 0; --i)
            tail[i] = tail[i + 1] + nonIris[i];
        for (int i = 0; i + run <= n; ++i) {
            if (i > 0)
                window += nonIris[i + run - 1] - nonIris[i - 1];
            if (window >= 0.8 * run && nonIris[i] && tail[i] >= 0.7 * (n - i)) {
                points.emplace_back(x, ys + dir * i);
                break;
            }
        }
    }
    if (columns == 0 || static_cast<double>(points.size()) < std::max(5.0, 0.25 * columns))
        return none;

    // RANSAC: three points define a parabola; keep the one most points agree with. The lid
    // bows away from the pupil (upper: c2 >= 0 in image coordinates, lower: c2 <= 0).
    const double inlierTol = std::max(3.0, 0.03 * R);
    // Lids are gentle curves: over the iris a margin bows by well under a radius.
    const double maxCurv = 1.0 / R;
    cv::RNG rng(0x11D5EEDULL);
    std::vector<cv::Point2d> bestInliers;
    const int n = static_cast<int>(points.size());
    for (int it = 0; it < 80; ++it) {
        const int a = rng.uniform(0, n);
        const int b = rng.uniform(0, n);
        const int c = rng.uniform(0, n);
        if (a == b || b == c || a == c)
            continue;
        EyelidBoundary cand;
        if (!solveParabola({points[a], points[b], points[c]}, xc, cand))
            continue;
        if ((upper && cand.c2 < -0.05 / R) || (!upper && cand.c2 > 0.05 / R) ||
            std::abs(cand.c2) > maxCurv)
            continue;
        std::vector<cv::Point2d> in;
        for (const auto& p : points)
            if (std::abs(cand.yAt(p.x) - p.y) <= inlierTol)
                in.push_back(p);
        if (in.size() > bestInliers.size())
            bestInliers = std::move(in);
    }
    if (static_cast<double>(bestInliers.size()) < std::max(5.0, 0.25 * columns))
        return none;
    EyelidBoundary lid;
    if (!solveParabola(bestInliers, xc, lid))
        return none;
    lid.present = true;
    return lid;
}

} // namespace umbral::biometrics::iris_detail
