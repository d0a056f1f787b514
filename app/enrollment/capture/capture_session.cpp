#include "app/enrollment/capture/capture_session.h"

#include "app/core/thread_priority.h"
#include "app/enrollment/encounter_captures.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace umbral::enrollment {

namespace {

devices::CaptureSpec specFor(const PlannedImpression& p) {
    using devices::CaptureSpec;
    using devices::FingerprintImpression;
    constexpr auto timeout = std::chrono::seconds(15);
    switch (p.impression) {
    case FingerPosition::PlainRightFour:
        return CaptureSpec::fingerprint(FingerprintImpression::RightSlap, timeout);
    case FingerPosition::PlainLeftFour:
        return CaptureSpec::fingerprint(FingerprintImpression::LeftSlap, timeout);
    case FingerPosition::PlainThumbs:
        return CaptureSpec::fingerprint(FingerprintImpression::TwoThumbs, timeout);
    default:
        return CaptureSpec::singleFinger(p.impression, timeout);
    }
}

devices::CaptureSpec specFor(IrisSide eye) {
    return devices::CaptureSpec::iris(eye == IrisSide::Left ? devices::IrisEye::Left
                                                            : devices::IrisEye::Right,
                                      std::chrono::seconds(15));
}

} // namespace

CaptureSession::CaptureSession(devices::DeviceManager& devices, EnrollmentSettings settings,
                               SlapSegmenter segmenter, QObject* parent)
    : QObject(parent), devices_(devices), settings_(settings), segmenter_(std::move(segmenter)),
      worker_(std::make_unique<QualityWorker>(segmenter_)), pump_(std::make_unique<PreviewPump>()),
      duplicates_(std::make_shared<DuplicateFingerCheck>(settings.duplicateFingerScore)),
      policy_(settings.finger) {
    connect(worker_.get(), &QualityWorker::fingerFrameScored, this,
            &CaptureSession::onFingerScored);
    connect(worker_.get(), &QualityWorker::irisFrameScored, this, &CaptureSession::onIrisScored);
    connect(worker_.get(), &QualityWorker::fingerCaptureProcessed, this,
            &CaptureSession::onFingerProcessed);
    connect(worker_.get(), &QualityWorker::irisCaptureProcessed, this,
            &CaptureSession::onIrisProcessed);
    connect(pump_.get(), &PreviewPump::previewReady, this, [this](const PreviewImage& p) {
        if (p.watch == watch_ && activity_ != Activity::Idle)
            emit previewReady(p);
    });
    connect(&devices_, &devices::DeviceManager::deviceArrived, this,
            &CaptureSession::deviceArrived);
    connect(&devices_, &devices::DeviceManager::deviceRemoved, this,
            &CaptureSession::deviceRemoved);
    backgroundPool_.setMaxThreadCount(1);
    acquireScanner();
    acquireCamera();
}

CaptureSession::~CaptureSession() {
    stopDevices();
    backgroundPool_.waitForDone();
    // The threads go first: their mailbox notifiers are removed before the devices are released.
    worker_.reset();
    pump_.reset();
    if (scanner_)
        disconnect(scanner_.get(), nullptr, this, nullptr);
    if (camera_)
        disconnect(camera_.get(), nullptr, this, nullptr);
}

devices::DeviceRole CaptureSession::scannerRole() const {
    return canSegmentSlaps() ? devices::DeviceRole::FingerprintSlap
                             : devices::DeviceRole::FingerprintSingle;
}

CapturePlan CaptureSession::planForScanner() const {
    std::optional<devices::DeviceInfo> info = scannerInfo();
    if (!info) {
        info = devices_.pick(scannerRole());
        if (!info)
            info = devices_.pick(devices::DeviceRole::FingerprintSingle);
    }
    if (!info || !info->fingerprint)
        return {};
    const devices::FingerprintCapabilities& c = *info->fingerprint;
    // A slap scanner is used for slaps only when this build can segment them.
    return CapturePlan::forScanner({c.singleFinger || c.fourFingerSlap,
                                    c.fourFingerSlap && canSegmentSlaps(),
                                    c.twoThumbs && canSegmentSlaps()});
}

