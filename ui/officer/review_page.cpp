#include "ui/officer/review_page.h"

#include "app/enrollment/encounter_captures.h"
#include "ui/officer/labels.h"
#include "ui/officer/ui_helpers.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace umbral::ui {

namespace {
struct Thumbnail {
    QString slot;
    QByteArray source;
    QImage image;
};

std::vector<QString> reviewSlots() {
    std::vector<QString> slotList;
    for (FingerPosition f : allSingleFingers())
        slotList.push_back(enrollment::slotKey(f));
    slotList.push_back(enrollment::slotKey(IrisSide::Right));
    slotList.push_back(enrollment::slotKey(IrisSide::Left));
    return slotList;
}
} // namespace

ReviewPage::ReviewPage(int fingerThreshold, int irisThreshold, QWidget* parent)
    : QWidget(parent), fingerThreshold_(fingerThreshold), irisThreshold_(irisThreshold) {
    setObjectName(QStringLiteral("reviewPage"));
    auto* heading = makeHeading(tr("Review — check every capture, then submit"), this, 1.5);
    document_ = new QLabel(this);
    document_->setObjectName(QStringLiteral("reviewDocument"));
    setScaledFont(document_, 1.2, true);
    document_->setWordWrap(true);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("reviewThumbnails"));
    // Five to a row (the right hand, the left hand, then the eyes), all on one screen; the name
    // and the score beside each thumbnail, never cut short.
    list_->setViewMode(QListView::ListMode);
    list_->setFlow(QListView::LeftToRight);
    list_->setWrapping(true);
    list_->setIconSize(QSize(96, 116));
    list_->setGridSize(QSize(206, 130));
    list_->setResizeMode(QListView::Adjust);
    list_->setMovement(QListView::Static);
    list_->setWordWrap(true);
    list_->setTextElideMode(Qt::ElideNone);
    list_->setUniformItemSizes(true);
    list_->setAccessibleName(tr("Captures"));
    setScaledFont(list_, 1.05);
    warnings_ = new QLabel(this);
    warnings_->setObjectName(QStringLiteral("reviewWarnings"));
    warnings_->setWordWrap(true);
    warnings_->setStyleSheet(QStringLiteral("color: #9a5b00; font-weight: bold;"));
    blocking_ = new QLabel(this);
    blocking_->setObjectName(QStringLiteral("reviewBlocking"));
    blocking_->setWordWrap(true);
    setScaledFont(blocking_, 1.1, true);
    submit_ = makeButton(tr("&Submit"), QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    submit_->setObjectName(QStringLiteral("submitEncounter"));
    setScaledFont(submit_, 1.2, true);
    submit_->setMinimumHeight(52);

    auto* hint = new QLabel(
        tr("Arrow keys move between captures; Enter opens one to capture it again."), this);
    auto* bottom = new QHBoxLayout;
    auto* messages = new QVBoxLayout;
    messages->addWidget(warnings_);
    messages->addWidget(blocking_);
    bottom->addLayout(messages, 1);
    bottom->addWidget(submit_, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(document_);
    layout->addWidget(hint);
    layout->addWidget(list_, 1);
    layout->addLayout(bottom);

    connect(list_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit openSlot(item->data(Qt::UserRole).toString()); });
    connect(submit_, &QPushButton::clicked, this, &ReviewPage::submitRequested);
}

void ReviewPage::bind(enrollment::EncounterWorkflow* workflow) {
    if (workflow_)
        disconnect(workflow_, nullptr, this, nullptr);
    workflow_ = workflow;
    iconSources_.clear();
    list_->clear();
    if (workflow)
        connect(workflow, &enrollment::EncounterWorkflow::changed, this, &ReviewPage::refresh);
    refresh();
}

QString ReviewPage::blockingText() const {
    return blocking_->text();
}

void ReviewPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_)
        refresh();
}

