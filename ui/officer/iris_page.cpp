#include "ui/officer/iris_page.h"

#include "app/enrollment/encounter_captures.h"
#include "ui/officer/capture_panel.h"
#include "ui/officer/labels.h"
#include "ui/officer/live_preview.h"
#include "ui/officer/ui_helpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace umbral::ui {

using enrollment::CaptureSession;

IrisPage::IrisPage(int threshold, QWidget* parent) : QWidget(parent), threshold_(threshold) {
    setObjectName(QStringLiteral("irisPage"));
    title_ = makeHeading(QString(), this, 1.5);
    eyes_ = new QListWidget(this);
    eyes_->setObjectName(QStringLiteral("eyeList"));
    eyes_->setMaximumWidth(300);
    eyes_->setMinimumWidth(230);
    setScaledFont(eyes_, 1.05);
    eyes_->addItem(QString());
    eyes_->addItem(QString());
    preview_ = new LivePreview(this);
    panel_ = new CapturePanel(tr("iris camera"), this);
    overall_ = new QLabel(this);
    overall_->setObjectName(QStringLiteral("irisOverall"));
    setScaledFont(overall_, 1.3, true);
    overall_->setMinimumHeight(34);
    metrics_ = new QTableWidget(12, 3, this);
    metrics_->setObjectName(QStringLiteral("irisMetrics"));
    metrics_->setHorizontalHeaderLabels({tr("ISO/IEC 29794-6 metric"), tr("Value"), tr("Result")});
    metrics_->verticalHeader()->hide();
    metrics_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    metrics_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    metrics_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    metrics_->setWordWrap(false);
    panel_->setMinimumWidth(470);
    metrics_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    metrics_->setFocusPolicy(Qt::StrongFocus);
    // It scrolls, and grows when there is room: a taller minimum pushed "Tell the traveler"
    // under it on a 1536x900 window.
    metrics_->setMinimumHeight(150);
    metrics_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    panel_->readings()->addWidget(overall_);
    panel_->readings()->addWidget(metrics_);

    auto* listLabel = new QLabel(tr("&Eyes (F8 other eye):"), this);
    listLabel->setBuddy(eyes_);
    auto* left = new QVBoxLayout;
    left->addWidget(listLabel);
    left->addWidget(eyes_, 1);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addWidget(preview_, 1);
    columns->addWidget(panel_);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(title_);
    outer->addLayout(columns, 1);

    connect(eyes_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!refreshing_ && workflow_ && row >= 0)
            workflow_->selectIris(row == 0 ? IrisSide::Right : IrisSide::Left);
    });
    auto* other = new QShortcut(QKeySequence(Qt::Key_F8), this);
    other->setContext(Qt::WidgetWithChildrenShortcut);
    connect(other, &QShortcut::activated, this, [this] {
        if (workflow_)
            workflow_->selectIris(workflow_->currentIris() == IrisSide::Right ? IrisSide::Left
                                                                              : IrisSide::Right);
    });
    connect(panel_, &CapturePanel::exceptionRequested, this, &IrisPage::exceptionRequested);
}

void IrisPage::bind(enrollment::EncounterWorkflow* workflow) {
    if (workflow_)
        disconnect(workflow_, nullptr, this, nullptr);
    workflow_ = workflow;
    if (workflow)
        connect(workflow, &enrollment::EncounterWorkflow::changed, this, &IrisPage::refresh);
    preview_->clear();
    panel_->setLastCapture(QString());
    refresh();
}

void IrisPage::connectSession(CaptureSession* session) {
    session_ = session;
    followSessionPreview(this, session, CaptureSession::Activity::Irises, preview_, panel_);
    connect(session, &CaptureSession::irisQuality, this, &IrisPage::showQuality);
    connect(session, &CaptureSession::devicesChanged, this, &IrisPage::showDevice);
    connect(session, &CaptureSession::captureStored, this,
            [this](const QStringList& kept, const QStringList&, bool automatic) {
                if (!workflow_)
                    return;
                for (const QString& k : kept)
                    if (k.startsWith(QLatin1String("iris:")) && workflow_->captures().slot(k).best)
                        panel_->setLastCapture(
                            (automatic ? tr("\u2714 Captured automatically: %1 %2")
                                       : tr("\u2714 Captured: %1 %2"))
                                .arg(slotName(k),
                                     qualityLabel(workflow_->captures().slot(k).best->quality,
                                                  threshold_)));
            });
    connect(preview_, &LivePreview::displaySizeChanged, session, &CaptureSession::setPreviewFit);
    session->setPreviewFit(preview_->width() - 8, preview_->height() - 8);
    connect(panel_, &CapturePanel::captureRequested, session, &CaptureSession::captureNow);
    connect(panel_, &CapturePanel::retryRequested, session, &CaptureSession::retry);
    showDevice();
}

