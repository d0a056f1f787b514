#include "app/biometrics/fingerprint/matching/screening_code.h"

#include <immintrin.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace umbral::biometrics::matching_detail {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kHalfSide = 70.0f; // the square reaches 70 px each way, like the cylinders
constexpr int kSpatialBins = 4;
constexpr int kDirectionBins = 4;
static_assert(kSpatialBins * kSpatialBins * kDirectionBins == 64);
// The probe minutiae whose best gallery match is strongest take part in the geometric check.
constexpr std::size_t kGeometricPairs = 12;
// Two pairs agree when the distances differ by at most 10 px and the radial angle and the
// relative direction by at most 20 degrees (sizes that tolerate skin distortion over ~100 px).
constexpr float kDistanceTolerance = 10.0f;
const float kCosAngleTolerance = std::cos(20.0f * kPi / 180.0f);

// 2 / (ones_a + ones_b) in 1/32768 units: the Dice similarity 2|a & b| / (|a| + |b|) becomes an
// integer product, and "best so far" an integer max without a dependency on float latency.
struct DiceTable {
    std::array<std::uint32_t, 130> twiceInverse{};
    DiceTable() {
        for (std::size_t i = 1; i < twiceInverse.size(); ++i)
            twiceInverse[i] =
                static_cast<std::uint32_t>(std::lround(65536.0 / static_cast<double>(i)));
    }
};
const DiceTable& dice() {
    static const DiceTable t;
    return t;
}
constexpr float kDiceUnit = 1.0f / 32768.0f;

struct BestMatch {
    float similarity;
    int gallery;
    int probe;
};

// For each probe code, the most similar gallery code. The key packs (similarity << 8 | gallery
// index) so one unsigned max keeps both; the gallery loop is outside, so the probe codes' maxima
// are independent of each other and the processor overlaps them. The target clones give a build
// using the POPCNT instruction where the processor has it.
[[gnu::target_clones("popcnt", "default")]] void
bestMatches(std::span<const ScreeningMinutia> probe, const ScreeningView& gallery, BestMatch* out) {
    const auto& inv = dice().twiceInverse;
    const std::size_t np = probe.size();
    const std::size_t ng = std::min<std::size_t>(gallery.size, 256);
    std::array<std::uint64_t, ScreeningProbe::kMaxProbeCodes> code{};
    std::array<std::uint8_t, ScreeningProbe::kMaxProbeCodes> ones{}, direction{};
    std::array<std::uint32_t, ScreeningProbe::kMaxProbeCodes> key{};
    for (std::size_t i = 0; i < np; ++i) {
        code[i] = probe[i].code;
        ones[i] = probe[i].ones;
        direction[i] = probe[i].direction;
    }
    for (std::size_t j = 0; j < ng; ++j) {
        const std::uint64_t gcode = gallery.code[j];
        const unsigned gones = gallery.onesAndDirection[j] & 0xffu;
        const auto gdirection = static_cast<std::uint8_t>(gallery.onesAndDirection[j] >> 8);
        for (std::size_t i = 0; i < np; ++i) {
            // Directions within 90 degrees of each other (rotations beyond that do not occur
            // on a flat scanner), tested on the 8-bit angles without a branch.
            const auto turn = static_cast<std::uint8_t>(direction[i] - gdirection);
            const std::uint32_t aligned = static_cast<std::uint8_t>(turn + 64) < 128 ? 1u : 0u;
            const std::uint32_t similarity =
                aligned * static_cast<std::uint32_t>(std::popcount(code[i] & gcode)) *
                inv[ones[i] + gones];
            key[i] = std::max(key[i], (similarity << 8) | static_cast<std::uint32_t>(j));
        }
    }
    for (std::size_t i = 0; i < np; ++i)
        out[i] = {static_cast<float>(key[i] >> 8) * kDiceUnit, static_cast<int>(key[i] & 0xff),
                  static_cast<int>(i)};
}

