#include "devices/simulated/iris_synthesis.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <list>
#include <opencv2/imgproc.hpp>
#include <utility>

namespace umbral::devices {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2.0 * kPi;

// The iris pattern lives in normalised polar coordinates: row 0 is the pupil boundary, the last
// row the limbus; columns run once round the eye. This is the rubber-sheet frame of Daugman's
// method, so pupil dilation stretches the pattern the way the matcher expects (plus a small
// non-linear term, below, so that normalisation is not trivially exact).
constexpr int kTextureRows = 96;
constexpr int kTextureCols = 1024;

// Skin is cached larger than the frame so that moving the eye moves the skin with it.
constexpr int kSkinMargin = 220;

// Eyeball lever: the iris plane sits about 1.6 iris radii in front of the eyeball's centre of
// rotation, so an off-axis gaze also shifts the iris sideways between the (fixed) lids.
constexpr double kEyeballLever = 1.6;

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

double smoothstep(double e0, double e1, double x) {
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

// Gaussian blur that wraps round in the angular (column) direction.
cv::Mat blurWrapped(const cv::Mat& src, double sigmaCols, double sigmaRows) {
    const int pad = static_cast<int>(std::ceil(4.0 * std::max(sigmaCols, 0.5))) + 1;
    cv::Mat padded;
    cv::copyMakeBorder(src, padded, 0, 0, pad, pad, cv::BORDER_WRAP);
    cv::GaussianBlur(padded, padded, cv::Size(0, 0), sigmaCols, sigmaRows, cv::BORDER_REFLECT);
    return padded(cv::Rect(pad, 0, src.cols, src.rows)).clone();
}

void normaliseToUnitDeviation(cv::Mat& m) {
    cv::Scalar mean, dev;
    cv::meanStdDev(m, mean, dev);
    m = (m - mean[0]) / std::max(dev[0], 1e-9);
}

// One identity: the iris pattern and the look of the eye around it.
struct Identity {
    std::uint64_t seed = 0;
    cv::Mat texture; // CV_32F kTextureRows x kTextureCols, grey levels
    cv::Mat skin;    // CV_8U (frame + 2 margins), skin shading and pores
    float pupilLevel = 15.0F;
    float scleraLevel = 160.0F;
    std::array<double, 4> pupilShapePhase{};
};

Identity buildIdentity(std::uint64_t seed) {
    Identity id;
    id.seed = seed;
    cv::RNG rng(splitmix64(seed ^ 0x1D3A5EEDULL));
    const int R = kTextureRows;
    const int C = kTextureCols;

    id.pupilLevel = static_cast<float>(rng.uniform(10.0, 20.0));
    id.scleraLevel = static_cast<float>(rng.uniform(160.0, 185.0));
    for (double& p : id.pupilShapePhase)
        p = rng.uniform(0.0, kTwoPi);

    // Collarette radius as a function of angle: a zig-zag ring a third of the way out.
    const double collaretteMean = rng.uniform(0.26, 0.36);
    std::vector<double> collarette(C, collaretteMean);
    for (int h = 0; h < 6; ++h) {
        const int k = rng.uniform(6, 26);
        const double amp = rng.uniform(0.004, 0.012);
        const double phase = rng.uniform(0.0, kTwoPi);
        for (int c = 0; c < C; ++c)
            collarette[c] += amp * std::sin(k * kTwoPi * c / C + phase);
    }

    // Radial fibres: noise stretched along the radius, narrow across it, at two scales, sheared
    // so the fibres curve a little as real trabeculae do.
    cv::Mat coarse(R, C, CV_32F), fine(R, C, CV_32F), blotch(R / 8, C / 16, CV_32F);
    rng.fill(coarse, cv::RNG::NORMAL, 0.0, 1.0);
    rng.fill(fine, cv::RNG::NORMAL, 0.0, 1.0);
    rng.fill(blotch, cv::RNG::NORMAL, 0.0, 1.0);
    coarse = blurWrapped(coarse, 1.6, 7.0);
    fine = blurWrapped(fine, 0.7, 2.5);
    normaliseToUnitDeviation(coarse);
    normaliseToUnitDeviation(fine);
    cv::Mat blotchBig;
    cv::resize(blotch, blotchBig, cv::Size(C, R), 0, 0, cv::INTER_CUBIC);
    normaliseToUnitDeviation(blotchBig);
    const double shear = rng.uniform(-0.015, 0.015) * C;

    const double base = rng.uniform(90.0, 120.0);
    const double pupillaryZoneOffset = rng.uniform(-12.0, 10.0);
    const double collaretteBrightness = rng.uniform(8.0, 18.0);
    const double fibreContrast = rng.uniform(9.0, 14.0);
    const double limbalDarkening = rng.uniform(18.0, 32.0);

    cv::Mat tex(R, C, CV_32F);
    for (int r = 0; r < R; ++r) {
        const double rho = static_cast<double>(r) / (R - 1);
        const int shift = static_cast<int>(std::lround(shear * std::sin(kPi * rho)));
        float* out = tex.ptr<float>(r);
        const float* co = coarse.ptr<float>(r);
        const float* fi = fine.ptr<float>(r);
        const float* bl = blotchBig.ptr<float>(r);
        for (int c = 0; c < C; ++c) {
            const int cs = ((c + shift) % C + C) % C;
            const double rc = collarette[c];
            double v = base;
            v += rho < rc ? pupillaryZoneOffset : 0.0;
            v += collaretteBrightness * std::exp(-std::pow((rho - rc) / 0.022, 2.0));
            v += fibreContrast * co[cs] + 0.5 * fibreContrast * fi[cs] + 6.0 * bl[c];
            v -= 22.0 * std::exp(-std::pow(rho / 0.03, 2.0));         // pupillary ruff
            v += 8.0 * std::exp(-std::pow((rho - 0.07) / 0.02, 2.0)); // bright pupil frill
            v -= limbalDarkening * smoothstep(0.78, 1.0, rho);
            out[c] = static_cast<float>(v);
        }
    }

    // Crypts: dark lacunae, elongated along the radius, around and outside the collarette.
    const int crypts = rng.uniform(15, 41);
    for (int i = 0; i < crypts; ++i) {
        const double rho0 = rng.uniform(collaretteMean - 0.04, 0.78);
        const double phi0 = rng.uniform(0.0, kTwoPi);
        const double halfRho = rng.uniform(0.03, 0.10);
        const double halfPhi = rng.uniform(0.012, 0.05);
        const double depth = rng.uniform(22.0, 50.0);
        const int r0 = std::max(0, static_cast<int>((rho0 - halfRho) * (R - 1)));
        const int r1 = std::min(R - 1, static_cast<int>((rho0 + halfRho) * (R - 1)) + 1);
        const int halfCols = static_cast<int>(halfPhi / kTwoPi * C) + 1;
        const int c0 = static_cast<int>(phi0 / kTwoPi * C);
        for (int r = r0; r <= r1; ++r) {
            const double dr = ((static_cast<double>(r) / (R - 1)) - rho0) / halfRho;
            for (int dc = -halfCols; dc <= halfCols; ++dc) {
                const double dp = static_cast<double>(dc) / halfCols;
                const double d2 = dr * dr + dp * dp;
                if (d2 >= 1.0)
                    continue;
                const double w = 0.5 * (1.0 + std::cos(kPi * std::sqrt(d2)));
                tex.at<float>(r, ((c0 + dc) % C + C) % C) -= static_cast<float>(depth * w);
            }
        }
    }

    // Contraction furrows: partial concentric dark arcs in the outer (ciliary) zone.
    const int furrows = rng.uniform(2, 8);
    for (int i = 0; i < furrows; ++i) {
        const double rho0 = rng.uniform(0.55, 0.9);
        const double span = rng.uniform(0.5, 2.0);
        const double phi0 = rng.uniform(0.0, kTwoPi);
        const double depth = rng.uniform(12.0, 24.0);
        const double width = rng.uniform(0.010, 0.02);
        const int spanCols = static_cast<int>(span / kTwoPi * C);
        const int c0 = static_cast<int>(phi0 / kTwoPi * C);
        for (int dc = 0; dc <= spanCols; ++dc) {
            const double along = static_cast<double>(dc) / spanCols;
            const double taper = std::sin(kPi * along);
            const double rhoHere = rho0 + 0.02 * std::sin(kTwoPi * along);
            const int col = (c0 + dc) % C;
            const int ra = std::max(0, static_cast<int>((rhoHere - 3 * width) * (R - 1)));
            const int rb = std::min(R - 1, static_cast<int>((rhoHere + 3 * width) * (R - 1)) + 1);
            for (int r = ra; r <= rb; ++r) {
                const double d = (static_cast<double>(r) / (R - 1) - rhoHere) / width;
                tex.at<float>(r, col) -= static_cast<float>(depth * taper * std::exp(-d * d));
            }
        }
    }

    // A few pigment spots, dark or light.
    const int spots = rng.uniform(0, 6);
    for (int i = 0; i < spots; ++i) {
        const double rho0 = rng.uniform(0.3, 0.9);
        const int c0 = rng.uniform(0, C);
        const double amp = rng.uniform(-25.0, 20.0);
        const double size = rng.uniform(0.015, 0.035);
        const int halfCols = static_cast<int>(size / kTwoPi * C * 3.0 / std::max(rho0, 0.3)) + 1;
        for (int r = 0; r < R; ++r) {
            const double dr = (static_cast<double>(r) / (R - 1) - rho0) / size;
            if (std::abs(dr) > 3.0)
                continue;
            for (int dc = -halfCols; dc <= halfCols; ++dc) {
                const double dp = 3.0 * dc / halfCols;
                tex.at<float>(r, ((c0 + dc) % C + C) % C) +=
                    static_cast<float>(amp * std::exp(-(dr * dr + dp * dp) / 2.0));
            }
        }
    }
    cv::min(cv::max(tex, 25.0), 225.0, id.texture);

    // Skin: bright in near infrared, with low-frequency shading and fine pores.
    const int sw = IrisSynthesizer::kFrameWidth + 2 * kSkinMargin;
    const int sh = IrisSynthesizer::kFrameHeight + 2 * kSkinMargin;
    cv::Mat shading(sh / 40, sw / 40, CV_32F), pores(sh, sw, CV_32F);
    rng.fill(shading, cv::RNG::NORMAL, 0.0, 1.0);
    rng.fill(pores, cv::RNG::NORMAL, 0.0, 1.0);
    cv::resize(shading, shading, cv::Size(sw, sh), 0, 0, cv::INTER_CUBIC);
    cv::GaussianBlur(pores, pores, cv::Size(0, 0), 1.2);
    normaliseToUnitDeviation(pores);
    const double skinLevel = rng.uniform(175.0, 200.0);
    cv::Mat skin = skinLevel + 6.0 * shading + 4.0 * pores;
    skin.convertTo(id.skin, CV_8U);
    return id;
}

// The 2 x 2 linear map from the iris plane to the image for a gaze (yaw, pitch): orthographic
// projection of a disc whose normal points along the gaze. It compresses by cos(gaze angle)
// along the direction the eye turns and leaves the perpendicular direction alone.
struct GazeProjection {
    cv::Matx22d toImage = cv::Matx22d::eye();
    cv::Matx22d toPlane = cv::Matx22d::eye();
    cv::Point2d gazeInImage{0.0, 0.0}; // (gx, gy): image-plane component of the gaze vector
    double compression = 1.0;          // cos(gaze angle)
    double majorAxisAngleDeg = 0.0;    // direction of the uncompressed axis
};

GazeProjection gazeProjection(double yawDeg, double pitchDeg) {
    GazeProjection g;
    const double yaw = yawDeg * kPi / 180.0;
    const double pitch = pitchDeg * kPi / 180.0;
    const double gx = std::sin(yaw) * std::cos(pitch);
    const double gy = std::sin(pitch);
    const double gz = std::cos(yaw) * std::cos(pitch);
    g.gazeInImage = {gx, gy};
    g.compression = gz;
    const double n = std::hypot(gx, gy);
    if (n < 1e-9)
        return g;
    const double ux = gx / n;
    const double uy = gy / n;
    const cv::Matx22d uuT(ux * ux, ux * uy, ux * uy, uy * uy);
    g.toImage = cv::Matx22d::eye() - (1.0 - gz) * uuT;
    g.toPlane = cv::Matx22d::eye() + (1.0 / gz - 1.0) * uuT;
    g.majorAxisAngleDeg = std::atan2(ux, -uy) * 180.0 / kPi; // perpendicular to (ux, uy)
    return g;
}

// Solves the rubber-sheet map backwards. Points of the iris plane at normalised radius rho lie
// on the circle centred (1 - rho) * e with radius rp + rho * (ri - rp) (e: pupil centre, iris
// centre at the origin). Given a plane point q, returns rho and the angle of q about that
// circle's centre. Exact for circles: |q - (1 - rho) e| = rp + rho * (ri - rp) is quadratic in rho.
inline void inverseRubberSheet(double qx, double qy, double ex, double ey, double rp, double ri,
                               double& rho, double& phi) {
    const double dx = qx - ex;
    const double dy = qy - ey;
    const double delta = ri - rp;
    const double a =
        ex * ex + ey * ey - delta * delta; // < 0 whenever the pupil lies inside the iris
    const double b = 2.0 * (dx * ex + dy * ey - rp * delta);
    const double c = dx * dx + dy * dy - rp * rp;
    const double disc = std::max(b * b - 4.0 * a * c, 0.0);
    rho = (-b - std::sqrt(disc)) / (2.0 * a);
    const double cx = dx + rho * ex;
    const double cy = dy + rho * ey;
    phi = std::atan2(cy, cx);
}

inline float sampleTexture(const cv::Mat& tex, double rho, double phi) {
    double col = phi / kTwoPi * kTextureCols;
    col -= std::floor(col / kTextureCols) * kTextureCols;
    const double row = std::clamp(rho, 0.0, 1.0) * (kTextureRows - 1);
    const int c0 = static_cast<int>(col);
    const int c1 = (c0 + 1) % kTextureCols;
    const int r0 = std::min(static_cast<int>(row), kTextureRows - 2);
    const double fc = col - c0;
    const double fr = row - r0;
    const float* a = tex.ptr<float>(r0);
    const float* b = tex.ptr<float>(r0 + 1);
    const double top = a[c0] + fc * (a[c1] - a[c0]);
    const double bottom = b[c0] + fc * (b[c1] - b[c0]);
    return static_cast<float>(top + fr * (bottom - top));
}

// Linear motion blur: the mean of the frame shifted along the motion path (integer shifts, so
// it costs one add per pixel and sample).
void motionBlur(cv::Mat& img, double length, double angleDeg) {
    const int samples = std::max(2, static_cast<int>(std::ceil(length)) + 1);
    const double ca = std::cos(angleDeg * kPi / 180.0);
    const double sa = std::sin(angleDeg * kPi / 180.0);
    cv::Mat acc(img.size(), CV_16U, cv::Scalar(0));
    cv::Mat padded;
    const int pad = static_cast<int>(std::ceil(length / 2.0)) + 1;
    cv::copyMakeBorder(img, padded, pad, pad, pad, pad, cv::BORDER_REPLICATE);
    for (int s = 0; s < samples; ++s) {
        const double t = (static_cast<double>(s) / (samples - 1) - 0.5) * length;
        const int dx = static_cast<int>(std::lround(t * ca));
        const int dy = static_cast<int>(std::lround(t * sa));
        const cv::Mat shifted = padded(cv::Rect(pad + dx, pad + dy, img.cols, img.rows));
        cv::add(acc, shifted, acc, cv::noArray(), CV_16U);
    }
    acc.convertTo(img, CV_8U, 1.0 / samples);
}

IrisImpressionSettings clampSettings(IrisImpressionSettings s) {
    auto finiteOr = [](double v, double fallback) { return std::isfinite(v) ? v : fallback; };
    s.irisRadiusPx = std::clamp(finiteOr(s.irisRadiusPx, 118.0), 20.0, 230.0);
    s.eyeOffsetPx.x = std::clamp(finiteOr(s.eyeOffsetPx.x, 0.0), -400.0, 400.0);
    s.eyeOffsetPx.y = std::clamp(finiteOr(s.eyeOffsetPx.y, 0.0), -300.0, 300.0);
    s.gazeYawDeg = std::clamp(finiteOr(s.gazeYawDeg, 0.0), -50.0, 50.0);
    s.gazePitchDeg = std::clamp(finiteOr(s.gazePitchDeg, 0.0), -50.0, 50.0);
    s.pupilIrisRatio = std::clamp(finiteOr(s.pupilIrisRatio, 0.4), 0.15, 0.8);
    s.pupilDecentration.x = std::clamp(finiteOr(s.pupilDecentration.x, 0.0), -0.3, 0.3);
    s.pupilDecentration.y = std::clamp(finiteOr(s.pupilDecentration.y, 0.0), -0.3, 0.3);
    // The pupil must stay inside the iris.
    const double room = 0.9 * (1.0 - s.pupilIrisRatio);
    const double dec = std::hypot(s.pupilDecentration.x, s.pupilDecentration.y);
    if (dec > room)
        s.pupilDecentration *= room / dec;
    s.pupilIrregularity = std::clamp(finiteOr(s.pupilIrregularity, 0.0), 0.0, 0.25);
    s.torsionDeg = finiteOr(s.torsionDeg, 0.0);
    s.irisReflectance = std::clamp(finiteOr(s.irisReflectance, 1.0), 0.3, 3.0);
    s.upperLidCover = std::clamp(finiteOr(s.upperLidCover, 0.1), -0.3, 1.2);
    s.lowerLidCover = std::clamp(finiteOr(s.lowerLidCover, 0.05), -0.3, 1.2);
    s.lashDensity = std::clamp(finiteOr(s.lashDensity, 0.3), 0.0, 1.0);
    s.specularCount = std::clamp(s.specularCount, 0, 4);
    s.specularRadiusPx = std::clamp(finiteOr(s.specularRadiusPx, 5.0), 1.0, 20.0);
    s.defocusSigmaPx = std::clamp(finiteOr(s.defocusSigmaPx, 0.0), 0.0, 12.0);
    s.motionBlurPx = std::clamp(finiteOr(s.motionBlurPx, 0.0), 0.0, 60.0);
    s.motionBlurAngleDeg = finiteOr(s.motionBlurAngleDeg, 0.0);
    s.illumination = std::clamp(finiteOr(s.illumination, 1.0), 0.0, 10.0);
    s.noiseSigma = std::clamp(finiteOr(s.noiseSigma, 2.0), 0.0, 40.0);
    return s;
}

} // namespace

// ---- EllipseGeometry ------------------------------------------------------------------------

double EllipseGeometry::meanRadius() const {
    return std::sqrt(semiAxisA * semiAxisB);
}

double EllipseGeometry::radiusAt(double angleRad) const {
    const double t = angleRad - angleDeg * kPi / 180.0;
    const double c = semiAxisB * std::cos(t);
    const double s = semiAxisA * std::sin(t);
    const double den = std::sqrt(c * c + s * s);
    return den > 0.0 ? semiAxisA * semiAxisB / den : 0.0;
}

cv::Point2d EllipseGeometry::pointAt(double angleRad) const {
    const double r = radiusAt(angleRad);
    return {centre.x + r * std::cos(angleRad), centre.y + r * std::sin(angleRad)};
}

bool EllipseGeometry::contains(cv::Point2d p) const {
    if (semiAxisA <= 0.0 || semiAxisB <= 0.0)
        return false;
    const double a = angleDeg * kPi / 180.0;
    const double dx = p.x - centre.x;
    const double dy = p.y - centre.y;
    const double u = dx * std::cos(a) + dy * std::sin(a);
    const double v = -dx * std::sin(a) + dy * std::cos(a);
    return (u * u) / (semiAxisA * semiAxisA) + (v * v) / (semiAxisB * semiAxisB) <= 1.0;
}

// ---- profiles -------------------------------------------------------------------------------

namespace {
struct ProfileName {
    IrisQualityProfile profile;
    const char* name;
};
constexpr std::array<ProfileName, 11> kProfileNames{{
    {IrisQualityProfile::Good, "good"},
    {IrisQualityProfile::Defocused, "defocused"},
    {IrisQualityProfile::MotionBlurred, "motion-blurred"},
    {IrisQualityProfile::Squinting, "squinting"},
    {IrisQualityProfile::HeavyLashes, "heavy-lashes"},
    {IrisQualityProfile::OffAxisGaze, "off-axis-gaze"},
    {IrisQualityProfile::TooFar, "too-far"},
    {IrisQualityProfile::OffCentre, "off-centre"},
    {IrisQualityProfile::Dark, "dark"},
    {IrisQualityProfile::Saturated, "saturated"},
    {IrisQualityProfile::EyeClosed, "eye-closed"},
}};
} // namespace

std::string profileName(IrisQualityProfile profile) {
    for (const auto& p : kProfileNames)
        if (p.profile == profile)
            return p.name;
    return "unknown";
}

bool profileFromName(const std::string& name, IrisQualityProfile& profile) {
    for (const auto& p : kProfileNames)
        if (name == p.name) {
            profile = p.profile;
            return true;
        }
    return false;
}

IrisImpressionSettings impressionSettings(IrisQualityProfile profile,
                                          std::uint64_t impressionSeed) {
    cv::RNG rng(splitmix64(impressionSeed * 31 + static_cast<std::uint64_t>(profile) + 0x5EED));
    IrisImpressionSettings s;
    s.impressionSeed = impressionSeed;
    // Natural variation of a good capture.
    s.irisRadiusPx = rng.uniform(108.0, 128.0);
    s.eyeOffsetPx = {rng.uniform(-30.0, 30.0), rng.uniform(-20.0, 20.0)};
    s.gazeYawDeg = rng.uniform(-3.0, 3.0);
    s.gazePitchDeg = rng.uniform(-3.0, 3.0);
    s.pupilIrisRatio = rng.uniform(0.30, 0.50);
    s.pupilDecentration = {rng.uniform(-0.04, 0.04), rng.uniform(-0.01, 0.03)};
    s.torsionDeg = rng.uniform(-6.0, 6.0);
    s.upperLidCover = rng.uniform(0.04, 0.20);
    s.lowerLidCover = rng.uniform(0.0, 0.08);
    s.lashDensity = rng.uniform(0.1, 0.4);
    s.specularCount = rng.uniform(1, 3);
    s.specularRadiusPx = rng.uniform(3.0, 6.0);
    s.defocusSigmaPx = rng.uniform(0.0, 0.6);
    s.illumination = rng.uniform(0.9, 1.1);
    s.noiseSigma = rng.uniform(1.5, 2.5);
    const double side = rng.uniform(0, 2) == 0 ? -1.0 : 1.0;
    switch (profile) {
    case IrisQualityProfile::Good:
        break;
    case IrisQualityProfile::Defocused:
        s.defocusSigmaPx = rng.uniform(3.5, 5.0);
        break;
    case IrisQualityProfile::MotionBlurred:
        s.motionBlurPx = rng.uniform(10.0, 18.0);
        s.motionBlurAngleDeg = rng.uniform(0.0, 180.0);
        break;
    case IrisQualityProfile::Squinting:
        s.upperLidCover = rng.uniform(0.30, 0.40);
        s.lowerLidCover = rng.uniform(0.12, 0.20);
        break;
    case IrisQualityProfile::HeavyLashes:
        s.lashDensity = rng.uniform(0.85, 1.0);
        s.upperLidCover = rng.uniform(0.18, 0.28);
        break;
    case IrisQualityProfile::OffAxisGaze:
        s.gazeYawDeg = side * rng.uniform(28.0, 36.0);
        s.gazePitchDeg = rng.uniform(-8.0, 8.0);
        break;
    case IrisQualityProfile::TooFar:
        s.irisRadiusPx = rng.uniform(55.0, 68.0);
        s.specularRadiusPx = rng.uniform(2.0, 3.0);
        break;
    case IrisQualityProfile::OffCentre:
        s.eyeOffsetPx = {side * rng.uniform(170.0, 190.0), rng.uniform(-20.0, 20.0)};
        break;
    case IrisQualityProfile::Dark:
        s.illumination = rng.uniform(0.04, 0.08);
        break;
    case IrisQualityProfile::Saturated:
        s.illumination = rng.uniform(3.5, 5.0);
        break;
    case IrisQualityProfile::EyeClosed:
        s.upperLidCover = rng.uniform(0.72, 0.80);
        s.lowerLidCover = rng.uniform(0.30, 0.40);
        break;
    }
    return s;
}

// ---- IrisSynthesizer ------------------------------------------------------------------------

struct IrisSynthesizer::Impl {
    std::size_t capacity;
    std::list<Identity> cache; // most recently used first
    cv::Mat noiseTile;         // CV_32F, N(0, 1)