std::optional<devices::DeviceInfo> CaptureSession::scannerInfo() const {
    if (scanner_)
        return scanner_->info();
    return std::nullopt;
}

std::optional<devices::DeviceInfo> CaptureSession::irisCameraInfo() const {
    if (camera_)
        return camera_->info();
    return std::nullopt;
}

// ---- devices ---------------------------------------------------------------------------------

bool CaptureSession::acquireScanner() {
    if (scanner_)
        return true;
    std::optional<devices::DeviceInfo> info;
    if (!scannerId_.isEmpty()) {
        // During an encounter the station waits for the scanner it started with.
        info = devices_.find(scannerId_);
    } else {
        info = devices_.pick(scannerRole());
        if (!info)
            info = devices_.pick(devices::DeviceRole::FingerprintSingle);
    }
    if (!info) {
        setScannerStatus(scannerId_.isEmpty() ? DeviceStatus::Absent : DeviceStatus::Removed);
        return false;
    }
    scanner_ = devices_.fingerprintScanner(info->id);
    if (!scanner_) {
        setScannerStatus(DeviceStatus::Absent);
        return false;
    }
    if (workflow_)
        scannerId_ = info->id;
    connect(scanner_.get(), &devices::Device::captureCompleted, this,
            &CaptureSession::onCaptureCompleted);
    connect(scanner_.get(), &devices::Device::captureFailed, this,
            &CaptureSession::onCaptureFailed);
    connect(scanner_.get(), &devices::Device::errorOccurred, this,
            [this](const devices::DeviceError& e) {
                if (e.code() == devices::DeviceErrorCode::Removed)
                    return; // deviceRemoved says it
                capturePending_ = false;
                lastProblem_ =
                    tr("The fingerprint scanner reported a failure: %1").arg(e.message());
                setScannerStatus(DeviceStatus::Failed);
                emit problem(lastProblem_);
            });
    connect(scanner_.get(), &devices::Device::feedbackChanged, this,
            [this](devices::TravelerFeedback f) {
                if (activity_ != Activity::Fingerprints)
                    return;
                const auto a = adviceFrom(f);
                emit deviceAdvice(a.value_or(Advice::PlaceFinger), a.has_value());
            });
    setScannerStatus(DeviceStatus::Ready);
    if (workflow_)
        workflow_->setFingerPlan(planForScanner());
    return true;
}

bool CaptureSession::acquireCamera() {
    if (camera_)
        return true;
    const std::optional<devices::DeviceInfo> info =
        cameraId_.isEmpty() ? devices_.pick(devices::DeviceRole::Iris) : devices_.find(cameraId_);
    if (!info) {
        setIrisStatus(cameraId_.isEmpty() ? DeviceStatus::Absent : DeviceStatus::Removed);
        return false;
    }
    camera_ = devices_.irisCamera(info->id);
    if (!camera_) {
        setIrisStatus(DeviceStatus::Absent);
        return false;
    }
    if (workflow_)
        cameraId_ = info->id;
    connect(camera_.get(), &devices::Device::captureCompleted, this,
            &CaptureSession::onCaptureCompleted);
    connect(camera_.get(), &devices::Device::captureFailed, this, &CaptureSession::onCaptureFailed);
    connect(camera_.get(), &devices::Device::errorOccurred, this,
            [this](const devices::DeviceError& e) {
                if (e.code() == devices::DeviceErrorCode::Removed)
                    return;
                capturePending_ = false;
                lastProblem_ = tr("The iris camera reported a failure: %1").arg(e.message());
                setIrisStatus(DeviceStatus::Failed);
                emit problem(lastProblem_);
            });
    connect(camera_.get(), &devices::Device::feedbackChanged, this,
            [this](devices::TravelerFeedback f) {
                if (activity_ != Activity::Irises)
                    return;
                const auto a = adviceFrom(f);
                emit deviceAdvice(a.value_or(Advice::LookAtCamera), a.has_value());
            });
    setIrisStatus(DeviceStatus::Ready);
    return true;
}

