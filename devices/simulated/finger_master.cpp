#include "devices/simulated/finger_master.h"

#include "devices/simulated/finger_fields.h"
#include "devices/simulated/finger_random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include <opencv2/core/hal/intrin.hpp>
#include <opencv2/imgproc.hpp>

namespace umbral::devices::finger_detail {
namespace {

constexpr double kPi = 3.14159265358979323846;

// ---------------------------------------------------------------------------------------------
// Gabor kernel bank. The ridge grower needs a different filter at every pixel (orientation and
// period vary), so filters are precomputed for quantised orientations (5 degrees) and periods
// (half a pixel) and looked up per pixel. Each kernel is 15x15, stored 15 rows of 16 floats
// (the 16th is zero) so a row is four 4-float SIMD loads.
constexpr int kRadius = 5;
constexpr int kSide = 2 * kRadius + 1;
constexpr int kStride = 12;
constexpr int kOrientationBins = 36;
constexpr double kMinPeriod = 6.0;
constexpr double kPeriodStep = 0.5;
constexpr int kPeriodBins = 15; // 6.0 .. 13.0 px

struct GaborBank {
    std::vector<float> taps; // [bin][row][kStride]
    const float* kernel(int bin) const { return taps.data() + bin * kSide * kStride; }
};

int periodBin(double period) {
    const int b = static_cast<int>(std::lround((period - kMinPeriod) / kPeriodStep));
    return std::clamp(b, 0, kPeriodBins - 1);
}

int orientationBin(double theta) {
    double t = std::fmod(theta, kPi);
    if (t < 0)
        t += kPi;
    return static_cast<int>(std::lround(t / kPi * kOrientationBins)) % kOrientationBins;
}

GaborBank buildBank() {
    GaborBank bank;
    bank.taps.assign(static_cast<size_t>(kOrientationBins * kPeriodBins * kSide * kStride), 0.0f);
    for (int o = 0; o < kOrientationBins; ++o) {
        const double theta = kPi * o / kOrientationBins;
        const double c = std::cos(theta), s = std::sin(theta);
        for (int p = 0; p < kPeriodBins; ++p) {
            const double period = kMinPeriod + kPeriodStep * p;
            // Across the ridges the envelope spans about one and a half periods (frequency
            // selectivity); along them it is a little longer so ridges prefer to continue.
            const double sigmaAcross = 0.30 * period, sigmaAlong = 0.36 * period;
            std::array<double, kSide * kSide> k{}, env{};
            double sumK = 0, sumEnv = 0;
            for (int y = -kRadius; y <= kRadius; ++y)
                for (int x = -kRadius; x <= kRadius; ++x) {
                    const double along = x * c + y * s;
                    const double across = -x * s + y * c;
                    const double e = std::exp(-across * across / (2 * sigmaAcross * sigmaAcross) -
                                              along * along / (2 * sigmaAlong * sigmaAlong));
                    const int i = (y + kRadius) * kSide + (x + kRadius);
                    env[i] = e;
                    k[i] = e * std::cos(2 * kPi * across / period);
                    sumK += k[i];
                    sumEnv += e;
                }
            // No response to flat grey (zero DC), unit response to an ideal ridge pattern, so
            // the growth gain below means the same for every period.
            double response = 0;
            for (int y = -kRadius; y <= kRadius; ++y)
                for (int x = -kRadius; x <= kRadius; ++x) {
                    const int i = (y + kRadius) * kSide + (x + kRadius);
                    k[i] -= env[i] * sumK / sumEnv;
                    const double across = -x * s + y * c;
                    response += k[i] * std::cos(2 * kPi * across / period);
                }
            float* dst = bank.taps.data() + (o * kPeriodBins + p) * kSide * kStride;
            for (int y = 0; y < kSide; ++y)
                for (int x = 0; x < kSide; ++x)
                    dst[y * kStride + x] = static_cast<float>(k[y * kSide + x] / response);
        }
    }
    return bank;
}

const GaborBank& gaborBank() {
    static const GaborBank bank = buildBank(); // immutable table, built once (thread-safe)
    return bank;
}

inline float applyKernel(const float* src, size_t srcStep, const float* k) {
#if CV_SIMD128
    cv::v_float32x4 acc = cv::v_setzero_f32();
    for (int r = 0; r < kSide; ++r) {
        const float* s = src + r * srcStep;
        const float* kr = k + r * kStride;
        acc = cv::v_muladd(cv::v_load(s), cv::v_load(kr), acc);
        acc = cv::v_muladd(cv::v_load(s + 4), cv::v_load(kr + 4), acc);
        acc = cv::v_muladd(cv::v_load(s + 8), cv::v_load(kr + 8), acc);
    }
    return cv::v_reduce_sum(acc);
#else
    float acc = 0;
    for (int r = 0; r < kSide; ++r)
        for (int c = 0; c < kStride; ++c)
            acc += src[r * srcStep + c] * k[r * kStride + c];
    return acc;
#endif
}

// ---------------------------------------------------------------------------------------------
// Finger anatomy.

struct PadDimensions {
    double width, height; // pixels at 500 ppi, a firm flat press
    double periodOffset;  // thumbs have slightly wider ridges, little fingers narrower
};

PadDimensions nominalPad(FrictionRidgePosition f) {
    switch (f) {
    case FrictionRidgePosition::RightThumb:
    case FrictionRidgePosition::LeftThumb:
        return {420, 540, 0.4};
    case FrictionRidgePosition::RightIndex:
    case FrictionRidgePosition::LeftIndex:
        return {350, 470, 0.0};
    case FrictionRidgePosition::RightMiddle:
    case FrictionRidgePosition::LeftMiddle:
        return {360, 490, 0.1};
    case FrictionRidgePosition::RightRing:
    case FrictionRidgePosition::LeftRing:
        return {335, 460, 0.0};
    case FrictionRidgePosition::RightLittle:
    case FrictionRidgePosition::LeftLittle:
        return {290, 395, -0.4};
    default:
        throw std::invalid_argument("finger synthesis: not a single finger position");
    }
}

bool isRightHand(FrictionRidgePosition f) {
    return static_cast<int>(f) <= 5;
}

/// Pattern class drawn with per-finger frequencies close to published tallies (whorls most
/// common on thumbs and ring fingers, arches and radial loops on index fingers, ulnar loops
/// dominant). An ulnar loop opens towards the little finger: right loop on a right hand.
FingerPatternClass drawPattern(FrictionRidgePosition f, Random& rnd) {
    const int digit = (static_cast<int>(f) - 1) % 5; // 0 thumb .. 4 little
    // arch, tented arch, ulnar loop, radial loop, whorl
    static constexpr double table[5][5] = {{0.04, 0.02, 0.50, 0.02, 0.42},
                                           {0.09, 0.08, 0.36, 0.17, 0.30},
                                           {0.06, 0.04, 0.64, 0.04, 0.22},
                                           {0.02, 0.02, 0.52, 0.02, 0.42},
                                           {0.02, 0.02, 0.80, 0.01, 0.15}};
    double u = rnd.uniform();
    int k = 0;
    for (; k < 4; ++k) {
        if (u < table[digit][k])
            break;
        u -= table[digit][k];
    }
    const bool right = isRightHand(f);
    switch (k) {
    case 0:
        return FingerPatternClass::Arch;
    case 1:
        return FingerPatternClass::TentedArch;
    case 2:
        return right ? FingerPatternClass::RightLoop : FingerPatternClass::LeftLoop;
    case 3:
        return right ? FingerPatternClass::LeftLoop : FingerPatternClass::RightLoop;
    default:
        return FingerPatternClass::Whorl;
    }
}

/// Fingertip silhouette as in SFinGe: an upper half-ellipse, a central band and a flatter
/// lower half-ellipse, with different half-widths on the two sides.
cv::Mat drawSilhouette(cv::Size canvas, cv::Point2d centre, double width, double height,
                       Random& rnd) {
    const double asym = rnd.uniform(-0.05, 0.05);
    const double wl = width / 2 * (1 + asym), wr = width / 2 * (1 - asym);
    const double b1 = height * rnd.uniform(0.40, 0.48);
    const double b2 = height * rnd.uniform(0.20, 0.28);
    const double c = height - b1 - b2;
    const double yTop = centre.y - height / 2 + b1;
    const double yBot = yTop + c;
    cv::Mat mask(canvas, CV_8U, cv::Scalar(0));
    for (int y = 0; y < canvas.height; ++y) {
        auto* row = mask.ptr<uchar>(y);
        for (int x = 0; x < canvas.width; ++x) {
            const double dx = x - centre.x;
            const double a = dx < 0 ? wl : wr;
            bool inside;
            if (y < yTop) {
                const double u = dx / a, v = (y - yTop) / b1;
                inside = u * u + v * v <= 1.0;
            } else if (y <= yBot) {
                inside = std::abs(dx) <= a;
            } else {
                const double u = dx / a, v = (y - yBot) / b2;
                inside = u * u + v * v <= 1.0;
            }
            row[x] = inside ? 255 : 0;
        }
    }
    return mask;
}

} // namespace

double zeroPoleOrientation(const cv::Point2f& p, const std::vector<cv::Point2f>& cores,
                           const std::vector<cv::Point2f>& deltas, double farFieldRad) {
    // Sherlock & Monro: each core turns the ridge direction by half the angle under which it is
    // seen, each delta by minus half. Cores carry Poincare index +1/2, deltas -1/2.
    double theta = farFieldRad;
    for (const auto& c : cores)
        theta += 0.5 * std::atan2(p.y - c.y, p.x - c.x);
    for (const auto& d : deltas)
        theta -= 0.5 * std::atan2(p.y - d.y, p.x - d.x);
    theta = std::fmod(theta, kPi);
    return theta < 0 ? theta + kPi : theta;
}

cv::Mat growRidges(const cv::Mat& orientation, const cv::Mat& period, const cv::Mat& region,
                   std::uint64_t seed, int seedCount) {
    CV_Assert(orientation.type() == CV_32F && period.type() == CV_32F && region.type() == CV_8U);
    CV_Assert(orientation.size() == period.size() && period.size() == region.size());
    const GaborBank& bank = gaborBank();
    const cv::Size size = orientation.size();
    const int pad = kRadius + 1;

    // Filter index per pixel.
    cv::Mat_<std::uint16_t> bins(size);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x)
            bins(y, x) = static_cast<std::uint16_t>(orientationBin(orientation.at<float>(y, x)) *
                                                        kPeriodBins +
                                                    periodBin(period.at<float>(y, x)));