void IrisPage::showDevice() {
    if (!session_)
        return;
    const auto info = session_->irisCameraInfo();
    panel_->setDeviceStatus(session_->irisStatus(), info ? info->model : QString());
    if (session_->irisStatus() == CaptureSession::DeviceStatus::Removed) {
        preview_->clear();
        preview_->setMessage(tr("Iris camera disconnected.\nThe eyes captured so far are "
                                "kept.\nPlug it in again to continue."));
    } else if (session_->irisStatus() == CaptureSession::DeviceStatus::Absent) {
        preview_->clear();
        preview_->setMessage(tr("No iris camera connected."));
    } else {
        preview_->setMessage(QString());
    }
}

void IrisPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_)
        refresh();
}

// Only the page on screen follows every change at once; the others catch up when shown.
void IrisPage::refresh() {
    if (!isVisible()) {
        stale_ = true;
        return;
    }
    stale_ = false;
    if (!workflow_)
        return;
    refreshing_ = true;
    int row = 0;
    for (IrisSide eye : {IrisSide::Right, IrisSide::Left}) {
        const auto& s = workflow_->captures().slot(enrollment::slotKey(eye));
        QString state;
        if (s.hasException())
            state = exceptionName(s.exception);
        else if (s.best)
            state = qualityLabel(s.best->quality, threshold_);
        else
            state = tr("not captured yet");
        eyes_->item(row++)->setText(
            QStringLiteral("%1  %2\n      %3")
                .arg(s.isDone() ? QStringLiteral("\u2714") : QStringLiteral("\u25CB"),
                     irisName(eye), state));
    }
    eyes_->setCurrentRow(workflow_->currentIris() == IrisSide::Right ? 0 : 1);
    title_->setText(tr("Irises — %1").arg(irisName(workflow_->currentIris())));
    refreshing_ = false;
}

void IrisPage::showQuality(const enrollment::IrisFrameQuality& q) {
    if (!session_ || session_->activity() != CaptureSession::Activity::Irises)
        return;
    preview_->setIrisOverlay(q, threshold_);
    const std::optional<int> score = q.assessed ? std::optional<int>(q.score) : std::nullopt;
    const QualityLevel level =
        q.assessed && !q.acceptable ? QualityLevel::Poor : qualityLevel(score, threshold_);
    overall_->setText(tr("Overall %1").arg(qualityLabel(score, threshold_)) +
                      (q.assessed && !q.acceptable ? tr(" — a metric fails") : QString()));
    const QString style = QStringLiteral("color: white; background: %1; padding: 2px 6px;")
                              .arg(qualityColour(level).name());
    if (overall_->styleSheet() != style)
        overall_->setStyleSheet(style);
    for (int i = 0; i < 12; ++i) {
        auto set = [&](int col, const QString& text, const QColor& colour = QColor()) {
            QTableWidgetItem* item = metrics_->item(i, col);
            if (!item) {
                item = new QTableWidgetItem;
                metrics_->setItem(i, col, item);
            }
            item->setText(text);
            if (colour.isValid())
                item->setForeground(colour);
        };
        if (i < int(q.metrics.size())) {
            const auto& m = q.metrics[std::size_t(i)];
            set(0, m.name);
            set(1,
                QStringLiteral("%1 %2").arg(m.value, 0, 'f', m.value >= 100 ? 0 : 1).arg(m.unit));
            set(2, m.pass ? tr("\u2714 pass") : tr("\u2716 fail"),
                m.pass ? qualityColour(QualityLevel::Good) : qualityColour(QualityLevel::Poor));
        } else {
            set(0, QString());
            set(1, QString());
            set(2, QString());
        }
    }
    if (!q.advice.empty())
        panel_->setAdvice(adviceText(q.advice.front()), false);
    else if (q.acceptable)
        panel_->setAdvice(tr("Good — keep looking at the camera"), true);
    else
        panel_->setAdvice(adviceText(enrollment::Advice::LookAtCamera), false);
}

} // namespace umbral::ui