void CaptureSession::releaseScanner(DeviceStatus status) {
    if (scanner_) {
        disconnect(scanner_.get(), nullptr, this, nullptr);
        if (status != DeviceStatus::Removed)
            scanner_->stop();
        scanner_.reset();
    }
    if (activity_ == Activity::Fingerprints) {
        worker_->stopWatching();
        pump_->watch(nullptr, ++watch_);
        capturePending_ = false;
    }
    setScannerStatus(status);
}

void CaptureSession::releaseCamera(DeviceStatus status) {
    if (camera_) {
        disconnect(camera_.get(), nullptr, this, nullptr);
        if (status != DeviceStatus::Removed)
            camera_->stop();
        camera_.reset();
    }
    if (activity_ == Activity::Irises) {
        worker_->stopWatching();
        pump_->watch(nullptr, ++watch_);
        capturePending_ = false;
    }
    setIrisStatus(status);
}

void CaptureSession::deviceRemoved(const QString& id) {
    if (scanner_ && scanner_->id() == id) {
        releaseScanner(DeviceStatus::Removed);
        if (!workflow_) {
            scannerId_.clear();
            acquireScanner();
        } else {
            lastProblem_ =
                tr("The fingerprint scanner was disconnected. Every finger captured so far is "
                   "kept. Plug the scanner in again to continue.");
            emit problem(lastProblem_);
        }
    }
    if (camera_ && camera_->id() == id) {
        releaseCamera(DeviceStatus::Removed);
        if (!workflow_) {
            cameraId_.clear();
            acquireCamera();
        } else {
            lastProblem_ =
                tr("The iris camera was disconnected. Every eye captured so far is kept. Plug "
                   "the camera in again to continue.");
            emit problem(lastProblem_);
        }
    }
    emit devicesChanged();
}

void CaptureSession::deviceArrived(const devices::DeviceInfo& info) {
    if (!scanner_ && info.modality == devices::Modality::Fingerprint && acquireScanner()) {
        if (activity_ == Activity::Fingerprints)
            beginFingerprints();
    }
    if (!camera_ && info.modality == devices::Modality::Iris && acquireCamera()) {
        if (activity_ == Activity::Irises)
            beginIris();
    }
    emit devicesChanged();
}

void CaptureSession::setScannerStatus(DeviceStatus s) {
    if (s == scannerStatus_)
        return;
    scannerStatus_ = s;
    emit devicesChanged();
}

void CaptureSession::setIrisStatus(DeviceStatus s) {
    if (s == irisStatus_)
        return;
    irisStatus_ = s;
    emit devicesChanged();
}

// ---- the workflow ------------------------------------------------------------------------------

void CaptureSession::attach(EncounterWorkflow* workflow) {
    if (workflow_)
        disconnect(workflow_, nullptr, this, nullptr);
    stopDevices();
    activity_ = Activity::Idle;
    workflow_ = workflow;
    scannerId_.clear();
    cameraId_.clear();
    if (!workflow)
        return;
    connect(workflow, &EncounterWorkflow::changed, this, &CaptureSession::syncWithWorkflow);
    if (scanner_ || acquireScanner()) {
        scannerId_ = scanner_->id();
        workflow->setFingerPlan(planForScanner());
    }
    if (camera_ || acquireCamera())
        cameraId_ = camera_->id();
}

void CaptureSession::setActivity(Activity activity) {
    if (activity == activity_)
        return;
    stopDevices();
    activity_ = activity;
    begin();
}

