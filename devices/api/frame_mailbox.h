#pragma once

#include "devices/api/frame.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>

namespace umbral::devices {

/// The bounded latest-frame mailbox between a device thread and one consumer.
///
/// The producer (a device thread) never waits for the consumer: `post()` takes a short lock,
/// keeps the newest `capacity` frames and drops the oldest when full. A slow consumer therefore
/// skips frames instead of queueing them up or stalling USB I/O (compare libobs' bounded frame
/// cache). Each consumer gets its own mailbox from Device::subscribe(), so a slow quality worker
/// never makes the preview skip.
///
/// Thread-safe. Consumers either block in `waitTake()` on a worker thread, or install a
/// notifier that posts a queued event to their own thread and drain with `tryTake()` there:
///
/// ```
/// auto box = device->subscribe();
/// box->setNotifier([w = QPointer(widget)] {
///     QMetaObject::invokeMethod(w, [w] { while (auto f = w->box->tryTake()) w->show(*f); },
///                               Qt::QueuedConnection); });
/// ```
/// The notifier runs only when a frame lands in an empty mailbox, so at most one notification is
/// outstanding per consumer as long as the consumer drains the mailbox when notified.
class FrameMailbox {
public:
    struct Stats {
        std::uint64_t posted = 0;    ///< frames offered by the producer
        std::uint64_t delivered = 0; ///< frames handed to the consumer
        std::uint64_t dropped = 0;   ///< frames discarded unseen because the consumer was slow
    };

    /// `capacity` >= 1 frames are kept (1: only the newest).
    explicit FrameMailbox(std::size_t capacity = 1);

    /// Producer side. Never blocks on the consumer. Returns true when the frame landed in an
    /// empty mailbox (the notifier, if any, has then been called). Ignored after close().
    bool post(Frame frame);

    /// The oldest frame kept (with capacity 1: the newest frame), or nothing.
    std::optional<Frame> tryTake();
    /// Like tryTake(), but waits up to `timeout` for a frame. Returns nothing on timeout or close.
    std::optional<Frame> waitTake(std::chrono::milliseconds timeout);
    /// The newest frame kept; older ones still kept are counted as dropped.
    std::optional<Frame> takeNewest();

    /// Ends the hand-off: wakes waiting consumers; later posts are ignored.
    void close();
    bool isClosed() const;

    /// Called on the producer's thread, without the mailbox lock held, whenever a frame lands
    /// in an empty mailbox. Keep it short: it runs on the device thread.
    void setNotifier(std::function<void()> notify);

    std::size_t capacity() const { return capacity_; }
    std::size_t size() const;
    Stats stats() const;

private:
    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::condition_variable arrived_;
    std::deque<Frame> frames_;
    std::function<void()> notify_;
    Stats stats_;
    bool closed_ = false;
};

} // namespace umbral::devices
