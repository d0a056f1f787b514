#include "ui/officer/fingerprint_page.h"

#include "app/enrollment/encounter_captures.h"
#include "ui/officer/capture_panel.h"
#include "ui/officer/labels.h"
#include "ui/officer/live_preview.h"
#include "ui/officer/ui_helpers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QShortcut>
#include <QVBoxLayout>

namespace umbral::ui {

using enrollment::CaptureSession;

FingerprintPage::FingerprintPage(int threshold, QWidget* parent)
    : QWidget(parent), threshold_(threshold) {
    setObjectName(QStringLiteral("fingerprintPage"));
    title_ = makeHeading(QString(), this, 1.5);
    title_->setObjectName(QStringLiteral("fingerprintTitle"));
    impressions_ = new QListWidget(this);
    impressions_->setObjectName(QStringLiteral("impressionList"));
    impressions_->setMinimumWidth(230);
    impressions_->setMaximumWidth(300);
    impressions_->setAccessibleName(tr("Presentations"));
    setScaledFont(impressions_, 1.05);
    preview_ = new LivePreview(this);
    panel_ = new CapturePanel(tr("fingerprint scanner"), this);
    for (int i = 0; i < 4; ++i) {
        auto* row = new QLabel(this);
        row->setObjectName(QStringLiteral("fingerReading%1").arg(i + 1));
        setScaledFont(row, 1.25, true);
        row->setMinimumHeight(34);
        panel_->readings()->addWidget(row);
        rows_.push_back(row);
    }

    auto* listLabel = new QLabel(tr("&Presentations (F8 next, Shift+F8 previous):"), this);
    listLabel->setWordWrap(true);
    listLabel->setBuddy(impressions_);
    auto* left = new QVBoxLayout;
    left->addWidget(listLabel);
    left->addWidget(impressions_, 1);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addWidget(preview_, 1);
    columns->addWidget(panel_);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(title_);
    outer->addLayout(columns, 1);

    connect(impressions_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!refreshing_ && workflow_ && row >= 0)
            workflow_->selectImpression(row);
    });
    auto* nextShortcut = new QShortcut(QKeySequence(Qt::Key_F8), this);
    nextShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextShortcut, &QShortcut::activated, this, [this] {
        if (workflow_ && workflow_->fingerPlan().size() > 0)
            workflow_->selectImpression((workflow_->currentImpression() + 1) %
                                        workflow_->fingerPlan().size());
    });
    auto* previousShortcut = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8), this);
    previousShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previousShortcut, &QShortcut::activated, this, [this] {
        if (workflow_ && workflow_->fingerPlan().size() > 0)
            workflow_->selectImpression(
                (workflow_->currentImpression() + workflow_->fingerPlan().size() - 1) %
                workflow_->fingerPlan().size());
    });
    connect(panel_, &CapturePanel::exceptionRequested, this, &FingerprintPage::exceptionRequested);
}

void FingerprintPage::bind(enrollment::EncounterWorkflow* workflow) {
    if (workflow_)
        disconnect(workflow_, nullptr, this, nullptr);
    workflow_ = workflow;
    if (workflow)
        connect(workflow, &enrollment::EncounterWorkflow::changed, this, &FingerprintPage::refresh);
    preview_->clear();
    panel_->setLastCapture(QString());
    refresh();
}

void FingerprintPage::connectSession(CaptureSession* session) {
    session_ = session;
    followSessionPreview(this, session, CaptureSession::Activity::Fingerprints, preview_, panel_);
    connect(session, &CaptureSession::fingerQuality, this, &FingerprintPage::showQuality);
    connect(session, &CaptureSession::devicesChanged, this, &FingerprintPage::showDevice);
    connect(session, &CaptureSession::captureStored, this, &FingerprintPage::showStored);
    connect(preview_, &LivePreview::displaySizeChanged, session, &CaptureSession::setPreviewFit);
    session->setPreviewFit(preview_->width() - 8, preview_->height() - 8);
    connect(panel_, &CapturePanel::captureRequested, session, &CaptureSession::captureNow);
    connect(panel_, &CapturePanel::retryRequested, session, &CaptureSession::retry);
    showDevice();
}

