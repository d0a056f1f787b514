#include "devices/api/device_engine.h"

#include "devices/api/grey8.h"

#include <QDateTime>
#include <QMetaObject>
#include <pthread.h>

namespace umbral::devices {

namespace {

constexpr auto kNoDeadline = std::chrono::steady_clock::time_point::max();

// Linux limits thread names to 15 bytes; keep the end of long ids, which tells them apart.
QString makeThreadName(const QString& id) {
    const QString name = QStringLiteral("dev ") + id;
    return name.size() <= 15 ? name : QStringLiteral("dev ") + id.right(11);
}

bool endsCaptureOnly(DeviceErrorCode code) {
    // A traveler who never presented, or a request outside the capabilities, is not a device
    // failure: the device stays usable.
    return code == DeviceErrorCode::CaptureTimeout || code == DeviceErrorCode::NotSupported;
}

} // namespace

DeviceEngine::DeviceEngine(Device& owner, std::unique_ptr<DeviceDriver> driver)
    : owner_(owner), driver_(std::move(driver)), log_(driver_->describe().id),
      threadName_(makeThreadName(log_.deviceId())), info_(driver_->describe()) {
    thread_ = std::thread([this] { run(); });
}

DeviceEngine::~DeviceEngine() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        interruptLocked();
    }
    thread_.join();
}

template <typename Fn> void DeviceEngine::post(Fn&& fn) {
    // Signals leave the device thread as queued calls on the Device's own thread: consumers see
    // them in their thread, and a destroyed Device drops what was still queued.
    QMetaObject::invokeMethod(&owner_, std::forward<Fn>(fn), Qt::QueuedConnection);
}

DeviceInfo DeviceEngine::info() const {
    std::lock_guard lock(mutex_);
    return info_;
}

std::optional<DeviceError> DeviceEngine::lastError() const {
    std::lock_guard lock(mutex_);
    return lastError_;
}

// --- requests (any thread) --------------------------------------------------------------------

void DeviceEngine::requestOpen() {
    std::lock_guard lock(mutex_);
    if (removed_) {
        postError(DeviceError(DeviceErrorCode::Removed, log_.deviceId(),
                              QStringLiteral("cannot open: the device was unplugged")));
        return;
    }
    wantOpen_ = true;
    if (state_ == DeviceState::Error)
        recoverRequested_ = true;
    wake_.notify_all();
}

void DeviceEngine::requestPreview(const CaptureSpec& expected) {
    std::lock_guard lock(mutex_);
    if (removed_) {
        postError(DeviceError(DeviceErrorCode::Removed, log_.deviceId(),
                              QStringLiteral("cannot preview: the device was unplugged")));
        return;
    }
    wantOpen_ = true;
    const bool switching = wantPreview_ && state_ == DeviceState::Previewing;
    wantPreview_ = true;
    previewSpec_ = expected;
    if (state_ == DeviceState::Error)
        recoverRequested_ = true;
    if (switching)
        ++previewRestarts_; // the running preview returns and starts again with the new spec
    wake_.notify_all();
}

void DeviceEngine::requestStop() {
    std::lock_guard lock(mutex_);
    wantPreview_ = false;
    cancelPendingCapturesLocked();
    if (state_ == DeviceState::Error && wantOpen_ && !removed_)
        recoverRequested_ = true;
    interruptLocked();
}

void DeviceEngine::requestClose() {
    std::lock_guard lock(mutex_);
    wantOpen_ = false;
    wantPreview_ = false;
    recoverRequested_ = false;
    cancelPendingCapturesLocked();
    interruptLocked();
}

void DeviceEngine::requestCapture(const CaptureSpec& request) {
    std::lock_guard lock(mutex_);
    if (removed_) {
        const DeviceError error(DeviceErrorCode::Removed, log_.deviceId(),
                                QStringLiteral("cannot capture: the device was unplugged"));
        Device* device = &owner_;
        post([device, error] { Q_EMIT device->captureFailed(error); });
        return;
    }
    wantOpen_ = true;
    if (state_ == DeviceState::Error)
        recoverRequested_ = true;
    captures_.push_back(request);
    wake_.notify_all();
}

