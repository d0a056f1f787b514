#include "app/biometrics/fingerprint/slap/slap_fingers.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <opencv2/imgproc.hpp>

namespace umbral::biometrics::slap_detail {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double rad(double deg) {
    return deg * kPi / 180.0;
}

/// Coordinates of a point across the finger (to the right) and up it (towards the tip).
struct Frame {
    double c, s;
    explicit Frame(double angleDeg) : c(std::cos(rad(angleDeg))), s(std::sin(rad(angleDeg))) {}
    double across(const cv::Point2d& p) const { return p.x * c + p.y * s; }
    double up(const cv::Point2d& p) const { return p.x * s - p.y * c; }
};

/// Principal axis of a point set as a finger angle, kept within +-45 degrees of upright (slaps
/// are taken with the hand pointing up; a blob wider than tall is two fingers, not a lying one).
/// `elongation` is the ratio of the spreads along and across.
double principalAngle(const std::vector<cv::Point>& pts, double& elongation) {
    double mx = 0, my = 0;
    for (const auto& p : pts)
        mx += p.x, my += p.y;
    mx /= static_cast<double>(pts.size());
    my /= static_cast<double>(pts.size());
    double sxx = 0, syy = 0, sxy = 0;
    for (const auto& p : pts) {
        const double dx = p.x - mx, dy = p.y - my;
        sxx += dx * dx, syy += dy * dy, sxy += dx * dy;
    }
    // Orientation of the major axis, measured from the x axis (y down).
    const double theta = 0.5 * std::atan2(2 * sxy, sxx - syy);
    const double tr = sxx + syy, det = sxx * syy - sxy * sxy;
    const double disc = std::sqrt(std::max(0.0, tr * tr / 4 - det));
    const double l1 = tr / 2 + disc, l2 = std::max(1e-9, tr / 2 - disc);
    elongation = std::sqrt(l1 / l2);
    // Finger angle: clockwise from up. The major axis at theta from x corresponds to a finger
    // angle of theta + 90 (mod 180); fold into (-90, 90], then into +-45 by taking the minor
    // axis when the major one lies too flat.
    double angle = theta * 180.0 / kPi + 90.0;
    while (angle > 90.0)
        angle -= 180.0;
    while (angle <= -90.0)
        angle += 180.0;
    if (angle > 45.0) {
        angle -= 90.0;
        elongation = 1.0 / elongation;
    } else if (angle < -45.0) {
        angle += 90.0;
        elongation = 1.0 / elongation;
    }
    return angle;
}

std::vector<double> histogram(const std::vector<double>& values, double lo, double binWidth,
                              int bins) {
    std::vector<double> h(static_cast<size_t>(bins), 0.0);
    for (double v : values) {
        const int b = static_cast<int>((v - lo) / binWidth);
        if (b >= 0 && b < bins)
            h[static_cast<size_t>(b)] += 1.0;
    }
    // Light smoothing: a three-bin moving average.
    std::vector<double> s(h.size(), 0.0);
    for (size_t i = 0; i < h.size(); ++i) {
        double sum = 0;
        int n = 0;
        for (int k = -1; k <= 1; ++k) {
            const long j = static_cast<long>(i) + k;
            if (j >= 0 && j < static_cast<long>(h.size()))
                sum += h[static_cast<size_t>(j)], ++n;
        }
        s[i] = sum / n;
    }
    return s;
}

struct Region {
    std::vector<cv::Point> pixels;
    double angle = 0;
    double elongation = 1;
};

Region makeRegion(std::vector<cv::Point> pixels) {
    Region r;
    r.pixels = std::move(pixels);
    r.angle = principalAngle(r.pixels, r.elongation);
    return r;
}

struct Extent {
    double a0, a1, u0, u1; // across and up, robust
};

Extent extentAlong(const std::vector<cv::Point>& pts, double angleDeg) {
    const Frame f(angleDeg);
    std::vector<double> across, up;
    across.reserve(pts.size());
    up.reserve(pts.size());
    for (const auto& p : pts) {
        across.push_back(f.across(cv::Point2d(p.x + 0.5, p.y + 0.5)));
        up.push_back(f.up(cv::Point2d(p.x + 0.5, p.y + 0.5)));
    }
    auto quantile = [](std::vector<double>& v, double q) {
        const auto k = static_cast<long>(q * static_cast<double>(v.size() - 1));
        std::nth_element(v.begin(), v.begin() + k, v.end());
        return v[static_cast<size_t>(k)];
    };
    Extent e;
    e.a0 = quantile(across, 0.001);
    e.a1 = quantile(across, 0.999);
    e.u0 = quantile(up, 0.001);
    e.u1 = quantile(up, 0.999);
    return e;
}

/// Plain extremes (no quantiles): cheaper, good enough to compare regions.
Extent extremesAlong(const std::vector<cv::Point>& pts, double angleDeg) {
    const Frame f(angleDeg);
    Extent e{1e18, -1e18, 1e18, -1e18};
    for (const auto& p : pts) {
        const cv::Point2d q(p.x + 0.5, p.y + 0.5);
        const double a = f.across(q), u = f.up(q);
        e.a0 = std::min(e.a0, a), e.a1 = std::max(e.a1, a);
        e.u0 = std::min(e.u0, u), e.u1 = std::max(e.u1, u);
    }
    return e;
}

cv::Point2d centroid(const std::vector<cv::Point>& pts) {
    cv::Point2d c(0, 0);
    for (const auto& p : pts)
        c += cv::Point2d(p.x + 0.5, p.y + 0.5);
    return c / static_cast<double>(pts.size());
}

/// Splits a region where two fingers touch side by side: a deep valley in the count of pixels
/// across the finger axis, with a finger-wide part on each side.
bool splitSideBySide(const Region& r, const FingertipScale& scale, Region& left, Region& right) {
    // Only a region wider than a fingertip can be two: a fingertip is taller than wide, or
    // (lifted at the tip) not much wider, and never wider than a pressed thumb.
    const Extent own = extremesAlong(r.pixels, r.angle);
    if (own.a1 - own.a0 < 1.05 * (own.u1 - own.u0) && own.a1 - own.a0 < scale.maxWidth)
        return false;
    // The line where two fingers touch runs roughly along them, but a merged region's own axis
    // is a poor guide to it: try cut directions within 30 degrees of upright and keep the one
    // with the deepest waist.
    double bestRatio = 1.0, bestCut = 0, bestAngle = 0, bestWidth = 0;
    bool found = false;
    for (double angle = -30.0; angle <= 30.0; angle += 5.0) {
        const Frame f(angle);
        std::vector<double> across;
        across.reserve(r.pixels.size());
        for (const auto& p : r.pixels)
            across.push_back(f.across(p));
        const auto [lo, hi] = std::minmax_element(across.begin(), across.end());
        const double width = *hi - *lo;
        if (width < 1.6 * scale.minWidth)
            continue;
        const double bin = 2.0;
        const int bins = static_cast<int>(width / bin) + 1;
        const std::vector<double> h = histogram(across, *lo, bin, bins);
        const int first = static_cast<int>(0.8 * scale.minWidth / bin);
        for (int i = first; i < bins - first; ++i) {
            const double peakL = *std::max_element(h.begin(), h.begin() + i);
            const double peakR = *std::max_element(h.begin() + i + 1, h.end());
            const double ratio = h[static_cast<size_t>(i)] / std::max(1.0, std::min(peakL, peakR));
            if (ratio < bestRatio) {
                bestRatio = ratio, bestCut = *lo + (i + 0.5) * bin, bestAngle = angle,
                bestWidth = width;
                found = true;
            }
        }
    }
    // A waist between two fingers is deep; a fingertip's own outline never dips that far. A
    // region far wider than one finger is split at its deepest point even if the fingers are
    // pressed together.
    const double needed = bestWidth > 1.15 * scale.maxWidth ? 0.75 : 0.4;
    if (!found || bestRatio > needed)
        return false;
    const Frame f(bestAngle);
    std::vector<cv::Point> a, b;
    for (const auto& p : r.pixels)
        (f.across(p) < bestCut ? a : b).push_back(p);
    if (a.size() < 50 || b.size() < 50)
        return false;
    left = makeRegion(std::move(a));
    right = makeRegion(std::move(b));
    return true;
}

/// Cuts a region at a flexion crease: well below the tip, the region's width along the axis
/// drops to a narrow neck or a gap before widening again into the next phalanx.
bool cutAtCrease(const Region& r, Region& tip, Region& below) {
    const Frame f(r.angle);
    std::vector<double> up;
    up.reserve(r.pixels.size());
    for (const auto& p : r.pixels)
        up.push_back(f.up(p));
    const auto [lo, hi] = std::minmax_element(up.begin(), up.end());
    const double length = *hi - *lo;
    const double bin = 2.0;
    const int bins = static_cast<int>(length / bin) + 1;
    // Widths from the tip downwards.
    std::vector<double> h = histogram(up, *lo, bin, bins);
    std::reverse(h.begin(), h.end());
    std::vector<double> top(h.begin(), h.begin() + std::max(1, bins * 2 / 5));
    std::nth_element(top.begin(), top.begin() + static_cast<long>(top.size() / 2), top.end());
    const double typical = top[top.size() / 2];
    // Width in pixels ~ count per bin / bin; the tip is about 1.2 to 1.6 widths long.
    const double widthPx = typical / bin;
    if (length < 1.4 * widthPx)
        return false;
    const int from = static_cast<int>(0.75 * widthPx / bin);
    const int to = bins - static_cast<int>(0.2 * widthPx / bin);
    int best = -1;
    double bestCount = 1e18;
    for (int i = from; i < to; ++i)
        if (h[static_cast<size_t>(i)] < bestCount)
            bestCount = h[static_cast<size_t>(i)], best = i;
    // A crease is a gap, or at most a thin bridge, across the whole finger; a bite out of one
    // side (a smear, a dry patch) leaves much more.
    if (best >= 0 && bestCount > 0.2 * typical) {
        // On real slaps the skin of the crease often keeps some texture (and the mask's closing
        // bridges the rest): the crease is then only a waist, notched in from both sides. Take
        // it when the region is far longer than a fingertip can be (a distal phalanx is about
        // 1.2-1.6 widths long) and the waist, well below the tip, is clearly narrower than the
        // tip above it and than the phalanx below it, which widens again. A lone fingertip,
        // however narrow, tapers to its lower end without widening again.
        // The width here is the region's extent across the finger in its upper part (pixel
        // counts under-read the width of a dry print full of gaps and would make a fingertip
        // look long).
        best = -1;
        std::vector<double> acrossTop;
        for (size_t i = 0; i < r.pixels.size(); ++i)
            if (up[i] > *hi - 0.4 * length)
                acrossTop.push_back(f.across(r.pixels[i]));
        double extent = 0;
        if (acrossTop.size() > 20) {
            const size_t k2 = acrossTop.size() / 50, k98 = acrossTop.size() - 1 - k2;
            std::nth_element(acrossTop.begin(), acrossTop.begin() + static_cast<long>(k2),
                             acrossTop.end());
            const double a2 = acrossTop[k2];
            std::nth_element(acrossTop.begin(), acrossTop.begin() + static_cast<long>(k98),
                             acrossTop.end());
            extent = acrossTop[k98] - a2;
        }
        if (length >= 1.9 * std::max(widthPx, extent)) {
            const int waistFrom = static_cast<int>(0.9 * widthPx / bin);
            const int waistTo = bins - static_cast<int>(0.45 * widthPx / bin);
            double waist = 1e18;
            for (int i = waistFrom; i < waistTo; ++i)
                if (h[static_cast<size_t>(i)] < waist)
                    waist = h[static_cast<size_t>(i)], best = i;
            if (best >= 0) {
                const double above = *std::max_element(h.begin(), h.begin() + best);
                const double below = *std::max_element(h.begin() + best, h.end());
                if (waist > 0.75 * above || waist > 0.92 * below)
                    best = -1;
            }
        }
    }
    if (best < 0)
        return false;
    const double cut = *hi - (best + 0.5) * bin;
    std::vector<cv::Point> a, b;
    for (size_t i = 0; i < r.pixels.size(); ++i)
        (up[i] > cut ? a : b).push_back(r.pixels[i]);
    if (a.size() < 50 || b.size() < 50)
        return false;
    tip = makeRegion(std::move(a));
    below = makeRegion(std::move(b));
    return true;
}

/// How much a fingertip's own axis estimate is worth: the clarity of its shape (0 for a round
/// region, growing with elongation either way), less for a small region (a faint or broken
/// print), or a fixed modest weight for an axis drawn from the phalanx below.
constexpr double kLineWeight = 0.25;

/// The axis, within 35 degrees of upright, about which a region is most nearly its own mirror
/// image, and how much more symmetric it is about that axis than about a typical one. A
/// fingertip's outline is symmetric about the finger; so is the cap left when the lower pad
/// lifts, which is too round for its principal axes to mean anything.
void symmetryAxis(const std::vector<cv::Point>& pts, double& angle, double& sharpness) {
    angle = 0.0;
    sharpness = 0.0;
    if (pts.size() < 100)
        return;
    const cv::Rect box = cv::boundingRect(pts);
    cv::Mat inside(box.size(), CV_8U, cv::Scalar(0));
    for (const auto& p : pts)
        inside.at<uchar>(p.y - box.y, p.x - box.x) = 1;
    const cv::Point2d c = centroid(pts);
    const size_t stride = std::max<size_t>(1, pts.size() / 4000); // a sample is enough
    std::vector<double> scores;
    double best = -1.0;
    for (double a = -35.0; a <= 35.0 + 1e-9; a += 2.5) {
        const double ux = std::sin(rad(a)), uy = -std::cos(rad(a));
        size_t hits = 0, tried = 0;
        for (size_t k = 0; k < pts.size(); k += stride, ++tried) {
            const double dx = pts[k].x + 0.5 - c.x, dy = pts[k].y + 0.5 - c.y;
            const double along = dx * ux + dy * uy;
            const int rx = static_cast<int>(std::floor(c.x + 2 * along * ux - dx)) - box.x;
            const int ry = static_cast<int>(std::floor(c.y + 2 * along * uy - dy)) - box.y;
            if (rx >= 0 && ry >= 0 && rx < box.width && ry < box.height && inside.at<uchar>(ry, rx))
                ++hits;
        }
        const double score = static_cast<double>(hits) / static_cast<double>(tried);
        scores.push_back(score);
        if (score > best)
            best = score, angle = a;
    }
    std::nth_element(scores.begin(), scores.begin() + static_cast<long>(scores.size() / 2),
                     scores.end());
    sharpness = best - scores[scores.size() / 2];
}

struct AxisVote {
    double angle;
    double weight;
};

/// The fingers of one hand fan out smoothly: their axes change roughly linearly from one side
/// of the hand to the other. A fingertip whose own estimate is weak takes its axis from that
/// fan, fitted to the others; one whose estimate disagrees with a fan that at least two other
/// fingertips support is overruled. Two thumbs lean towards each other and their hands are
/// placed independently: they share nothing and keep their own estimates.
void settleAxes(std::vector<FingertipRegion>& tips, const std::vector<AxisVote>& votes,
                bool thumbs) {
    const double tolerance = 12.0, firm = 0.15;
    if (thumbs) {
        // Two thumbs placed together lean towards each other, about ten degrees each, around
        // the hands' common tilt: left thumb psi + lean, right thumb psi - lean. One thumb's axis
        // therefore predicts the other's, loosely (the tilt and the lean are not known apart);
        // the prediction counts as much as a weak shape of its own.
        if (tips.size() != 2)
            return;
        const double lean = 11.0, sdTilt = 7.0, sdLean = 4.0;
        const double k = (sdTilt * sdTilt - sdLean * sdLean) / (sdTilt * sdTilt + sdLean * sdLean);
        const double fromLeft = k * (votes[0].angle - lean) - lean;  // the right thumb
        const double fromRight = k * (votes[1].angle + lean) + lean; // the left thumb
        const double predicted[2] = {fromRight, fromLeft};
        double settled[2];
        for (size_t i = 0; i < 2; ++i) {
            const double wOther = 0.5 * votes[1 - i].weight;
            const double wOwn = votes[i].weight;
            settled[i] = wOwn + wOther > 0
                             ? (wOwn * votes[i].angle + wOther * predicted[i]) / (wOwn + wOther)
                             : votes[i].angle;
        }
        for (size_t i = 0; i < 2; ++i)
            tips[i].angleDeg = settled[i];
        return;
    }
    std::vector<double> xs;
    for (const auto& t : tips)
        xs.push_back(centroid(t.pixels).x);
    std::vector<size_t> use;
    for (size_t i = 0; i < tips.size(); ++i)
        if (votes[i].weight > 0)
            use.push_back(i);
    // Weighted least squares of angle on x, then again without the votes that stray from it.
    auto fitLine = [&](const std::vector<size_t>& from, double& a, double& b) {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (size_t i : from) {
            const double w = votes[i].weight;
            sw += w, sx += w * xs[i], sy += w * votes[i].angle;
            sxx += w * xs[i] * xs[i], sxy += w * xs[i] * votes[i].angle;
        }
        const double mx = sx / sw, my = sy / sw, var = sxx / sw - mx * mx;
        b = from.size() >= 3 && var > 1.0 ? (sxy / sw - mx * my) / var : 0.0;
        // A hand fans out by a few tens of degrees at most across its four fingertips.
        b = std::clamp(b, -0.08, 0.08);
        a = my - b * mx;
    };
    if (use.size() < 2)
        return; // no fan to speak of: each fingertip keeps its own estimate
    double a = 0, b = 0;
    fitLine(use, a, b);
    std::vector<size_t> kept;
    for (size_t i : use)
        if (std::abs(votes[i].angle - (a + b * xs[i])) <= tolerance)
            kept.push_back(i);
    if (kept.size() < 2)
        return; // the votes disagree: nothing to overrule them with
    fitLine(kept, a, b);
    for (size_t i = 0; i < tips.size(); ++i) {
        const double fan = a + b * xs[i];
        const bool supportedWithoutMe =
            kept.size() - static_cast<size_t>(std::count(kept.begin(), kept.end(), i)) >= 2;
        if (supportedWithoutMe &&
            (votes[i].weight < firm || std::abs(tips[i].angleDeg - fan) > tolerance)) {
            tips[i].angleDeg = fan;
            tips[i].axisFromShape = false;
        }
    }
}

} // namespace

