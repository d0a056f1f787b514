#include "ui/admin/queue_page.h"

#include "storage/station_store.h"
#include "ui/admin/service_executor.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace umbral::ui {

namespace {
QLabel* countTile(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setFrameShape(QFrame::StyledPanel);
    label->setAlignment(Qt::AlignCenter);
    label->setMinimumWidth(150);
    label->setMargin(8);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    label->setFont(f);
    return label;
}

QString when(const QDateTime& t) {
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       : QObject::tr("now");
}
} // namespace

QueuePage::QueuePage(const Actor& actor, const WorkspaceServices& services, QWidget* parent)
    : QWidget(parent), actor_(actor), services_(services) {
    setObjectName(QStringLiteral("queuePage"));
    pending_ = countTile(this, QStringLiteral("queuePending"));
    sending_ = countTile(this, QStringLiteral("queueSending"));
    acknowledged_ = countTile(this, QStringLiteral("queueAcknowledged"));
    failed_ = countTile(this, QStringLiteral("queueFailed"));
    auto* tiles = new QHBoxLayout;
    for (QLabel* l : {pending_, sending_, acknowledged_, failed_})
        tiles->addWidget(l);
    tiles->addStretch();

    table_ = new QTableWidget(0, 6, this);
    table_->setObjectName(QStringLiteral("queueTable"));
    table_->setHorizontalHeaderLabels({tr("State"), tr("Encounter"), tr("Transaction (TCN)"),
                                       tr("Attempts"), tr("Next attempt"), tr("Last error")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);

    retry_ = new QPushButton(tr("Retry &failed"), this);
    retry_->setObjectName(QStringLiteral("retryFailed"));
    retry_->setToolTip(tr("Put every failed transmission back in the queue, due now"));
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("queueRefresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("queueStatus"));
    status_->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(retry_);
    buttons->addWidget(refresh);
    buttons->addStretch();
    auto* heading = new QLabel(tr("Transmissions not yet acknowledged (failed first):"), this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(tiles);
    layout->addLayout(buttons);
    layout->addWidget(heading);
    layout->addWidget(table_, 1);
    layout->addWidget(status_);

    connect(retry_, &QPushButton::clicked, this, &QueuePage::retryFailed);
    connect(refresh, &QPushButton::clicked, this, &QueuePage::reload);
    reload();
}

void QueuePage::reload() {
    services_.executor->run<Snapshot>(
        this,
        [store = services_.store, actor = actor_] {
            services::QueueOverviewService svc(*store);
            return Snapshot{svc.counts(actor), svc.unacknowledged(actor)};
        },
        [this](const ServiceOutcome<Snapshot>& o) {
            if (!o.value) {
                status_->setText(tr("Error: the queue could not be read: %1").arg(o.error));
                return;
            }
            show(*o.value);
            emit loaded();
        });
}

void QueuePage::show(const Snapshot& s) {
    counts_ = s.counts;
    pending_->setText(tr("Pending\n%1").arg(s.counts.pending));
    sending_->setText(tr("Sending\n%1").arg(s.counts.sending));
    acknowledged_->setText(tr("Acknowledged\n%1").arg(s.counts.acknowledged));
    // Failed rows need a person: bold, a warning sign and the word, not only a colour.
    failed_->setText(s.counts.failed > 0 ? tr("⚠ Failed\n%1").arg(s.counts.failed)
                                         : tr("Failed\n0"));
    failed_->setStyleSheet(
        s.counts.failed > 0 ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
    retry_->setEnabled(s.counts.failed > 0);
    table_->setRowCount(int(s.rows.size()));
    for (int i = 0; i < int(s.rows.size()); ++i) {
        const auto& r = s.rows[std::size_t(i)];
        const QStringList cells{storage::toKey(r.state),
                                r.encounterId,
                                r.tcn,
                                QString::number(r.attempts),
                                r.state == storage::QueueState::Failed ? tr("gave up")
                                                                       : when(r.nextAttemptAt),
                                r.lastError};
        for (int c = 0; c < cells.size(); ++c)
            table_->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    table_->resizeColumnsToContents();
    const QString summary = tr("%1 encounters in the queue, %2 not yet acknowledged.")
                                .arg(s.counts.total())
                                .arg(s.counts.pending + s.counts.sending + s.counts.failed);
    status_->setText(actionMessage_.isEmpty() ? summary
                                              : actionMessage_ + QLatin1Char(' ') + summary);
    actionMessage_.clear();
}

void QueuePage::retryFailed() {
    retry_->setEnabled(false);
    services_.executor->run<int>(
        this,
        [store = services_.store, actor = actor_] {
            return services::QueueOverviewService(*store).retryFailed(actor);
        },
        [this](const ServiceOutcome<int>& o) {
            if (!o.value) {
                status_->setText(tr("Error: %1").arg(o.error));
                retry_->setEnabled(true);
                return;
            }
            actionMessage_ = tr("Done: %1 failed transmissions are queued again.").arg(*o.value);
            reload();
            emit retried(*o.value);
        });
}

QString QueuePage::countsText() const {
    return QStringList{pending_->text(), sending_->text(), acknowledged_->text(), failed_->text()}
        .join(QStringLiteral(" | "))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}
QString QueuePage::statusText() const {
    return status_->text();
}
int QueuePage::listedRows() const {
    return table_->rowCount();
}

} // namespace umbral::ui