void DeviceEngine::markRemoved() {
    std::lock_guard lock(mutex_);
    if (removed_)
        return;
    log_.info(QStringLiteral("unplugged"));
    removed_ = true;
    interruptLocked();
}

bool DeviceEngine::isRemoved() const {
    return removed_.load();
}

std::shared_ptr<FrameMailbox> DeviceEngine::subscribe(std::size_t capacity) {
    auto mailbox = std::make_shared<FrameMailbox>(capacity);
    std::lock_guard lock(subscribersMutex_);
    subscribers_.push_back(mailbox);
    return mailbox;
}

// --- for OperationContext ---------------------------------------------------------------------

bool DeviceEngine::interrupted(std::uint64_t generation) const {
    std::lock_guard lock(mutex_);
    return interruptedLocked(generation);
}

bool DeviceEngine::interruptedLocked(std::uint64_t generation) const {
    return quit_ || removed_ || generation != generation_;
}

bool DeviceEngine::leaveRequested(std::uint64_t generation) const {
    std::lock_guard lock(mutex_);
    return leaveRequestedLocked(generation);
}

bool DeviceEngine::leaveRequestedLocked(std::uint64_t generation) const {
    return interruptedLocked(generation) || !captures_.empty() || !wantPreview_ || !wantOpen_ ||
           previewRestarts_ != previewStartedAt_;
}

bool DeviceEngine::waitFor(std::uint64_t generation, bool preview,
                           std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    const bool woken = wake_.wait_for(lock, duration, [&] {
        return preview ? leaveRequestedLocked(generation) : interruptedLocked(generation);
    });
    return !woken;
}

void DeviceEngine::publish(const cv::Mat& grey8, int ppi) {
    const Frame frame = makeFrame(grey8, ppi, FrameKind::Preview);
    std::vector<std::shared_ptr<FrameMailbox>> targets;
    {
        std::lock_guard lock(subscribersMutex_);
        std::erase_if(subscribers_, [](const auto& weak) { return weak.expired(); });
        for (const auto& weak : subscribers_)
            if (auto box = weak.lock())
                targets.push_back(std::move(box));
    }
    for (const auto& box : targets)
        box->post(frame);
}

void DeviceEngine::feedback(TravelerFeedback feedback) {
    if (feedback == lastFeedback_)
        return;
    lastFeedback_ = feedback;
    Device* device = &owner_;
    post([device, feedback] { Q_EMIT device->feedbackChanged(feedback); });
}

void DeviceEngine::setInterruptHook(std::function<void()> hook) {
    std::lock_guard lock(hookMutex_);
    hook_ = std::move(hook);
}

void DeviceEngine::clearInterruptHook() {
    std::lock_guard lock(hookMutex_);
    hook_ = nullptr;
}

// --- the device thread ------------------------------------------------------------------------

void DeviceEngine::interruptLocked() {
    ++generation_;
    {
        std::lock_guard hookLock(hookMutex_);
        if (hook_)
            hook_();
    }
    wake_.notify_all();
}

bool DeviceEngine::hasWorkLocked() const {
    if (removed_)
        return !removalHandled_;
    if (!wantOpen_)
        return sessionOpen_ || state_ != DeviceState::Disconnected;
    if (!sessionOpen_)
        return state_ != DeviceState::Error || recoverRequested_;
    return !captures_.empty() || wantPreview_ || state_ != DeviceState::Idle;
}

void DeviceEngine::run() {
    pthread_setname_np(pthread_self(), threadName_.toUtf8().constData());
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return quit_ || hasWorkLocked(); });
        if (quit_)
            break;
        if (removed_) {
            if (sessionOpen_)
                reportRemovalLocked(lock, QStringLiteral("idle"), false);
            cancelPendingCapturesLocked();
            wantPreview_ = false;
            setStateLocked(DeviceState::Disconnected);
            removalHandled_ = true;
            continue;
        }
        if (!wantOpen_) {
            if (sessionOpen_)
                closeSessionLocked(lock);
            log_.debug(QStringLiteral("closed"));
            setStateLocked(DeviceState::Disconnected);
            continue;
        }
        if (!sessionOpen_) {
            recoverRequested_ = false;
            runOpen(lock);
            continue;
        }
        if (!captures_.empty()) {
            const CaptureSpec request = captures_.front();
            captures_.pop_front();
            runCapture(lock, request);
            continue;
        }
        if (wantPreview_) {
            runPreview(lock);
            continue;
        }
        setStateLocked(DeviceState::Idle);
    }
    if (sessionOpen_)
        closeSessionLocked(lock);
}

