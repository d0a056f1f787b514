#include "ui/admin/watchlist_page.h"

#include "storage/station_store.h"
#include "ui/admin/service_executor.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <atomic>
#include <memory>

namespace umbral::ui {

namespace {
QString day(const QDateTime& t) {
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       : QStringLiteral("—");
}
} // namespace

WatchlistPage::WatchlistPage(const Actor& actor, const WorkspaceServices& services, QWidget* parent)
    : QWidget(parent), actor_(actor), services_(services) {
    setObjectName(QStringLiteral("watchlistPage"));
    warning_ = new QLabel(this);
    warning_->setObjectName(QStringLiteral("watchlistWarning"));
    warning_->setWordWrap(true);
    warning_->setMargin(8);
    // A warning sign and the word "Warning" in the text carry the meaning; the colour helps.
    warning_->setStyleSheet(
        QStringLiteral("background: #fff3cd; color: #5c3c00; border: 2px solid #b58100; "
                       "font-weight: bold;"));
    warning_->hide();

    table_ = new QTableWidget(0, 9, this);
    table_->setObjectName(QStringLiteral("watchlistTable"));
    table_->setHorizontalHeaderLabels({tr("List"), tr("Version"), tr("Issuer"), tr("Age"),
                                       tr("Created"), tr("Expires"), tr("Entries"), tr("Imported"),
                                       tr("Imported by")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);

    import_ = new QPushButton(tr("&Import package…"), this);
    import_->setObjectName(QStringLiteral("importPackage"));
    import_->setToolTip(tr("Import a signed watchlist package (.uwl): one transaction, refused "
                           "packages change nothing"));
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("watchlistRefresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("importProgress"));
    progress_->setRange(0, 100);
    progress_->setValue(0);
    progress_->setFormat(tr("%p% imported"));
    progress_->setTextVisible(true);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("watchlistStatus"));
    status_->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(import_);
    buttons->addWidget(refresh);
    buttons->addWidget(progress_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(warning_);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    layout->addWidget(status_);

    connect(import_, &QPushButton::clicked, this, &WatchlistPage::chooseAndImport);
    connect(refresh, &QPushButton::clicked, this, &WatchlistPage::reload);
    reload();
}

void WatchlistPage::reload() {
    services_.executor->run<services::WatchlistStatus>(
        this,
        [store = services_.store, settings = services_.screening, actor = actor_] {
            return services::WatchlistStatusService(*store, settings).status(actor);
        },
        [this](const ServiceOutcome<services::WatchlistStatus>& o) {
            if (!o.value) {
                status_->setText(tr("Error: the watchlist could not be read: %1").arg(o.error));
                return;
            }
            show(*o.value);
            emit loaded();
        });
}

void WatchlistPage::show(const services::WatchlistStatus& s) {
    warning_->setVisible(!s.warnings.isEmpty());
    warning_->setText(QStringLiteral("⚠ ") + s.warnings.join(QStringLiteral("\n⚠ ")));
    table_->setRowCount(int(s.lists.size()));
    for (int i = 0; i < int(s.lists.size()); ++i) {
        const auto& l = s.lists[std::size_t(i)];
        QString age = tr("%1 days").arg(l.ageDays, 0, 'f', 1);
        if (l.expired)
            age += tr(" — EXPIRED");
        else if (l.stale)
            age += tr(" — older than %1 days").arg(s.maxAgeDays);
        const QStringList cells{l.listId,
                                QString::number(l.version),
                                l.issuer,
                                age,
                                day(l.createdAt),
                                day(l.expiresAt),
                                QString::number(l.entries),
                                day(l.importedAt),
                                l.importedBy};
        for (int c = 0; c < cells.size(); ++c)
            table_->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    table_->resizeColumnsToContents();
    if (!status_->text().startsWith(tr("Imported")) && !status_->text().startsWith(tr("Refused")))
        status_->setText(tr("%1 listed people in %2 lists; warning age %3 days.")
                             .arg(s.entries)
                             .arg(s.lists.size())
                             .arg(s.maxAgeDays));
}

void WatchlistPage::chooseAndImport() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import a watchlist package"), QString(),
                                     tr("Watchlist packages (*.uwl);;All files (*)"));
    if (!path.isEmpty())
        importPackage(path);
}

void WatchlistPage::importPackage(const QString& path) {
    import_->setEnabled(false);
    progress_->setValue(0);
    status_->setText(tr("Importing %1…").arg(QFileInfo(path).fileName()));
    // Progress comes from the worker thread: post only whole-percent changes to the UI thread.
    QPointer<QProgressBar> bar(progress_);
    auto lastPercent = std::make_shared<std::atomic<int>>(-1);
    screening::ImportProgress progress = [bar, lastPercent](qint64 done, qint64 total) {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (lastPercent->exchange(percent) == percent)
            return;
        QMetaObject::invokeMethod(
            bar,
            [bar, percent] {
                if (bar)
                    bar->setValue(percent);
            },
            Qt::QueuedConnection);
    };
    services_.executor->run<screening::ImportResult>(
        this,
        [store = services_.store, settings = services_.screening, actor = actor_, path, progress] {
            return services::WatchlistStatusService(*store, settings).import(actor, path, progress);
        },
        [this, path](const ServiceOutcome<screening::ImportResult>& o) {
            import_->setEnabled(true);
            if (o.value) {
                const auto& r = *o.value;
                progress_->setValue(100);
                status_->setText(
                    tr("Imported %1 version %2 (signed by %3): %4 added or changed, %5 removed, %6 "
                       "entries in the list, in %7 ms.")
                        .arg(r.listId)
                        .arg(r.version)
                        .arg(r.signer)
                        .arg(r.upserts)
                        .arg(r.removals)
                        .arg(r.entriesInList)
                        .arg(r.durationMs));
            } else {
                progress_->setValue(0);
                status_->setText(tr("Refused: %1 — %2. The watchlist is unchanged.")
                                     .arg(QFileInfo(path).fileName(), o.error));
            }
            emit importFinished(bool(o.value));
            reload();
        });
}

QString WatchlistPage::warningText() const {
    return warning_->isVisibleTo(this) ? warning_->text() : QString();
}
QString WatchlistPage::statusText() const {
    return status_->text();
}
int WatchlistPage::progressValue() const {
    return progress_->value();
}
int WatchlistPage::listCount() const {
    return table_->rowCount();
}

QString WatchlistPage::cell(const QString& listId, int column) const {
    for (int i = 0; i < table_->rowCount(); ++i)
        if (table_->item(i, 0)->text() == listId)
            return table_->item(i, column)->text();
    return {};
}

} // namespace umbral::ui
