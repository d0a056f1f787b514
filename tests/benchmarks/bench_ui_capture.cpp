// The officer desktop under load: whole encounters on the simulated devices at the demo's pace
// (or as fast as the devices can render, --unpaced), driven as in the widget test. Prints:
//  - frame-to-screen latency of the live preview (device frame produced -> painted), p50/p99;
//  - quality updates per second on the fingerprint and iris screens;
//  - the UI thread's event-loop lag: a 4 ms precise timer measures how late it fires; the
//    largest lateness is the longest the UI thread was blocked.
//
//   bench_ui_capture [travelers=3] [--unpaced] [--replay-fps N [--replay-slap]] [--dwell S]
// --dwell: auto-capture is off; each capture screen previews for S seconds (the rates are
// measured over these steady stretches), then every presentation is captured by hand (F5).
// --replay-fps: the fingerprint scanner is a replay device playing pre-rendered frames of a
// placement (landing, then settled) at N frames per second, so the station's own path (mailbox,
// quality worker, preview, UI) is measured at a frame rate the simulator cannot render on a
// small machine.
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "../auto/ui/officer_station.h"

#include "app/enrollment/demo_travelers.h"
#include "ui/officer/demo_panel.h"
#include "ui/officer/fingerprint_page.h"
#include "ui/officer/iris_page.h"
#include "ui/officer/live_preview.h"
#include "ui/officer/review_page.h"
#include <QThread>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <cstdio>
#include <ctime>
#include <opencv2/imgcodecs.hpp>
#include <sys/resource.h>
#include <vector>

using namespace umbral;
using enrollment::EncounterStep;

namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

// Waits (running the event loop) until `done` or `timeoutMs`.
bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

// The calling thread's CPU time and the time it spent runnable but waiting for a core
// (/proc/thread-self/schedstat: run time and run-queue delay, in ns).
struct ThreadTimes {
    double cpuMs = 0, waitForCoreMs = 0;
    static ThreadTimes now() {
        ThreadTimes t;
        if (FILE* f = std::fopen("/proc/thread-self/schedstat", "r")) {
            unsigned long long run = 0, delay = 0;
            if (std::fscanf(f, "%llu %llu", &run, &delay) == 2) {
                t.cpuMs = double(run) / 1e6;
                t.waitForCoreMs = double(delay) / 1e6;
            }
            std::fclose(f);
        }
        return t;
    }
};

// How late a 4 ms timer fires on the UI thread: the event loop's lag. For the worst sample it
// also keeps where the time went: the UI thread running (our code and Qt's), waiting for a core
// (the machine busy), or neither (sleeping on a lock or in the event loop's poll).
class LagProbe : public QObject {
public:
    LagProbe() {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(4);
        connect(&timer_, &QTimer::timeout, this, [this] {
            const qint64 now = clock_.nsecsElapsed();
            const ThreadTimes times = ThreadTimes::now();
            if (last_ > 0) {
                const double lag = std::max(0.0, double(now - last_) / 1e6 - 4.0);
                lags_.push_back(lag);
                if (lag > worst_.lagMs) {
                    worst_.lagMs = lag;
                    if (describe_)
                        worst_.events = describe_(std::chrono::steady_clock::now() -
                                                  std::chrono::nanoseconds(now - last_));
                    worst_.intervalMs = double(now - last_) / 1e6;
                    worst_.runningMs = times.cpuMs - lastTimes_.cpuMs;
                    worst_.waitingForCoreMs = times.waitForCoreMs - lastTimes_.waitForCoreMs;
                }
            }
            last_ = now;
            lastTimes_ = times;
        });
        clock_.start();
        timer_.start();
    }
    const std::vector<double>& lags() const { return lags_; }
    struct Worst {
        double lagMs = 0, intervalMs = 0, runningMs = 0, waitingForCoreMs = 0;
        QByteArray events; ///< what the UI thread delivered in that interval
    };
    const Worst& worst() const { return worst_; }
    /// Lists the events delivered since a time (for the worst sample).
    void setDescriber(std::function<QByteArray(std::chrono::steady_clock::time_point)> d) {
        describe_ = std::move(d);
    }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    ThreadTimes lastTimes_;
    std::vector<double> lags_;
    Worst worst_;
    std::function<QByteArray(std::chrono::steady_clock::time_point)> describe_;
};