void DeviceEngine::runOpen(std::unique_lock<std::mutex>& lock) {
    const std::uint64_t generation = generation_;
    lock.unlock();
    OperationContext context(*this, OperationContext::Purpose::Open, generation, kNoDeadline, log_);
    std::optional<DeviceError> failure;
    bool interrupted = false;
    try {
        driver_->open(context);
    } catch (const OperationInterrupted&) {
        interrupted = true;
    } catch (const DeviceError& error) {
        failure = error;
    } catch (const std::exception& error) {
        failure =
            DeviceError(DeviceErrorCode::Io, log_.deviceId(), QString::fromUtf8(error.what()));
    }
    clearInterruptHook();
    DeviceInfo refreshed;
    if (!failure && !interrupted)
        refreshed = driver_->describe();
    lock.lock();

    if (interrupted)
        return; // the loop looks at what is wished now
    if (!failure) {
        sessionOpen_ = true;
        refreshed.id = info_.id;
        info_ = refreshed;
        log_.info(QStringLiteral("opened"));
        setStateLocked(DeviceState::Idle);
        return;
    }
    log_.warning(QStringLiteral("open failed: %1").arg(failure->message()));
    lastError_ = *failure;
    postError(*failure);
    for (const CaptureSpec& request : captures_) {
        Q_UNUSED(request);
        Device* device = &owner_;
        const DeviceError error = *failure;
        post([device, error] { Q_EMIT device->captureFailed(error); });
    }
    captures_.clear();
    wantPreview_ = false;
    if (failure->code() == DeviceErrorCode::Removed ||
        failure->code() == DeviceErrorCode::NotFound) {
        // Nothing there to recover: the device is gone for this object.
        removed_ = true;
        removalHandled_ = true;
        removalReported_ = true;
        setStateLocked(DeviceState::Disconnected);
        return;
    }
    setStateLocked(DeviceState::Error);
}

void DeviceEngine::runPreview(std::unique_lock<std::mutex>& lock) {
    const std::uint64_t generation = generation_;
    const CaptureSpec expected = previewSpec_;
    previewStartedAt_ = previewRestarts_;
    setStateLocked(DeviceState::Previewing);
    lock.unlock();
    OperationContext context(*this, OperationContext::Purpose::Preview, generation, kNoDeadline,
                             log_);
    std::optional<DeviceError> failure;
    try {
        driver_->preview(expected, context);
    } catch (const OperationInterrupted&) {
    } catch (const DeviceError& error) {
        failure = error;
    } catch (const std::exception& error) {
        failure =
            DeviceError(DeviceErrorCode::Io, log_.deviceId(), QString::fromUtf8(error.what()));
    }
    clearInterruptHook();
    lock.lock();

    if (removed_ || (failure && failure->code() == DeviceErrorCode::Removed)) {
        removed_ = true;
        reportRemovalLocked(lock, QStringLiteral("previewing"), false);
        return;
    }
    if (failure && !interruptedLocked(generation))
        failSessionLocked(lock, *failure);
    // Otherwise the loop decides: more preview, a capture, or back to Idle.
}

