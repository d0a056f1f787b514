#pragma once

#include "app/enrollment/capture/frame_scoring.h"
#include "devices/api/frame_mailbox.h"

#include <QThread>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace umbral::enrollment {

/// The capture screens' quality worker, in the manner of Qt's mandelbrot example: one thread,
/// inputs under a mutex, results by signal (queued to the thread that owns the worker), and a
/// destructor that aborts, wakes and waits.
///
/// It watches one frame mailbox at a time and scores only the newest frame: when scoring is
/// slower than the device, frames are skipped, never queued. Captured frames are processed
/// (full assessment, PNG) before any further preview frame.
class QualityWorker : public QThread {
    Q_OBJECT

public:
    explicit QualityWorker(SlapSegmenter segmenter, QObject* parent = nullptr);
    ~QualityWorker() override;

    /// Scores the newest frame of `mailbox` as `impression` with `presented` fingers. Results
    /// carry `watch`; a new watch replaces the previous one at once.
    void watchFingers(std::shared_ptr<devices::FrameMailbox> mailbox, PlannedImpression impression,
                      std::vector<FingerPosition> presented, quint64 watch);
    void watchIris(std::shared_ptr<devices::FrameMailbox> mailbox, IrisSide eye, quint64 watch);
    void stopWatching();

    void processFingers(devices::Frame frame, PlannedImpression impression,
                        std::vector<FingerPosition> presented, quint64 watch);
    void processIris(devices::Frame frame, IrisSide eye, quint64 watch);

    /// Frames scored since start (for the benchmark).
    quint64 framesScored() const;

Q_SIGNALS:
    void fingerFrameScored(const umbral::enrollment::FingerFrameQuality& quality);
    void irisFrameScored(const umbral::enrollment::IrisFrameQuality& quality);
    void fingerCaptureProcessed(const umbral::enrollment::FingerCaptureOutcome& outcome);
    void irisCaptureProcessed(const umbral::enrollment::IrisCaptureOutcome& outcome);

protected:
    void run() override;

private:
    struct Watch {
        std::shared_ptr<devices::FrameMailbox> mailbox;
        bool iris = false;
        PlannedImpression impression;
        std::vector<FingerPosition> presented;
        IrisSide eye = IrisSide::Undefined;
        quint64 id = 0;
    };
    void setWatch(Watch watch);

    // The wake-up state is shared with the mailbox notifier, which a device thread may still
    // hold (copied) for a moment after the notifier has been replaced or the worker destroyed.
    struct Wake {
        std::mutex mutex;
        std::condition_variable condition;
        bool frameWaiting = false;
    };

    SlapSegmenter segmenter_;
    std::shared_ptr<Wake> wake_ = std::make_shared<Wake>();
    Watch watch_;
    std::deque<std::function<void()>> jobs_;
    bool abort_ = false;
    quint64 scored_ = 0;
};

} // namespace umbral::enrollment