// Times every event the UI thread delivers: wall time and the thread's own CPU time. A machine
// shared with other work preempts the UI thread (wall time); CPU time is what our own code spent.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        // notify() runs on whichever thread delivers the event (the station writer's and the
        // devices' event loops too): only the UI thread's events are this benchmark's business.
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (depth_++ > 0) { // nested deliveries count in their outermost event
            const bool r = QApplication::notify(receiver, event);
            --depth_;
            return r;
        }
        timespec c0{}, c1{};
        rusage u0{}, u1{};
        getrusage(RUSAGE_THREAD, &u0);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
        QElapsedTimer wall;
        wall.start();
        const int type = event->type(); // the event may be gone after delivery
        QByteArray receiverClass = receiver->metaObject()->className();
        if (receiverClass == "QObject" && receiver->parent()) // a context object: name its owner
            receiverClass += QByteArray(" in ") + receiver->parent()->metaObject()->className();
        const bool r = QApplication::notify(receiver, event);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
        getrusage(RUSAGE_THREAD, &u1);
        --depth_;
        const double cpu =
            double(c1.tv_sec - c0.tv_sec) * 1e3 + double(c1.tv_nsec - c0.tv_nsec) / 1e6;
        const double ms = double(wall.nsecsElapsed()) / 1e6;
        if (cpu > maxCpu) {
            maxCpu = cpu;
            maxCpuEvent = type;
            maxCpuReceiver = receiverClass;
        }
        if (ms > maxWall) {
            maxWall = ms;
            maxWallCpu = cpu;
            maxWallEvent = type;
            maxWallReceiver = receiverClass;
            // Voluntary switches: the thread waited (a lock, the disk); involuntary: preempted.
            maxWallVoluntary = u1.ru_nvcsw - u0.ru_nvcsw;
            maxWallInvoluntary = u1.ru_nivcsw - u0.ru_nivcsw;
        }
        overCpu16 += cpu > 16.0;
        if (recent.size() >= 4096)
            recent.erase(recent.begin(), recent.begin() + 2048);
        recent.push_back({std::chrono::steady_clock::now(), cpu, type, receiverClass});
        if (cpu > 16.0 && qEnvironmentVariableIsSet("UMBRAL_BENCH_SLOW_EVENTS")) {
            // CLOCK_MONOTONIC end time: matches `perf record -k CLOCK_MONOTONIC` sample times, so
            // a profile shows what the slow event ran.
            timespec now{};
            clock_gettime(CLOCK_MONOTONIC, &now);
            std::fprintf(stderr,
                         "slow event: type %d, %s, CPU %.1f ms, wall %.1f ms, ended %ld.%09ld\n",
                         type, receiverClass.constData(), cpu, ms, long(now.tv_sec), now.tv_nsec);
        }
        return r;
    }
    void resetStats() {
        maxCpu = maxWall = 0;
        maxCpuEvent = 0;
        maxCpuReceiver.clear();
        overCpu16 = 0;
    }
    // The UI thread's recent events (for the lag probe's worst sample).
    struct Delivered {
        std::chrono::steady_clock::time_point ended;
        double cpuMs;
        int type;
        QByteArray receiver;
    };
    std::vector<Delivered> recent;
    double maxCpu = 0, maxWall = 0, maxWallCpu = 0;
    int maxCpuEvent = 0, maxWallEvent = 0;
    long maxWallVoluntary = 0, maxWallInvoluntary = 0;
    QByteArray maxWallReceiver;
    QByteArray maxCpuReceiver;
    int overCpu16 = 0;

private:
    int depth_ = 0;
};

