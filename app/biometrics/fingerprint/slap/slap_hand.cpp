#include "app/biometrics/fingerprint/slap/slap_hand.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace umbral::biometrics::slap_detail {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double rad(double deg) {
    return deg * kPi / 180.0;
}

// The hand template in anatomical order index, middle, ring, little. Lengths are in units of
// the hand's index fingertip width. Anatomy: the middle finger reaches furthest, the index and
// ring a little less, the little finger clearly less; the little finger is the narrowest; the
// fingers fan out from the palm.
constexpr std::array<double, 4> kDrop = {0.22, 0.0, 0.14, 0.72};
constexpr std::array<double, 4> kWidth = {1.0, 1.03, 0.96, 0.83};
constexpr std::array<double, 4> kFanDeg = {-4.5, 0.0, 4.0, 10.5};
constexpr double kSpacing = 1.18; // centre to centre, in widths
constexpr double kSigmaDrop = 0.14, kSigmaLogWidth = 0.07, kSigmaFanDeg = 5.0, kSigmaSpacing = 0.14,
                 kSigmaSpacingPrior = 0.15;
// A hypothesis must beat the runner-up by this much (sum of squared standard residuals) to be
// believed.
constexpr double kDecisive = 3.0;

struct Hypothesis {
    Hand hand;
    std::vector<int> slots; // image-order slot 0..3 per fingertip
    double error;
};

/// Anatomical index (0 index .. 3 little) of image slot `k` for a hand.
int anatomical(Hand hand, int k) {
    return hand == Hand::Right ? k : 3 - k;
}

int fgp(Hand hand, int anatomicalIndex) {
    return (hand == Hand::Right ? 2 : 7) + anatomicalIndex;
}

double fit(const std::vector<FingertipShape>& tips, Hand hand, const std::vector<int>& slots) {
    const size_t n = tips.size();
    const double mirror = hand == Hand::Right ? 1.0 : -1.0;
    // Widths: one scale for the hand.
    double logW0 = 0;
    for (size_t i = 0; i < n; ++i)
        logW0 += std::log(tips[i].box.size.width) -
                 std::log(kWidth[static_cast<size_t>(anatomical(hand, slots[i]))]);
    logW0 /= static_cast<double>(n);
    const double W = std::exp(logW0);
    double err = 0;
    for (size_t i = 0; i < n; ++i) {
        const double r =
            (std::log(tips[i].box.size.width) -
             (logW0 + std::log(kWidth[static_cast<size_t>(anatomical(hand, slots[i]))]))) /
            kSigmaLogWidth;
        err += r * r;
    }
    // Hand axis: the fingers' angles less their place in the fan.
    double psi = 0;
    for (size_t i = 0; i < n; ++i)
        psi +=
            tips[i].box.angle - mirror * kFanDeg[static_cast<size_t>(anatomical(hand, slots[i]))];
    psi /= static_cast<double>(n);
    for (size_t i = 0; i < n; ++i) {
        const double r = (tips[i].box.angle - psi -
                          mirror * kFanDeg[static_cast<size_t>(anatomical(hand, slots[i]))]) /
                         kSigmaFanDeg;
        err += r * r;
    }
    // In the hand's frame: where each fingertip's top stands, and where each finger sits across.
    const double c = std::cos(rad(psi)), s = std::sin(rad(psi));
    std::vector<double> across(n), top(n);
    for (size_t i = 0; i < n; ++i) {
        const double a = rad(tips[i].box.angle);
        const cv::Point2d tipTop(tips[i].box.center.x + std::sin(a) * tips[i].box.size.height / 2,
                                 tips[i].box.center.y - std::cos(a) * tips[i].box.size.height / 2);
        across[i] = tipTop.x * c + tipTop.y * s;
        top[i] = tipTop.x * s - tipTop.y * c;
    }
    double y0 = 0;
    for (size_t i = 0; i < n; ++i)
        y0 += top[i] + W * kDrop[static_cast<size_t>(anatomical(hand, slots[i]))];
    y0 /= static_cast<double>(n);
    for (size_t i = 0; i < n; ++i) {
        const double r =
            (top[i] - (y0 - W * kDrop[static_cast<size_t>(anatomical(hand, slots[i]))])) /
            (kSigmaDrop * W);
        err += r * r;
    }
    // Spacing: across = x0 + S * slot, S near kSpacing * W (least squares with that prior).
    if (n >= 2) {
        const double prior = kSpacing * W, lambda = 1.0 / std::pow(kSigmaSpacingPrior * W, 2);
        const double wRes = 1.0 / std::pow(kSigmaSpacing * W, 2);
        // Minimise wRes * sum (x_i - x0 - S k_i)^2 + lambda (S - prior)^2 over x0, S.
        double sk = 0, skk = 0, sx = 0, skx = 0;
        for (size_t i = 0; i < n; ++i) {
            sk += slots[i], skk += slots[i] * slots[i], sx += across[i],
                skx += slots[i] * across[i];
        }
        const double nn = static_cast<double>(n);
        // Normal equations: [wRes n, wRes sk; wRes sk, wRes skk + lambda] [x0; S] = [wRes sx; wRes
        // skx + lambda prior]
        const double a11 = wRes * nn, a12 = wRes * sk, a22 = wRes * skk + lambda;
        const double b1 = wRes * sx, b2 = wRes * skx + lambda * prior;
        const double det = a11 * a22 - a12 * a12;
        const double x0 = (b1 * a22 - a12 * b2) / det, S = (a11 * b2 - a12 * b1) / det;
        for (size_t i = 0; i < n; ++i) {
            const double r = across[i] - x0 - S * slots[i];
            err += wRes * r * r;
        }
        err += lambda * (S - prior) * (S - prior);
    }
    return err;
}