    // Padded double buffer: reads beyond the canvas see zeros.
    cv::Mat bufA(size.height + 2 * pad, size.width + 2 * pad, CV_32F, cv::Scalar(0));
    cv::Mat bufB = bufA.clone();
    const cv::Rect inner(pad, pad, size.width, size.height);

    // Seeds: a few Gabor-shaped patches with random sign at random points of the region. SFinGe
    // starts from "one or a few seeds"; more seeds fill the finger in fewer passes and give more
    // minutiae where fronts of different phase meet. Seeds are spread over a jittered grid so no
    // part of the finger waits long for a front to arrive.
    const int regionArea = cv::countNonZero(region);
    if (regionArea == 0)
        return cv::Mat(size, CV_32F, cv::Scalar(0));
    Random rnd(seed);
    const double cell = std::sqrt(static_cast<double>(regionArea) / std::max(1, seedCount));
    for (double gy = 0; gy < size.height; gy += cell)
        for (double gx = 0; gx < size.width; gx += cell) {
            const cv::Point s(static_cast<int>(gx + rnd.uniform(0, cell)),
                              static_cast<int>(gy + rnd.uniform(0, cell)));
            const float sign = rnd.chance(0.5) ? 1.0f : -1.0f;
            if (s.x >= size.width || s.y >= size.height || !region.at<uchar>(s))
                continue;
            const float* k = bank.kernel(bins(s.y, s.x));
            float peak = 0;
            for (int j = 0; j < kSide * kStride; ++j)
                peak = std::max(peak, std::abs(k[j]));
            for (int r = 0; r < kSide; ++r)
                for (int c = 0; c < kSide; ++c) {
                    const int yy = s.y + r - kRadius + pad, xx = s.x + c - kRadius + pad;
                    bufA.at<float>(yy, xx) += sign * k[r * kStride + c] / peak;
                }
        }