void CaptureSession::begin() {
    if (!workflow_)
        return;
    if (activity_ == Activity::Fingerprints)
        beginFingerprints();
    else if (activity_ == Activity::Irises)
        beginIris();
}

void CaptureSession::stopDevices() {
    worker_->stopWatching();
    pump_->watch(nullptr, ++watch_);
    if (scanner_)
        scanner_->stop();
    if (camera_)
        camera_->stop();
    activeImpression_ = -1;
    activePresented_.clear();
    activeEye_ = IrisSide::Undefined;
    if (scanner_)
        setScannerStatus(DeviceStatus::Ready);
    if (camera_)
        setIrisStatus(DeviceStatus::Ready);
}

void CaptureSession::syncWithWorkflow() {
    if (!workflow_ || capturePending_)
        return;
    if (activity_ == Activity::Fingerprints) {
        const int i = workflow_->currentImpression();
        if (i != activeImpression_ || workflow_->presentedFingers(i) != activePresented_)
            beginFingerprints();
    } else if (activity_ == Activity::Irises) {
        if (workflow_->currentIris() != activeEye_)
            beginIris();
    }
}

void CaptureSession::beginFingerprints() {
    if (!workflow_ || (!scanner_ && !acquireScanner()))
        return;
    const CapturePlan& plan = workflow_->fingerPlan();
    if (plan.isEmpty())
        return;
    const int i = workflow_->currentImpression();
    activeImpression_ = i;
    activePresented_ = workflow_->presentedFingers(i);
    ++watch_;
    capturePending_ = false;
    policy_.setSettings(settings_.finger);
    policy_.restart();
    autoArmed_ = !workflow_->openFingers(i).empty();
    activeSpec_ = specFor(plan.at(i));
    if (activePresented_.empty()) {
        // Every finger of this presentation is an exception: nothing to show or capture.
        worker_->stopWatching();
        pump_->watch(nullptr, watch_);
        scanner_->stop();
        setScannerStatus(DeviceStatus::Ready);
        return;
    }
    pump_->watch(scanner_->subscribe(1), watch_);
    worker_->watchFingers(scanner_->subscribe(1), plan.at(i), activePresented_, watch_);
    scanner_->startPreview(activeSpec_);
    setScannerStatus(DeviceStatus::Previewing);
    emit autoCaptureProgress(0, policy_.settings().framesHeld, autoArmed_);
}

void CaptureSession::beginIris() {
    if (!workflow_ || (!camera_ && !acquireCamera()))
        return;
    activeEye_ = workflow_->currentIris();
    ++watch_;
    capturePending_ = false;
    policy_.setSettings(settings_.iris);
    policy_.restart();
    autoArmed_ = !workflow_->captures().isDone(slotKey(activeEye_));
    activeSpec_ = specFor(activeEye_);
    if (workflow_->captures().slot(slotKey(activeEye_)).hasException()) {
        worker_->stopWatching();
        pump_->watch(nullptr, watch_);
        camera_->stop();
        setIrisStatus(DeviceStatus::Ready);
        return;
    }
    pump_->watch(camera_->subscribe(1), watch_);
    worker_->watchIris(camera_->subscribe(1), activeEye_, watch_);
    camera_->startPreview(activeSpec_);
    setIrisStatus(DeviceStatus::Previewing);
    emit autoCaptureProgress(0, policy_.settings().framesHeld, autoArmed_);
}

void CaptureSession::setPreviewFit(int width, int height) {
    pump_->setFit(cv::Size(width, height));
}

// ---- capture -----------------------------------------------------------------------------------

void CaptureSession::captureNow() {
    requestCapture(false);
}

