#pragma once

#include "app/enrollment/capture/capture_session.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace umbral::ui {

class LivePreview;

/// The right-hand panel shared by the capture screens: what the traveler should do (large),
/// the auto-capture progress, the device's state, the last capture, and the buttons (capture
/// now, retry, exception) with their keys.
class CapturePanel : public QWidget {
    Q_OBJECT

public:
    explicit CapturePanel(const QString& deviceWord, QWidget* parent = nullptr);

    /// Rows of quality readings go here (the screen fills it).
    QVBoxLayout* readings() const { return readings_; }
    void setAdvice(const QString& text, bool good);
    void setProgress(int held, int needed, bool armed);
    void setDeviceStatus(enrollment::CaptureSession::DeviceStatus status,
                         const QString& deviceName);
    void setLastCapture(const QString& text);
    void setWarnings(const QString& text);
    QString adviceText() const;
    QString deviceStatusText() const;

Q_SIGNALS:
    void captureRequested();
    void retryRequested();
    void exceptionRequested();

private:
    QString deviceWord_;
    QVBoxLayout* readings_;
    QLabel* advice_;
    QLabel* progress_;
    QLabel* status_;
    QLabel* last_;
    QLabel* warnings_;
    QPushButton* capture_;
    QPushButton* retry_;
    QPushButton* exception_;
};

/// Shows the session's preview frames on `preview` and its auto-capture progress on `panel`
/// while the session's activity is `activity` (both capture screens share one session).
/// The connections live as long as `screen`.
void followSessionPreview(QObject* screen, enrollment::CaptureSession* session,
                          enrollment::CaptureSession::Activity activity, LivePreview* preview,
                          CapturePanel* panel);

} // namespace umbral::ui