    // Iterate: filter, amplify, clip. The clip makes ridges saturate; the amplification lets the
    // pattern spread outwards from the seeds by about a kernel radius per pass until the region
    // is full. The pattern never quite stops moving (minutiae wander), so, as in SFinGe, the
    // number of passes is fixed: until every pixel is reached, then a few to let fronts settle.
    const float gain = 1.8f;
    const cv::Mat growKernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(kSide, kSide));
    const int settlePasses = 6;
    const int maxPasses = 60;
    int settleLeft = settlePasses;
    cv::Mat reached, work;
    for (int pass = 0; pass < maxPasses && settleLeft > 0; ++pass) {
        cv::compare(cv::abs(bufA(inner)), 0.0, reached, cv::CMP_GT);
        cv::dilate(reached, reached, growKernel);
        cv::bitwise_and(reached, region, work);
        if (cv::countNonZero(work) >= regionArea)
            --settleLeft;
        bufB.setTo(cv::Scalar(0));
        const size_t step = bufA.step1();
        for (int y = 0; y < size.height; ++y) {
            const uchar* w = work.ptr<uchar>(y);
            const std::uint16_t* b = bins.ptr<std::uint16_t>(y);
            float* out = bufB.ptr<float>(y + pad) + pad;
            for (int x = 0; x < size.width; ++x) {
                if (!w[x])
                    continue;
                const float* src = bufA.ptr<float>(y + pad - kRadius) + (x + pad - kRadius);
                const float v = gain * applyKernel(src, step, bank.kernel(b[x]));
                out[x] = std::clamp(v, -1.0f, 1.0f);
            }
        }
        std::swap(bufA, bufB);
    }

    // Where fronts of opposite phase meet head-on, the filter can settle on a flat grey patch
    // (a stable zero). Real skin has ridges there: re-seed such patches with a small patch of
    // the local pattern and let them grow for a few passes, only around the patch.
    for (int round = 0; round < 3; ++round) {
        cv::Mat amplitude;
        cv::GaussianBlur(cv::abs(bufA(inner)), amplitude, cv::Size(0, 0), 4.0);
        cv::Mat dead;
        cv::compare(amplitude, 0.45, dead, cv::CMP_LT);
        cv::Mat innerRegion;
        cv::erode(region, innerRegion, growKernel);
        cv::bitwise_and(dead, innerRegion, dead);
        cv::Mat labels, stats, centroids;
        const int n = cv::connectedComponentsWithStats(dead, labels, stats, centroids, 8, CV_32S);
        if (n <= 1)
            break;
        for (int i = 1; i < n; ++i) {
            const cv::Point s(static_cast<int>(centroids.at<double>(i, 0)),
                              static_cast<int>(centroids.at<double>(i, 1)));
            const float* k = bank.kernel(bins(s.y, s.x));
            for (int r = 0; r < kSide; ++r)
                for (int c = 0; c < kSide; ++c)
                    bufA.at<float>(s.y + r - kRadius + pad, s.x + c - kRadius + pad) +=
                        12.0f * k[r * kStride + c];
        }
        cv::Mat local;
        cv::dilate(dead, local, growKernel, cv::Point(-1, -1), 3);
        cv::bitwise_and(local, region, local);
        for (int pass = 0; pass < 10; ++pass) {
            bufA.copyTo(bufB);
            const size_t step = bufA.step1();
            for (int y = 0; y < size.height; ++y) {
                const uchar* w = local.ptr<uchar>(y);
                const std::uint16_t* b = bins.ptr<std::uint16_t>(y);
                float* out = bufB.ptr<float>(y + pad) + pad;
                for (int x = 0; x < size.width; ++x) {
                    if (!w[x])
                        continue;
                    const float* src = bufA.ptr<float>(y + pad - kRadius) + (x + pad - kRadius);
                    out[x] =
                        std::clamp(gain * applyKernel(src, step, bank.kernel(b[x])), -1.0f, 1.0f);
                }
            }
            std::swap(bufA, bufB);
        }
    }
    return bufA(inner).clone();
}

