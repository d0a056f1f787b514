#pragma once

#include "app/enrollment/capture/capture_session.h"
#include "app/enrollment/encounter_workflow.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QTableWidget;

namespace umbral::ui {

class CapturePanel;
class LivePreview;

/// The Irises step: the two eyes (left), the live preview with the segmentation drawn (pupil,
/// limbus, eyelids), and the ISO/IEC 29794-6 metrics with pass or fail, the overall score and
/// what to tell the traveler (right).
class IrisPage : public QWidget {
    Q_OBJECT

public:
    IrisPage(int threshold, QWidget* parent = nullptr);
    void bind(enrollment::EncounterWorkflow* workflow);
    void connectSession(enrollment::CaptureSession* session);
    LivePreview* preview() const { return preview_; }
    CapturePanel* panel() const { return panel_; }

Q_SIGNALS:
    void exceptionRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void showQuality(const enrollment::IrisFrameQuality& q);
    void showDevice();

    int threshold_;
    QPointer<enrollment::EncounterWorkflow> workflow_;
    QPointer<enrollment::CaptureSession> session_;
    QLabel* title_;
    QListWidget* eyes_;
    LivePreview* preview_;
    CapturePanel* panel_;
    QLabel* overall_;
    QTableWidget* metrics_;
    bool refreshing_ = false;
    bool stale_ = false; ///< changed while hidden: refreshed when shown
};

} // namespace umbral::ui