QByteArray loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0) : QByteArray("?");
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    int travelers = 3;
    bool paced = true;
    double replayFps = 0;
    bool replaySlap = false; // the replayed scanner is a 4-4-2 slap scanner playing a right slap
    double dwell = 0;
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--unpaced")
            paced = false;
        else if (QByteArray(argv[i]) == "--dwell" && i + 1 < argc)
            dwell = QByteArray(argv[++i]).toDouble();
        else if (QByteArray(argv[i]) == "--replay-slap")
            replaySlap = true;
        else if (QByteArray(argv[i]) == "--replay-fps" && i + 1 < argc)
            replayFps = QByteArray(argv[++i]).toDouble();
        else
            travelers = std::max(1, QByteArray(argv[i]).toInt());
    }
    QTemporaryDir replay;
    if (replayFps > 0) {
        // A placement as the simulator renders it: first touch, landing, then settled frames.
        devices::FingerprintSynthesizer synthesizer;
        devices::CaptureRequest target;
        target.identitySeed = 424242;
        target.position = replaySlap ? devices::FrictionRidgePosition::PlainRightFour
                                     : devices::FrictionRidgePosition::RightIndex;
        devices::PlacementPreview placement(synthesizer, target);
        for (int f = 0; f < 60; ++f)
            cv::imwrite(
                replay.filePath(QStringLiteral("frame%1.png").arg(f, 3, 10, QLatin1Char('0')))
                    .toStdString(),
                placement.nextFrame().image);
        QFile json(replay.filePath("device.json"));
        json.open(QIODevice::WriteOnly);
        json.write(QStringLiteral("{\"model\": \"Replay of a simulated placement\", \"fps\": %1%2}")
                       .arg(replayFps)
                       .arg(replaySlap ? QStringLiteral(", \"impressions\": [\"four-finger-slap\", "
                                                        "\"two-thumbs\", \"single-finger\"]")
                                       : QString())
                       .toUtf8());
    }

    testing::OfficerStation station(false, 0, paced, replayFps > 0 ? replay.path() : QString());
    testing::OfficerStation* st = &station;
    if (dwell > 0) {
        st->environment.settings.finger.threshold = 101; // never reached: no auto-capture
        st->environment.settings.iris.threshold = 101;
    }
    st->signIn();
    if (!waitUntil([&] { return st->officer() && st->officer()->workflow(); }, 20000)) {
        std::fprintf(stderr, "the officer workspace did not open\n");
        return 1;
    }
    ui::OfficerWorkspace* o = st->officer();
    // The measurement covers the encounters, not the sign-in (which builds the workspace).
    waitUntil([] { return false; }, 500);
    // Baseline: the same probe for 5 s with the station idle on the Document step. Whatever
    // lateness it sees comes from the machine (other processes), not from the station.
    std::vector<double> baseline;
    {
        LagProbe idle;
        waitUntil([] { return false; }, 5000);
        baseline = idle.lags();
    }
    app.resetStats();
    LagProbe probe;
    probe.setDescriber([&app](std::chrono::steady_clock::time_point since) {
        // Events of the interval grouped by type and receiver: count and CPU.
        std::map<std::pair<int, QByteArray>, std::pair<int, double>> groups;
        for (const auto& e : app.recent)
            if (e.ended >= since) {
                auto& g = groups[{e.type, e.receiver}];
                ++g.first;
                g.second += e.cpuMs;
            }
        QByteArray out;
        for (const auto& [key, g] : groups)
            out += QByteArray("  ") + QByteArray::number(g.first) + " x event type " +
                   QByteArray::number(key.first) + " " + key.second + ": CPU " +
                   QByteArray::number(g.second, 'f', 1) + " ms\n";
        return out;
    });
    quint64 fingerUpdates = 0, irisUpdates = 0;
    std::vector<double> fingerScoring, irisScoring;
    quint64 fingerFrames = 0, irisFrames = 0;
    QObject::connect(o->session(), &enrollment::CaptureSession::previewReady, [&] {
        if (o->session()->activity() == enrollment::CaptureSession::Activity::Fingerprints)
            ++fingerFrames;
        else if (o->session()->activity() == enrollment::CaptureSession::Activity::Irises)
            ++irisFrames;
    });
    QObject::connect(o->session(), &enrollment::CaptureSession::fingerQuality,
                     [&](const enrollment::FingerFrameQuality& q) {
                         ++fingerUpdates;
                         fingerScoring.push_back(q.scoringMs);
                     });
    QObject::connect(o->session(), &enrollment::CaptureSession::irisQuality,
                     [&](const enrollment::IrisFrameQuality& q) {
                         ++irisUpdates;
                         irisScoring.push_back(q.scoringMs);
                     });
    double fingerSeconds = 0, irisSeconds = 0;
    std::vector<double> latencies;
    const QStringList keys{"lindqvist", "baptiste", "rahman", "esposito"};
    QElapsedTimer total;
    total.start();
    // The officer's actions (a key or a click) arrive as events in the station; delivered as
    // queued calls here, so that the event timing above counts them like any other event.
    auto act = [&app](const std::function<void()>& action) {
        bool done = false;
        QMetaObject::invokeMethod(
            &app,
            [&] {
                action();
                done = true;
            },
            Qt::QueuedConnection);
        waitUntil([&] { return done; }, 30000);
    };
    for (int t = 0; t < travelers; ++t) {
        act([&] {
            o->demoPanel()->present(keys[t % keys.size()]);
            o->demoPanel()->findChild<QPushButton*>("demoScanPassport")->click();
        });
        waitUntil([&] { return o->workflow()->document().isComplete(); }, 5000);
        act([&] { o->workflow()->next(); });
        // One capture screen: either auto-capture to the end (the time to complete is the
        // window), or a steady preview of `dwell` seconds (the window) then captures by hand.
        auto captureScreen = [&](const std::function<bool()>& complete, quint64& updates,
                                 quint64& frames, double& seconds) {
            QElapsedTimer phase;
            phase.start();
            if (dwell > 0) {
                const quint64 u0 = updates, f0 = frames;
                waitUntil([] { return false; }, int(dwell * 1000));
                seconds += phase.elapsed() / 1000.0;
                const quint64 u = updates - u0, f = frames - f0;
                while (!complete()) {
                    QSignalSpy stored(o->session(), &enrollment::CaptureSession::captureStored);
                    act([&] { o->session()->captureNow(); });
                    if (!waitUntil([&] { return stored.count() > 0; }, 30000))
                        return false;
                }
                updates = u0 + u; // only the steady stretch counts
                frames = f0 + f;
                return true;
            }
            if (!waitUntil(complete, 300000))
                return false;
            seconds += phase.elapsed() / 1000.0;
            return true;
        };
        if (!captureScreen([&] { return o->workflow()->fingerprintsComplete(); }, fingerUpdates,
                           fingerFrames, fingerSeconds)) {
            std::fprintf(stderr, "fingerprints did not complete\n");
            return 1;
        }
        act([&] { o->workflow()->next(); });
        if (!captureScreen([&] { return o->workflow()->irisesComplete(); }, irisUpdates, irisFrames,
                           irisSeconds)) {
            std::fprintf(stderr, "irises did not complete\n");
            return 1;
        }
        for (auto* preview : {o->fingerprintPage()->preview(), o->irisPage()->preview()}) {
            const auto l = preview->takeLatencies();
            latencies.insert(latencies.end(), l.begin(), l.end());
        }
        // Review, Submit (off the UI thread: stored and screened) and the result, as the keys do.
        act([&] { o->workflow()->next(); });
        act([&] { o->findChild<QPushButton*>("submitEncounter")->click(); });
        if (!waitUntil([&] { return o->workflow()->step() == EncounterStep::Result; }, 30000)) {
            std::fprintf(stderr, "no result\n");
            return 1;
        }
        waitUntil([] { return false; }, 300); // the result on screen for a moment
        act([&] { o->findChild<QPushButton*>("nextTraveler")->click(); });
        std::fprintf(stderr, "traveler %d done (%.1f s)\n", t + 1, total.elapsed() / 1000.0);
    }
    const auto& lags = probe.lags();
    std::printf(
        "encounters: %d (%s devices%s), %.1f s of fingerprint capture, %.1f s of iris capture\n",
        travelers, paced ? "paced" : "unpaced",
        replayFps > 0 ? ", fingerprint scanner replaying" : "", fingerSeconds, irisSeconds);
    std::printf("frame-to-screen latency: %zu frames, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.99),
                percentile(latencies, 1.0));
    std::printf("preview frames per second reaching the screen: fingerprints %.1f, irises %.1f\n",
                fingerFrames / fingerSeconds, irisFrames / irisSeconds);
    std::printf("quality updates per second: fingerprints %.1f, irises %.1f\n",
                fingerUpdates / fingerSeconds, irisUpdates / irisSeconds);
    std::printf("scoring time per frame on the quality worker: fingerprints p50 %.1f ms, irises "
                "p50 %.1f ms\n",
                percentile(fingerScoring, 0.5), percentile(irisScoring, 0.5));
    std::printf(
        "UI event-loop lag (4 ms timer): %zu samples, p99 %.1f ms, max %.1f ms, over 16 ms: %zu\n",
        lags.size(), percentile(lags, 0.99), percentile(lags, 1.0),
        std::size_t(std::count_if(lags.begin(), lags.end(), [](double l) { return l > 16.0; })));
    const LagProbe::Worst& worst = probe.worst();
    std::printf("worst lag sample: %.1f ms between two ticks, of which the UI thread ran %.1f ms, "
                "waited for a core %.1f ms, slept %.1f ms\n",
                worst.intervalMs, worst.runningMs, worst.waitingForCoreMs,
                std::max(0.0, worst.intervalMs - worst.runningMs - worst.waitingForCoreMs));
    std::printf("%s", worst.events.constData());
    std::printf("baseline, station idle for 5 s: lag p99 %.1f ms, max %.1f ms, over 16 ms: %zu "
                "(load average %s)\n",
                percentile(baseline, 0.99), percentile(baseline, 1.0),
                std::size_t(std::count_if(baseline.begin(), baseline.end(),
                                          [](double l) { return l > 16.0; })),
                loadAverage().constData());
    std::printf("costliest single event on the UI thread: CPU %.1f ms (event type %d, %s); events "
                "over 16 ms of CPU: %d\n",
                app.maxCpu, app.maxCpuEvent, app.maxCpuReceiver.constData(), app.overCpu16);
    std::printf("longest single event on the UI thread: wall %.1f ms of which CPU %.1f ms (event "
                "type %d, %s), "
                "context switches during it: %ld waiting, %ld preempted\n",
                app.maxWall, app.maxWallCpu, app.maxWallEvent, app.maxWallReceiver.constData(),
                app.maxWallVoluntary, app.maxWallInvoluntary);
    return 0;
}
