#include "app/biometrics/iris/iris_code.h"

#include "app/biometrics/common/biometric_error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace umbral::biometrics {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Gabor wavelet on the normalised iris: a wavelength of 24 columns (17 degrees of arc) with a
// Gaussian envelope of 9 columns along the angle and 3 rows (4.5 % of the iris width) along
// the radius: about one octave of bandwidth, the scale of crypts and furrows in a 240-pixel iris.
constexpr double kWavelength = 24.0;
constexpr double kSigmaAngle = 9.0;
constexpr double kSigmaRadius = 3.0;
// A bit is used only where the filter sees mostly iris, and where its response is not among
// the weakest tenth (a weak response's sign flips with noise).
constexpr double kMinCoverage = 0.85;
constexpr double kFragileShare = 0.10;

constexpr std::uint8_t kMagic[6] = {'U', 'M', 'I', 'R', 'I', 'S'};
constexpr std::uint8_t kFormatVersion = 1;
constexpr std::size_t kHeaderBytes =
    6 + 1 + 1 + 2 + 1 + 1; // magic, version, rings, angles, bits, reserved
constexpr std::size_t kFileBytes = kHeaderBytes + 2 * kIrisCodeWords * 8;

void setBit(std::array<std::uint64_t, kIrisCodeWords>& words, int index) {
    words[static_cast<std::size_t>(index / 64)] |= std::uint64_t{1} << (index % 64);
}

bool getBit(const std::array<std::uint64_t, kIrisCodeWords>& words, int index) {
    return (words[static_cast<std::size_t>(index / 64)] >> (index % 64)) & 1U;
}

} // namespace

int IrisTemplate::validBits() const {
    int n = 0;
    for (const auto w : mask)
        n += std::popcount(w);
    return n;
}

bool IrisTemplate::bit(int ring, int angle, int part) const {
    return getBit(code, ring * 256 + 2 * angle + part);
}
bool IrisTemplate::maskBit(int ring, int angle, int part) const {
    return getBit(mask, ring * 256 + 2 * angle + part);
}

std::vector<std::uint8_t> IrisTemplate::serialise() const {
    std::vector<std::uint8_t> out;
    out.reserve(kFileBytes);
    out.insert(out.end(), std::begin(kMagic), std::end(kMagic));
    out.push_back(kFormatVersion);
    out.push_back(static_cast<std::uint8_t>(kIrisCodeRings));
    out.push_back(static_cast<std::uint8_t>(kIrisCodeAngles & 0xFF));
    out.push_back(static_cast<std::uint8_t>(kIrisCodeAngles >> 8));
    out.push_back(2); // bits per sample
    out.push_back(0); // reserved
    for (const auto* words : {&code, &mask})
        for (const std::uint64_t w : *words)
            for (int b = 0; b < 8; ++b)
                out.push_back(static_cast<std::uint8_t>(w >> (8 * b)));
    return out;
}

IrisTemplate IrisTemplate::deserialise(const std::vector<std::uint8_t>& bytes) {
    auto fail = [](const std::string& why) {
        throw BiometricError(BiometricErrorCode::MalformedTemplate,
                             "not an Umbral iris template: " + why);
    };
    if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        fail("bad magic");
    if (bytes[6] != kFormatVersion)
        fail("unsupported format version " + std::to_string(bytes[6]));
    if (bytes[7] != kIrisCodeRings || (bytes[8] | (bytes[9] << 8)) != kIrisCodeAngles ||
        bytes[10] != 2)
        fail("unexpected code geometry");
    if (bytes.size() != kFileBytes)
        fail("size " + std::to_string(bytes.size()) + " bytes, expected " +
             std::to_string(kFileBytes));
    IrisTemplate t;
    std::size_t pos = kHeaderBytes;
    for (auto* words : {&t.code, &t.mask})
        for (auto& w : *words) {
            w = 0;
            for (int b = 0; b < 8; ++b)
                w |= static_cast<std::uint64_t>(bytes[pos++]) << (8 * b);
        }
    return t;
}

