#pragma once

#include "app/enrollment/auto_capture_policy.h"
#include "app/enrollment/capture/duplicate_finger_check.h"
#include "app/enrollment/capture/frame_scoring.h"
#include "app/enrollment/capture/preview_pump.h"
#include "app/enrollment/capture/quality_worker.h"
#include "app/enrollment/encounter_workflow.h"
#include "app/enrollment/enrollment_settings.h"
#include "devices/api/device.h"
#include "devices/api/device_manager.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QThreadPool>
#include <memory>
#include <optional>

namespace umbral::enrollment {

/// The live capture of an encounter, without widgets. It chooses the fingerprint scanner and
/// the iris camera, runs the preview of whatever the workflow's current presentation is, has
/// the newest frame scored on the quality worker, applies the auto-capture policy, asks the
/// device for the capture, has it processed off the UI thread, and hands the captures to the
/// workflow (which keeps the best per slot). It follows devices arriving and leaving: a device
/// unplugged during capture is reported, what was captured stays, and capture resumes when the
/// same device is plugged in again.
///
/// Lives on the UI thread and never blocks it: device calls return at once, scoring and
/// processing run on the quality worker, the preview is scaled on the preview pump, and the
/// duplicate-finger check runs on the thread pool.
class CaptureSession : public QObject {
    Q_OBJECT

public:
    enum class Activity { Idle, Fingerprints, Irises };
    /// What a device of the session is doing, as the screen tells it.
    enum class DeviceStatus {
        Absent,     ///< no device able to do the job is connected
        Ready,      ///< chosen, not previewing
        Previewing, ///< live preview running
        Capturing,  ///< the device is taking the capture
        Processing, ///< the capture is being assessed
        Removed,    ///< the device in use was unplugged: waiting for it to come back
        Failed      ///< the device reported a failure (see lastProblem())
    };

    CaptureSession(devices::DeviceManager& devices, EnrollmentSettings settings,
                   SlapSegmenter segmenter, QObject* parent = nullptr);
    ~CaptureSession() override;

    /// The plan the scanner the session would use now supports (single fingers when this build
    /// cannot segment slaps); an empty plan without a scanner.
    CapturePlan planForScanner() const;

    /// The workflow whose captures this session takes (nullptr: none; capture stops).
    void attach(EncounterWorkflow* workflow);
    EncounterWorkflow* workflow() const { return workflow_; }
    /// What to capture now: fingerprints or irises of the workflow's current presentation.
    void setActivity(Activity activity);
    Activity activity() const { return activity_; }

    /// The officer captures now (whatever the quality).
    void captureNow();
    /// The officer asks for another attempt at the current presentation (auto-capture arms).
    void retry();
    /// Largest preview image the screen wants.
    void setPreviewFit(int width, int height);

    std::optional<devices::DeviceInfo> scannerInfo() const;
    std::optional<devices::DeviceInfo> irisCameraInfo() const;
    DeviceStatus scannerStatus() const { return scannerStatus_; }
    DeviceStatus irisStatus() const { return irisStatus_; }
    QString lastProblem() const { return lastProblem_; }
    bool isAutoArmed() const { return autoArmed_; }
    const AutoCapturePolicy& policy() const { return policy_; }
    QualityWorker& qualityWorker() { return *worker_; }
    devices::DeviceManager& deviceManager() { return devices_; }

Q_SIGNALS:
    void previewReady(const umbral::enrollment::PreviewImage& image);
    void fingerQuality(const umbral::enrollment::FingerFrameQuality& quality);
    void irisQuality(const umbral::enrollment::IrisFrameQuality& quality);
    /// Auto-capture progress: `held` of `needed` frames above the threshold.
    void autoCaptureProgress(int held, int needed, bool armed);
    /// Device chosen, lost, back, or its status changed.
    void devicesChanged();
    /// What the device asks of the traveler (hasAdvice false: nothing).
    void deviceAdvice(umbral::enrollment::Advice advice, bool hasAdvice);
    /// A capture was stored in the workflow: the slots whose kept capture changed, and the
    /// slots the capture should have shown but did not.
    void captureStored(const QStringList& kept, const QStringList& missing, bool automatic);
    /// Something the officer must know (device failure, capture timeout, removal).
    void problem(const QString& message);

private:
    using Scanner = devices::FingerprintScanner;
    using Camera = devices::IrisCamera;

    void deviceArrived(const devices::DeviceInfo& info);
    void deviceRemoved(const QString& id);
    bool acquireScanner();
    bool acquireCamera();
    void releaseScanner(DeviceStatus status);
    void releaseCamera(DeviceStatus status);
    void syncWithWorkflow();
    void begin();
    void beginFingerprints();
    void beginIris();
    void stopDevices();
    void requestCapture(bool automatic);
    void onFingerScored(const FingerFrameQuality& q);
    void onIrisScored(const IrisFrameQuality& q);
    void onFingerProcessed(const FingerCaptureOutcome& outcome);
    void onIrisProcessed(const IrisCaptureOutcome& outcome);
    void onCaptureCompleted(const devices::Frame& frame);
    void onCaptureFailed(const devices::DeviceError& error);
    void runDuplicateCheck();
    void setScannerStatus(DeviceStatus s);
    void setIrisStatus(DeviceStatus s);
    bool canSegmentSlaps() const { return bool(segmenter_); }
    devices::DeviceRole scannerRole() const;

    devices::DeviceManager& devices_;
    EnrollmentSettings settings_;
    SlapSegmenter segmenter_;
    std::unique_ptr<QualityWorker> worker_;
    std::unique_ptr<PreviewPump> pump_;
    std::shared_ptr<DuplicateFingerCheck> duplicates_;
    QPointer<EncounterWorkflow> workflow_;
    Activity activity_ = Activity::Idle;

    std::shared_ptr<Scanner> scanner_;
    QString scannerId_; ///< sticky while a workflow is attached
    std::shared_ptr<Camera> camera_;
    QString cameraId_;
    DeviceStatus scannerStatus_ = DeviceStatus::Absent;
    DeviceStatus irisStatus_ = DeviceStatus::Absent;

    quint64 watch_ = 0;
    int activeImpression_ = -1;
    std::vector<FingerPosition> activePresented_;
    IrisSide activeEye_ = IrisSide::Undefined;
    devices::CaptureSpec activeSpec_;
    AutoCapturePolicy policy_;
    bool autoArmed_ = false;
    bool capturePending_ = false;
    bool captureAutomatic_ = false;
    QString lastProblem_;
    quint64 duplicateRun_ = 0;
    QThreadPool backgroundPool_; ///< the duplicate-finger check (one thread, low priority)
};

} // namespace umbral::enrollment
