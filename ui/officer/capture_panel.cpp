#include "ui/officer/capture_panel.h"

#include "ui/officer/live_preview.h"
#include "ui/officer/ui_helpers.h"

#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace umbral::ui {

using Status = enrollment::CaptureSession::DeviceStatus;

CapturePanel::CapturePanel(const QString& deviceWord, QWidget* parent)
    : QWidget(parent), deviceWord_(deviceWord) {
    setMinimumWidth(320);
    setMaximumWidth(540);
    readings_ = new QVBoxLayout;
    readings_->setSpacing(4);
    advice_ = new QLabel(this);
    advice_->setObjectName(QStringLiteral("travelerAdvice"));
    advice_->setWordWrap(true);
    setScaledFont(advice_, 1.6, true);
    advice_->setMinimumHeight(70);
    advice_->setAccessibleName(tr("Tell the traveler"));
    progress_ = new QLabel(this);
    progress_->setObjectName(QStringLiteral("autoCaptureProgress"));
    setScaledFont(progress_, 1.1, false);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("deviceStatus"));
    status_->setWordWrap(true);
    setScaledFont(status_, 1.1, true);
    last_ = new QLabel(this);
    last_->setObjectName(QStringLiteral("lastCapture"));
    last_->setWordWrap(true);
    warnings_ = new QLabel(this);
    warnings_->setObjectName(QStringLiteral("captureWarnings"));
    warnings_->setWordWrap(true);
    warnings_->setStyleSheet(QStringLiteral("color: #9a5b00; font-weight: bold;"));
    capture_ = makeButton(tr("&Capture now"), QKeySequence(Qt::Key_F5), this);
    capture_->setObjectName(QStringLiteral("captureNow"));
    retry_ = makeButton(tr("&Retry"), QKeySequence(Qt::Key_F6), this);
    retry_->setObjectName(QStringLiteral("retryCapture"));
    exception_ = makeButton(tr("E&xception…"), QKeySequence(Qt::Key_F7), this);
    exception_->setObjectName(QStringLiteral("recordException"));
    connect(capture_, &QPushButton::clicked, this, &CapturePanel::captureRequested);
    connect(retry_, &QPushButton::clicked, this, &CapturePanel::retryRequested);
    connect(exception_, &QPushButton::clicked, this, &CapturePanel::exceptionRequested);

    auto* tell = new QLabel(tr("Tell the traveler:"), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addLayout(readings_);
    layout->addSpacing(8);
    layout->addWidget(tell);
    layout->addWidget(advice_);
    layout->addWidget(progress_);
    layout->addWidget(status_);
    layout->addWidget(last_);
    layout->addWidget(warnings_);
    layout->addStretch();
    layout->addWidget(capture_);
    layout->addWidget(retry_);
    layout->addWidget(exception_);
}

void CapturePanel::setAdvice(const QString& text, bool good) {
    advice_->setText((good ? QStringLiteral("\u2714 ") : QStringLiteral("\u27A4 ")) + text);
    const QString style =
        good ? QStringLiteral("color: #1b6e34;") : QStringLiteral("color: #1a1a1a;");
    if (advice_->styleSheet() != style)
        advice_->setStyleSheet(style);
}

QString CapturePanel::adviceText() const {
    return advice_->text();
}
QString CapturePanel::deviceStatusText() const {
    return status_->text();
}

void CapturePanel::setProgress(int held, int needed, bool armed) {
    if (!armed)
        progress_->setText(tr("Auto-capture paused: press F6 to capture this again"));
    else if (held <= 0)
        progress_->setText(tr("Auto-capture: waiting for good quality"));
    else
        progress_->setText(tr("Auto-capture: holding steady %1 of %2").arg(held).arg(needed));
}

void CapturePanel::setDeviceStatus(Status status, const QString& deviceName) {
    QString text;
    QString style = QStringLiteral("color: #1a1a1a;");
    switch (status) {
    case Status::Absent:
        text = tr("\u2716 No %1 connected. Connect one to capture.").arg(deviceWord_);
        style = QStringLiteral("color: #b01e1e;");
        break;
    case Status::Ready:
        text = tr("%1 ready").arg(deviceName);
        break;
    case Status::Previewing:
        text = tr("\u25CF Live: %1").arg(deviceName);
        break;
    case Status::Capturing:
        text = tr("\u25CF Capturing on %1 — hold still").arg(deviceName);
        break;
    case Status::Processing:
        text = tr("\u2026 Checking the capture");
        break;
    case Status::Removed:
        text = tr("\u2716 The %1 was DISCONNECTED. Everything captured so far is kept. Plug it in "
                  "again to "
                  "continue.")
                   .arg(deviceWord_);
        style = QStringLiteral("color: #b01e1e;");
        break;
    case Status::Failed:
        text = tr("\u2716 The %1 failed. Press F6 to try again.").arg(deviceWord_);
        style = QStringLiteral("color: #b01e1e;");
        break;
    }
    status_->setText(text);
    status_->setStyleSheet(style);
    const bool usable = status == Status::Previewing || status == Status::Ready;
    capture_->setEnabled(usable);
}

void CapturePanel::setLastCapture(const QString& text) {
    last_->setText(text);
}

void CapturePanel::setWarnings(const QString& text) {
    warnings_->setText(text);
    warnings_->setVisible(!text.isEmpty());
}

void followSessionPreview(QObject* screen, enrollment::CaptureSession* session,
                          enrollment::CaptureSession::Activity activity, LivePreview* preview,
                          CapturePanel* panel) {
    using enrollment::CaptureSession;
    const QPointer<CaptureSession> guarded(session);
    QObject::connect(session, &CaptureSession::previewReady, screen,
                     [guarded, activity, preview](const enrollment::PreviewImage& p) {
                         if (guarded && guarded->activity() == activity)
                             preview->showFrame(p);
                     });
    QObject::connect(session, &CaptureSession::autoCaptureProgress, screen,
                     [guarded, activity, panel](int held, int needed, bool armed) {
                         if (guarded && guarded->activity() == activity)
                             panel->setProgress(held, needed, armed);
                     });
}

} // namespace umbral::ui