IrisTemplate encodeNormalisedIris(const NormalisedIris& n) {
    if (n.texture.rows != kNormalisedRows || n.texture.cols != kNormalisedColumns ||
        n.texture.type() != CV_32F || n.mask.size() != n.texture.size() || n.mask.type() != CV_8U)
        throw BiometricError(BiometricErrorCode::Internal,
                             "normalised iris of the wrong size or type");
    const int rows = kNormalisedRows;
    const int cols = kNormalisedColumns;

    // Occluded texels take their row's mean so that lids and lashes do not ring through the
    // filter into the neighbouring (valid) bits.
    cv::Mat tex = n.texture.clone();
    double allSum = 0.0;
    int allCount = 0;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            if (n.mask.at<uchar>(r, c)) {
                allSum += tex.at<float>(r, c);
                ++allCount;
            }
    IrisTemplate t;
    if (allCount == 0)
        return t; // nothing usable: an all-masked template
    for (int r = 0; r < rows; ++r) {
        double sum = 0.0;
        int count = 0;
        for (int c = 0; c < cols; ++c)
            if (n.mask.at<uchar>(r, c)) {
                sum += tex.at<float>(r, c);
                ++count;
            }
        const float fill = static_cast<float>(count > 0 ? sum / count : allSum / allCount);
        for (int c = 0; c < cols; ++c)
            if (!n.mask.at<uchar>(r, c))
                tex.at<float>(r, c) = fill;
    }

    // Angular part of the wavelet, zero-mean so that brightness does not bias the real bit.
    const int half = static_cast<int>(std::ceil(3.0 * kSigmaAngle));
    std::vector<double> env(static_cast<std::size_t>(2 * half + 1));
    std::vector<double> re(env.size());
    std::vector<double> im(env.size());
    double envSum = 0.0;
    double cosSum = 0.0;
    for (int t = -half; t <= half; ++t) {
        const double g = std::exp(-0.5 * t * t / (kSigmaAngle * kSigmaAngle));
        env[t + half] = g;
        envSum += g;
        cosSum += g * std::cos(2.0 * kPi * t / kWavelength);
    }
    const double dc = cosSum / envSum;
    for (int t = -half; t <= half; ++t) {
        re[t + half] = env[t + half] * (std::cos(2.0 * kPi * t / kWavelength) - dc);
        im[t + half] = env[t + half] * std::sin(2.0 * kPi * t / kWavelength);
    }
    // Coverage uses the envelope's core (one sigma each side).
    const int core = static_cast<int>(kSigmaAngle);

    const int step = cols / kIrisCodeAngles;
    cv::Mat respRe(rows, kIrisCodeAngles, CV_64F);
    cv::Mat respIm(rows, kIrisCodeAngles, CV_64F);
    cv::Mat cover(rows, kIrisCodeAngles, CV_64F);
    for (int r = 0; r < rows; ++r) {
        const float* row = tex.ptr<float>(r);
        const uchar* m = n.mask.ptr<uchar>(r);
        for (int j = 0; j < kIrisCodeAngles; ++j) {
            const int centre = j * step + step / 2;
            double sr = 0.0;
            double si = 0.0;
            for (int t = -half; t <= half; ++t) {
                const float v = row[(centre + t + cols) % cols];
                sr += re[t + half] * v;
                si += im[t + half] * v;
            }
            int valid = 0;
            for (int t = -core; t <= core; ++t)
                valid += m[(centre + t + cols) % cols] ? 1 : 0;
            respRe.at<double>(r, j) = sr;
            respIm.at<double>(r, j) = si;
            cover.at<double>(r, j) = static_cast<double>(valid) / (2 * core + 1);
        }
    }

    // Radial Gaussian over the rows of each ring.
    const int ringRows = rows / kIrisCodeRings;
    const int rhalf = static_cast<int>(std::ceil(3.0 * kSigmaRadius));
    std::vector<double> vRe(static_cast<std::size_t>(kIrisCodeRings * kIrisCodeAngles));
    std::vector<double> vIm(vRe.size());
    std::vector<double> vCover(vRe.size());
    for (int k = 0; k < kIrisCodeRings; ++k) {
        const int rc = k * ringRows + ringRows / 2;
        for (int j = 0; j < kIrisCodeAngles; ++j) {
            double sr = 0.0;
            double si = 0.0;
            double sc = 0.0;
            double w = 0.0;
            double wc = 0.0;
            for (int d = -rhalf; d <= rhalf; ++d) {
                const int r = rc + d;
                if (r < 0 || r >= rows)
                    continue;
                const double g = std::exp(-0.5 * d * d / (kSigmaRadius * kSigmaRadius));
                sr += g * respRe.at<double>(r, j);
                si += g * respIm.at<double>(r, j);
                w += g;
                if (std::abs(d) <= kSigmaRadius) {
                    sc += cover.at<double>(r, j);
                    wc += 1.0;
                }
            }
            const std::size_t i = static_cast<std::size_t>(k * kIrisCodeAngles + j);
            vRe[i] = sr / w;
            vIm[i] = si / w;
            vCover[i] = sc / wc;
        }
    }

    // Fragile-bit thresholds: the weakest tenth of each part among covered cells.
    std::vector<double> magRe;
    std::vector<double> magIm;
    for (std::size_t i = 0; i < vRe.size(); ++i)
        if (vCover[i] >= kMinCoverage) {
            magRe.push_back(std::abs(vRe[i]));
            magIm.push_back(std::abs(vIm[i]));
        }
    auto quantile = [](std::vector<double> v, double q) {
        if (v.empty())
            return 0.0;
        const auto it = v.begin() + static_cast<std::ptrdiff_t>(q * (v.size() - 1));
        std::nth_element(v.begin(), it, v.end());
        return *it;
    };
    const double fragileRe = quantile(magRe, kFragileShare);
    const double fragileIm = quantile(magIm, kFragileShare);

    for (int k = 0; k < kIrisCodeRings; ++k)
        for (int j = 0; j < kIrisCodeAngles; ++j) {
            const std::size_t i = static_cast<std::size_t>(k * kIrisCodeAngles + j);
            const int bit = k * 256 + 2 * j;
            if (vRe[i] > 0.0)
                setBit(t.code, bit);
            if (vIm[i] > 0.0)
                setBit(t.code, bit + 1);
            if (vCover[i] < kMinCoverage)
                continue;
            if (std::abs(vRe[i]) > fragileRe)
                setBit(t.mask, bit);
            if (std::abs(vIm[i]) > fragileIm)
                setBit(t.mask, bit + 1);
        }
    return t;
}

IrisTemplate encodeIris(const cv::Mat& image, const IrisSegmentation& segmentation) {
    return encodeNormalisedIris(normaliseIris(image, segmentation));
}

IrisTemplate encodeIris(const cv::Mat& image) {
    return encodeIris(image, segmentIris(image));
}

} // namespace umbral::biometrics
