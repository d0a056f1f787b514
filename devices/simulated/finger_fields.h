#pragma once

// Smooth random fields and small numeric helpers shared by the generator's stages (internal).

#include "devices/simulated/finger_random.h"

#include <algorithm>

#include <opencv2/core.hpp>

namespace umbral::devices::finger_detail {

/// Hermite step: 0 below e0, 1 above e1, smooth between. Inline: the renderer calls it for
/// every pixel.
inline double smoothstep(double e0, double e1, double x) noexcept {
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

/// A smooth random field of `size`, values in about [-1, 1], varying over about `cell` pixels:
/// uniform noise on a coarse grid, cubic-interpolated. CV_32F.
cv::Mat smoothNoise(cv::Size size, double cell, Random& rnd);

} // namespace umbral::devices::finger_detail
