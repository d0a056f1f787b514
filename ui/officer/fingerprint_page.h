#pragma once

#include "app/enrollment/capture/capture_session.h"
#include "app/enrollment/encounter_workflow.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;

namespace umbral::ui {

class CapturePanel;
class LivePreview;

/// The Fingerprints step: the presentations of the plan (left), the live preview with one box
/// per finger (centre), the quality of each finger with a number, a word, a symbol and a colour,
/// what to tell the traveler, and the capture buttons (right). Shows; the CaptureSession does.
class FingerprintPage : public QWidget {
    Q_OBJECT

public:
    FingerprintPage(int threshold, QWidget* parent = nullptr);
    void bind(enrollment::EncounterWorkflow* workflow);
    void connectSession(enrollment::CaptureSession* session);

    LivePreview* preview() const { return preview_; }
    CapturePanel* panel() const { return panel_; }
    /// Quality readings shown now, one line per finger (for tests).
    QStringList readingTexts() const;

Q_SIGNALS:
    void exceptionRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void showQuality(const enrollment::FingerFrameQuality& q);
    void showStored(const QStringList& kept, const QStringList& missing, bool automatic);
    void showDevice();
    void resetReadings();

    int threshold_;
    QPointer<enrollment::EncounterWorkflow> workflow_;
    QPointer<enrollment::CaptureSession> session_;
    QLabel* title_;
    QListWidget* impressions_;
    LivePreview* preview_;
    CapturePanel* panel_;
    std::vector<QLabel*> rows_;
    bool refreshing_ = false;
    bool stale_ = false; ///< changed while hidden: refreshed when shown
    int shownImpression_ = -1;
};

} // namespace umbral::ui