void DeviceEngine::runCapture(std::unique_lock<std::mutex>& lock, const CaptureSpec& request) {
    const std::uint64_t generation = generation_;
    setStateLocked(DeviceState::Capturing);
    lock.unlock();
    log_.info(QStringLiteral("capture started: %1").arg(request.describe()));
    OperationContext context(*this, OperationContext::Purpose::Capture, generation,
                             std::chrono::steady_clock::now() + request.timeout, log_);
    std::optional<DeviceError> failure = validate(request);
    bool interrupted = false;
    cv::Mat image;
    if (!failure) {
        try {
            image = driver_->capture(request, context);
            if (image.empty())
                failure = DeviceError(DeviceErrorCode::Protocol, log_.deviceId(),
                                      QStringLiteral("the driver returned no image"));
        } catch (const OperationInterrupted&) {
            interrupted = true;
        } catch (const DeviceError& error) {
            failure = error;
        } catch (const std::exception& error) {
            failure =
                DeviceError(DeviceErrorCode::Io, log_.deviceId(), QString::fromUtf8(error.what()));
        }
    }
    clearInterruptHook();
    Frame frame;
    if (!failure && !interrupted) {
        frame = makeFrame(image, driver_->ppi(), FrameKind::Capture);
        frame.request = request;
    }
    lock.lock();

    Device* device = &owner_;
    if (removed_ || (failure && failure->code() == DeviceErrorCode::Removed)) {
        removed_ = true;
        reportRemovalLocked(lock, QStringLiteral("capturing"), true);
        return;
    }
    if (frame.isValid()) {
        log_.info(QStringLiteral("capture done: %1x%2, frame %3")
                      .arg(frame.image.cols)
                      .arg(frame.image.rows)
                      .arg(frame.sequence));
        post([device, frame] { Q_EMIT device->captureCompleted(frame); });
        setStateLocked(wantPreview_ ? DeviceState::Previewing : DeviceState::Idle);
        return;
    }
    if (interrupted || !failure) {
        log_.info(QStringLiteral("capture cancelled"));
        post([device] { Q_EMIT device->captureCancelled(); });
        return;
    }
    const DeviceError error = *failure;
    log_.warning(QStringLiteral("capture failed: %1").arg(error.message()));
    post([device, error] { Q_EMIT device->captureFailed(error); });
    if (endsCaptureOnly(error.code())) {
        setStateLocked(wantPreview_ ? DeviceState::Previewing : DeviceState::Idle);
        return;
    }
    failSessionLocked(lock, error);
}

void DeviceEngine::closeSessionLocked(std::unique_lock<std::mutex>& lock) {
    lock.unlock();
    driver_->close();
    lock.lock();
    sessionOpen_ = false;
}

void DeviceEngine::failSessionLocked(std::unique_lock<std::mutex>& lock, const DeviceError& error) {
    log_.warning(QStringLiteral("device failure: %1").arg(error.message()));
    lastError_ = error;
    postError(error);
    wantPreview_ = false;
    Device* device = &owner_;
    for (std::size_t i = 0; i < captures_.size(); ++i)
        post([device, error] { Q_EMIT device->captureFailed(error); });
    captures_.clear();
    closeSessionLocked(lock);
    setStateLocked(DeviceState::Error);
}

void DeviceEngine::reportRemovalLocked(std::unique_lock<std::mutex>& lock, const QString& during,
                                       bool captureRunning) {
    const DeviceError error(DeviceErrorCode::Removed, log_.deviceId(),
                            QStringLiteral("the device was unplugged while %1").arg(during));
    Device* device = &owner_;
    if (captureRunning)
        post([device, error] { Q_EMIT device->captureFailed(error); });
    for (std::size_t i = 0; i < captures_.size(); ++i)
        post([device, error] { Q_EMIT device->captureFailed(error); });
    captures_.clear();
    if (!removalReported_) {
        removalReported_ = true;
        lastError_ = error;
        log_.warning(error.message());
        postError(error);
    }
    if (sessionOpen_)
        closeSessionLocked(lock);
    wantPreview_ = false;
    removalHandled_ = true;
    setStateLocked(DeviceState::Disconnected);
}

void DeviceEngine::cancelPendingCapturesLocked() {
    Device* device = &owner_;
    for (std::size_t i = 0; i < captures_.size(); ++i)
        post([device] { Q_EMIT device->captureCancelled(); });
    captures_.clear();
}

void DeviceEngine::postError(const DeviceError& error) {
    Device* device = &owner_;
    post([device, error] { Q_EMIT device->errorOccurred(error); });
}

