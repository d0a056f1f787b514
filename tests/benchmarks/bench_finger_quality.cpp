// Speed of the NFIQ 2-compatible fingerprint quality: the full assessment of a 416 x 560 image
// (NIST's reference images) and the preview path on a 4-finger slap frame. One core.
//
//   build/benchmarks/bench_finger_quality [iterations]

#include "app/biometrics/fingerprint/quality/finger_quality.h"
#include "app/biometrics/fingerprint/quality/preview_quality.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace umbral::biometrics;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kImages = std::string(UMBRAL_SHARED_DATA) + "/fingerprints/nfiq2-reference/images/";

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

template <typename F> double millis(F&& f) {
    const auto t0 = Clock::now();
    f();
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

/// A slap frame: four prints tilted like the fingers of a hand (the slap segmenter's boxes are
/// simulated by the boxes we paste the prints into).
cv::Mat slapFrame(const std::vector<cv::Mat>& prints, std::vector<cv::RotatedRect>& boxes) {
    cv::Mat frame(760, 1900, CV_8UC1, cv::Scalar(255));
    const float tilt[4] = {-12.f, -4.f, 3.f, 10.f};
    for (int i = 0; i < 4; ++i) {
        const cv::Mat print = prints[static_cast<size_t>(i)](cv::Rect(16, 40, 384, 480));
        const cv::RotatedRect box(cv::Point2f(260.f + 460.f * i, 380.f),
                                  cv::Size2f(static_cast<float>(print.cols),
                                             static_cast<float>(print.rows)),
                                  tilt[i]);
        cv::Point2f c[4];
        box.points(c);
        const cv::Point2f src[3] = {{0, 0}, {static_cast<float>(print.cols), 0},
                                    {0, static_cast<float>(print.rows)}};
        const cv::Point2f dst[3] = {c[1], c[2], c[0]};
        const cv::Mat m = cv::getAffineTransform(src, dst);
        cv::Mat warped, mask;
        cv::warpAffine(print, warped, m, frame.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, 255);
        cv::warpAffine(cv::Mat(print.size(), CV_8UC1, cv::Scalar(255)), mask, m, frame.size(),
                       cv::INTER_NEAREST);
        warped.copyTo(frame, mask);
        boxes.push_back(box);
    }
    return frame;
}

} // namespace

int main(int argc, char** argv) {
    const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 40;
    cv::setNumThreads(1); // one core, as the goal states
    std::vector<cv::Mat> prints;
    for (int i = 1; i <= 5; ++i) {
        prints.push_back(cv::imread(kImages + "SFinGe_Test0" + std::to_string(i) + ".pgm",
                                    cv::IMREAD_UNCHANGED));
        if (prints.back().empty()) {
            std::fprintf(stderr, "cannot read the NFIQ 2 reference images in %s\n", kImages.c_str());
            return 1;
        }
    }

    std::printf("Full assessment (prepare, all native measures, unified score), 416 x 560, one core\n");
    std::vector<double> all;
    for (size_t i = 0; i < prints.size(); ++i) {
        std::vector<double> t;
        int score = 0;
        for (int k = 0; k < iterations; ++k)
            t.push_back(millis([&] { score = assessFingerQuality(prints[i]).score; }));
        all.insert(all.end(), t.begin(), t.end());
        std::printf("  SFinGe_Test0%zu: median %.2f ms (score %d)\n", i + 1, median(t), score);
    }
    std::printf("  all five: median %.2f ms per image (goal <= 15 ms; NIST ~53 ms)\n", median(all));

    std::vector<cv::RotatedRect> boxes;
    const cv::Mat frame = slapFrame(prints, boxes);
    std::vector<double> t;
    for (int k = 0; k < iterations; ++k)
        t.push_back(millis([&] { scorePreviewFrame(frame, 500, boxes); }));
    const double ms = median(t);
    std::printf("Preview path, 4-finger slap frame 1900 x 760 (4 tilted fingers, 384 x 480 each)\n");
    std::printf("  median %.2f ms per frame = %.1f slap scores per second (goal >= 15)\n", ms,
                1000.0 / ms);
    return 0;
}
