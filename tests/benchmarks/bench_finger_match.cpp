// Speed of fingerprint minutiae extraction, 1:1 comparison and 1:N search.
//
//   bench_finger_match [gallery size, default 100000]
//
// Extraction and 1:1 run on one core over FVC2002 DB1_B (388 x 374, 500 ppi). The 1:N gallery
// is synthetic: perturbed copies (turned up to 30 degrees, shifted up to 40 px, a fifth of the
// minutiae dropped, a tenth added at random, positions and directions jittered) of the real
// templates of DB1_B and DB4_B; probes are real impressions. Wall-clock times; the machine is
// shared, so run it when it is quiet and report the best of the repeats.

#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/matching/finger_gallery.h"
#include "app/biometrics/fingerprint/matching/finger_matcher.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <thread>

using namespace umbral::biometrics;
using Clock = std::chrono::steady_clock;

namespace {

// CPU time of the whole process (all threads): on a shared machine the wall clock also counts
// other people's work, this does not (much).
double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

struct Stopwatch {
    Clock::time_point wall0 = Clock::now();
    double cpu0 = processCpuSeconds();
    double wallSeconds() const {
        return std::chrono::duration<double>(Clock::now() - wall0).count();
    }
    double cpuSeconds() const { return processCpuSeconds() - cpu0; }
};

// Best (lowest) time per item over the repeats.
struct Timing {
    double wall = 1e30, cpu = 1e30;
    void keepBest(const Stopwatch& w, double items) {
        wall = std::min(wall, w.wallSeconds() / items);
        cpu = std::min(cpu, w.cpuSeconds() / items);
    }
};

std::string imagePath(const char* set, int finger, int impression) {
    return std::string(UMBRAL_SHARED_DATA) + "/fingerprints/" + set + "/" + std::to_string(finger) +
           "_" + std::to_string(impression) + ".tif";
}

std::vector<Minutia> perturbed(const std::vector<Minutia>& in, std::mt19937& rng) {
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    std::normal_distribution<float> jitter(0.0f, 2.0f), turnJitter(0.0f, 6.0f);
    const float turnDeg = (uniform(rng) - 0.5f) * 60.0f, turn = turnDeg * 3.14159265f / 180.0f;
    const float tx = (uniform(rng) - 0.5f) * 80.0f, ty = (uniform(rng) - 0.5f) * 80.0f;
    std::vector<Minutia> out;
    for (Minutia m : in) {
        if (uniform(rng) < 0.2f)
            continue;
        const float x = m.x - 194.0f, y = m.y - 187.0f;
        m.x = std::max(0.0f, 194.0f + x * std::cos(turn) + y * std::sin(turn) + tx + jitter(rng));
        m.y = std::max(0.0f, 187.0f - x * std::sin(turn) + y * std::cos(turn) + ty + jitter(rng));
        m.angleDeg = std::fmod(m.angleDeg + turnDeg + turnJitter(rng) + 720.0f, 360.0f);
        out.push_back(m);
    }
    for (std::size_t k = 0; k < in.size() / 10; ++k)
        out.push_back({uniform(rng) * 388.0f, uniform(rng) * 374.0f, uniform(rng) * 360.0f,
                       MinutiaType::RidgeEnding, 50});
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const std::size_t gallerySize = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    std::printf("machine: %u hardware threads\n", cores);

    // --- Extraction, one core.
    std::vector<cv::Mat> images;
    for (int f = 101; f <= 110; ++f)
        for (int i = 1; i <= 8; ++i)
            images.push_back(readGrey8(imagePath("fvc2002-db1b", f, i)));
    std::vector<std::vector<Minutia>> minutiae(images.size());
    Timing extraction;
    for (int repeat = 0; repeat < 3; ++repeat) {
        const Stopwatch watch;
        for (std::size_t i = 0; i < images.size(); ++i)
            minutiae[i] = extractMinutiae(images[i]).minutiae;
        extraction.keepBest(watch, static_cast<double>(images.size()));
    }
    std::printf("extraction (DB1_B, 388 x 374, one core): %.1f ms per image (CPU %.1f ms)\n",
                1e3 * extraction.wall, 1e3 * extraction.cpu);

    // --- Template encoding and 1:1, one core: every ordered pair of DB1_B.
    std::vector<FingerMatchTemplate> templates;
    Timing encoding;
    {
        const Stopwatch watch;
        for (const auto& m : minutiae)
            templates.emplace_back(m);
        encoding.keepBest(watch, static_cast<double>(templates.size()));
    }
    std::printf("template encoding: %.2f ms per template (CPU %.2f ms)\n", 1e3 * encoding.wall,
                1e3 * encoding.cpu);
    Timing pair;
    double checksum = 0.0;
    for (int repeat = 0; repeat < 3; ++repeat) {
        const Stopwatch watch;
        for (const auto& a : templates)
            for (const auto& b : templates)
                checksum += compareFingers(a, b).similarity;
        pair.keepBest(watch, static_cast<double>(templates.size() * templates.size()));
    }
    std::printf("1:1 (one core): %.0f comparisons per second (%.1f us each); %.0f per CPU-second\n",
                1.0 / pair.wall, 1e6 * pair.wall, 1.0 / pair.cpu);

    // --- 1:N: synthetic gallery, real probes.
    std::vector<std::vector<Minutia>> sources = minutiae;
    for (int f = 101; f <= 110; ++f)
        for (int i = 1; i <= 8; ++i)
            sources.push_back(extractMinutiae(readGrey8(imagePath("fvc2002-db4b", f, i))).minutiae);
    std::vector<FingerMatchTemplate> galleryTemplates(gallerySize);
    const Stopwatch building;
    {
        std::vector<std::thread> workers;
        for (unsigned t = 0; t < cores; ++t)
            workers.emplace_back([&, t] {
                std::mt19937 rng(1234 + t);
                for (std::size_t i = t; i < gallerySize; i += cores)
                    galleryTemplates[i] =
                        FingerMatchTemplate(perturbed(sources[i % sources.size()], rng));
            });
        for (auto& w : workers)
            w.join();
    }
    FingerGallery gallery;
    gallery.reserve(gallerySize);
    for (std::size_t i = 0; i < gallerySize; ++i)
        gallery.add(i, galleryTemplates[i]);
    std::printf("gallery of %zu synthetic templates built in %.1f s (%u threads)\n", gallerySize,
                building.wallSeconds(), cores);

    for (unsigned threads : {1u, cores}) {
        if (threads == 1 && cores == 1)
            continue;
        GallerySearchOptions options;
        options.threads = threads;
        Timing search;
        for (int repeat = 0; repeat < 3; ++repeat) {
            const Stopwatch watch;
            int probes = 0;
            for (std::size_t p = 0; p < templates.size(); p += 8, ++probes)
                checksum += static_cast<double>(gallery.search(templates[p], options).size());
            search.keepBest(watch, probes);
        }
        const double n = static_cast<double>(gallerySize);
        std::printf("1:N over %zu (%u thread%s, shortlist %.0f %%): %.1f ms per search = %.0f "
                    "comparisons per second; "
                    "%.1f CPU-ms per search = %.0f comparisons per CPU-second\n",
                    gallerySize, threads, threads > 1 ? "s" : "", 100.0 * options.shortlistShare,
                    1e3 * search.wall, n / search.wall, 1e3 * search.cpu, n / search.cpu);
    }
    std::printf("(checksum %g)\n", checksum);
    return 0;
}