void FingerprintPage::showDevice() {
    if (!session_)
        return;
    const auto info = session_->scannerInfo();
    panel_->setDeviceStatus(session_->scannerStatus(), info ? info->model : QString());
    const auto status = session_->scannerStatus();
    if (status == CaptureSession::DeviceStatus::Removed) {
        preview_->clear();
        preview_->setMessage(tr("Scanner disconnected.\nThe fingers captured so far are "
                                "kept.\nPlug it in again to continue."));
    } else if (status == CaptureSession::DeviceStatus::Absent) {
        preview_->clear();
        preview_->setMessage(tr("No fingerprint scanner connected."));
    } else {
        preview_->setMessage(QString());
        return;
    }
    resetReadings();
}

// Readings belong to one presentation on a live device: they go when either changes.
void FingerprintPage::resetReadings() {
    shownImpression_ = -1;
    refresh();
    panel_->setAdvice(tr("Waiting for the scanner"), false);
}

void FingerprintPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_)
        refresh();
}

// Only the page on screen follows every change at once; the others catch up when shown.
void FingerprintPage::refresh() {
    if (!isVisible()) {
        stale_ = true;
        return;
    }
    stale_ = false;
    if (!workflow_) {
        impressions_->clear();
        return;
    }
    refreshing_ = true;
    const auto& plan = workflow_->fingerPlan();
    if (impressions_->count() != plan.size()) {
        impressions_->clear();
        for (int i = 0; i < plan.size(); ++i)
            impressions_->addItem(QString());
    }
    for (int i = 0; i < plan.size(); ++i) {
        const auto& p = plan.at(i);
        int done = 0, exceptions = 0;
        for (FingerPosition f : p.fingers) {
            const auto& s = workflow_->captures().slot(enrollment::slotKey(f));
            done += s.isDone();
            exceptions += s.hasException();
        }
        const bool complete = done == int(p.fingers.size());
        QString text = QStringLiteral("%1  %2. %3\n      ")
                           .arg(complete ? QStringLiteral("\u2714") : QStringLiteral("\u25CB"))
                           .arg(i + 1)
                           .arg(fingerName(p.impression));
        text += tr("%1 of %2 done").arg(done).arg(p.fingers.size());
        if (exceptions)
            text += tr(", %n exception(s)", nullptr, exceptions);
        impressions_->item(i)->setText(text);
    }
    const int current = workflow_->currentImpression();
    if (current >= 0 && current < plan.size())
        impressions_->setCurrentRow(current);
    if (plan.isEmpty()) {
        title_->setText(tr("Fingerprints — no scanner"));
    } else {
        title_->setText(tr("Fingerprints — %1 (%2 of %3)")
                            .arg(fingerName(plan.at(current).impression))
                            .arg(current + 1)
                            .arg(plan.size()));
    }
    // Warnings that concern fingerprints.
    QStringList warnings;
    for (const auto& w : workflow_->warnings()) {
        QStringList names;
        for (const QString& s : w.slotKeys)
            names << slotName(s);
        if (w.kind == enrollment::CaptureWarning::Kind::SameFingerTwice)
            warnings << tr("\u25B2 %1 and %2 look like the SAME finger: capture them again, one at "
                           "a time.")
                            .arg(names.value(0), names.value(1));
        else
            warnings << tr("\u25B2 %1: the OTHER hand seems to have been placed. Check the hands "
                           "and retry.")
                            .arg(names.value(0));
    }
    panel_->setWarnings(warnings.join(QLatin1Char('\n')));
    // One row per finger of the presentation: exceptions say so; the others wait for frames.
    if (!plan.isEmpty()) {
        const auto& p = plan.at(current);
        const bool fresh = shownImpression_ != current;
        shownImpression_ = current;
        if (fresh)
            preview_->clearOverlay();
        int number = 0;
        for (std::size_t k = 0; k < rows_.size(); ++k) {
            rows_[k]->setVisible(k < p.fingers.size());
            if (k >= p.fingers.size())
                continue;
            const auto& s = workflow_->captures().slot(enrollment::slotKey(p.fingers[k]));
            if (!s.hasException())
                ++number;
            if (fresh && !s.hasException()) {
                rows_[k]->setText(
                    QStringLiteral("%1  %2   %3")
                        .arg(number)
                        .arg(fingerName(p.fingers[k]), qualityLabel(std::nullopt, threshold_)));
                rows_[k]->setStyleSheet(
                    QStringLiteral(
                        "color: white; background: %1; padding: 2px 6px; border-radius: 3px;")
                        .arg(qualityColour(QualityLevel::NotSeen).name()));
            }
            if (s.hasException()) {
                rows_[k]->setText(QStringLiteral("%1  %2: %3")
                                      .arg(k + 1)
                                      .arg(fingerName(p.fingers[k]), exceptionName(s.exception)));
                rows_[k]->setStyleSheet(QStringLiteral("color: #555555;"));
            }
        }
    }
    refreshing_ = false;
}

