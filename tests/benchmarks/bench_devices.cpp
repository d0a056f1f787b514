// Device-level speed of the device layer (results in docs/benchmarks.md, "Devices"):
//   1. frame hand-off from a device thread to a consumer thread: latency percentiles, with a
//      consumer that keeps up and with one that is too slow (frames skipped, device not slowed);
//   2. simulated 640x480 iris preview, frames per second on one core (goal >= 30);
//   3. simulated 416x560 fingerprint impressions per second once the master exists (goal >= 10),
//      as captures through the Device API and as preview frames; 1600x1500 slaps the same way.
// The generators measure their own raw speed (iris_synthesis, finger_synthesis); this measures
// what a consumer of the Device API gets. Usage: bench_devices [seconds per measurement, default 5]
#include "devices/api/device.h"
#include "devices/simulated/simulated_backend.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <sched.h>
#include <thread>
#include <vector>

using namespace umbral;
using namespace umbral::devices;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t index =
        std::min(values.size() - 1, std::size_t(p / 100.0 * double(values.size())));
    return values[index];
}

void pinToOneCore() {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(0, &set);
    // Every thread created from now on inherits the mask: device, consumer, event threads.
    sched_setaffinity(0, sizeof set, &set);
}

SimulatedBackend::Options options(bool paced) {
    SimulatedBackend::Options o;
    o.finger.landing = std::chrono::milliseconds(0);
    o.slap.landing = std::chrono::milliseconds(0);
    o.iris.approach = std::chrono::milliseconds(0);
    o.finger.paced = paced;
    o.slap.paced = paced;
    o.iris.paced = paced;
    return o;
}

struct Consumed {
    std::vector<double> latencyMs;
    std::uint64_t frames = 0;
    double seconds = 0;
};

// Takes frames from `box` on a consumer thread for `duration`; `workMs` simulates a consumer that
// spends that long on every frame (a quality worker, a preview painter).
Consumed consume(const std::shared_ptr<FrameMailbox>& box, std::chrono::milliseconds duration,
                 int workMs) {
    Consumed result;
    std::atomic<bool> finished{false};
    std::thread consumer([&] {
        const auto start = Clock::now();
        while (Clock::now() - start < duration) {
            auto frame = box->waitTake(std::chrono::milliseconds(200));
            if (!frame)
                continue;
            const auto now = Clock::now();
            result.latencyMs.push_back(
                std::chrono::duration<double, std::milli>(now - frame->timestamp).count());
            ++result.frames;
            if (workMs > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(workMs));
        }
        result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        finished = true;
    });
    // Device signals (state changes) are queued to this thread: run its event loop (sleeping,
    // not spinning) until the consumer is done.
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (finished)
            loop.quit();
    });
    poll.start(50);
    loop.exec();
    consumer.join();
    return result;
}

void handOff(std::chrono::milliseconds duration) {
    std::printf("\n== Frame hand-off, simulated iris camera previewing 640x480 at 30 fps ==\n");
    for (int workMs : {0, 100}) {
        SimulatedBackend backend(options(true));
        backend.start();
        SimulatedTraveler traveler;
        traveler.identitySeed = 7;
        backend.script()->present(traveler);
        auto camera = backend.device(QStringLiteral("sim:iris"));
        auto box = camera->subscribe(1);
        camera->startPreview(CaptureSpec::iris(IrisEye::Left));
        const Consumed c = consume(box, duration, workMs);
        camera->stop();
        const auto stats = box->stats();
        std::printf(
            "consumer %s: %llu frames taken in %.1f s (%.1f/s); device posted %llu (%.1f/s), "
            "skipped %llu\n",
            workMs ? "spending 100 ms per frame" : "keeping up", (unsigned long long)c.frames,
            c.seconds, double(c.frames) / c.seconds, (unsigned long long)stats.posted,
            double(stats.posted) / c.seconds, (unsigned long long)stats.dropped);
        // A busy consumer finds the newest frame waiting for it: that is the frame's age, not the
        // hand-off's cost.
        std::printf(
            workMs ? "  age of the frames taken, ms: p50 %.3f  p99 %.3f  max %.3f\n"
                   : "  hand-off latency ms (device thread -> consumer): p50 %.3f  p99 %.3f  "
                     "max %.3f\n",
            percentile(c.latencyMs, 50), percentile(c.latencyMs, 99), percentile(c.latencyMs, 100));
    }
}