// The same search on AVX-512 (VPOPCNTQ, 64-bit multiplies): eight probe codes per vector against
// one gallery code, the Dice factor read from a per-probe table instead of a per-pair look-up.
// Integer arithmetic throughout, so the result is the plain build's bit for bit.
[[gnu::target("avx512f,avx512dq,avx512vpopcntdq")]] void
bestMatchesAvx512(const std::uint64_t* laneCode, const std::uint64_t* laneDirection,
                  const std::uint64_t* diceRows, std::size_t np, const ScreeningView& gallery,
                  BestMatch* out) {
    static_assert(ScreeningProbe::kMaxProbeCodes == 24);
    const std::size_t ng = std::min<std::size_t>(gallery.size, 256);
    const __m512i code[3] = {_mm512_loadu_si512(laneCode), _mm512_loadu_si512(laneCode + 8),
                             _mm512_loadu_si512(laneCode + 16)};
    const __m512i direction[3] = {_mm512_loadu_si512(laneDirection),
                                  _mm512_loadu_si512(laneDirection + 8),
                                  _mm512_loadu_si512(laneDirection + 16)};
    const __m512i quarter = _mm512_set1_epi64(64), byte = _mm512_set1_epi64(0xff),
                  half = _mm512_set1_epi64(128);
    __m512i key[3] = {_mm512_setzero_si512(), _mm512_setzero_si512(), _mm512_setzero_si512()};
    for (std::size_t j = 0; j < ng; ++j) {
        const __m512i gcode = _mm512_set1_epi64(static_cast<long long>(gallery.code[j]));
        const unsigned meta = gallery.onesAndDirection[j];
        const __m512i gdirection = _mm512_set1_epi64(meta >> 8);
        const __m512i index = _mm512_set1_epi64(static_cast<long long>(j));
        const std::uint64_t* row =
            diceRows + static_cast<std::size_t>(meta & 0xffu) * ScreeningProbe::kMaxProbeCodes;
        for (int v = 0; v < 3; ++v) {
            const __m512i common = _mm512_popcnt_epi64(_mm512_and_si512(code[v], gcode));
            const __m512i turn = _mm512_and_si512(
                _mm512_add_epi64(_mm512_sub_epi64(direction[v], gdirection), quarter), byte);
            const __mmask8 aligned = _mm512_cmplt_epu64_mask(turn, half);
            const __m512i similarity =
                _mm512_maskz_mullo_epi64(aligned, common, _mm512_loadu_si512(row + 8 * v));
            // (maskz forms: GCC 12's plain ones start from an "undefined" vector that trips
            // -Wmaybe-uninitialized.)
            key[v] = _mm512_maskz_max_epu64(
                0xff, key[v], _mm512_or_si512(_mm512_maskz_slli_epi64(0xff, similarity, 8), index));
        }
    }
    alignas(64) std::uint64_t keys[ScreeningProbe::kMaxProbeCodes];
    for (int v = 0; v < 3; ++v)
        _mm512_store_si512(keys + 8 * v, key[v]);
    for (std::size_t i = 0; i < np; ++i)
        out[i] = {static_cast<float>(keys[i] >> 8) * kDiceUnit, static_cast<int>(keys[i] & 0xff),
                  static_cast<int>(i)};
}

bool hasAvx512Screening() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vpopcntdq");
}

} // namespace

