#include "devices/simulated/finger_fields.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace umbral::devices::finger_detail {

cv::Mat smoothNoise(cv::Size size, double cell, Random& rnd) {
    // Two cells of margin on each side keep cubic interpolation away from the grid's border.
    const int cols = static_cast<int>(std::ceil(size.width / cell)) + 4;
    const int rows = static_cast<int>(std::ceil(size.height / cell)) + 4;
    cv::Mat coarse(rows, cols, CV_32F);
    for (int y = 0; y < rows; ++y) {
        float* row = coarse.ptr<float>(y);
        for (int x = 0; x < cols; ++x)
            row[x] = static_cast<float>(rnd.uniform(-1.0, 1.0));
    }
    cv::Mat fine;
    const int fw = static_cast<int>(std::lround(cols * cell));
    const int fh = static_cast<int>(std::lround(rows * cell));
    cv::resize(coarse, fine, cv::Size(fw, fh), 0, 0, cv::INTER_CUBIC);
    const int off = static_cast<int>(std::lround(2 * cell));
    return fine(cv::Rect(off, off, size.width, size.height)).clone();
}

} // namespace umbral::devices::finger_detail