void FingerprintPage::showQuality(const enrollment::FingerFrameQuality& q) {
    if (!session_ || session_->activity() != CaptureSession::Activity::Fingerprints || !workflow_)
        return;
    preview_->setFingerOverlay(q, threshold_);
    const auto& p = workflow_->fingerPlan().at(workflow_->currentImpression());
    // One row per finger of the presentation, numbered as on the preview.
    std::size_t reading = 0;
    std::optional<enrollment::Advice> firstAdvice;
    QualityLevel adviceLevel = QualityLevel::Good;
    bool allGood = !q.fingers.empty();
    for (std::size_t k = 0; k < p.fingers.size() && k < rows_.size(); ++k) {
        const auto& slot = workflow_->captures().slot(enrollment::slotKey(p.fingers[k]));
        if (slot.hasException())
            continue;
        if (reading >= q.fingers.size())
            break;
        const auto& f = q.fingers[reading++];
        const QualityLevel level = qualityLevel(f.score, threshold_);
        rows_[k]->setText(QStringLiteral("%1  %2   %3")
                              .arg(reading)
                              .arg(fingerName(f.finger), qualityLabel(f.score, threshold_)));
        // Style sheets are costly to apply: only when the level changes (up to 15 times a second).
        const QString style =
            QStringLiteral("color: white; background: %1; padding: 2px 6px; border-radius: 3px;")
                .arg(qualityColour(level).name());
        if (rows_[k]->styleSheet() != style)
            rows_[k]->setStyleSheet(style);
        // The traveler gets one instruction: that of the weakest finger still short of Good
        // (a Good finger's hint would contradict the green plates).
        if (!f.advice.empty() && level != QualityLevel::Good && level < adviceLevel) {
            firstAdvice = f.advice.front();
            adviceLevel = level;
        }
        allGood = allGood && level != QualityLevel::Poor && level != QualityLevel::NotSeen;
    }
    if (!q.handMatches)
        panel_->setAdvice(tr("Wrong hand? Check which hand is on the glass"), false);
    else if (firstAdvice)
        panel_->setAdvice(adviceText(*firstAdvice), false);
    else if (allGood)
        panel_->setAdvice(tr("Good — hold still"), true);
    else
        panel_->setAdvice(adviceText(enrollment::Advice::PlaceFinger), false);
}

void FingerprintPage::showStored(const QStringList& kept, const QStringList& missing,
                                 bool automatic) {
    if (!workflow_)
        return;
    QStringList parts;
    for (const QString& k : kept) {
        const auto& s = workflow_->captures().slot(k);
        if (!s.best || !k.startsWith(QLatin1String("finger:")) || isSlap(s.best->finger))
            continue;
        parts << QStringLiteral("%1 %2").arg(slotName(k),
                                             qualityLabel(s.best->quality, threshold_));
    }
    QString text;
    if (!parts.isEmpty())
        text = (automatic ? tr("\u2714 Captured automatically: %1") : tr("\u2714 Captured: %1"))
                   .arg(parts.join(QStringLiteral(", ")));
    else if (!kept.isEmpty() || missing.isEmpty())
        text = tr("Captured again; the earlier, better capture is kept.");
    if (!missing.isEmpty()) {
        QStringList names;
        for (const QString& m : missing)
            names << slotName(m);
        text += QLatin1Char('\n') +
                tr("\u25B2 Not seen on the capture: %1").arg(names.join(QStringLiteral(", ")));
    }
    panel_->setLastCapture(text);
}

QStringList FingerprintPage::readingTexts() const {
    QStringList out;
    for (QLabel* r : rows_)
        if (r->isVisibleTo(this) && !r->text().isEmpty())
            out << r->text();
    return out;
}

} // namespace umbral::ui