void CaptureSession::retry() {
    if (!workflow_)
        return;
    if (activity_ == Activity::Fingerprints &&
        (scannerStatus_ == DeviceStatus::Failed || activeImpression_ < 0)) {
        beginFingerprints(); // stop() and a new preview reopen a device in Error
        autoArmed_ = true;
        return;
    }
    if (activity_ == Activity::Irises &&
        (irisStatus_ == DeviceStatus::Failed || activeEye_ == IrisSide::Undefined)) {
        beginIris();
        autoArmed_ = true;
        return;
    }
    policy_.restart();
    autoArmed_ = true;
    emit autoCaptureProgress(0, policy_.settings().framesHeld, autoArmed_);
}

void CaptureSession::requestCapture(bool automatic) {
    if (capturePending_ || !workflow_)
        return;
    if (activity_ == Activity::Fingerprints) {
        if (!scanner_ || activePresented_.empty() || activeImpression_ < 0)
            return;
        capturePending_ = true;
        captureAutomatic_ = automatic;
        policy_.requireLift();
        scanner_->capture(activeSpec_);
        setScannerStatus(DeviceStatus::Capturing);
    } else if (activity_ == Activity::Irises) {
        if (!camera_ || activeEye_ == IrisSide::Undefined)
            return;
        capturePending_ = true;
        captureAutomatic_ = automatic;
        policy_.requireLift();
        camera_->capture(activeSpec_);
        setIrisStatus(DeviceStatus::Capturing);
    }
}

void CaptureSession::onFingerScored(const FingerFrameQuality& q) {
    if (q.watch != watch_ || activity_ != Activity::Fingerprints)
        return;
    emit fingerQuality(q);
    if (capturePending_)
        return;
    const auto d = policy_.observe(q.scores());
    if (d.verdict == AutoCapturePolicy::Verdict::Ignored)
        return;
    emit autoCaptureProgress(d.held, policy_.settings().framesHeld, autoArmed_);
    if (d.verdict == AutoCapturePolicy::Verdict::Capture && autoArmed_)
        requestCapture(true);
}

void CaptureSession::onIrisScored(const IrisFrameQuality& q) {
    if (q.watch != watch_ || activity_ != Activity::Irises)
        return;
    emit irisQuality(q);
    if (capturePending_)
        return;
    const auto d = policy_.observe(q.scores());
    if (d.verdict == AutoCapturePolicy::Verdict::Ignored)
        return;
    emit autoCaptureProgress(d.held, policy_.settings().framesHeld, autoArmed_);
    if (d.verdict == AutoCapturePolicy::Verdict::Capture && autoArmed_)
        requestCapture(true);
}

void CaptureSession::onCaptureCompleted(const devices::Frame& frame) {
    if (!capturePending_ || !workflow_)
        return;
    if (sender() == scanner_.get() && activeImpression_ >= 0) {
        worker_->processFingers(frame, workflow_->fingerPlan().at(activeImpression_),
                                activePresented_, watch_);
        setScannerStatus(DeviceStatus::Processing);
    } else if (sender() == camera_.get() && activeEye_ != IrisSide::Undefined) {
        worker_->processIris(frame, activeEye_, watch_);
        setIrisStatus(DeviceStatus::Processing);
    }
}

void CaptureSession::onCaptureFailed(const devices::DeviceError& error) {
    if (!capturePending_)
        return;
    capturePending_ = false;
    policy_.restart();
    lastProblem_ = error.code() == devices::DeviceErrorCode::CaptureTimeout
                       ? tr("Nothing was presented in time. Ask the traveler to present again.")
                       : tr("The capture failed: %1").arg(error.message());
    if (sender() == scanner_.get())
        setScannerStatus(scanner_ ? DeviceStatus::Previewing : DeviceStatus::Removed);
    else if (sender() == camera_.get())
        setIrisStatus(camera_ ? DeviceStatus::Previewing : DeviceStatus::Removed);
    emit problem(lastProblem_);
}