std::vector<ScreeningMinutia> screeningCodes(std::span<const Minutia> minutiae) {
    const std::size_t n = minutiae.size();
    std::vector<float> theta(n);
    for (std::size_t i = 0; i < n; ++i)
        theta[i] = isoDegreesToImageRadians(minutiae[i].angleDeg);
    const float binSize = 2.0f * kHalfSide / kSpatialBins;
    std::vector<ScreeningMinutia> codes;
    codes.reserve(n);
    for (std::size_t m = 0; m < n; ++m) {
        const float c = std::cos(theta[m]), s = std::sin(theta[m]);
        std::uint64_t code = 0;
        int neighbours = 0;
        for (std::size_t q = 0; q < n; ++q) {
            if (q == m)
                continue;
            const float dx = minutiae[q].x - minutiae[m].x, dy = minutiae[q].y - minutiae[m].y;
            const float u = dx * c + dy * s, v = -dx * s + dy * c;
            if (std::abs(u) >= kHalfSide || std::abs(v) >= kHalfSide)
                continue;
            float relative = theta[q] - theta[m];
            while (relative < 0.0f)
                relative += 2.0f * kPi;
            while (relative >= 2.0f * kPi)
                relative -= 2.0f * kPi;
            const int iu = std::min(kSpatialBins - 1, static_cast<int>((u + kHalfSide) / binSize));
            const int iv = std::min(kSpatialBins - 1, static_cast<int>((v + kHalfSide) / binSize));
            const int id = std::min(kDirectionBins - 1,
                                    static_cast<int>(relative / (2.0f * kPi) * kDirectionBins));
            code |= std::uint64_t{1} << ((iu * kSpatialBins + iv) * kDirectionBins + id);
            ++neighbours;
        }
        if (neighbours < 2)
            continue;
        ScreeningMinutia sm;
        sm.code = code;
        sm.ones = static_cast<std::uint8_t>(std::popcount(code));
        float turns = theta[m] / (2.0f * kPi);
        turns -= std::floor(turns);
        sm.direction = static_cast<std::uint8_t>(static_cast<int>(turns * 256.0f) & 0xff);
        sm.x = minutiae[m].x;
        sm.y = minutiae[m].y;
        sm.cosDir = c;
        sm.sinDir = s;
        codes.push_back(sm);
    }
    return codes;
}

ScreeningProbe::ScreeningProbe(std::span<const Minutia> minutiae)
    : codes_(screeningCodes(minutiae)) {
    if (codes_.size() > kMaxProbeCodes)
        codes_.resize(kMaxProbeCodes);
    const std::size_t n = codes_.size();
    laneCode_.assign(kMaxProbeCodes, 0);
    laneDirection_.assign(kMaxProbeCodes, 0);
    diceRows_.assign(65 * kMaxProbeCodes, 0);
    for (std::size_t i = 0; i < n; ++i) {
        laneCode_[i] = codes_[i].code;
        laneDirection_[i] = codes_[i].direction;
        for (std::size_t ones = 0; ones <= 64; ++ones)
            diceRows_[ones * kMaxProbeCodes + i] = dice().twiceInverse[codes_[i].ones + ones];
    }
    pairs_.resize(kMaxProbeCodes * kMaxProbeCodes);
    for (std::size_t t = 0; t < n; ++t)
        for (std::size_t k = 0; k < n; ++k) {
            const ScreeningMinutia& a = codes_[t];
            const ScreeningMinutia& b = codes_[k];
            const float dx = b.x - a.x, dy = b.y - a.y;
            const float d = std::sqrt(dx * dx + dy * dy);
            PairGeometry& p = pairs_[t * kMaxProbeCodes + k];
            p.distance = d;
            p.radialU = d > 0 ? (dx * a.cosDir + dy * a.sinDir) / d : 1.0f;
            p.radialV = d > 0 ? (-dx * a.sinDir + dy * a.cosDir) / d : 0.0f;
            p.cosRel = b.cosDir * a.cosDir + b.sinDir * a.sinDir;
            p.sinRel = b.sinDir * a.cosDir - b.cosDir * a.sinDir;
        }
}

void ScreeningStore::reserve(std::size_t fingerprints, std::size_t minutiae) {
    code_.reserve(minutiae);
    onesAndDirection_.reserve(minutiae);
    placement_.reserve(minutiae);
    offsets_.reserve(fingerprints + 1);
}

std::size_t ScreeningStore::add(std::span<const ScreeningMinutia> codes) {
    for (const ScreeningMinutia& c : codes) {
        code_.push_back(c.code);
        onesAndDirection_.push_back(static_cast<std::uint16_t>(c.ones | (c.direction << 8)));
        placement_.push_back({c.x, c.y, c.cosDir, c.sinDir});
    }
    offsets_.push_back(code_.size());
    return offsets_.size() - 2;
}

