// Speed of slap segmentation (umbral_finger_slap) and of the preview path with it: what the
// capture screen does for each frame of a 4-finger slap (segment without crops, then score each
// fingertip box with umbral_finger_quality's preview path, as enrollment's scoreFingerFrame
// does), and what a capture does (segment with upright crops). One core.
//
//   build/benchmarks/bench_finger_slap [repetitions]

#include "app/biometrics/fingerprint/quality/preview_quality.h"
#include "app/biometrics/fingerprint/slap/slap_segmentation.h"
#include "app/interchange/an2k_images.h"
#include "app/interchange/an2k_io.h"
#include "devices/simulated/finger_synthesis.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <time.h>
#include <vector>

using namespace umbral;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double percentile90(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[std::min(v.size() - 1, v.size() * 9 / 10)];
}

double threadCpuMillis() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/// Wall-clock and thread CPU time of each call (CPU time is robust when other processes share
/// the cores).
struct Timings {
    std::vector<double> wall, cpu;
    template <typename F> void run(F&& f) {
        const double c0 = threadCpuMillis();
        const auto t0 = Clock::now();
        f();
        wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        cpu.push_back(threadCpuMillis() - c0);
    }
    void print(const char* what, bool perSecond) const {
        std::printf("  %-44s median %6.2f ms (p90 %6.2f) wall, %6.2f ms (p90 %6.2f) thread CPU",
                    what, median(wall), percentile90(wall), median(cpu), percentile90(cpu));
        if (perSecond)
            std::printf(" = %.1f /s wall, %.1f /s CPU", 1000.0 / median(wall),
                        1000.0 / median(cpu));
        std::printf("\n");
    }
};

} // namespace

int main(int argc, char** argv) {
    const int repetitions = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    cv::setNumThreads(1); // one core

    // Slaps of the simulated scanner (1600 x 1500 at 500 ppi) across its quality profiles.
    devices::FingerprintSynthesizer synthesizer(64);
    std::vector<devices::SyntheticCapture> fours, thumbs;
    const auto profiles = devices::FingerQuality::profileNames();
    for (std::size_t i = 0; i < profiles.size(); ++i) {
        devices::CaptureRequest r;
        r.identitySeed = 4000 + i % 4;
        r.impressionSeed = 20 + i;
        r.quality = devices::FingerQuality::profile(profiles[i]);
        r.position = i % 2 ? devices::FrictionRidgePosition::PlainLeftFour
                           : devices::FrictionRidgePosition::PlainRightFour;
        fours.push_back(synthesizer.capture(r));
        if (i < 4) {
            r.position = devices::FrictionRidgePosition::PlainThumbs;
            thumbs.push_back(synthesizer.capture(r));
        }
    }
    auto kindOf = [](const devices::SyntheticCapture& c) {
        return c.position == devices::FrictionRidgePosition::PlainLeftFour
                   ? biometrics::SlapKind::LeftFour
               : c.position == devices::FrictionRidgePosition::PlainThumbs
                   ? biometrics::SlapKind::Thumbs
                   : biometrics::SlapKind::RightFour;
    };

    Timings segmentOnly, segmentCrops, preview, scoreOnly, thumbsPreview;
    biometrics::SlapOptions noCrops;
    noCrops.makeCrops = false;
    int fingersScored = 0, fingersSeen = 0;
    for (int k = 0; k < repetitions; ++k) {
        for (const auto& c : fours) {
            const auto kind = kindOf(c);
            segmentOnly.run([&] { biometrics::segmentSlap(c.image, kind, noCrops); });
            segmentCrops.run([&] { biometrics::segmentSlap(c.image, kind); });
            std::vector<cv::RotatedRect> boxes;
            std::vector<biometrics::PreviewFingerQuality> scored;
            preview.run([&] {
                const auto seg = biometrics::segmentSlap(c.image, kind, noCrops);
                boxes.clear();
                for (const auto& f : seg.fingers)
                    boxes.push_back(f.box);
                scored = biometrics::scorePreviewFrame(c.image, c.ppi, boxes);
            });
            scoreOnly.run([&] { biometrics::scorePreviewFrame(c.image, c.ppi, boxes); });
            if (k == 0) {
                fingersSeen += static_cast<int>(boxes.size());
                for (const auto& s : scored)
                    fingersScored += s.score.has_value() ? 1 : 0;
            }
        }
        for (const auto& c : thumbs)
            thumbsPreview.run([&] {
                const auto seg = biometrics::segmentSlap(c.image, kindOf(c), noCrops);
                std::vector<cv::RotatedRect> boxes;
                for (const auto& f : seg.fingers)
                    boxes.push_back(f.box);
                biometrics::scorePreviewFrame(c.image, c.ppi, boxes);
            });
    }
    std::printf("Slap segmentation and the preview path, %zu four-finger slaps (one per quality "
                "profile) %d x %d, %d repetitions, one core\n",
                fours.size(), fours.front().image.cols, fours.front().image.rows, repetitions);
    segmentOnly.print("segmentation (boxes, count, hand)", false);
    segmentCrops.print("segmentation with upright crops", false);
    scoreOnly.print("scoring the found boxes only", false);
    preview.print("preview path: segment + score every finger", true);
    thumbsPreview.print("preview path, two thumbs", true);
    std::printf("  fingers found %d of %zu, scored %d\n", fingersSeen, fours.size() * 4,
                fingersScored);

    // NIST's real sample slaps (valid1.8.an2: right four, left four, two thumbs; 1600 x 976 and
    // 1600 x 800), when the shared data is there.
    std::ifstream in(std::string(UMBRAL_SHARED_DATA) + "/ansi-nist/valid1.8.an2", std::ios::binary);
    if (in) {
        const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
        const interchange::Transaction t = interchange::readTransaction(bytes);
        Timings nistSegment, nistPreview;
        for (const auto& record : t.records) {
            if (record.type != 14)
                continue;
            const cv::Mat image = interchange::decodeRecordImage(record);
            const int fgp = std::atoi(record.text(13).c_str());
            const auto kind = fgp == 13   ? biometrics::SlapKind::RightFour
                              : fgp == 14 ? biometrics::SlapKind::LeftFour
                                          : biometrics::SlapKind::Thumbs;
            for (int k = 0; k < repetitions * 4; ++k) {
                nistSegment.run([&] { biometrics::segmentSlap(image, kind, noCrops); });
                nistPreview.run([&] {
                    const auto seg = biometrics::segmentSlap(image, kind, noCrops);
                    std::vector<cv::RotatedRect> boxes;
                    for (const auto& f : seg.fingers)
                        boxes.push_back(f.box);
                    biometrics::scorePreviewFrame(image, 500.0, boxes);
                });
            }
        }
        std::printf("NIST's sample slaps (valid1.8.an2, 3 images)\n");
        nistSegment.print("segmentation", false);
        nistPreview.print("preview path: segment + score every finger", true);
    }
    return 0;
}
