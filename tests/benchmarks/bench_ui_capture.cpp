// The officer desktop under load: whole encounters on the simulated devices at the demo's pace
// (or as fast as the devices can render, --unpaced), driven as in the widget test. Prints:
//  - frame-to-screen latency of the live preview (device frame produced -> painted), p50/p99;
//  - quality updates per second on the fingerprint and iris screens;
//  - the UI thread's event-loop lag: a 4 ms precise timer measures how late it fires; the
//    largest lateness is the longest the UI thread was blocked.
//
//   bench_ui_capture [travelers=3] [--unpaced]
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "../auto/ui/officer_station.h"
#include "app/enrollment/demo_travelers.h"
#include "ui/officer/demo_panel.h"
#include "ui/officer/fingerprint_page.h"
#include "ui/officer/iris_page.h"
#include "ui/officer/live_preview.h"
#include "ui/officer/review_page.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QTimer>
#include <algorithm>
#include <ctime>
#include <cstdio>
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

// How late a 4 ms timer fires on the UI thread: the event loop's lag.
class LagProbe : public QObject {
public:
    LagProbe() {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(4);
        connect(&timer_, &QTimer::timeout, this, [this] {
            const qint64 now = clock_.nsecsElapsed();
            if (last_ > 0)
                lags_.push_back(std::max(0.0, double(now - last_) / 1e6 - 4.0));
            last_ = now;
        });
        clock_.start();
        timer_.start();
    }
    const std::vector<double>& lags() const { return lags_; }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    std::vector<double> lags_;
};

// Times every event the UI thread delivers: wall time and the thread's own CPU time. A machine
// shared with other work preempts the UI thread (wall time); CPU time is what our own code spent.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        if (depth_++ > 0) { // nested deliveries count in their outermost event
            const bool r = QApplication::notify(receiver, event);
            --depth_;
            return r;
        }
        timespec c0{}, c1{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
        QElapsedTimer wall;
        wall.start();
        const bool r = QApplication::notify(receiver, event);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
        --depth_;
        const double cpu = double(c1.tv_sec - c0.tv_sec) * 1e3 + double(c1.tv_nsec - c0.tv_nsec) / 1e6;
        const double ms = double(wall.nsecsElapsed()) / 1e6;
        if (cpu > maxCpu) {
            maxCpu = cpu;
            maxCpuEvent = event->type();
            maxCpuReceiver = receiver->metaObject()->className();
        }
        maxWall = std::max(maxWall, ms);
        overCpu16 += cpu > 16.0;
        return r;
    }
    void resetStats() {
        maxCpu = maxWall = 0;
        maxCpuEvent = 0;
        maxCpuReceiver.clear();
        overCpu16 = 0;
    }
    double maxCpu = 0, maxWall = 0;
    int maxCpuEvent = 0;
    QByteArray maxCpuReceiver;
    int overCpu16 = 0;

private:
    int depth_ = 0;
};

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    int travelers = 3;
    bool paced = true;
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--unpaced")
            paced = false;
        else
            travelers = std::max(1, QByteArray(argv[i]).toInt());
    }

    testing::OfficerStation station(false, 0, paced);
    testing::OfficerStation* st = &station;
    st->signIn();
    if (!waitUntil([&] { return st->officer() && st->officer()->workflow(); }, 20000)) {
        std::fprintf(stderr, "the officer workspace did not open\n");
        return 1;
    }
    ui::OfficerWorkspace* o = st->officer();
    // The measurement covers the encounters, not the sign-in (which builds the workspace).
    waitUntil([] { return false; }, 500);
    app.resetStats();
    LagProbe probe;
    quint64 fingerUpdates = 0, irisUpdates = 0;
    std::vector<double> fingerScoring, irisScoring;
    QObject::connect(o->session(), &enrollment::CaptureSession::fingerQuality,
                     [&](const enrollment::FingerFrameQuality& q) {
                         ++fingerUpdates;
                         fingerScoring.push_back(q.scoringMs);
                     });
    QObject::connect(o->session(), &enrollment::CaptureSession::irisQuality, [&](const enrollment::IrisFrameQuality& q) {
        ++irisUpdates;
        irisScoring.push_back(q.scoringMs);
    });
    double fingerSeconds = 0, irisSeconds = 0;
    std::vector<double> latencies;
    const QStringList keys{"lindqvist", "baptiste", "rahman", "esposito"};
    QElapsedTimer total;
    total.start();
    for (int t = 0; t < travelers; ++t) {
        o->demoPanel()->present(keys[t % keys.size()]);
        o->demoPanel()->findChild<QPushButton*>("demoScanPassport")->click();
        waitUntil([&] { return o->workflow()->document().isComplete(); }, 5000);
        o->workflow()->next();
        QElapsedTimer phase;
        phase.start();
        if (!waitUntil([&] { return o->workflow()->fingerprintsComplete(); }, 300000)) {
            std::fprintf(stderr, "fingerprints did not complete\n");
            return 1;
        }
        fingerSeconds += phase.elapsed() / 1000.0;
        o->workflow()->next();
        phase.restart();
        if (!waitUntil([&] { return o->workflow()->irisesComplete(); }, 120000)) {
            std::fprintf(stderr, "irises did not complete\n");
            return 1;
        }
        irisSeconds += phase.elapsed() / 1000.0;
        for (auto* preview : {o->fingerprintPage()->preview(), o->irisPage()->preview()}) {
            const auto l = preview->takeLatencies();
            latencies.insert(latencies.end(), l.begin(), l.end());
        }
        // Review, Submit (off the UI thread: stored and screened) and the result, as the keys do.
        o->workflow()->next();
        o->findChild<QPushButton*>("submitEncounter")->click();
        if (!waitUntil([&] { return o->workflow()->step() == EncounterStep::Result; }, 30000)) {
            std::fprintf(stderr, "no result\n");
            return 1;
        }
        waitUntil([] { return false; }, 300); // the result on screen for a moment
        o->findChild<QPushButton*>("nextTraveler")->click();
        std::fprintf(stderr, "traveler %d done (%.1f s)\n", t + 1, total.elapsed() / 1000.0);
    }
    const auto& lags = probe.lags();
    std::printf("encounters: %d (%s devices), %.1f s of fingerprint capture, %.1f s of iris capture\n", travelers,
                paced ? "paced" : "unpaced", fingerSeconds, irisSeconds);
    std::printf("frame-to-screen latency: %zu frames, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", latencies.size(),
                percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0));
    std::printf("quality updates per second: fingerprints %.1f, irises %.1f\n", fingerUpdates / fingerSeconds,
                irisUpdates / irisSeconds);
    std::printf("scoring time per frame on the quality worker: fingerprints p50 %.1f ms, irises p50 %.1f ms\n",
                percentile(fingerScoring, 0.5), percentile(irisScoring, 0.5));
    std::printf("UI event-loop lag (4 ms timer): %zu samples, p99 %.1f ms, max %.1f ms, over 16 ms: %zu\n", lags.size(),
                percentile(lags, 0.99), percentile(lags, 1.0),
                std::size_t(std::count_if(lags.begin(), lags.end(), [](double l) { return l > 16.0; })));
    std::printf("longest single event on the UI thread: CPU %.1f ms (event type %d, %s), wall %.1f ms; events over 16 ms "
                "of CPU: %d\n",
                app.maxCpu, app.maxCpuEvent, app.maxCpuReceiver.constData(), app.maxWall, app.overCpu16);
    return 0;
}
