// Iris speed on one core: the synthetic camera's preview rate, ISO/IEC 29794-6 quality of a
// 640 x 480 frame (segmentation included), encoding, and code comparisons per second.
//   build/benchmarks/bench_iris [gallery size, default 200000]
// Results and the machine they ran on: docs/benchmarks.md, section Iris.
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/iris/iris_matching.h"
#include "app/biometrics/iris/iris_quality.h"
#include "devices/simulated/iris_synthesis.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <opencv2/core.hpp>
#include <random>
#include <vector>

using namespace umbral;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// CPU time of this thread, ms: what the work costs on one core, whatever else the machine runs.
double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Summary {
    double median, p90, max;
};

Summary summarise(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[v.size() * 9 / 10], v.back()};
}

} // namespace

int main(int argc, char** argv) {
    cv::setNumThreads(1); // one core: no OpenCV worker threads
    const std::size_t gallerySize = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200000;
    std::printf("iris benchmark, one core (cv::setNumThreads(1)); popcount kernel: %s\n\n",
                biometrics::irisPopcountPath());

    // 1. The simulated camera's preview: identity cached, a new impression every frame.
    devices::IrisSynthesizer synth;
    {
        auto s = devices::impressionSettings(devices::IrisQualityProfile::Good, 1);
        synth.render(7, s); // build the identity once
        std::vector<double> t;
        std::vector<double> cpu;
        const auto start = Clock::now();
        const double cpuStart = cpuMs();
        for (int i = 0; i < 300; ++i) {
            s.impressionSeed = static_cast<std::uint64_t>(i);
            s.defocusSigmaPx = 2.0 * (1.0 - i / 300.0); // the eye comes into focus
            const auto a = Clock::now();
            const double c = cpuMs();
            synth.render(7, s);
            t.push_back(ms(a, Clock::now()));
            cpu.push_back(cpuMs() - c);
        }
        const double total = ms(start, Clock::now());
        const double cpuTotal = cpuMs() - cpuStart;
        const Summary m = summarise(t);
        std::printf(
            "synthetic preview 640x480: %.1f frames/s wall, %.1f frames/s of one core's CPU time "
            "(per frame: wall median %.2f ms, CPU median %.2f ms)\n",
            300.0 / (total / 1000.0), 300.0 / (cpuTotal / 1000.0), m.median, summarise(cpu).median);
        auto blurred = devices::impressionSettings(devices::IrisQualityProfile::MotionBlurred, 2);
        t.clear();
        for (int i = 0; i < 100; ++i) {
            blurred.impressionSeed = static_cast<std::uint64_t>(i);
            const auto a = Clock::now();
            synth.render(7, blurred);
            t.push_back(ms(a, Clock::now()));
        }
        std::printf("synthetic preview with motion blur: median %.2f ms per frame\n",
                    summarise(t).median);
        const auto a = Clock::now();
        for (int i = 0; i < 20; ++i)
            synth.render(1000 + static_cast<std::uint64_t>(i), blurred);
        std::printf("new identity (texture built) + render: %.1f ms\n\n",
                    ms(a, Clock::now()) / 20.0);
    }

    // 2. Quality of a 640 x 480 frame, segmentation included, over a mix of capture conditions.
    std::vector<cv::Mat> frames;
    const std::vector<devices::IrisQualityProfile> profiles{
        devices::IrisQualityProfile::Good,          devices::IrisQualityProfile::Defocused,
        devices::IrisQualityProfile::MotionBlurred, devices::IrisQualityProfile::HeavyLashes,
        devices::IrisQualityProfile::OffAxisGaze,   devices::IrisQualityProfile::Squinting};
    for (int i = 0; i < 48; ++i)
        frames.push_back(
            synth
                .render(200 + static_cast<std::uint64_t>(i),
                        devices::impressionSettings(profiles[i % profiles.size()], 500 + i))
                .image);
    const cv::Mat real =
        biometrics::readGrey8(std::string(UMBRAL_SHARED_DATA) + "/iris/open-iris-anonymized.png");
    {
        std::vector<double> wall;
        std::vector<double> cpu;
        std::vector<double> cpuSeg;
        std::vector<double> cpuReal;
        for (int round = 0; round < 5; ++round) {
            for (const auto& f : frames) {
                const auto a = Clock::now();
                const double c = cpuMs();
                const auto report = biometrics::assessIrisQuality(f);
                cpu.push_back(cpuMs() - c);
                wall.push_back(ms(a, Clock::now()));
                (void)report;
                const double c2 = cpuMs();
                const auto seg = biometrics::segmentIris(f);
                cpuSeg.push_back(cpuMs() - c2);
                (void)seg;
            }
            for (int k = 0; k < 10; ++k) {
                const double c = cpuMs();
                biometrics::assessIrisQuality(real);
                cpuReal.push_back(cpuMs() - c);
            }
        }
        const Summary q = summarise(cpu);
        const Summary w = summarise(wall);
        std::printf(
            "quality (segmentation + 12 metrics), 48 synthetic frames x 5:\n"
            "  CPU time median %.2f ms, p90 %.2f, max %.2f; wall median %.2f ms, p90 %.2f\n",
            q.median, q.p90, q.max, w.median, w.p90);
        std::printf("  of which segmentation: CPU median %.2f ms\n", summarise(cpuSeg).median);
        std::printf("quality of the real NIR frame (open-iris sample) x 50: CPU median %.2f ms, "
                    "p90 %.2f\n\n",
                    summarise(cpuReal).median, summarise(cpuReal).p90);
    }

    // 3. Encoding: rubber sheet + Gabor phase code, given the segmentation; and from the image.
    std::vector<biometrics::IrisTemplate> templates;
    {
        std::vector<double> cpu;
        std::vector<double> cpuFull;
        for (int round = 0; round < 5; ++round)
            for (std::size_t i = 0; i < frames.size(); i += profiles.size()) { // the good frames
                const auto seg = biometrics::segmentIris(frames[i]);
                const double c = cpuMs();
                const auto tmpl = biometrics::encodeIris(frames[i], seg);
                cpu.push_back(cpuMs() - c);
                const double c2 = cpuMs();
                biometrics::encodeIris(frames[i]);
                cpuFull.push_back(cpuMs() - c2);
                if (round == 0)
                    templates.push_back(tmpl);
            }
        std::printf(
            "encoding (normalise + encode, segmentation given): CPU median %.2f ms, p90 %.2f\n",
            summarise(cpu).median, summarise(cpu).p90);
        std::printf("template from image (segment + normalise + encode): CPU median %.2f ms\n\n",
                    summarise(cpuFull).median);
    }

    // 4. Matching: a gallery of templates streamed through the popcount kernel.
    {
        std::mt19937_64 rng(1);
        biometrics::IrisGallery gallery;
        gallery.reserve(gallerySize);
        for (std::size_t i = 0; i < gallerySize; ++i) {
            biometrics::IrisTemplate t = templates[i % templates.size()];
            for (int w = 0; w < biometrics::kIrisCodeWords; ++w)
                t.code[static_cast<std::size_t>(w)] ^= rng(); // distinct codes, realistic masks
            gallery.add(t);
        }
        const auto& probe = templates.front();
        for (const int shift : {0, biometrics::kDefaultMaxShift}) {
            double best = 1e9;
            for (int rep = 0; rep < 5; ++rep) {
                const double c = cpuMs();
                const auto all = gallery.compareAll(probe, shift);
                best = std::min(best, cpuMs() - c);
                if (all.size() != gallery.size())
                    return 1;
            }
            const double perSecond = gallerySize / (best / 1000.0);
            std::printf("1:N compareAll, %zu templates, rotations +-%d: %.1f ms CPU -> %.1f "
                        "million comparisons/s per core "
                        "(%.1f million rotation-alignments/s)\n",
                        gallerySize, shift, best, perSecond / 1e6,
                        perSecond * (2 * shift + 1) / 1e6);
        }
        const double threshold = biometrics::irisDecisionThreshold(gallerySize);
        const auto a = Clock::now();
        const auto hits = gallery.search(probe, threshold, 10, biometrics::kDefaultMaxShift, 2);
        std::printf(
            "1:N search on 2 threads, rotations +-%d, threshold %.3f: %.1f ms, %zu candidates\n",
            biometrics::kDefaultMaxShift, threshold, ms(a, Clock::now()), hits.size());
    }
    return 0;
}