ScreeningView ScreeningStore::view(std::size_t fingerprint) const {
    const std::size_t begin = offsets_[fingerprint], end = offsets_[fingerprint + 1];
    return {code_.data() + begin, onesAndDirection_.data() + begin, placement_.data() + begin,
            end - begin};
}

float ScreeningProbe::score(const ScreeningView& gallery) const {
    static const bool vectorUnits = hasAvx512Screening();
    return scoreFrom(gallery, vectorUnits);
}

float ScreeningProbe::scoreWithoutVectorUnits(const ScreeningView& gallery) const {
    return scoreFrom(gallery, false);
}

float ScreeningProbe::scoreFrom(const ScreeningView& gallery, bool vectorUnits) const {
    const std::size_t n = codes_.size();
    if (n < 2 || gallery.size < 2)
        return 0.0f;
    std::array<BestMatch, kMaxProbeCodes> best;
    if (vectorUnits)
        bestMatchesAvx512(laneCode_.data(), laneDirection_.data(), diceRows_.data(), n, gallery,
                          best.data());
    else
        bestMatches(codes_, gallery, best.data());
    const std::size_t m = std::min(kGeometricPairs, n);
    std::partial_sort(
        best.begin(), best.begin() + static_cast<std::ptrdiff_t>(m),
        best.begin() + static_cast<std::ptrdiff_t>(n),
        [](const BestMatch& l, const BestMatch& r) { return l.similarity > r.similarity; });

    // Each of the m strongest pairs is supported by the other pairs that agree with it on
    // distance, relative direction and radial angle: impostor pairs rarely agree, mates do.
    // Distance and relative direction are symmetric, so each couple of pairs is visited once.
    const float cos2 = kCosAngleTolerance * kCosAngleTolerance;
    std::array<float, kGeometricPairs> support{};
    for (std::size_t t = 0; t < m; ++t) {
        const ScreeningPlacement& gt = gallery.placement[best[t].gallery];
        const auto pt = static_cast<std::size_t>(best[t].probe);
        for (std::size_t k = t + 1; k < m; ++k) {
            if (best[k].gallery == best[t].gallery)
                continue;
            const ScreeningPlacement& gk = gallery.placement[best[k].gallery];
            const auto pk = static_cast<std::size_t>(best[k].probe);
            const PairGeometry& ptk = pairs_[pt * kMaxProbeCodes + pk];
            const float dx = gk.x - gt.x, dy = gk.y - gt.y;
            const float d2 = dx * dx + dy * dy;
            const float lo = std::max(0.0f, ptk.distance - kDistanceTolerance),
                        hi = ptk.distance + kDistanceTolerance;
            if (d2 < lo * lo || d2 > hi * hi)
                continue;
            const float cosRel = gk.cosDir * gt.cosDir + gk.sinDir * gt.sinDir;
            const float sinRel = gk.sinDir * gt.cosDir - gk.cosDir * gt.sinDir;
            if (cosRel * ptk.cosRel + sinRel * ptk.sinRel < kCosAngleTolerance)
                continue;
            // Radial angle seen from t, then from k (towards t).
            const float ut = dx * gt.cosDir + dy * gt.sinDir, vt = -dx * gt.sinDir + dy * gt.cosDir;
            const float dotT = ut * ptk.radialU + vt * ptk.radialV;
            if (dotT > 0.0f && dotT * dotT >= d2 * cos2)
                support[t] += best[k].similarity;
            const PairGeometry& pkt = pairs_[pk * kMaxProbeCodes + pt];
            const float uk = -dx * gk.cosDir - dy * gk.sinDir, vk = dx * gk.sinDir - dy * gk.cosDir;
            const float dotK = uk * pkt.radialU + vk * pkt.radialV;
            if (dotK > 0.0f && dotK * dotK >= d2 * cos2)
                support[k] += best[t].similarity;
        }
    }
    float total = 0.0f;
    for (std::size_t t = 0; t < m; ++t)
        total += best[t].similarity * support[t];
    return total / static_cast<float>(m * (m - 1));
}

} // namespace umbral::biometrics::matching_detail