// Only the page on screen follows every change at once; the others catch up when shown.
void ReviewPage::refresh() {
    if (!isVisible()) {
        stale_ = true;
        return;
    }
    stale_ = false;
    if (!workflow_)
        return;
    const Traveler& t = workflow_->document().traveler();
    document_->setText(tr("%1, %2 · sex %3 · born %4 · %5 · document %6 %7")
                           .arg(t.surname, t.givenNames, t.sex, t.dateOfBirth, t.nationality,
                                t.document.documentCode, t.document.number));
    const auto slotList = reviewSlots();
    if (list_->count() != int(slotList.size())) {
        list_->clear();
        for (const QString& s : slotList) {
            auto* item = new QListWidgetItem(list_);
            item->setData(Qt::UserRole, s);
            QPixmap empty(96, 116);
            empty.fill(QColor(0xee, 0xee, 0xee));
            item->setIcon(QIcon(empty));
        }
    }
    for (int i = 0; i < list_->count(); ++i) {
        QListWidgetItem* item = list_->item(i);
        const QString key = item->data(Qt::UserRole).toString();
        const auto& s = workflow_->captures().slot(key);
        const int threshold =
            key.startsWith(QLatin1String("iris:")) ? irisThreshold_ : fingerThreshold_;
        QString state;
        QColor colour;
        if (s.hasException()) {
            state =
                QStringLiteral("\u2298 %1: %2").arg(exceptionName(s.exception), s.exceptionReason);
            colour = QColor(0x33, 0x33, 0x33);
        } else if (s.best) {
            state = qualityLabel(s.best->quality, threshold);
            if (s.attempts > 1)
                state += tr(" (%n attempts)", nullptr, s.attempts);
            colour = qualityColour(qualityLevel(s.best->quality, threshold));
        } else {
            state = tr("\u25CB MISSING");
            colour = qualityColour(QualityLevel::Poor);
        }
        item->setText(slotName(key) + QLatin1Char('\n') + state);
        item->setForeground(colour);
        item->setToolTip(item->text());
    }
    QStringList warnings;
    for (const auto& w : workflow_->warnings()) {
        QStringList names;
        for (const QString& s : w.slotKeys)
            names << slotName(s);
        warnings << (w.kind == enrollment::CaptureWarning::Kind::SameFingerTwice
                         ? tr("\u25B2 %1 and %2 look like the same finger.")
                               .arg(names.value(0), names.value(1))
                         : tr("\u25B2 %1: the other hand seems to have been placed.")
                               .arg(names.value(0)));
    }
    warnings_->setText(warnings.join(QLatin1Char('\n')));
    warnings_->setVisible(!warnings.isEmpty());
    const QString why = workflow_->whyNot(enrollment::EncounterStep::Submit);
    QString blocking;
    if (!workflow_->lastSubmitError().isEmpty())
        blocking = tr("\u2716 The submission failed: %1. Nothing was lost; try again.")
                       .arg(workflow_->lastSubmitError());
    else if (!why.isEmpty())
        blocking =
            tr("\u25B2 Not ready to submit: every finger and eye needs a capture or an exception.");
    else
        blocking = tr("\u2714 Ready to submit.");
    blocking_->setText(blocking);
    blocking_->setStyleSheet(why.isEmpty() && workflow_->lastSubmitError().isEmpty()
                                 ? QStringLiteral("color: #1b6e34;")
                                 : QStringLiteral("color: #b01e1e;"));
    submit_->setEnabled(why.isEmpty());
    loadThumbnails();
}

// Thumbnails are decoded off the UI thread; only the ones whose image changed.
void ReviewPage::loadThumbnails() {
    std::vector<Thumbnail> wanted;
    for (int i = 0; i < list_->count(); ++i) {
        const QString key = list_->item(i)->data(Qt::UserRole).toString();
        const auto& s = workflow_->captures().slot(key);
        const QByteArray source = s.best && !s.hasException() ? s.best->image : QByteArray();
        if (iconSources_.value(key) == source && iconSources_.contains(key))
            continue;
        iconSources_.insert(key, source);
        wanted.push_back({key, source, {}});
    }
    if (wanted.empty())
        return;
    const quint64 run = ++thumbnailRun_;
    auto* watcher = new QFutureWatcher<std::vector<Thumbnail>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, run] {
        watcher->deleteLater();
        const auto done = watcher->result();
        for (const Thumbnail& t : done) {
            for (int i = 0; i < list_->count(); ++i) {
                QListWidgetItem* item = list_->item(i);
                if (item->data(Qt::UserRole).toString() != t.slot ||
                    iconSources_.value(t.slot) != t.source)
                    continue;
                QPixmap pix(96, 116);
                pix.fill(QColor(0xee, 0xee, 0xee));
                if (!t.image.isNull()) {
                    QPainter p(&pix);
                    const QImage scaled = t.image;
                    p.drawImage(QPointF((96 - scaled.width()) / 2.0, (116 - scaled.height()) / 2.0),
                                scaled);
                }
                item->setIcon(QIcon(pix));
            }
        }
        Q_UNUSED(run);
    });
    watcher->setFuture(QtConcurrent::run([wanted]() mutable {
        for (Thumbnail& t : wanted)
            if (!t.source.isEmpty())
                // Converted here to the screen's 32-bit format: drawing a grey image on the UI
                // thread would convert it there, on Qt's thread pool, while the UI waits.
                t.image = QImage::fromData(t.source, "PNG")
                              .scaled(96, 116, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                              .convertToFormat(QImage::Format_RGB32);
        return wanted;
    }));
}

} // namespace umbral::ui
