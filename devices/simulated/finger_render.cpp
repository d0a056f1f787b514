#include "devices/simulated/finger_render.h"

#include "devices/simulated/finger_fields.h"
#include "devices/simulated/finger_random.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace umbral::devices::finger_detail {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kGridStep = 8; // distortion is smooth: computed every 8 px, interpolated

/// Bilinear sample of a coarse grid whose node (i, j) sits at pixel (j * step, i * step).
inline float sampleGrid(const cv::Mat& grid, double gx, double gy) {
    const int x0 = std::min(static_cast<int>(gx), grid.cols - 2);
    const int y0 = std::min(static_cast<int>(gy), grid.rows - 2);
    const float tx = static_cast<float>(gx - x0), ty = static_cast<float>(gy - y0);
    const float* r0 = grid.ptr<float>(y0);
    const float* r1 = grid.ptr<float>(y0 + 1);
    return (r0[x0] * (1 - tx) + r0[x0 + 1] * tx) * (1 - ty) +
           (r1[x0] * (1 - tx) + r1[x0 + 1] * tx) * ty;
}

} // namespace

RenderedFinger renderFinger(const MasterFingerprint& master, const FingerPose& pose,
                            const FingerQuality& quality, cv::Size outputSize, std::uint64_t seed,
                            const RenderOptions& options) {
    RenderedFinger out;
    Random rnd(seed);
    const double pressure = std::clamp(quality.pressure, 0.0, 1.0);
    const double dryness = std::clamp(quality.dryness, 0.0, 1.0);
    const double wetness = std::clamp(quality.wetness, 0.0, 1.0);
    const double contactFraction = std::clamp(quality.contact, 0.02, 1.0);
    const double distortion = std::clamp(quality.distortion, 0.0, 1.0);

    const double phi = pose.rotationDeg * kPi / 180.0;
    const double cs = std::cos(phi), sn = std::sin(phi);
    const cv::Point2d pc(master.padCentre.x, master.padCentre.y);
    const double padW = master.padSize.width, padH = master.padSize.height;

    // Output region: the master canvas's corners carried to the image, plus distortion slack.
    const cv::Size canvas = master.ridges.size();
    double minX = 1e9, minY = 1e9, maxX = -1e9, maxY = -1e9;
    for (const cv::Point2d corner :
         {cv::Point2d(0, 0), cv::Point2d(canvas.width, 0), cv::Point2d(0, canvas.height),
          cv::Point2d(canvas.width, canvas.height)}) {
        const cv::Point2d q = corner - pc;
        const double x = pose.centre.x + cs * q.x - sn * q.y;
        const double y = pose.centre.y + sn * q.x + cs * q.y;
        minX = std::min(minX, x), maxX = std::max(maxX, x);
        minY = std::min(minY, y), maxY = std::max(maxY, y);
    }
    const int slack = 16;
    cv::Rect roi(cv::Point(static_cast<int>(std::floor(minX)) - slack,
                           static_cast<int>(std::floor(minY)) - slack),
                 cv::Point(static_cast<int>(std::ceil(maxX)) + slack,
                           static_cast<int>(std::ceil(maxY)) + slack));
    roi &= cv::Rect(cv::Point(0, 0), outputSize);
    if (roi.empty())
        return out;
    out.roi = roi;

    // --- Elastic distortion (after Cappelli, Maio & Maltoni, "Modelling plastic distortion in
    // fingerprint images", 2001): an elliptical region of firm contact moves rigidly with the
    // placement; skin outside it is dragged by an extra small rotation and translation (the
    // lateral force of the press), blended in by a smooth "brake" across a transition band;
    // a gentle random field adds the skin's own elasticity.
    const cv::Point2d contactCentre(pc.x + padW * rnd.normal(0, 0.04),
                                    pc.y + padH * rnd.uniform(0.0, 0.08));
    const double coreA = 0.22 * padW, coreB = 0.22 * padH;
    const double transition = 0.35 * padW;
    const double dragAngle = distortion * rnd.uniform(-5.0, 5.0) * kPi / 180.0;
    const cv::Point2d dragShift(distortion * rnd.uniform(-11.0, 11.0),
                                distortion * rnd.uniform(-11.0, 11.0));
    const double dc = std::cos(dragAngle), ds = std::sin(dragAngle);

    const int gw = roi.width / kGridStep + 2, gh = roi.height / kGridStep + 2;
    const cv::Size gridSize(gw, gh);
    cv::Mat elasticX = smoothNoise(gridSize, 10.0, rnd),
            elasticY = smoothNoise(gridSize, 10.0, rnd);
    const double elasticAmp = 2.5 * distortion;
    cv::Mat gridX(gridSize, CV_32F), gridY(gridSize, CV_32F);
    for (int j = 0; j < gh; ++j)
        for (int i = 0; i < gw; ++i) {
            const double px = roi.x + i * kGridStep - pose.centre.x;
            const double py = roi.y + j * kGridStep - pose.centre.y;
            // Inverse of the placement: image -> master canvas.
            const cv::Point2d q(pc.x + cs * px + sn * py, pc.y - sn * px + cs * py);
            const double ex = (q.x - contactCentre.x) / coreA, ey = (q.y - contactCentre.y) / coreB;
            const double r = std::sqrt(ex * ex + ey * ey);
            const double beyond = std::max(0.0, r - 1.0) * std::min(coreA, coreB);
            const double brake = smoothstep(0.0, transition, beyond);
            const cv::Point2d rel = q - contactCentre;
            const cv::Point2d dragged(contactCentre.x + dc * rel.x - ds * rel.y + dragShift.x,
                                      contactCentre.y + ds * rel.x + dc * rel.y + dragShift.y);
            gridX.at<float>(j, i) = static_cast<float>(
                q.x + brake * (dragged.x - q.x + elasticAmp * elasticX.at<float>(j, i)));
            gridY.at<float>(j, i) = static_cast<float>(
                q.y + brake * (dragged.y - q.y + elasticAmp * elasticY.at<float>(j, i)));
        }
    cv::Mat mapX(roi.size(), CV_32F), mapY(roi.size(), CV_32F);
    for (int y = 0; y < roi.height; ++y) {
        float* mx = mapX.ptr<float>(y);
        float* my = mapY.ptr<float>(y);
        const double gy = static_cast<double>(y) / kGridStep;
        for (int x = 0; x < roi.width; ++x) {
            const double gx = static_cast<double>(x) / kGridStep;
            mx[x] = sampleGrid(gridX, gx, gy);
            my[x] = sampleGrid(gridY, gx, gy);
        }
    }

    cv::Mat ridges, silhouette;
    cv::remap(master.ridges, ridges, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, 0);
    cv::remap(master.silhouette, silhouette, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, 0);
    silhouette.convertTo(silhouette, CV_32F, 1.0 / 255.0);

    // --- Contact region. A flat press touches an ellipse-like area that grows with pressure;
    // its edge is ragged (skin texture, sweat); partial contact keeps only the part of the pad
    // on one side of a line (tip lifted, finger rolled to one side).
    const double reach = 0.74 + 0.42 * pressure; // normalised radius of the contact ellipse
    const double reach2 = reach * reach;
    cv::Mat edgeNoise = smoothNoise(roi.size(), 14.0, rnd);
    const double drawnCut = rnd.uniform(0, 2 * kPi);
    const double cutAngle = options.liftDirectionRad >= 0 ? options.liftDirectionRad : drawnCut;
    const cv::Point2d cutDir(std::cos(cutAngle), std::sin(cutAngle));
    double cutAt = 1e9;
    if (contactFraction < 0.999) {
        // The cut line keeps `contact` of the pad: a quantile of the pad's pixels along cutDir.
        std::vector<double> proj;
        for (int y = 0; y < master.silhouette.rows; y += 3)
            for (int x = 0; x < master.silhouette.cols; x += 3)
                if (master.silhouette.at<uchar>(y, x))
                    proj.push_back((x - contactCentre.x) * cutDir.x +
                                   (y - contactCentre.y) * cutDir.y);
        if (!proj.empty()) {
            const auto k = static_cast<size_t>(contactFraction * (proj.size() - 1));
            std::nth_element(proj.begin(), proj.begin() + static_cast<long>(k), proj.end());
            cutAt = proj[k];
        }
    }
    cv::Mat contact(roi.size(), CV_32F), edgeFade(roi.size(), CV_32F);
    for (int y = 0; y < roi.height; ++y) {
        const float* mx = mapX.ptr<float>(y);
        const float* my = mapY.ptr<float>(y);
        const float* sil = silhouette.ptr<float>(y);
        const float* en = edgeNoise.ptr<float>(y);
        float* c = contact.ptr<float>(y);
        float* f = edgeFade.ptr<float>(y);
        for (int x = 0; x < roi.width; ++x) {
            const double ex = (mx[x] - contactCentre.x) / (padW / 2);
            const double ey = (my[x] - contactCentre.y) / (padH / 2);
            const double e = ex * ex + ey * ey + 0.10 * en[x];
            const double inside = reach2 - e;
            double v = smoothstep(0.0, 0.12, inside) * sil[x];
            if (cutAt < 1e8) {
                // The lifted side's border is as ragged as any contact edge.
                const double along = (mx[x] - contactCentre.x) * cutDir.x +
                                     (my[x] - contactCentre.y) * cutDir.y + 14.0 * en[x];
                v *= smoothstep(cutAt + 5.0, cutAt - 5.0, along);
            }
            c[x] = static_cast<float>(v);
            // Near the edge of the contact area the skin barely touches: thinner, fainter ridges.
            f[x] = static_cast<float>(1.0 - smoothstep(0.0, 0.45, inside));
        }
    }

    // --- Ridges. The master is a smooth ridge signal in [-1, 1]; the threshold on it sets the
    // ridge width: pressure and wetness lower it (wider ridges), dryness raises it.
    // Skin is not a drawing: ridge width wanders along a ridge (width field), ink density
    // varies at the scale of ridge units (grain field), sweat pores open as small white dots, and
    // at the edge of the contact area ridges break up rather than fade.
    const double threshold = 0.24 - 0.42 * pressure + 0.22 * dryness - 0.30 * wetness;
    const double amplitude = (0.72 + 0.28 * smoothstep(0.0, 0.5, pressure)) * (1.0 - 0.3 * dryness);
    cv::Mat widthField = smoothNoise(roi.size(), 9.0, rnd);
    cv::Mat grainField = smoothNoise(roi.size(), 3.5, rnd);
    cv::Mat pores(roi.size(), CV_32F);
    cv::RNG skinRng = rnd.imageRng();
    skinRng.fill(pores, cv::RNG::UNIFORM, 0.0f, 1.0f);
    cv::Mat dark(roi.size(), CV_32F);
    for (int y = 0; y < roi.height; ++y) {
        const float* r = ridges.ptr<float>(y);
        const float* f = edgeFade.ptr<float>(y);
        const float* wf = widthField.ptr<float>(y);
        const float* gf = grainField.ptr<float>(y);
        const float* pf = pores.ptr<float>(y);
        float* d = dark.ptr<float>(y);
        for (int x = 0; x < roi.width; ++x) {
            const double t = threshold + 0.30 * f[x] + 0.12 * wf[x];
            double v = smoothstep(t - 0.28, t + 0.28, r[x]);
            v *= 1.0 - 0.18 * (gf[x] + 1.0) / 2.0 - 0.12 * f[x];
            v *= smoothstep(-0.2, 0.2, gf[x] + 1.05 - 2.1 * f[x]); // break-up at the edge
            if (pf[x] < 0.0035)
                v *= 0.25; // a pore
            d[x] = static_cast<float>(v);
        }
    }
    // Pressure by morphology, as SFinGe does: a hard press flattens the ridges against the glass
    // (dilation of the dark ridges), a feather touch leaves only their crests (erosion).
    const cv::Mat disc = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3));
    if (pressure >= 0.8)
        cv::dilate(dark, dark, disc);
    else if (pressure <= 0.2)
        cv::erode(dark, dark, disc);

    // Dry skin touches in fragments: ridges break where a blotchy field falls below a cut that
    // rises with dryness, and sweat pores show as white specks.
    if (dryness > 0.0) {
        cv::Mat fine = smoothNoise(roi.size(), 5.0, rnd),
                coarse = smoothNoise(roi.size(), 24.0, rnd);
        const double cut = -1.0 + 1.55 * dryness;
        cv::Mat pores(roi.size(), CV_32F);
        cv::RNG poreRng = rnd.imageRng();
        poreRng.fill(pores, cv::RNG::UNIFORM, 0.0f, 1.0f);
        for (int y = 0; y < roi.height; ++y) {
            const float* a = fine.ptr<float>(y);
            const float* b = coarse.ptr<float>(y);
            const float* p = pores.ptr<float>(y);
            float* d = dark.ptr<float>(y);
            for (int x = 0; x < roi.width; ++x) {
                const double field = 0.5 * a[x] + 0.5 * b[x];
                double keep = smoothstep(cut - 0.08, cut + 0.08, field);
                if (p[x] < 0.02 * dryness)
                    keep = 0.0;
                d[x] = static_cast<float>(d[x] * keep);
            }
        }
    }

    // Wet skin: moisture fills the valleys next to ridges and pools in dark smears.
    if (wetness > 0.0) {
        cv::Mat smear;
        cv::GaussianBlur(dark, smear, cv::Size(0, 0), 2.2);
        cv::Mat pools = smoothNoise(roi.size(), 26.0, rnd);
        const double poolCut = 1.0 - 0.55 * wetness;
        for (int y = 0; y < roi.height; ++y) {
            const float* s = smear.ptr<float>(y);
            const float* p = pools.ptr<float>(y);
            float* d = dark.ptr<float>(y);
            for (int x = 0; x < roi.width; ++x) {
                double v = d[x] + wetness * (0.45 + 0.9 * s[x]) * s[x];
                v = std::max(v, 0.8 * smoothstep(poolCut, poolCut + 0.25, p[x]));
                d[x] = static_cast<float>(std::min(1.0, v));
            }
        }
    }

    cv::multiply(dark, contact, dark);
    dark *= amplitude;
    out.darkness = dark;

    // --- Ground truth: the box of the region where skin touches and ridges show (contact, and
    // not so near its edge that ridges have broken up: edgeFade < 0.5 keeps half of them).
    cv::Mat touching, showing;
    cv::compare(contact, 0.5, touching, cv::CMP_GT);
    cv::compare(edgeFade, 0.5, showing, cv::CMP_LT);
    cv::bitwise_and(touching, showing, touching);
    // What the composition greys as skin on glass: firm contact only.
    cv::Mat firm = 1.0 - edgeFade;
    cv::multiply(contact, firm, out.contact);
    std::vector<cv::Point> pts;
    cv::findNonZero(touching, pts);
    out.contactAreaPx = static_cast<double>(pts.size());
    if (!pts.empty()) {
        // Across axis (cos, sin), along axis towards the tip (sin, -cos).
        double a0 = 1e18, a1 = -1e18, b0 = 1e18, b1 = -1e18;
        for (const auto& p : pts) {
            const double x = p.x + roi.x + 0.5, y = p.y + roi.y + 0.5;
            const double across = x * cs + y * sn;
            const double along = x * sn - y * cs;
            a0 = std::min(a0, across), a1 = std::max(a1, across);
            b0 = std::min(b0, along), b1 = std::max(b1, along);
        }
        const double ac = (a0 + a1) / 2, bc = (b0 + b1) / 2;
        const cv::Point2f centre(static_cast<float>(ac * cs + bc * sn),
                                 static_cast<float>(ac * sn - bc * cs));
        out.box = cv::RotatedRect(
            centre, cv::Size2f(static_cast<float>(a1 - a0 + 1), static_cast<float>(b1 - b0 + 1)),
            static_cast<float>(pose.rotationDeg));
    }
    return out;
}

