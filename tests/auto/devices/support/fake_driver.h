#pragma once

// Test doubles for the device layer: a scriptable driver and backend, so that the lifecycle,
// the threading and the manager can be tested without hardware. Header-only.

#include "devices/api/device.h"
#include "devices/api/device_backend.h"
#include "devices/api/device_driver.h"

#include <QList>
#include <atomic>
#include <mutex>
#include <pthread.h>

namespace umbral::devices::testing {

/// What a FakeDriver does; the test changes it from its own thread while the driver runs.
struct FakeBehaviour {
    std::atomic<bool> failOpen{false};
    std::atomic<DeviceErrorCode> openError{DeviceErrorCode::AccessDenied};
    std::atomic<bool> failCapture{false};
    std::atomic<DeviceErrorCode> captureError{DeviceErrorCode::NoResponse};
    std::atomic<bool> failPreview{false};
    std::atomic<bool> presentationReady{true}; ///< a finger lies on the platen
    std::atomic<int> previewIntervalMs{5};
    std::atomic<int> previewFramesPerCall{0}; ///< 0: preview until asked to leave
    std::atomic<int> opens{0};
    std::atomic<int> closes{0};
    std::atomic<int> previewFrames{0};
    std::atomic<bool> inCapture{false};
    std::mutex mutex;
    QString threadSeen;      ///< name of the thread the driver last ran on
    CaptureSpec previewSpec; ///< what the last preview was asked to expect
};

class FakeDriver : public DeviceDriver {
public:
    FakeDriver(DeviceInfo info, std::shared_ptr<FakeBehaviour> behaviour)
        : info_(std::move(info)), behaviour_(std::move(behaviour)) {}

    DeviceInfo describe() const override { return info_; }
    int ppi() const override { return info_.fingerprint ? info_.fingerprint->ppi : 0; }

    void open(OperationContext&) override {
        noteThread();
        if (behaviour_->failOpen)
            throw DeviceError(behaviour_->openError, info_.id, QStringLiteral("fake open failure"));
        ++behaviour_->opens;
    }
    void close() noexcept override { ++behaviour_->closes; }

    void preview(const CaptureSpec& expected, OperationContext& context) override {
        noteThread();
        {
            std::lock_guard lock(behaviour_->mutex);
            behaviour_->previewSpec = expected;
        }
        int sent = 0;
        while (!context.leaveRequested()) {
            if (behaviour_->failPreview)
                throw DeviceError(DeviceErrorCode::Io, info_.id,
                                  QStringLiteral("fake preview failure"));
            context.feedback(behaviour_->presentationReady ? TravelerFeedback::None
                                                           : TravelerFeedback::PlaceFinger);
            context.publish(image(), ppi());
            ++behaviour_->previewFrames;
            if (behaviour_->previewFramesPerCall > 0 && ++sent >= behaviour_->previewFramesPerCall)
                return;
            context.waitFor(std::chrono::milliseconds(behaviour_->previewIntervalMs.load()));
        }
    }

    cv::Mat capture(const CaptureSpec&, OperationContext& context) override {
        noteThread();
        behaviour_->inCapture = true;
        struct Reset {
            FakeBehaviour& b;
            ~Reset() { b.inCapture = false; }
        } reset{*behaviour_};
        while (!behaviour_->presentationReady) {
            context.feedback(TravelerFeedback::PlaceFinger);
            context.throwIfInterrupted();
            if (context.deadlinePassed())
                throw DeviceError(DeviceErrorCode::CaptureTimeout, info_.id,
                                  QStringLiteral("no finger was placed"));
            context.waitFor(std::chrono::milliseconds(5));
        }
        context.throwIfInterrupted();
        if (behaviour_->failCapture)
            throw DeviceError(behaviour_->captureError, info_.id,
                              QStringLiteral("fake capture failure"));
        return image();
    }

private:
    cv::Mat image() const { return cv::Mat(32, 24, CV_8UC1, cv::Scalar(128)); }
    void noteThread() {
        char name[32] = {};
        pthread_getname_np(pthread_self(), name, sizeof name);
        std::lock_guard lock(behaviour_->mutex);
        behaviour_->threadSeen = QString::fromUtf8(name);
    }

    DeviceInfo info_;
    std::shared_ptr<FakeBehaviour> behaviour_;
};

inline DeviceInfo fakeScannerInfo(const QString& id, Backend backend = Backend::Simulated,
                                  bool slap = false) {
    DeviceInfo info;
    info.id = id;
    info.backend = backend;
    info.modality = Modality::Fingerprint;
    info.model = QStringLiteral("Fake scanner");
    FingerprintCapabilities caps;
    caps.singleFinger = true;
    caps.fourFingerSlap = slap;
    caps.twoThumbs = slap;
    caps.ppi = 500;
    caps.imageSize = QSize(24, 32);
    caps.previewRateHz = 200;
    info.fingerprint = caps;
    return info;
}

inline DeviceInfo fakeIrisInfo(const QString& id, Backend backend = Backend::Simulated) {
    DeviceInfo info;
    info.id = id;
    info.backend = backend;
    info.modality = Modality::Iris;
    info.model = QStringLiteral("Fake iris camera");
    IrisCapabilities caps;
    caps.coverage = IrisCoverage::Both;
    caps.resolution = QSize(24, 32);
    info.iris = caps;
    return info;
}

/// A backend whose devices the test plugs and unplugs by hand.
class FakeBackend : public DeviceBackend {
public:
    explicit FakeBackend(Backend kind) : kind_(kind) {}

    Backend kind() const override { return kind_; }
    void start() override {
        started_ = true;
        for (const DeviceInfo& info : devices())
            Q_EMIT deviceArrived(info);
    }
    QList<DeviceInfo> devices() const override {
        std::lock_guard lock(mutex_);
        return present_;
    }

    void plug(const DeviceInfo& info) {
        {
            std::lock_guard lock(mutex_);
            present_.append(info);
        }
        if (started_)
            Q_EMIT deviceArrived(info);
    }
    void unplug(const QString& id) {
        {
            std::lock_guard lock(mutex_);
            present_.removeIf([&](const DeviceInfo& info) { return info.id == id; });
        }
        reportRemoval(id);
    }
    std::shared_ptr<FakeBehaviour> behaviour = std::make_shared<FakeBehaviour>();

protected:
    std::shared_ptr<Device> createDevice(const QString& id) override {
        for (const DeviceInfo& info : devices())
            if (info.id == id)
                return makeDevice(std::make_unique<FakeDriver>(info, behaviour));
        return nullptr;
    }

private:
    Backend kind_;
    bool started_ = false;
    mutable std::mutex mutex_;
    QList<DeviceInfo> present_;
};

} // namespace umbral::devices::testing
