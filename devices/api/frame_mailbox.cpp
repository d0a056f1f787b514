#include "devices/api/frame_mailbox.h"

#include <algorithm>

namespace umbral::devices {

FrameMailbox::FrameMailbox(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

bool FrameMailbox::post(Frame frame) {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        if (closed_)
            return false;
        ++stats_.posted;
        const bool wasEmpty = frames_.empty();
        if (frames_.size() == capacity_) {
            frames_.pop_front(); // the consumer is behind: it skips the oldest frame
            ++stats_.dropped;
        }
        frames_.push_back(std::move(frame));
        if (!wasEmpty) {
            return false;
        }
        notify = notify_;
    }
    arrived_.notify_one();
    if (notify)
        notify();
    return true;
}

std::optional<Frame> FrameMailbox::tryTake() {
    std::lock_guard lock(mutex_);
    if (frames_.empty())
        return std::nullopt;
    Frame frame = std::move(frames_.front());
    frames_.pop_front();
    ++stats_.delivered;
    return frame;
}

std::optional<Frame> FrameMailbox::waitTake(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!arrived_.wait_for(lock, timeout, [this] { return closed_ || !frames_.empty(); }))
        return std::nullopt;
    if (frames_.empty())
        return std::nullopt;
    Frame frame = std::move(frames_.front());
    frames_.pop_front();
    ++stats_.delivered;
    return frame;
}

std::optional<Frame> FrameMailbox::takeNewest() {
    std::lock_guard lock(mutex_);
    if (frames_.empty())
        return std::nullopt;
    stats_.dropped += frames_.size() - 1;
    Frame frame = std::move(frames_.back());
    frames_.clear();
    ++stats_.delivered;
    return frame;
}

void FrameMailbox::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    arrived_.notify_all();
}

bool FrameMailbox::isClosed() const {
    std::lock_guard lock(mutex_);
    return closed_;
}

void FrameMailbox::setNotifier(std::function<void()> notify) {
    std::lock_guard lock(mutex_);
    notify_ = std::move(notify);
}

std::size_t FrameMailbox::size() const {
    std::lock_guard lock(mutex_);
    return frames_.size();
}

FrameMailbox::Stats FrameMailbox::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

} // namespace umbral::devices
