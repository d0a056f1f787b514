#pragma once

#include "app/core/user.h"
#include "app/enrollment/capture/capture_session.h"
#include "app/enrollment/encounter_workflow.h"
#include "app/enrollment/enrollment_settings.h"
#include "app/enrollment/station_writer.h"

#include <QDate>
#include <QWidget>
#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace umbral::devices {
class DeviceManager;
class SimulatedBackend;
} // namespace umbral::devices

namespace umbral::ui {

class DemoPanel;
class DeviceStrip;
class DocumentPage;
class FingerprintPage;
class IrisPage;
class ResultPage;
class ReviewPage;
class StepIndicator;

/// What the officer's workspace works with; owned by the application.
struct OfficerEnvironment {
    devices::DeviceManager* devices = nullptr;
    enrollment::StationWriter* writer = nullptr;
    enrollment::EnrollmentSettings settings;
    enrollment::SlapSegmenter segmenter;
    QString lane;
    devices::SimulatedBackend* demoBackend = nullptr; ///< demo mode only: the demo control panel
    std::function<QDate()> today = [] { return QDate::currentDate(); };
};

/// The officer's workspace: one encounter at a time, step by step (document, fingerprints,
/// irises, review, submit, result), with the live capture, the device status strip and, in demo
/// mode, the demo control panel. On sign-in it looks for a saved encounter and offers to resume
/// it; every change is saved as a sealed draft (off the UI thread).
///
/// Keys: Alt+1..Alt+4 open a step, Page Down / Alt+N next, Page Up / Alt+B back, F5 capture
/// now, F6 retry, F7 exception, F8 next presentation, Ctrl+Enter submit / acknowledge, Ctrl+N
/// next traveler, F12 demo panel, F1 the list of keys.
class OfficerWorkspace : public QWidget {
    Q_OBJECT

public:
    OfficerWorkspace(const Actor& actor, OfficerEnvironment env, QWidget* parent = nullptr);
    ~OfficerWorkspace() override;

    enrollment::EncounterWorkflow* workflow() const { return workflow_.get(); }
    enrollment::CaptureSession* session() const { return session_.get(); }
    DocumentPage* documentPage() const { return document_; }
    FingerprintPage* fingerprintPage() const { return fingerprints_; }
    IrisPage* irisPage() const { return irises_; }
    ReviewPage* reviewPage() const { return review_; }
    ResultPage* resultPage() const { return result_; }
    DemoPanel* demoPanel() const { return demo_; }
    DeviceStrip* deviceStrip() const { return strip_; }
    StepIndicator* stepIndicator() const { return steps_; }
    /// The resume question is on screen.
    bool isOfferingResume() const;
    /// Stops live capture while the station is locked; resumes it after.
    void setPaused(bool paused);
    /// The keys, one per line (F1).
    static QString keyHelp();

Q_SIGNALS:
    /// The result is shown full screen (true) or the workspace is back (false).
    void fullScreenChanged(bool fullScreen);
    /// A message for the officer that is not tied to a step (storage failure).
    void notice(const QString& text);
    /// A saved encounter was found and the question to resume it is on screen.
    void resumeOffered();

public Q_SLOTS:
    void resumeDraft();
    void discardDraft();
    void startNewEncounter();

private:
    void adopt(std::unique_ptr<enrollment::EncounterWorkflow> workflow);
    void showStep();
    void updateNavigation();
    void workflowChanged();
    void submit();
    void openException();
    void openSlot(const QString& slotKey);
    void draftFound(qint64 userId, const QByteArray& draft);
    void submitted(const enrollment::SubmissionResult& result);
    void submitFailed(const QString& encounterId, const QString& reason);
    void toggleDemo();
    void showKeys();

    Actor actor_;
    OfficerEnvironment env_;
    std::unique_ptr<enrollment::CaptureSession> session_;
    std::unique_ptr<enrollment::EncounterWorkflow> workflow_;
    QByteArray pendingDraft_;
    bool paused_ = false;

    StepIndicator* steps_;
    QStackedWidget* pages_;
    QWidget* waiting_;
    QWidget* resume_;
    QLabel* resumeText_;
    DocumentPage* document_;
    FingerprintPage* fingerprints_;
    IrisPage* irises_;
    ReviewPage* review_;
    QWidget* submitting_;
    ResultPage* result_;
    QWidget* navigation_;
    QPushButton* back_;
    QPushButton* next_;
    QLabel* navHint_;
    DeviceStrip* strip_;
    DemoPanel* demo_ = nullptr;
    bool demoShown_ = true;
};

} // namespace umbral::ui