void CaptureSession::onFingerProcessed(const FingerCaptureOutcome& outcome) {
    capturePending_ = false;
    setScannerStatus(
        scanner_
            ? (activity_ == Activity::Fingerprints ? DeviceStatus::Previewing : DeviceStatus::Ready)
            : (scannerId_.isEmpty() ? DeviceStatus::Absent : DeviceStatus::Removed));
    if (!workflow_)
        return;
    if (!outcome.error.isEmpty()) {
        lastProblem_ = tr("The capture could not be used: %1").arg(outcome.error);
        emit problem(lastProblem_);
        policy_.restart();
        return;
    }
    // Hands swapped: the warning stands for this slap until a capture of it shows the right hand.
    const QString slapSlot = slotKey(outcome.impression);
    std::vector<CaptureWarning> swapped;
    for (const CaptureWarning& w : workflow_->warnings())
        if (w.kind == CaptureWarning::Kind::HandsSwapped && !w.slotKeys.contains(slapSlot))
            swapped.push_back(w);
    if (!outcome.handMatches && isSlap(outcome.impression))
        swapped.push_back({CaptureWarning::Kind::HandsSwapped, {slapSlot}});

    const int impressionBefore = workflow_->currentImpression();
    std::vector<QString> kept;
    if (!outcome.captures.empty())
        kept = workflow_->offerFingerprints(outcome.captures); // may move to the next presentation
    workflow_->setWarnings(CaptureWarning::Kind::HandsSwapped, swapped);
    if (workflow_->currentImpression() == impressionBefore && activeImpression_ == impressionBefore)
        autoArmed_ = !workflow_->openFingers(impressionBefore).empty();
    QStringList keptList, missingList;
    for (const QString& k : kept)
        keptList << k;
    for (FingerPosition f : outcome.missing)
        missingList << slotKey(f);
    emit captureStored(keptList, missingList, captureAutomatic_);
    runDuplicateCheck();
}

void CaptureSession::onIrisProcessed(const IrisCaptureOutcome& outcome) {
    capturePending_ = false;
    setIrisStatus(
        camera_ ? (activity_ == Activity::Irises ? DeviceStatus::Previewing : DeviceStatus::Ready)
                : (cameraId_.isEmpty() ? DeviceStatus::Absent : DeviceStatus::Removed));
    if (!workflow_)
        return;
    if (!outcome.capture) {
        lastProblem_ = tr("The capture could not be used: %1").arg(outcome.error);
        emit problem(lastProblem_);
        policy_.restart();
        return;
    }
    const IrisSide eye = outcome.capture->iris;
    const auto kept = workflow_->offerIrises({*outcome.capture}); // may move to the other eye
    if (workflow_->currentIris() == eye)
        autoArmed_ = !workflow_->captures().isDone(slotKey(eye));
    QStringList keptList;
    for (const QString& k : kept)
        keptList << k;
    emit captureStored(keptList, {}, captureAutomatic_);
}

void CaptureSession::runDuplicateCheck() {
    if (!workflow_)
        return;
    std::vector<Capture> fingers;
    for (const Capture& c : workflow_->captures().toCaptures())
        if (c.modality == Modality::Finger && isSingleFinger(c.finger) && !c.isException())
            fingers.push_back(c);
    if (fingers.size() < 2)
        return;
    const quint64 run = ++duplicateRun_;
    auto* watcher = new QFutureWatcher<std::vector<CaptureWarning>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, run, w = workflow_] {
        watcher->deleteLater();
        // Only the newest check counts, and only for the workflow it was made for.
        if (run != duplicateRun_ || !w || w != workflow_)
            return;
        w->setWarnings(CaptureWarning::Kind::SameFingerTwice, watcher->result());
    });
    // On its own low-priority thread: a check that takes a second never competes with the UI.
    watcher->setFuture(QtConcurrent::run(&backgroundPool_, [check = duplicates_, fingers] {
        lowerCurrentThreadPriority(10);
        return check->check(fingers);
    }));
}

} // namespace umbral::enrollment