MasterFingerprint buildMaster(std::uint64_t identitySeed, FrictionRidgePosition finger) {
    const PadDimensions nominal = nominalPad(finger);
    MasterFingerprint m;
    m.identitySeed = identitySeed;
    m.position = finger;

    // The person's overall size is shared by all ten fingers; the rest is per finger.
    Random person(deriveSeed({identitySeed, 0x5045'5253ull}));
    const double personScale = std::clamp(person.normal(1.0, 0.05), 0.88, 1.12);
    const double personPeriod = std::clamp(person.normal(9.1, 0.4), 8.3, 10.0);
    Random rnd(deriveSeed({identitySeed, static_cast<std::uint64_t>(finger), 0x4D41'5354ull}));

    const double width = nominal.width * personScale * rnd.uniform(0.97, 1.03);
    const double height = nominal.height * personScale * rnd.uniform(0.97, 1.03);
    const int margin = 24;
    const cv::Size canvas(static_cast<int>(std::ceil(width)) + 2 * margin,
                          static_cast<int>(std::ceil(height)) + 2 * margin);
    const cv::Point2d centre(canvas.width / 2.0, canvas.height / 2.0);
    m.padCentre = cv::Point2f(static_cast<float>(centre.x), static_cast<float>(centre.y));
    m.padSize = cv::Size2f(static_cast<float>(width), static_cast<float>(height));
    m.silhouette = drawSilhouette(canvas, centre, width, height, rnd);

    // Singular points, relative to the pad. Plain impressions show the core near the pad
    // centre; deltas lie below it and to the side, often near or past the pad's edge.
    m.pattern = drawPattern(finger, rnd);
    const cv::Point2d core(centre.x + width * rnd.normal(0, 0.05),
                           centre.y + height * rnd.uniform(-0.10, 0.06));
    auto pt = [](double x, double y) {
        return cv::Point2f(static_cast<float>(x), static_cast<float>(y));
    };
    const double farField = rnd.normal(0, 0.05);
    double humpX = core.x, humpY = core.y, humpAmp = 0, humpWidth = 1, arcAmp = 0;
    switch (m.pattern) {
    case FingerPatternClass::LeftLoop:
    case FingerPatternClass::RightLoop: {
        const double side = m.pattern == FingerPatternClass::RightLoop ? -1.0 : 1.0;
        m.cores.push_back(pt(core.x, core.y));
        m.deltas.push_back(pt(core.x + side * width * rnd.uniform(0.30, 0.46),
                              core.y + height * rnd.uniform(0.16, 0.30)));
        break;
    }
    case FingerPatternClass::Whorl: {
        const double sep = rnd.uniform(12, 40);
        const double a = rnd.uniform(-0.6 * kPi, -0.4 * kPi) + (rnd.chance(0.5) ? 0 : kPi);
        m.cores.push_back(pt(core.x + sep / 2 * std::cos(a), core.y + sep / 2 * std::sin(a)));
        m.cores.push_back(pt(core.x - sep / 2 * std::cos(a), core.y - sep / 2 * std::sin(a)));
        m.deltas.push_back(pt(core.x - width * rnd.uniform(0.28, 0.42),
                              core.y + height * rnd.uniform(0.24, 0.38)));
        m.deltas.push_back(pt(core.x + width * rnd.uniform(0.28, 0.42),
                              core.y + height * rnd.uniform(0.24, 0.38)));
        break;
    }
    case FingerPatternClass::TentedArch:
        m.cores.push_back(pt(core.x, core.y));
        m.deltas.push_back(pt(core.x + rnd.normal(0, 6), core.y + rnd.uniform(50, 85)));
        break;
    case FingerPatternClass::Arch:
        humpY = centre.y + height * rnd.uniform(-0.02, 0.14);
        humpAmp = rnd.uniform(0.5, 1.1);
        humpWidth = width * rnd.uniform(0.14, 0.22);
        arcAmp = rnd.uniform(0.5, 0.9);
        break;
    }

    // Orientation field.
    m.orientation.create(canvas, CV_32F);
    for (int y = 0; y < canvas.height; ++y) {
        float* row = m.orientation.ptr<float>(y);
        for (int x = 0; x < canvas.width; ++x) {
            double theta;
            if (m.pattern == FingerPatternClass::Arch) {
                // No singular point: ridges run across the finger with a hump over the centre
                // that flattens towards the crease, and arcs that follow the fingertip above.
                const double u = x - humpX, v = y - humpY;
                const double humpFade =
                    v > 0 ? std::exp(-v * v / (2 * 0.18 * height * 0.18 * height)) : 1.0;
                const double arcs = arcAmp * smoothstep(0, 0.5 * height, -v);
                const double slope = humpAmp * humpFade * (u / humpWidth) *
                                         std::exp(-u * u / (2 * humpWidth * humpWidth)) +
                                     arcs * u / (0.5 * width);
                theta = std::atan(slope) + farField;
                theta = std::fmod(theta + kPi, kPi);
            } else {
                theta = zeroPoleOrientation(pt(x, y), m.cores, m.deltas, farField);
            }
            row[x] = static_cast<float>(theta);
        }
    }

    // Ridge period: the person's typical spacing, wider above the uppermost core (towards the
    // tip) and below the lowest delta, with a gentle random variation.
    double topY = humpY, bottomY = humpY + 0.2 * height;
    for (const auto& c : m.cores)
        topY = std::min<double>(topY, c.y);
    if (!m.deltas.empty()) {
        bottomY = m.deltas.front().y;
        for (const auto& d : m.deltas)
            bottomY = std::max<double>(bottomY, d.y);
    }
    const double base = personPeriod + nominal.periodOffset + rnd.normal(0, 0.15);
    const double topExtra = rnd.uniform(0.6, 1.4), bottomExtra = rnd.uniform(0.3, 0.9);
    cv::Mat wobble = smoothNoise(canvas, 96.0, rnd);
    m.ridgePeriod.create(canvas, CV_32F);
    for (int y = 0; y < canvas.height; ++y) {
        float* row = m.ridgePeriod.ptr<float>(y);
        const float* wob = wobble.ptr<float>(y);
        const double vertical = topExtra * smoothstep(0, 0.35 * height, topY - y) +
                                bottomExtra * smoothstep(0, 0.30 * height, y - bottomY);
        for (int x = 0; x < canvas.width; ++x)
            row[x] = static_cast<float>(std::clamp(base + vertical + 0.35 * wob[x], 6.5, 12.5));
    }

    // Ridges: grown a little beyond the silhouette so the pattern does not thin at the edge.
    cv::Mat region;
    cv::dilate(m.silhouette, region,
               cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(25, 25)));
    const double area = cv::countNonZero(region);
    const int seeds = std::max(4, static_cast<int>(area / (85.0 * 85.0) * rnd.uniform(0.8, 1.2)));
    m.ridges = growRidges(
        m.orientation, m.ridgePeriod, region,
        deriveSeed({identitySeed, static_cast<std::uint64_t>(finger), 0x53454544ull}), seeds);
    cv::GaussianBlur(m.ridges, m.ridges, cv::Size(0, 0), 0.7);
    return m;
}

} // namespace umbral::devices::finger_detail

namespace umbral::devices::finger_detail {

MasterFingerprint buildMiddlePhalanx(std::uint64_t identitySeed, FrictionRidgePosition finger,
                                     const MasterFingerprint& distal) {
    // The skin of the next phalanx down (the proximal phalanx for a thumb): ridges run across
    // the finger in gentle, wavy arcs with no singular point. Only its upper part ever touches
    // the glass in a slap, so a band about as long as the finger is wide is enough.
    MasterFingerprint m;
    m.identitySeed = identitySeed;
    m.position = finger;
    m.pattern = FingerPatternClass::Arch;
    Random rnd(deriveSeed({identitySeed, static_cast<std::uint64_t>(finger), 0x50484C58ull}));
    const double width = distal.padSize.width * rnd.uniform(0.88, 0.96);
    const double height = distal.padSize.width * rnd.uniform(1.05, 1.25);
    const int margin = 20;
    const cv::Size canvas(static_cast<int>(std::ceil(width)) + 2 * margin,
                          static_cast<int>(std::ceil(height)) + 2 * margin);
    const cv::Point2d centre(canvas.width / 2.0, canvas.height / 2.0);
    m.padCentre = cv::Point2f(static_cast<float>(centre.x), static_cast<float>(centre.y));
    m.padSize = cv::Size2f(static_cast<float>(width), static_cast<float>(height));

    // A rounded rectangle: the finger's sides are straight, the crease end is rounded.
    m.silhouette = cv::Mat(canvas, CV_8U, cv::Scalar(0));
    const double r = 0.35 * width;
    const cv::Rect2d body(centre.x - width / 2, centre.y - height / 2, width, height);
    for (int y = 0; y < canvas.height; ++y)
        for (int x = 0; x < canvas.width; ++x) {
            const double cx = std::clamp<double>(x, body.x + r, body.x + body.width - r);
            const double cy = std::max<double>(y, body.y + r);
            const bool inBody =
                x >= body.x && x <= body.x + body.width && y >= body.y && y <= body.y + body.height;
            const double dx = x - cx, dy = y - cy;
            if (inBody && (y >= body.y + r || dx * dx + dy * dy <= r * r))
                m.silhouette.at<uchar>(y, x) = 255;
        }

    const double tilt = rnd.normal(0, 0.08);
    const double bend = rnd.uniform(-0.35, 0.35);
    cv::Mat wave = smoothNoise(canvas, 120.0, rnd);
    m.orientation.create(canvas, CV_32F);
    m.ridgePeriod.create(canvas, CV_32F);
    const double period = std::clamp(
        cv::mean(distal.ridgePeriod, distal.silhouette)[0] + rnd.uniform(0.0, 0.6), 7.0, 12.0);
    for (int y = 0; y < canvas.height; ++y)
        for (int x = 0; x < canvas.width; ++x) {
            const double u = (x - centre.x) / (width / 2);
            double theta = tilt + bend * u + 0.18 * wave.at<float>(y, x);
            theta = std::fmod(theta + 3.14159265358979323846, 3.14159265358979323846);
            m.orientation.at<float>(y, x) = static_cast<float>(theta);
            m.ridgePeriod.at<float>(y, x) = static_cast<float>(period);
        }
    cv::Mat region;
    cv::dilate(m.silhouette, region,
               cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(21, 21)));
    const int seeds = std::max(4, static_cast<int>(cv::countNonZero(region) / (85.0 * 85.0)));
    m.ridges = growRidges(
        m.orientation, m.ridgePeriod, region,
        deriveSeed({identitySeed, static_cast<std::uint64_t>(finger), 0x50534544ull}), seeds);
    cv::GaussianBlur(m.ridges, m.ridges, cv::Size(0, 0), 0.7);
    return m;
}

} // namespace umbral::devices::finger_detail