/// Every way to place n fingertips, in order, on the four slots.
std::vector<std::vector<int>> slotChoices(size_t n) {
    std::vector<std::vector<int>> out;
    for (int mask = 0; mask < 16; ++mask) {
        std::vector<int> s;
        for (int k = 0; k < 4; ++k)
            if (mask & (1 << k))
                s.push_back(k);
        if (s.size() == n)
            out.push_back(s);
    }
    return out;
}

} // namespace

HandReading readFourFingerHand(const std::vector<FingertipShape>& tips, SlapKind stated) {
    HandReading reading;
    const Hand statedHand = stated == SlapKind::RightFour  ? Hand::Right
                            : stated == SlapKind::LeftFour ? Hand::Left
                                                           : Hand::Unknown;
    reading.positions.assign(tips.size(), 0);
    reading.hand = statedHand;
    if (tips.empty() || tips.size() > 4)
        return reading;

    std::vector<Hypothesis> all;
    for (Hand h : {Hand::Right, Hand::Left})
        for (const auto& slots : slotChoices(tips.size()))
            all.push_back({h, slots, fit(tips, h, slots)});
    auto bestOf = [&](Hand h) {
        const Hypothesis* best = nullptr;
        for (const auto& hy : all)
            if (hy.hand == h && (!best || hy.error < best->error))
                best = &hy;
        return best;
    };
    const Hypothesis* right = bestOf(Hand::Right);
    const Hypothesis* left = bestOf(Hand::Left);

    // The hand: from the image when one fits decisively better (needs at least two fingers),
    // otherwise as stated.
    Hand hand = statedHand;
    if (tips.size() >= 2 && std::abs(right->error - left->error) > kDecisive) {
        hand = right->error < left->error ? Hand::Right : Hand::Left;
        reading.fromImage = true;
    }
    reading.hand = hand;
    reading.matchesStated = statedHand == Hand::Unknown || !reading.fromImage || hand == statedHand;
    if (hand == Hand::Unknown)
        return reading;

    // Positions: the best placement for that hand, believed if it beats every placement that
    // would name the fingers differently. A full slap needs no contest.
    const Hypothesis* best = hand == Hand::Right ? right : left;
    double runnerUp = std::numeric_limits<double>::infinity();
    for (const auto& hy : all)
        if (hy.hand == hand && hy.slots != best->slots)
            runnerUp = std::min(runnerUp, hy.error);
    if (tips.size() == 4 || runnerUp - best->error > kDecisive)
        for (size_t i = 0; i < tips.size(); ++i)
            reading.positions[i] = fgp(hand, anatomical(hand, best->slots[i]));
    return reading;
}

HandReading readThumbs(const std::vector<FingertipShape>& tips, double imageWidth) {
    HandReading reading;
    reading.hand = Hand::Both;
    reading.positions.assign(tips.size(), 0);
    if (tips.size() == 2) {
        reading.positions = {6, 1};
    } else if (tips.size() == 1) {
        reading.positions[0] = tips[0].box.center.x < imageWidth / 2 ? 6 : 1;
    }
    return reading;
}

} // namespace umbral::biometrics::slap_detail
