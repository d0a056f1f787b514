#include "app/interchange/wsq_quantization.h"

#include "app/interchange/interchange_error.h"

#include <cmath>

namespace umbral::interchange::wsq {

namespace {

constexpr double kVarianceThreshold = 1.01; // below it a subband carries nothing worth coding
constexpr int kRegion2First = 4;            // subbands 4..50 are 1/256 of the image each
constexpr int kRegion3First = 51;           // subbands 51..59 are 1/16 of the image each

// Sample variance over `r`, or over its central part (the spec's crop: 1/8 in from the left
// and right edges, 9/32 down from the top, 7/16 of the height) when `central`. The crop keeps
// the statistics away from the blank margins that fingerprint images usually have.
double subbandVariance(const std::vector<float>& plane, int width, const Region& r, bool central) {
    int x0 = r.x, y0 = r.y, w = r.width, h = r.height;
    if (central) {
        x0 += r.width / 8;
        y0 += (9 * r.height) / 32;
        w = (3 * r.width) / 4;
        h = (7 * r.height) / 16;
    }
    const double n = static_cast<double>(w) * h;
    if (n < 2.0)
        return 0.0;
    double sum = 0.0, squares = 0.0;
    for (int y = y0; y < y0 + h; ++y) {
        const float* row = plane.data() + static_cast<std::size_t>(y) * width + x0;
        for (int x = 0; x < w; ++x) {
            sum += row[x];
            squares += static_cast<double>(row[x]) * row[x];
        }
    }
    return (squares - sum * sum / n) / (n - 1.0);
}

// Weights A_k of the relative bin widths: the eight outer subbands, which hold the finest ridge
// detail at 500 ppi, are quantized more coarsely in a fixed pattern (Part 3).
double subbandWeight(int k) {
    static constexpr double kOuter[8] = {1.32, 1.08, 1.42, 1.08, 1.32, 1.42, 1.08, 1.08};
    return k >= kBlock3First ? kOuter[k - kBlock3First] : 1.0;
}

// Fraction of the image area a subband of the region stands for (the spec's 1/m_k).
double areaFraction(int k) {
    if (k < kRegion2First)
        return 1.0 / 1024.0;
    if (k < kRegion3First)
        return 1.0 / 256.0;
    return 1.0 / 16.0;
}

} // namespace

std::size_t transmittedCoefficientCount(const QuantizationTable& table, const WsqTree& tree) {
    std::size_t n = 0;
    for (int k = 0; k < kCodedSubbands; ++k)
        if (table.q[k] != 0.0)
            n += static_cast<std::size_t>(tree.subbands[k].area());
    return n;
}

QuantizationTable allocateBits(const std::vector<float>& plane, int width, const WsqTree& tree,
                               double bitRate) {
    std::array<double, kCodedSubbands> variance{};
    double lowVarianceSum = 0.0;
    for (int k = 0; k < kRegion2First; ++k) {
        variance[k] = subbandVariance(plane, width, tree.subbands[k], true);
        lowVarianceSum += variance[k];
    }
    // A low-contrast image (small variance in the four lowest subbands) is measured on whole
    // subbands, a normal one on their central parts.
    const bool whole = lowVarianceSum < 20000.0;
    for (int k = whole ? 0 : kRegion2First; k < kCodedSubbands; ++k)
        variance[k] = subbandVariance(plane, width, tree.subbands[k], !whole);

    std::array<double, kCodedSubbands> relative{}; // Q'_k
    std::array<double, kCodedSubbands> sigma{};
    std::vector<int> initial; // K0: subbands worth coding at all
    for (int k = 0; k < kCodedSubbands; ++k) {
        if (!(variance[k] >= kVarianceThreshold))
            continue;
        relative[k] = k < kRegion2First ? 1.0 : 10.0 / (subbandWeight(k) * std::log(variance[k]));
        sigma[k] = std::sqrt(variance[k]);
        initial.push_back(k);
    }

    QuantizationTable table;
    if (initial.empty())
        return table; // a flat image: nothing but the mean is transmitted

    // Solve for q with the subbands whose rate is positive; drop those whose bin would be at
    // least five standard deviations wide and solve again.
    std::vector<int> active = initial;
    double q = 0.0;
    while (!active.empty()) {
        double s = 0.0;
        double logP = 0.0;
        for (int k : active) {
            s += areaFraction(k);
            logP += areaFraction(k) * std::log(sigma[k] / relative[k]);
        }
        q = std::pow(2.0, bitRate / s - 1.0) / 2.5 / std::exp(logP / s);
        std::vector<int> kept;
        for (int k : active)
            if (relative[k] / q < 5.0 * sigma[k])
                kept.push_back(k);
        if (kept.size() == active.size())
            break;
        active = std::move(kept);
    }

    // As the reference encoder does, every subband of the initial set keeps a bin width; the
    // dropped ones get wide bins and quantize to (almost) nothing.
    for (int k : initial) {
        table.q[k] = relative[k] / q;
        table.z[k] = 1.2 * table.q[k];
    }
    return table;
}

std::vector<std::int32_t> quantize(const std::vector<float>& plane, int width, const WsqTree& tree,
                                   const QuantizationTable& table) {
    std::vector<std::int32_t> out;
    out.reserve(transmittedCoefficientCount(table, tree));
    for (int k = 0; k < kCodedSubbands; ++k) {
        const double q = table.q[k];
        if (q == 0.0)
            continue;
        const double halfZero = table.z[k] / 2.0;
        const Region& r = tree.subbands[k];
        for (int y = r.y; y < r.y + r.height; ++y) {
            const float* row = plane.data() + static_cast<std::size_t>(y) * width + r.x;
            for (int x = 0; x < r.width; ++x) {
                const double a = row[x];
                double p = 0.0;
                if (a > halfZero)
                    p = std::floor((a - halfZero) / q) + 1.0;
                else if (a < -halfZero)
                    p = std::ceil((a + halfZero) / q) - 1.0;
                // Decoders in the field store indices in 16 bits.
                if (std::fabs(p) > 32767.0)
                    throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                                           "WSQ encoder: quantized coefficient beyond 16 bits in "
                                           "subband " +
                                               std::to_string(k) +
                                               "; the bit rate is too high for this image");
                out.push_back(static_cast<std::int32_t>(p));
            }
        }
    }
    return out;
}

void dequantize(std::span<const std::int32_t> coefficients, const QuantizationTable& table,
                const WsqTree& tree, int width, std::vector<float>& plane) {
    std::size_t i = 0;
    const double c = table.binCenter;
    for (int k = 0; k < kCodedSubbands; ++k) {
        const double q = table.q[k];
        if (q == 0.0)
            continue;
        const double halfZero = table.z[k] / 2.0;
        const Region& r = tree.subbands[k];
        for (int y = r.y; y < r.y + r.height; ++y) {
            float* row = plane.data() + static_cast<std::size_t>(y) * width + r.x;
            for (int x = 0; x < r.width; ++x) {
                const std::int32_t p = coefficients[i++];
                double a = 0.0;
                if (p > 0)
                    a = q * (p - c) + halfZero;
                else if (p < 0)
                    a = q * (p + c) - halfZero;
                row[x] = static_cast<float>(a);
            }
        }
    }
}

} // namespace umbral::interchange::wsq