    explicit Impl(std::size_t cap) : capacity(std::max<std::size_t>(cap, 1)) {
        noiseTile.create(512, 512, CV_32F);
        cv::RNG rng(0x0123456789ABCDEFULL);
        rng.fill(noiseTile, cv::RNG::NORMAL, 0.0, 1.0);
    }

    const Identity& identity(std::uint64_t seed) {
        for (auto it = cache.begin(); it != cache.end(); ++it)
            if (it->seed == seed) {
                cache.splice(cache.begin(), cache, it);
                return cache.front();
            }
        cache.push_front(buildIdentity(seed));
        while (cache.size() > capacity)
            cache.pop_back();
        return cache.front();
    }

    SyntheticEye render(std::uint64_t seed, const IrisImpressionSettings& raw,
                        const RenderOptions& options);
};

IrisSynthesizer::IrisSynthesizer(std::size_t identityCacheCapacity)
    : impl_(std::make_unique<Impl>(identityCacheCapacity)) {}
IrisSynthesizer::~IrisSynthesizer() = default;
IrisSynthesizer::IrisSynthesizer(IrisSynthesizer&&) noexcept = default;
IrisSynthesizer& IrisSynthesizer::operator=(IrisSynthesizer&&) noexcept = default;

SyntheticEye IrisSynthesizer::render(std::uint64_t identitySeed,
                                     const IrisImpressionSettings& settings,
                                     const RenderOptions& options) {
    return impl_->render(identitySeed, settings, options);
}

cv::Mat IrisSynthesizer::irisTexture(std::uint64_t identitySeed) {
    return impl_->identity(identitySeed).texture.clone();
}

SyntheticEye IrisSynthesizer::Impl::render(std::uint64_t seed, const IrisImpressionSettings& raw,
                                           const RenderOptions& options) {
    const IrisImpressionSettings s = clampSettings(raw);
    const Identity& id = identity(seed);
    cv::RNG rng(splitmix64(s.impressionSeed ^ splitmix64(seed)));
    const int W = kFrameWidth;
    const int H = kFrameHeight;

    SyntheticEye eye;
    IrisImpressionTruth& truth = eye.truth;

    // --- Geometry -----------------------------------------------------------------------------
    const cv::Point2d eyeCentre(W / 2.0 + s.eyeOffsetPx.x, H / 2.0 + s.eyeOffsetPx.y);
    const double ri = s.irisRadiusPx;
    const double rp = s.pupilIrisRatio * ri;
    const GazeProjection gaze = gazeProjection(s.gazeYawDeg, s.gazePitchDeg);
    const cv::Point2d irisCentre = eyeCentre + kEyeballLever * ri * gaze.gazeInImage;
    const cv::Point2d planePupil(s.pupilDecentration.x * ri, s.pupilDecentration.y * ri);
    const cv::Vec2d pupilOffsetImage = gaze.toImage * cv::Vec2d(planePupil.x, planePupil.y);
    const cv::Point2d pupilCentre =
        irisCentre + cv::Point2d(pupilOffsetImage[0], pupilOffsetImage[1]);

    truth.limbus = {irisCentre, ri, ri * gaze.compression, gaze.majorAxisAngleDeg};
    truth.pupil = {pupilCentre, rp, rp * gaze.compression, gaze.majorAxisAngleDeg};
    truth.torsionDeg = s.torsionDeg;
    truth.gazeYawDeg = s.gazeYawDeg;
    truth.gazePitchDeg = s.gazePitchDeg;
    truth.gazeAngleDeg = std::acos(std::clamp(gaze.compression, -1.0, 1.0)) * 180.0 / kPi;

    // Lids hang on the face (eye centre), not on the iris: they stay when the gaze moves.
    const double cornerDx = 1.9 * ri;
    const double cornerY = eyeCentre.y + 0.15 * ri;
    const double upperApexY = eyeCentre.y - ri + s.upperLidCover * 2.0 * ri;
    const double lowerApexY = eyeCentre.y + ri - s.lowerLidCover * 2.0 * ri;
    truth.upperLid = {{eyeCentre.x, upperApexY},
                      std::max((cornerY - upperApexY) / (cornerDx * cornerDx), 1e-5)};
    truth.lowerLid = {{eyeCentre.x, lowerApexY},
                      std::min((cornerY - lowerApexY) / (cornerDx * cornerDx), -1e-5)};
    truth.eyeOpen = upperApexY < lowerApexY - 1.0;

    std::vector<float> yUpper(W), yLower(W), scleraRow(W);
    for (int x = 0; x < W; ++x) {
        yUpper[x] = static_cast<float>(truth.upperLid.yAt(x));
        yLower[x] = static_cast<float>(truth.lowerLid.yAt(x));
        const double across = (x - eyeCentre.x) / cornerDx;
        scleraRow[x] = static_cast<float>(id.scleraLevel * (1.0 - 0.18 * across * across));
    }

    // The iris is drawn inside the bounding box of the limbus ellipse (plus the blend band).
    const double reach = ri + 4.0;
    const cv::Rect irisBox =
        cv::Rect(cv::Point(static_cast<int>(std::floor(irisCentre.x - reach)),
                           static_cast<int>(std::floor(irisCentre.y - reach))),
                 cv::Point(static_cast<int>(std::ceil(irisCentre.x + reach)) + 1,
                           static_cast<int>(std::ceil(irisCentre.y + reach)) + 1)) &
        cv::Rect(0, 0, W, H);

    // --- Scene, composed row by row -------------------------------------------------------------
    cv::Mat scene(H, W, CV_8U);
    const int skinX0 = kSkinMargin - static_cast<int>(std::lround(s.eyeOffsetPx.x));
    const int skinY0 = kSkinMargin - static_cast<int>(std::lround(s.eyeOffsetPx.y));
    const double creaseDepth = 0.45 * ri;
    const double limbusBlend = 2.5; // px: the limbus is a soft edge
    const double pupilBlend = 1.2;  // px: the pupil edge is sharper
    const double torsion = s.torsionDeg * kPi / 180.0;
    const double reflect = s.irisReflectance;
    const double warp = 0.4 * (s.pupilIrisRatio - 0.4); // mild non-linear stretch with dilation
    const float pupilLevel = id.pupilLevel;
    const cv::Matx22d& P = gaze.toPlane;
    const double irr = s.pupilIrregularity;

    for (int y = 0; y < H; ++y) {
        uchar* out = scene.ptr<uchar>(y);
        const uchar* skinRow = id.skin.ptr<uchar>(std::clamp(y + skinY0, 0, id.skin.rows - 1));
        const bool rowInIris = y >= irisBox.y && y < irisBox.y + irisBox.height;
        for (int x = 0; x < W; ++x) {
            // Skin with the lid crease above the upper lid.
            double skin = skinRow[std::clamp(x + skinX0, 0, id.skin.cols - 1)];
            const double creaseY = yUpper[x] - creaseDepth;
            const double dc = (y - creaseY) / (0.06 * ri);
            if (std::abs(dc) < 3.0)
                skin -= 16.0 * std::exp(-dc * dc) *
                        std::max(0.0, 1.0 - std::abs(x - eyeCentre.x) / (2.1 * ri));

            const double du = y - yUpper[x]; // > 0 below the upper lid margin
            const double dl = yLower[x] - y; // > 0 above the lower lid margin
            if (!truth.eyeOpen || du < -0.5 || dl < -0.5) {
                // Lid margins: the upper one carries the darker lash line, the lower a faint one.
                // Beyond the eye corners the two margins have met and there is no margin line.
                const bool betweenCorners = yUpper[x] < yLower[x];
                if (truth.eyeOpen && betweenCorners && du < 0.0 && du >= -4.0)
                    skin *= 0.65 + 0.35 * smoothstep(-1.0, -4.0, du);
                else if (truth.eyeOpen && betweenCorners && dl < 0.0 && dl >= -3.0)
                    skin *= 0.8 + 0.2 * smoothstep(-1.0, -3.0, dl);
                out[x] = cv::saturate_cast<uchar>(skin);
                continue;
            }

            // Inside (or on the margin of) the eye opening.
            double value = scleraRow[x];
            if (rowInIris && x >= irisBox.x && x < irisBox.x + irisBox.width) {
                const double px = x - irisCentre.x;
                const double py = y - irisCentre.y;
                const double qx = P(0, 0) * px + P(0, 1) * py;
                const double qy = P(1, 0) * px + P(1, 1) * py;
                double rho = 0.0;
                double phi = 0.0;
                inverseRubberSheet(qx, qy, planePupil.x, planePupil.y, rp, ri, rho, phi);
                double rpHere = rp;
                if (irr > 0.0) {
                    // Irregular pupil: the inner boundary radius depends on the angle.
                    rpHere = rp * (1.0 + irr * (0.6 * std::cos(2.0 * phi + id.pupilShapePhase[0]) +
                                                0.4 * std::cos(3.0 * phi + id.pupilShapePhase[1])));
                    inverseRubberSheet(qx, qy, planePupil.x, planePupil.y, rpHere, ri, rho, phi);
                }
                const double span = ri - rpHere;
                if (rho < 1.0 + limbusBlend / span) {
                    const double rhoTex = std::clamp(rho, 0.0, 1.0);
                    const double rhoWarped = rhoTex + warp * rhoTex * (1.0 - rhoTex);
                    double iris = sampleTexture(id.texture, rhoWarped, phi - torsion) * reflect;
                    // Blend across the limbus (soft) and the pupil margin (sharp). The true
                    // boundaries sit at the 50 % points, rho = 1 and rho = 0.
                    const double tl = std::clamp(0.5 + (rho - 1.0) * span / limbusBlend, 0.0, 1.0);
                    iris = iris + tl * (value - iris);
                    const double tp = std::clamp(0.5 + rho * span / pupilBlend, 0.0, 1.0);
                    value = pupilLevel + tp * (iris - pupilLevel);
                }
            }
            // Shadow of the upper lid on the eye just below it.
            value *= 1.0 - 0.18 * std::exp(-std::max(du, 0.0) / (0.07 * ri));
            // Blend into the lid margins (the boundary itself is at du = 0 and dl = 0).
            const double lidMargin = skin * 0.65;
            const double tu = std::clamp(0.5 + du, 0.0, 1.0);
            value = lidMargin + tu * (value - lidMargin);
            const double lowerMargin = skin * 0.8;
            const double tlw = std::clamp(0.5 + dl, 0.0, 1.0);
            value = lowerMargin + tlw * (value - lowerMargin);
            out[x] = cv::saturate_cast<uchar>(value);
        }
    }

    // --- Lashes ------------------------------------------------------------------------------
    cv::Mat lashMask;
    if (options.withUsableIrisMask)
        lashMask = cv::Mat::zeros(H, W, CV_8U);
    auto drawLash = [&](const std::vector<cv::Point>& pts, int thickness, double level) {
        const std::vector<std::vector<cv::Point>> poly{pts};
        cv::polylines(scene, poly, false, cv::Scalar(level), thickness, cv::LINE_AA, 4);
        if (!lashMask.empty())
            cv::polylines(lashMask, poly, false, cv::Scalar(255), thickness + 1, cv::LINE_8, 4);
    };
    auto bezier = [](cv::Point2d a, cv::Point2d b, cv::Point2d c) {
        std::vector<cv::Point> pts;
        for (int i = 0; i <= 6; ++i) {
            const double t = i / 6.0;
            const cv::Point2d p = (1 - t) * (1 - t) * a + 2 * (1 - t) * t * b + t * t * c;
            pts.emplace_back(static_cast<int>(std::lround(p.x * 16)),
                             static_cast<int>(std::lround(p.y * 16)));
        }
        return pts;
    };
    if (truth.eyeOpen) {
        const int upperLashes = static_cast<int>(std::lround(s.lashDensity * 130.0));
        for (int i = 0; i < upperLashes; ++i) {
            const double x0 = eyeCentre.x + rng.uniform(-1.75, 1.75) * ri;
            const cv::Point2d root(x0, truth.upperLid.yAt(x0) - 1.0);
            const double lateral = (x0 - eyeCentre.x) / cornerDx;
            // About half hang down over the eye opening, the rest sweep up and out over the skin;
            // the heavier the lashes, the more and the longer hang down.
            const bool hanging = rng.uniform(0.0, 1.0) < 0.35 + 0.35 * s.lashDensity;
            const double length = ri * rng.uniform(0.10, 0.22 + 0.28 * s.lashDensity);
            const double tilt = lateral * 0.9 + rng.uniform(-0.35, 0.35);
            const cv::Point2d dir(std::sin(tilt), hanging ? std::cos(tilt) : -std::cos(tilt));
            const cv::Point2d tip = root + length * dir;
            const cv::Point2d ctrl =
                root + 0.5 * length * dir + cv::Point2d(lateral * 0.25 * length, 0.0);
            drawLash(bezier(root, ctrl, tip), rng.uniform(0, 3) == 0 ? 2 : 1,
                     rng.uniform(25.0, 55.0));
        }
        const int lowerLashes = static_cast<int>(std::lround(s.lashDensity * 50.0));
        for (int i = 0; i < lowerLashes; ++i) {
            const double x0 = eyeCentre.x + rng.uniform(-1.6, 1.6) * ri;
            const cv::Point2d root(x0, truth.lowerLid.yAt(x0) + 1.0);
            const double lateral = (x0 - eyeCentre.x) / cornerDx;
            const double length = ri * rng.uniform(0.05, 0.15);
            const double tilt = lateral * 0.8 + rng.uniform(-0.3, 0.3);
            const cv::Point2d dir(std::sin(tilt), std::cos(tilt));
            drawLash(bezier(root, root + 0.5 * length * dir, root + length * dir), 1,
                     rng.uniform(40.0, 80.0));
        }
    } else {
        // Closed: the lid margins meet in one dark lash line with lashes on it.
        const double yClose = 0.5 * (upperApexY + lowerApexY);
        const EyelidCurve closure{{eyeCentre.x, yClose}, 0.35 * truth.upperLid.curvature};
        std::vector<cv::Point> line;
        for (double x = eyeCentre.x - 1.8 * ri; x <= eyeCentre.x + 1.8 * ri; x += 4.0)
            line.emplace_back(static_cast<int>(std::lround(x * 16)),
                              static_cast<int>(std::lround(closure.yAt(x) * 16)));
        drawLash(line, 3, 40.0);
        const int lashes = static_cast<int>(std::lround(40.0 + s.lashDensity * 90.0));
        for (int i = 0; i < lashes; ++i) {
            const double x0 = eyeCentre.x + rng.uniform(-1.7, 1.7) * ri;
            const cv::Point2d root(x0, closure.yAt(x0));
            const double tilt = (x0 - eyeCentre.x) / cornerDx + rng.uniform(-0.3, 0.3);
            const double length = ri * rng.uniform(0.1, 0.35);
            const cv::Point2d dir(std::sin(tilt), std::cos(tilt));
            drawLash(bezier(root, root + 0.5 * length * dir, root + length * dir), 1,
                     rng.uniform(25.0, 55.0));
        }
    }

    // --- Specular reflections of the illuminators ----------------------------------------------
    truth.specularRadiusPx = s.specularRadiusPx;
    if (truth.eyeOpen) {
        // The illuminators sit beside the lens: their reflections fall in or near the pupil.
        const std::array<cv::Point2d, 4> pattern{
            {{-0.45, -0.25}, {0.45, -0.25}, {0.0, 0.55}, {-0.9, 0.4}}};
        for (int i = 0; i < s.specularCount; ++i) {
            const cv::Point2d c =
                pupilCentre + rp * pattern[i] +
                cv::Point2d(rng.uniform(-0.12, 0.12), rng.uniform(-0.12, 0.12)) * rp;
            // A reflection on the cornea is hidden where a lid covers the cornea.
            const int column = std::clamp(static_cast<int>(std::lround(c.x)), 0, W - 1);
            if (c.y <= yUpper[column] + 1.0 || c.y >= yLower[column] - 1.0)
                continue;
            truth.specularCentres.push_back(c);
            const cv::Point ci(static_cast<int>(std::lround(c.x * 16)),
                               static_cast<int>(std::lround(c.y * 16)));
            const int rr = static_cast<int>(std::lround(s.specularRadiusPx * 16));
            cv::circle(scene, ci, rr + 24, cv::Scalar(200), cv::FILLED, cv::LINE_AA, 4);
            cv::circle(scene, ci, rr, cv::Scalar(255), cv::FILLED, cv::LINE_AA, 4);
        }
    }

    // --- Optics and sensor ---------------------------------------------------------------------
    if (s.defocusSigmaPx >= 0.3)
        cv::GaussianBlur(scene, scene, cv::Size(0, 0), s.defocusSigmaPx);
    if (s.motionBlurPx >= 1.5)
        motionBlur(scene, s.motionBlurPx, s.motionBlurAngleDeg);

    eye.image.create(H, W, CV_8U);
    const int nx = rng.uniform(0, noiseTile.cols);
    const int ny = rng.uniform(0, noiseTile.rows);
    const float gain = static_cast<float>(s.illumination);
    const float sigma = static_cast<float>(s.noiseSigma);
    // The NIR illuminators light the middle of the field best: the corners get about 35 % less.
    std::vector<float> fallX(W);
    const double r2 = (W / 2.0) * (W / 2.0) + (H / 2.0) * (H / 2.0);
    for (int x = 0; x < W; ++x)
        fallX[x] = static_cast<float>(0.35 * (x - W / 2.0) * (x - W / 2.0) / r2);
    for (int y = 0; y < H; ++y) {
        const uchar* in = scene.ptr<uchar>(y);
        uchar* out = eye.image.ptr<uchar>(y);
        const float* noise = noiseTile.ptr<float>((y + ny) % noiseTile.rows);
        const float fallY = static_cast<float>(0.35 * (y - H / 2.0) * (y - H / 2.0) / r2);
        for (int x = 0; x < W; ++x)
            out[x] = cv::saturate_cast<uchar>(gain * (1.0F - fallY - fallX[x]) * in[x] +
                                              sigma * noise[(x + nx) & 511]);
    }

    // --- Truth mask ---------------------------------------------------------------------------
    if (options.withUsableIrisMask) {
        truth.usableIrisMask = cv::Mat::zeros(H, W, CV_8U);
        if (truth.eyeOpen) {
            for (int y = irisBox.y; y < irisBox.y + irisBox.height; ++y) {
                uchar* m = truth.usableIrisMask.ptr<uchar>(y);
                const uchar* lash = lashMask.ptr<uchar>(y);
                for (int x = irisBox.x; x < irisBox.x + irisBox.width; ++x) {
                    if (y <= yUpper[x] || y >= yLower[x] || lash[x])
                        continue;
                    const double px = x - irisCentre.x;
                    const double py = y - irisCentre.y;
                    double rho = 0.0;
                    double phi = 0.0;
                    inverseRubberSheet(P(0, 0) * px + P(0, 1) * py, P(1, 0) * px + P(1, 1) * py,
                                       planePupil.x, planePupil.y, rp, ri, rho, phi);
                    if (rho <= 0.0 || rho >= 1.0)
                        continue;
                    bool specular = false;
                    for (const auto& c : truth.specularCentres)
                        specular =
                            specular || std::hypot(x - c.x, y - c.y) <= s.specularRadiusPx + 1.5;
                    if (!specular)
                        m[x] = 255;
                }
            }
        }
    }
    return eye;
}

} // namespace umbral::devices