// The hand-off alone: a producer thread posting ready 640x480 frames at 30 Hz, no rendering.
void handOffMechanism(std::chrono::milliseconds duration) {
    std::printf("\n== Frame hand-off alone: ready 640x480 frames posted at 30 Hz ==\n");
    auto box = std::make_shared<FrameMailbox>(1);
    std::atomic<bool> stop{false};
    std::thread producer([&] {
        Frame frame;
        frame.image = cv::Mat(480, 640, CV_8UC1, cv::Scalar(100));
        std::uint64_t sequence = 0;
        auto next = Clock::now();
        while (!stop) {
            frame.sequence = ++sequence;
            frame.timestamp = Clock::now();
            box->post(frame);
            next += std::chrono::microseconds(33333);
            std::this_thread::sleep_until(next);
        }
    });
    const Consumed c = consume(box, duration, 0);
    stop = true;
    producer.join();
    std::printf("%llu frames in %.1f s; hand-off latency ms: p50 %.3f  p99 %.3f  max %.3f\n",
                (unsigned long long)c.frames, c.seconds, percentile(c.latencyMs, 50),
                percentile(c.latencyMs, 99), percentile(c.latencyMs, 100));
}

void irisPreview(std::chrono::milliseconds duration) {
    std::printf("\n== Simulated iris preview, 640x480, unpaced, one core ==\n");
    SimulatedBackend backend(options(false));
    backend.start();
    SimulatedTraveler traveler;
    traveler.identitySeed = 11;
    backend.script()->present(traveler);
    auto camera = backend.device(QStringLiteral("sim:iris"));
    auto box = camera->subscribe(1);
    camera->startPreview(CaptureSpec::iris(IrisEye::Right));
    box->waitTake(std::chrono::seconds(30)); // identity built, first frame out
    const auto before = box->stats().posted;
    const Consumed c = consume(box, duration, 0);
    const auto posted = box->stats().posted - before;
    camera->stop();
    std::printf("device produced %.1f frames/s (%llu in %.1f s); consumer took %.1f/s\n",
                double(posted) / c.seconds, (unsigned long long)posted, c.seconds,
                double(c.frames) / c.seconds);
}

double capturesPerSecond(Device& device, const CaptureSpec& spec, int count) {
    QEventLoop loop;
    int done = 0, failed = 0;
    QObject::connect(&device, &Device::captureCompleted, &loop, [&] {
        if (++done + failed == count)
            loop.quit();
    });
    QObject::connect(&device, &Device::captureFailed, &loop, [&] {
        if (done + ++failed == count)
            loop.quit();
    });
    const auto start = Clock::now();
    for (int i = 0; i < count; ++i)
        device.capture(spec);
    loop.exec();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (failed)
        std::printf("  (%d captures failed)\n", failed);
    return double(done) / seconds;
}

// Frames a device's unpaced preview produces per second, from its first frame on.
double previewFramesPerSecond(Device& device, const CaptureSpec& spec,
                              std::chrono::milliseconds duration) {
    auto box = device.subscribe(1);
    device.startPreview(spec);
    box->waitTake(std::chrono::seconds(30));
    const auto before = box->stats().posted;
    const Consumed c = consume(box, duration, 0);
    device.stop();
    return double(box->stats().posted - before) / c.seconds;
}

void fingerprints(std::chrono::milliseconds duration) {
    std::printf("\n== Simulated fingerprint impressions, one core ==\n");
    SimulatedBackend backend(options(false));
    backend.start();
    SimulatedTraveler traveler;
    traveler.identitySeed = 13;
    backend.script()->present(traveler);
    auto finger = backend.device(QStringLiteral("sim:finger"));
    const CaptureSpec spec = CaptureSpec::singleFinger(FingerPosition::RightIndex);
    const auto warm = Clock::now();
    capturesPerSecond(*finger, spec, 1); // builds the master
    std::printf("first capture (master built): %.0f ms\n",
                std::chrono::duration<double, std::milli>(Clock::now() - warm).count());
    std::printf("416x560 captures through the Device API: %.1f per second (30 captures)\n",
                capturesPerSecond(*finger, spec, 30));

    std::printf("416x560 preview (landing, then settled): %.1f frames/s\n",
                previewFramesPerSecond(*finger, spec, duration));

    auto slap = backend.device(QStringLiteral("sim:slap"));
    const CaptureSpec slapSpec =
        CaptureSpec::fingerprint(FingerprintImpression::RightSlap, std::chrono::seconds(120));
    capturesPerSecond(*slap, slapSpec, 1); // builds four masters and their lower phalanges
    std::printf("1600x1500 right slap captures: %.2f per second (5 captures)\n",
                capturesPerSecond(*slap, slapSpec, 5));

    // The slap preview as the capture screen sees it: the landing frames, then the hand lying
    // on the glass (tremor and fresh sensor noise each frame).
    std::printf("1600x1500 right slap preview (landing, then settled): %.1f frames/s\n",
                previewFramesPerSecond(*slap, slapSpec, duration));
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const auto duration = std::chrono::seconds(seconds);
    std::printf("bench_devices: %d s per measurement, hardware threads %u\n", seconds,
                std::thread::hardware_concurrency());
    handOffMechanism(duration);
    handOff(duration);
    pinToOneCore();
    std::printf("\n(pinned to CPU 0 from here on)\n");
    irisPreview(duration);
    fingerprints(duration);
    return 0;
}
