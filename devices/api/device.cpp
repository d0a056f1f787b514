#include "devices/api/device.h"

#include "devices/api/device_driver.h"
#include "devices/api/device_engine.h"

namespace umbral::devices {

namespace {

void registerMetaTypes() {
    static const bool registered = [] {
        qRegisterMetaType<DeviceState>();
        qRegisterMetaType<TravelerFeedback>();
        qRegisterMetaType<DeviceError>();
        qRegisterMetaType<DeviceInfo>();
        qRegisterMetaType<Frame>();
        qRegisterMetaType<CaptureSpec>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace

Device::Device(std::unique_ptr<DeviceDriver> driver, QObject* parent) : QObject(parent) {
    registerMetaTypes();
    engine_ = std::make_unique<DeviceEngine>(*this, std::move(driver));
}

Device::~Device() {
    // Stops the device thread (interrupting whatever runs) and closes the hardware before the
    // QObject goes; signals still queued for this object are dropped with it.
    engine_.reset();
}

DeviceInfo Device::info() const {
    return engine_->info();
}
QString Device::id() const {
    return engine_->info().id;
}
Modality Device::modality() const {
    return engine_->info().modality;
}
DeviceState Device::state() const {
    return engine_->state();
}
std::optional<DeviceError> Device::lastError() const {
    return engine_->lastError();
}
QString Device::threadName() const {
    return engine_->threadName();
}

void Device::open() {
    engine_->requestOpen();
}
void Device::startPreview() {
    engine_->requestPreview(modality() == Modality::Iris
                                ? CaptureSpec::iris(IrisEye::Left)
                                : CaptureSpec::fingerprint(FingerprintImpression::SingleFinger));
}
void Device::startPreview(const CaptureSpec& expected) {
    engine_->requestPreview(expected);
}
void Device::stop() {
    engine_->requestStop();
}
void Device::close() {
    engine_->requestClose();
}
void Device::capture(const CaptureSpec& request) {
    engine_->requestCapture(request);
}

std::shared_ptr<FrameMailbox> Device::subscribe(std::size_t capacity) {
    return engine_->subscribe(capacity);
}

void Device::markRemoved() {
    engine_->markRemoved();
}
bool Device::isRemoved() const {
    return engine_->isRemoved();
}

FingerprintScanner::FingerprintScanner(std::unique_ptr<DeviceDriver> driver, QObject* parent)
    : Device(std::move(driver), parent) {}

FingerprintCapabilities FingerprintScanner::capabilities() const {
    return info().fingerprint.value_or(FingerprintCapabilities{});
}

void FingerprintScanner::captureFingers(FingerprintImpression what,
                                        std::chrono::milliseconds timeout) {
    capture(CaptureSpec::fingerprint(what, timeout));
}

IrisCamera::IrisCamera(std::unique_ptr<DeviceDriver> driver, QObject* parent)
    : Device(std::move(driver), parent) {}

IrisCapabilities IrisCamera::capabilities() const {
    return info().iris.value_or(IrisCapabilities{});
}

void IrisCamera::captureIris(IrisEye which, std::chrono::milliseconds timeout) {
    capture(CaptureSpec::iris(which, timeout));
}

std::shared_ptr<Device> makeDevice(std::unique_ptr<DeviceDriver> driver) {
    if (driver->describe().modality == Modality::Iris)
        return std::make_shared<IrisCamera>(std::move(driver));
    return std::make_shared<FingerprintScanner>(std::move(driver));
}

} // namespace umbral::devices
