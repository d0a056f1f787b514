#include "app/biometrics/fingerprint/quality/minutiae_detection.h"

#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <cmath>

namespace umbral::biometrics {

MinutiaeDetector umbralMinutiaeDetector() {
    return [](const cv::Mat& grey500) {
        std::vector<MinutiaPosition> positions;
        for (const Minutia& m : extractMinutiae(grey500).minutiae)
            positions.push_back(
                {static_cast<int>(std::lround(m.x)), static_cast<int>(std::lround(m.y))});
        return positions;
    };
}

} // namespace umbral::biometrics
