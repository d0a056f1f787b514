#include "app/enrollment/capture/preview_pump.h"

#include <opencv2/imgproc.hpp>

namespace umbral::enrollment {

PreviewPump::PreviewPump(QObject* parent) : QThread(parent) {
    qRegisterMetaType<umbral::enrollment::PreviewImage>();
    setObjectName(QStringLiteral("preview"));
    start();
}

PreviewPump::~PreviewPump() {
    {
        std::lock_guard lock(wake_->mutex);
        abort_ = true;
        if (mailbox_)
            mailbox_->setNotifier({});
    }
    wake_->condition.notify_all();
    wait();
}

void PreviewPump::watch(std::shared_ptr<devices::FrameMailbox> mailbox, quint64 watch) {
    {
        std::lock_guard lock(wake_->mutex);
        if (mailbox_)
            mailbox_->setNotifier({});
        mailbox_ = std::move(mailbox);
        watch_ = watch;
        wake_->frameWaiting = mailbox_ && mailbox_->size() > 0;
        if (mailbox_)
            mailbox_->setNotifier([wake = wake_] {
                {
                    std::lock_guard l(wake->mutex);
                    wake->frameWaiting = true;
                }
                wake->condition.notify_all();
            });
    }
    wake_->condition.notify_all();
}

void PreviewPump::setFit(cv::Size fit) {
    std::lock_guard lock(wake_->mutex);
    if (fit.width > 16 && fit.height > 16)
        fit_ = fit;
}

void PreviewPump::run() {
    std::unique_lock lock(wake_->mutex);
    while (!abort_) {
        wake_->condition.wait(lock, [this] { return abort_ || (wake_->frameWaiting && mailbox_); });
        if (abort_)
            break;
        wake_->frameWaiting = false;
        const auto mailbox = mailbox_;
        const quint64 watch = watch_;
        const cv::Size fit = fit_;
        lock.unlock();
        if (std::optional<devices::Frame> frame = mailbox->takeNewest()) {
            PreviewImage p;
            p.watch = watch;
            p.frameSize = frame->image.size();
            p.sequence = frame->sequence;
            p.frameTime = frame->timestamp;
            p.deviceId = frame->deviceId;
            const double scale = std::min({1.0, double(fit.width) / frame->image.cols,
                                           double(fit.height) / frame->image.rows});
            cv::Mat fitted;
            if (scale < 1.0)
                cv::resize(frame->image, fitted, cv::Size(), scale, scale, cv::INTER_AREA);
            else
                fitted = frame->image;
            // Device frames are CV_8UC1 (devices::Frame); the screen's format is B G R 255.
            cv::cvtColor(fitted, p.image, cv::COLOR_GRAY2BGRA);
            p.scale = double(p.image.cols) / frame->image.cols;
            emit previewReady(p);
        }
        lock.lock();
        if (mailbox_ && mailbox_->size() > 0)
            wake_->frameWaiting = true;
    }
}

} // namespace umbral::enrollment
