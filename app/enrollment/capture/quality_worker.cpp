#include "app/enrollment/capture/quality_worker.h"

#include "app/core/thread_priority.h"

namespace umbral::enrollment {

QualityWorker::QualityWorker(SlapSegmenter segmenter, QObject* parent)
    : QThread(parent), segmenter_(std::move(segmenter)) {
    qRegisterMetaType<umbral::enrollment::FingerFrameQuality>();
    qRegisterMetaType<umbral::enrollment::IrisFrameQuality>();
    qRegisterMetaType<umbral::enrollment::FingerCaptureOutcome>();
    qRegisterMetaType<umbral::enrollment::IrisCaptureOutcome>();
    setObjectName(QStringLiteral("quality"));
    start();
}

QualityWorker::~QualityWorker() {
    {
        std::lock_guard lock(wake_->mutex);
        abort_ = true;
        if (watch_.mailbox)
            watch_.mailbox->setNotifier({});
    }
    wake_->condition.notify_all();
    wait();
}

void QualityWorker::setWatch(Watch watch) {
    {
        std::lock_guard lock(wake_->mutex);
        if (watch_.mailbox)
            watch_.mailbox->setNotifier({});
        watch_ = std::move(watch);
        wake_->frameWaiting = watch_.mailbox && watch_.mailbox->size() > 0;
        if (watch_.mailbox) {
            // Runs on the device thread when a frame lands in the empty mailbox: only a wake-up.
            watch_.mailbox->setNotifier([wake = wake_] {
                {
                    std::lock_guard l(wake->mutex);
                    wake->frameWaiting = true;
                }
                wake->condition.notify_all();
            });
        }
    }
    wake_->condition.notify_all();
}

void QualityWorker::watchFingers(std::shared_ptr<devices::FrameMailbox> mailbox,
                                 PlannedImpression impression,
                                 std::vector<FingerPosition> presented, quint64 watch) {
    Watch w;
    w.mailbox = std::move(mailbox);
    w.impression = std::move(impression);
    w.presented = std::move(presented);
    w.id = watch;
    setWatch(std::move(w));
}

void QualityWorker::watchIris(std::shared_ptr<devices::FrameMailbox> mailbox, IrisSide eye,
                              quint64 watch) {
    Watch w;
    w.mailbox = std::move(mailbox);
    w.iris = true;
    w.eye = eye;
    w.id = watch;
    setWatch(std::move(w));
}

void QualityWorker::stopWatching() {
    setWatch({});
}

void QualityWorker::processFingers(devices::Frame frame, PlannedImpression impression,
                                   std::vector<FingerPosition> presented, quint64 watch) {
    {
        std::lock_guard lock(wake_->mutex);
        jobs_.push_back([this, frame = std::move(frame), impression = std::move(impression),
                         presented = std::move(presented), watch] {
            FingerCaptureOutcome out =
                processFingerCapture(frame, impression, presented, segmenter_);
            out.watch = watch;
            emit fingerCaptureProcessed(out);
        });
    }
    wake_->condition.notify_all();
}

void QualityWorker::processIris(devices::Frame frame, IrisSide eye, quint64 watch) {
    {
        std::lock_guard lock(wake_->mutex);
        jobs_.push_back([this, frame = std::move(frame), eye, watch] {
            IrisCaptureOutcome out = processIrisCapture(frame, eye);
            out.watch = watch;
            emit irisCaptureProcessed(out);
        });
    }
    wake_->condition.notify_all();
}

quint64 QualityWorker::framesScored() const {
    std::lock_guard lock(wake_->mutex);
    return scored_;
}

void QualityWorker::run() {
    lowerCurrentThreadPriority(2); // the UI thread first when both cores are busy
    std::unique_lock lock(wake_->mutex);
    while (!abort_) {
        wake_->condition.wait(lock, [this] {
            return abort_ || !jobs_.empty() || (wake_->frameWaiting && watch_.mailbox);
        });
        if (abort_)
            break;
        if (!jobs_.empty()) {
            auto job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            job();
            lock.lock();
            continue;
        }
        // Newest frame only: whatever arrived while the last one was scored is skipped.
        const Watch watch = watch_;
        wake_->frameWaiting = false;
        lock.unlock();
        std::optional<devices::Frame> frame = watch.mailbox->takeNewest();
        if (frame) {
            if (watch.iris) {
                IrisFrameQuality q = scoreIrisFrame(*frame, watch.eye);
                q.watch = watch.id;
                emit irisFrameScored(q);
            } else {
                FingerFrameQuality q =
                    scoreFingerFrame(*frame, watch.impression, watch.presented, segmenter_);
                q.watch = watch.id;
                emit fingerFrameScored(q);
            }
        }
        lock.lock();
        if (frame)
            ++scored_;
        // A frame may have landed while this one was scored (the notifier only fires on an
        // empty mailbox, and takeNewest emptied it before scoring began).
        if (watch_.mailbox && watch_.mailbox->size() > 0)
            wake_->frameWaiting = true;
    }
}

} // namespace umbral::enrollment