cv::RotatedRect boxAlong(const std::vector<cv::Point>& pixels, double angleDeg) {
    if (pixels.empty())
        return {};
    const Extent e = extentAlong(pixels, angleDeg);
    const Frame f(angleDeg);
    const double ac = (e.a0 + e.a1) / 2, uc = (e.u0 + e.u1) / 2;
    // Invert across = x c + y s, up = x s - y c.
    const cv::Point2f centre(static_cast<float>(ac * f.c + uc * f.s),
                             static_cast<float>(ac * f.s - uc * f.c));
    return cv::RotatedRect(
        centre,
        cv::Size2f(static_cast<float>(e.a1 - e.a0 + 1), static_cast<float>(e.u1 - e.u0 + 1)),
        static_cast<float>(angleDeg));
}

std::vector<FingertipRegion> findFingertips(const cv::Mat& mask, bool thumbs,
                                            const FingertipScale& scale) {
    CV_Assert(mask.type() == CV_8U);
    // Group the pieces of one print (dry skin, a light touch and motion break a print into
    // fragments) by closing small gaps, but keep each group's own pixels: the gaps must not
    // count as print.
    cv::Mat grouped, labels, stats, centroids;
    cv::morphologyEx(mask, grouped, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(15, 15)));
    const int n = cv::connectedComponentsWithStats(grouped, labels, stats, centroids, 8, CV_32S);
    std::vector<std::vector<cv::Point>> byLabel(static_cast<size_t>(n));
    for (int y = 0; y < labels.rows; ++y) {
        const int* row = labels.ptr<int>(y);
        const uchar* m = mask.ptr<uchar>(y);
        for (int x = 0; x < labels.cols; ++x)
            if (row[x] > 0 && m[x])
                byLabel[static_cast<size_t>(row[x])].emplace_back(x, y);
    }
    for (auto& pts : byLabel)
        if (static_cast<double>(pts.size()) < scale.minArea)
            pts.clear();
    std::vector<Region> work;
    for (auto& pts : byLabel)
        if (!pts.empty())
            work.push_back(makeRegion(std::move(pts)));

    // Split touching fingers, then cut each at its crease; both may repeat on the parts.
    std::vector<Region> parts;
    for (size_t guard = 0; !work.empty() && guard < 64; ++guard) {
        Region r = std::move(work.back());
        work.pop_back();
        Region a, b;
        if (splitSideBySide(r, scale, a, b)) {
            work.push_back(std::move(a));
            work.push_back(std::move(b));
        } else if (cutAtCrease(r, a, b)) {
            // The upper part may still hold a crease: a phalanx joined to its fingertip by a
            // waist, above a gap to a strip of the next one.
            work.push_back(std::move(a));
            work.push_back(std::move(b));
        } else {
            parts.push_back(std::move(r));
        }
    }
    parts.erase(std::remove_if(parts.begin(), parts.end(),
                               [&](const Region& r) { return r.pixels.size() < scale.minArea; }),
                parts.end());

    // The hand's axis: the median of the regions whose shape shows their axis (a fingertip is
    // taller than wide; a partial or round print is not and says little about its axis).
    // Either way: a fingertip partly lifted along its length is narrow, one lifted at the tip or
    // curled is wider than tall; both still show the axis. A roundish region does not.
    auto shows = [](double elongation) { return std::abs(std::log(elongation)) >= std::log(1.25); };
    auto median = [](std::vector<double> v) {
        std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
        return v[v.size() / 2];
    };

    // A region lying below another, along a direction that could be that one's axis, within
    // about a fingertip's length of its lower end, is the next phalanx of the same finger: not
    // a fingertip. The direction to test is the line between the two, checked against the upper
    // region's own axis when its shape shows one, else against the hand's (upright for thumbs,
    // which lean either way).
    std::vector<int> above(parts.size(), -1); // the region each phalanx hangs from
    std::vector<cv::Point2d> centres;
    for (const auto& p : parts)
        centres.push_back(centroid(p.pixels));
    auto pair = [&](double handAxis) {
        std::fill(above.begin(), above.end(), -1);
        for (size_t i = 0; i < parts.size(); ++i) {
            double closest = 1e18;
            for (size_t j = 0; j < parts.size(); ++j) {
                const cv::Point2d d = centres[i] - centres[j];
                if (i == j || d.y <= 0)
                    continue;
                const double implied = std::atan2(-d.x, d.y) * 180.0 / kPi;
                const bool own = shows(parts[j].elongation);
                const double reference = own ? parts[j].angle : (thumbs ? 0.0 : handAxis);
                const double tolerance = own ? 20.0 : (thumbs ? 35.0 : 30.0);
                if (std::abs(implied - reference) > tolerance)
                    continue;
                const Extent e = extremesAlong(parts[j].pixels, implied);
                const Frame f(implied);
                // A partial fingertip may be narrow (rolled) or short (lifted): measure against
                // the larger of its two sides.
                const double length = e.u1 - e.u0, size = std::max(e.a1 - e.a0, length);
                double topI = -1e18;
                for (const auto& p : parts[i].pixels)
                    topI = std::max(topI, f.up(cv::Point2d(p.x + 0.5, p.y + 0.5)));
                const double gapBelow = e.u0 - topI;
                if (gapBelow > -0.15 * length && gapBelow < 1.1 * size && gapBelow < closest) {
                    closest = gapBelow;
                    above[i] = static_cast<int>(j);
                }
            }
        }
    };
    // The line from a phalanx up to its fingertip is the finger's axis.
    auto lineAxis = [&](size_t tip, double& angle) {
        for (size_t k = 0; k < parts.size(); ++k)
            if (above[k] == static_cast<int>(tip)) {
                const cv::Point2d d = centroid(parts[tip].pixels) - centroid(parts[k].pixels);
                angle = std::atan2(d.x, -d.y) * 180.0 / kPi;
                return true;
            }
        return false;
    };

    // The hand's axis: the median of the regions whose shapes show theirs; failing any, of the
    // lines from phalanges to fingertips found with the hand upright; failing those, upright.
    std::vector<double> shaped;
    for (const auto& p : parts)
        if (shows(p.elongation))
            shaped.push_back(p.angle);
    double handAxis = 0.0;
    if (!shaped.empty()) {
        handAxis = median(shaped);
        pair(handAxis);
    } else {
        pair(0.0);
        std::vector<double> lines;
        for (size_t i = 0; i < parts.size(); ++i) {
            double a;
            if (above[i] < 0 && lineAxis(i, a) && std::abs(a) < 35.0)
                lines.push_back(a);
        }
        if (!lines.empty()) {
            handAxis = median(lines);
            pair(handAxis);
        }
    }

    std::vector<size_t> tipParts;
    for (size_t i = 0; i < parts.size(); ++i)
        if (above[i] < 0)
            tipParts.push_back(i);
    // Second look, in the hand's frame: a region lying wholly below another one that covers
    // most of its width is under that finger, whatever the two regions' own shapes say (a thin
    // strip of phalanx under a partly lifted fingertip shows no reliable axis of its own).
    {
        const double frameAxis = thumbs ? 0.0 : handAxis;
        std::vector<Extent> ext;
        for (size_t i : tipParts)
            ext.push_back(extremesAlong(parts[i].pixels, frameAxis));
        std::vector<bool> under(tipParts.size(), false);
        for (size_t a = 0; a < tipParts.size(); ++a)
            for (size_t b = 0; b < tipParts.size(); ++b) {
                if (a == b)
                    continue;
                const double overlap =
                    std::min(ext[a].a1, ext[b].a1) - std::max(ext[a].a0, ext[b].a0);
                const double slack = 0.1 * (ext[b].u1 - ext[b].u0);
                if (overlap > 0.5 * (ext[a].a1 - ext[a].a0) && ext[a].u1 < ext[b].u0 + slack)
                    under[a] = true;
            }
        std::vector<size_t> kept;
        for (size_t k = 0; k < tipParts.size(); ++k)
            if (!under[k])
                kept.push_back(tipParts[k]);
        tipParts = kept;
    }
    std::sort(tipParts.begin(), tipParts.end(), [&](size_t a, size_t b) {
        return centroid(parts[a].pixels).x < centroid(parts[b].pixels).x;
    });
    std::vector<double> sizes;
    for (size_t i : tipParts)
        sizes.push_back(static_cast<double>(parts[i].pixels.size()));
    const double typicalSize = sizes.empty() ? 1.0 : median(sizes);
    std::vector<FingertipRegion> tips;
    std::vector<AxisVote> votes;
    for (size_t i : tipParts) {
        FingertipRegion t;
        t.pixels = parts[i].pixels;
        t.axisFromShape = shows(parts[i].elongation);
        t.elongation = parts[i].elongation;
        t.angleDeg = parts[i].angle;
        // Up to three opinions on the axis: the region's principal axes (if it is clearly
        // longer one way), its axis of mirror symmetry (if one stands out), and the line to the
        // phalanx below it (about two fingertips long). The strongest leads; those that agree
        // with it within 15 degrees are averaged in by weight.
        const double sizeFactor = std::min(1.0, static_cast<double>(t.pixels.size()) / typicalSize);
        std::vector<AxisVote> opinions;
        if (t.axisFromShape)
            opinions.push_back(
                {parts[i].angle, std::min(std::abs(std::log(t.elongation)), 0.5) * sizeFactor});
        double mirror, sharpness;
        symmetryAxis(t.pixels, mirror, sharpness);
        if (sharpness >= 0.04)
            opinions.push_back({mirror, std::min(0.5, 4.0 * sharpness) * sizeFactor});
        double line;
        // Thumbs lean either way from upright; fingers stay near the hand's axis.
        if (lineAxis(i, line) &&
            std::abs(line - (thumbs ? 0.0 : handAxis)) < (thumbs ? 40.0 : 30.0))
            opinions.push_back({line, kLineWeight});
        AxisVote vote{thumbs ? 0.0 : handAxis, 0.0};
        if (!opinions.empty()) {
            const auto lead = *std::max_element(
                opinions.begin(), opinions.end(),
                [](const AxisVote& a, const AxisVote& b) { return a.weight < b.weight; });
            double sw = 0, sa = 0;
            for (const auto& o : opinions)
                if (std::abs(o.angle - lead.angle) <= 15.0)
                    sw += o.weight, sa += o.weight * o.angle;
            vote = {sa / sw, sw};
        }
        // With no opinion, thumbs (which lean either way) are taken as upright, fingers as
        // along the hand.
        t.angleDeg = vote.angle;
        t.axisFromShape = vote.weight > 0;
        tips.push_back(std::move(t));
        votes.push_back(vote);
    }
    settleAxes(tips, votes, thumbs);
    for (auto& t : tips)
        t.box = boxAlong(t.pixels, t.angleDeg);
    return tips;
}

double handAxisOf(const std::vector<FingertipRegion>& tips) {
    std::vector<double> a;
    for (const auto& t : tips)
        if (t.axisFromShape)
            a.push_back(t.angleDeg);
    if (a.empty())
        return 0.0;
    std::nth_element(a.begin(), a.begin() + static_cast<long>(a.size() / 2), a.end());
    return a[a.size() / 2];
}

} // namespace umbral::biometrics::slap_detail