void DeviceEngine::setStateLocked(DeviceState state) {
    if (state_ == state)
        return;
    log_.debug(QStringLiteral("%1 -> %2").arg(toKey(state_.load()), toKey(state)));
    state_ = state;
    Device* device = &owner_;
    if (state != DeviceState::Previewing && state != DeviceState::Capturing &&
        lastFeedback_ != TravelerFeedback::None) {
        lastFeedback_ = TravelerFeedback::None;
        post([device] { Q_EMIT device->feedbackChanged(TravelerFeedback::None); });
    }
    post([device, state] { Q_EMIT device->stateChanged(state); });
}

Frame DeviceEngine::makeFrame(const cv::Mat& image, int ppi, FrameKind kind) {
    Frame frame;
    frame.image = image.type() == CV_8UC1 ? image : toGrey8(image);
    frame.ppi = ppi;
    frame.timestamp = std::chrono::steady_clock::now();
    frame.capturedAtUtc = QDateTime::currentDateTimeUtc();
    frame.sequence = nextSequence_++;
    frame.deviceId = log_.deviceId();
    frame.kind = kind;
    return frame;
}

std::optional<DeviceError> DeviceEngine::validate(const CaptureSpec& request) const {
    const auto refuse = [this](const QString& why) {
        return DeviceError(DeviceErrorCode::NotSupported, log_.deviceId(), why);
    };
    const DeviceInfo info = this->info();
    if (request.kind == CaptureSpec::Kind::Fingerprint) {
        if (info.modality != Modality::Fingerprint || !info.fingerprint)
            return refuse(QStringLiteral("not a fingerprint scanner"));
        const FingerprintCapabilities& caps = *info.fingerprint;
        bool able = false;
        switch (request.impression) {
        case FingerprintImpression::SingleFinger:
            able = caps.singleFinger;
            break;
        case FingerprintImpression::LeftSlap:
        case FingerprintImpression::RightSlap:
            able = caps.fourFingerSlap;
            break;
        case FingerprintImpression::TwoThumbs:
            able = caps.twoThumbs;
            break;
        case FingerprintImpression::Rolled:
            able = caps.rolled;
            break;
        }
        if (!able)
            return refuse(
                QStringLiteral("this scanner cannot capture %1").arg(toKey(request.impression)));
        return std::nullopt;
    }
    if (info.modality != Modality::Iris || !info.iris)
        return refuse(QStringLiteral("not an iris camera"));
    const IrisCoverage coverage = info.iris->coverage;
    const bool able = coverage == IrisCoverage::Both ||
                      (coverage == IrisCoverage::Left && request.eye == IrisEye::Left) ||
                      (coverage == IrisCoverage::Right && request.eye == IrisEye::Right);
    if (!able)
        return refuse(QStringLiteral("this camera cannot capture %1").arg(toKey(request.eye)));
    return std::nullopt;
}

// --- OperationContext -------------------------------------------------------------------------

OperationContext::OperationContext(DeviceEngine& engine, Purpose purpose, std::uint64_t generation,
                                   std::chrono::steady_clock::time_point deadline,
                                   const DeviceLog& log)
    : engine_(engine), purpose_(purpose), generation_(generation), deadline_(deadline), log_(log) {}

bool OperationContext::interrupted() const {
    return engine_.interrupted(generation_);
}

bool OperationContext::leaveRequested() const {
    return purpose_ == Purpose::Preview ? engine_.leaveRequested(generation_) : interrupted();
}

void OperationContext::throwIfInterrupted() const {
    if (interrupted())
        throw OperationInterrupted{};
}

bool OperationContext::waitFor(std::chrono::milliseconds duration) {
    return engine_.waitFor(generation_, purpose_ == Purpose::Preview, duration);
}

bool OperationContext::deadlinePassed() const {
    return std::chrono::steady_clock::now() >= deadline_;
}

void OperationContext::publish(const cv::Mat& grey8, int ppi) {
    engine_.publish(grey8, ppi);
}

void OperationContext::feedback(TravelerFeedback feedback) {
    engine_.feedback(feedback);
}

void OperationContext::setInterruptHook(std::function<void()> hook) {
    engine_.setInterruptHook(hook);
    // An interruption that came between the driver's last check and now would otherwise go
    // unnoticed until the blocking step's own timeout.
    if (interrupted())
        hook();
}

void OperationContext::clearInterruptHook() {
    engine_.clearInterruptHook();
}

} // namespace umbral::devices
