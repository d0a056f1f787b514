#pragma once

// Deterministic random numbers for the fingerprint generator (internal header).
//
// The generator promises "the same seed gives the same finger" on every machine and every
// build. std::normal_distribution and friends are implementation-defined, and cv::theRNG() is
// global state, so neither is used: this is SplitMix64 (Steele, Lea, Flood 2014) with our own
// uniform and normal draws, and cv::RNG objects (whose algorithm OpenCV fixes) seeded from it
// when a whole noise image is needed.

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <opencv2/core.hpp>

namespace umbral::devices::finger_detail {

/// One SplitMix64 step: a strong 64-bit mix, also used to derive seeds from tuples.
constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// Derives an independent stream seed from a list of integers (identity, finger, purpose...).
inline std::uint64_t deriveSeed(std::initializer_list<std::uint64_t> parts) noexcept {
    std::uint64_t h = 0x6A09E667F3BCC908ull;
    for (std::uint64_t p : parts)
        h = mix64(h ^ mix64(p));
    return h;
}

/// Small deterministic generator. Not thread-safe: each use owns its own instance.
class Random {
public:
    explicit Random(std::uint64_t seed) noexcept : state_(seed) {}

    std::uint64_t next() noexcept {
        state_ += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, 1) with 53 bits.
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [lo, hi].
    int uniformInt(int lo, int hi) noexcept {
        const auto span = static_cast<std::uint64_t>(hi - lo + 1);
        return lo + static_cast<int>(next() % span);
    }
    bool chance(double p) noexcept { return uniform() < p; }
    /// Standard normal by Box-Muller (one value per call; the twin is dropped for simplicity).
    double normal() noexcept {
        double u1 = uniform();
        if (u1 < 1e-300)
            u1 = 1e-300;
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    double normal(double mean, double sd) noexcept { return mean + sd * normal(); }
    /// A seed for a cv::RNG that fills a noise image; OpenCV's RNG algorithm is fixed.
    cv::RNG imageRng() noexcept {
        std::uint64_t s = next();
        return cv::RNG(s == 0 ? 1 : s);
    }

private:
    std::uint64_t state_;
};

} // namespace umbral::devices::finger_detail