void accumulate(const RenderedFinger& finger, cv::Mat& darkness, cv::Mat& contact) {
    if (finger.roi.empty())
        return;
    cv::Mat d = darkness(finger.roi), c = contact(finger.roi);
    cv::max(d, finger.darkness, d);
    cv::max(c, finger.contact, c);
}

cv::Mat composeOptics(const cv::Mat& darkness, const cv::Mat& contact, const FingerQuality& quality,
                      std::uint64_t sceneSeed) {
    Random rnd(sceneSeed);
    const double contrast = std::clamp(quality.contrast, 0.0, 1.0);
    const double blur = std::clamp(quality.blur, 0.0, 1.0);
    const double motion = std::clamp(quality.motion, 0.0, 1.0);
    const cv::Size size = darkness.size();

    // An optical (FTIR) scanner: bright, slightly uneven background; skin in contact greys the
    // valleys a little; ridges in contact are dark.
    const double background = rnd.uniform(236.0, 246.0);
    const double ridgeGrey = rnd.uniform(22.0, 40.0);
    cv::Mat shading = smoothNoise(size, 260.0, rnd);
    cv::Mat grey(size, CV_32F);
    for (int y = 0; y < size.height; ++y) {
        const float* d = darkness.ptr<float>(y);
        const float* c = contact.ptr<float>(y);
        const float* s = shading.ptr<float>(y);
        float* g = grey.ptr<float>(y);
        for (int x = 0; x < size.width; ++x) {
            const double bg = background + 5.0 * s[x];
            const double valley = bg - 14.0 * contrast * c[x];
            g[x] = static_cast<float>(valley - contrast * d[x] * (valley - ridgeGrey));
        }
    }

    // Optics: a touch of blur always (no sensor is perfectly sharp), more for defocus.
    cv::GaussianBlur(grey, grey, cv::Size(0, 0), 0.45 + 2.6 * blur);
    if (motion > 0.0) {
        // The finger slid during the exposure: average along a short line.
        const double length = 1.0 + 13.0 * motion;
        const double angle = rnd.uniform(0, kPi);
        const int k = static_cast<int>(std::ceil(length)) | 1;
        cv::Mat kernel(k, k, CV_32F, cv::Scalar(0));
        const cv::Point2d c(k / 2.0, k / 2.0);
        cv::line(kernel, c - cv::Point2d(std::cos(angle), std::sin(angle)) * (length / 2),
                 c + cv::Point2d(std::cos(angle), std::sin(angle)) * (length / 2), cv::Scalar(1.0),
                 1, cv::LINE_AA);
        kernel /= cv::sum(kernel)[0];
        cv::filter2D(grey, grey, -1, kernel, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
    }
    return grey;
}

cv::Mat exposeSensor(const cv::Mat& optics, const FingerQuality& quality, std::uint64_t noiseSeed) {
    const double noise = std::clamp(quality.noise, 0.0, 1.0);
    const cv::Size size = optics.size();
    // Sensor: Gaussian grain plus sparse speckle.
    Random noiseRnd(noiseSeed);
    cv::RNG imageRng = noiseRnd.imageRng();
    cv::Mat grain(size, CV_32F);
    imageRng.fill(grain, cv::RNG::NORMAL, 0.0f, static_cast<float>(1.2 + 20.0 * noise));
    cv::Mat grey = optics + grain;
    if (noise > 0.0) {
        cv::Mat speckle(size, CV_32F);
        imageRng.fill(speckle, cv::RNG::UNIFORM, 0.0f, 1.0f);
        const float rate = static_cast<float>(0.006 * noise);
        for (int y = 0; y < size.height; ++y) {
            const float* s = speckle.ptr<float>(y);
            float* g = grey.ptr<float>(y);
            for (int x = 0; x < size.width; ++x)
                if (s[x] < rate)
                    g[x] = s[x] < rate / 2 ? g[x] - 90.0f : g[x] + 90.0f;
        }
    }
    cv::Mat out;
    grey.convertTo(out, CV_8U); // saturates to [0, 255]
    return out;
}

} // namespace umbral::devices::finger_detail
