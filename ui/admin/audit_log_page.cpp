#include "ui/admin/audit_log_page.h"

#include "app/services/adjudication_service.h"
#include "app/services/audit_service.h"
#include "storage/station_store.h"
#include "ui/admin/service_executor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace umbral::ui {

void AuditLogModel::setRecords(std::vector<storage::AuditRecord> records) {
    beginResetModel();
    records_ = std::move(records);
    endResetModel();
}

int AuditLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(records_.size());
}
int AuditLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const auto& r = records_.at(std::size_t(index.row()));
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Seq:
            return r.seq;
        case Time:
            return r.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Actor:
            return r.actor;
        case Action:
            return r.action;
        case Subject:
            return r.subject;
        case Detail:
            return r.detail;
        }
    }
    if (role == Qt::UserRole) // sort key
        return index.column() == Seq || index.column() == Time ? QVariant(r.seq)
                                                               : data(index, Qt::DisplayRole);
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Seq:
        return tr("#");
    case Time:
        return tr("Time");
    case Actor:
        return tr("Who");
    case Action:
        return tr("Action");
    case Subject:
        return tr("Subject");
    case Detail:
        return tr("Detail");
    }
    return {};
}

AuditLogPage::AuditLogPage(const Actor& actor, const WorkspaceServices& services, QWidget* parent)
    : QWidget(parent), actor_(actor), services_(services) {
    setObjectName(QStringLiteral("auditLogPage"));
    model_ = new AuditLogModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setSortRole(Qt::UserRole);

    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("auditFilter"));
    filter_->setPlaceholderText(
        tr("a user, an action (alert.dismiss), an alert or encounter number, …"));
    filter_->setClearButtonEnabled(true);
    auto* filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(filter_);
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("auditRefresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Reload the audit log (F5)"));
    verify_ = new QPushButton(tr("&Verify chain"), this);
    verify_->setObjectName(QStringLiteral("verifyChain"));
    verify_->setToolTip(tr("Check every row's hash and the chain that links them"));

    verification_ = new QLabel(tr("Chain not verified in this session."), this);
    verification_->setObjectName(QStringLiteral("chainVerification"));
    verification_->setWordWrap(true);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("auditStatus"));

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("auditTable"));
    table_->setModel(proxy_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->sortByColumn(AuditLogModel::Seq, Qt::DescendingOrder);
    table_->verticalHeader()->hide();
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);

    detail_ = new QLabel(tr("Select a row to see its details."), this);
    detail_->setObjectName(QStringLiteral("auditDetail"));
    detail_->setWordWrap(true);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    detail_->setFrameShape(QFrame::StyledPanel);
    detail_->setMinimumHeight(60);
    detail_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    detail_->setMargin(6);

    auto* top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(filter_, 1);
    top->addWidget(refresh);
    top->addWidget(verify_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(verification_);
    layout->addWidget(table_, 1);
    layout->addWidget(detail_);
    layout->addWidget(status_);

    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(filter_, &QLineEdit::textChanged, this, [this] {
        status_->setText(tr("%1 of %2 rows shown").arg(proxy_->rowCount()).arg(model_->rowCount()));
    });
    connect(refresh, &QPushButton::clicked, this, &AuditLogPage::reload);
    connect(verify_, &QPushButton::clicked, this, &AuditLogPage::verifyChain);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditLogPage::showSelected);
    setTabOrder(filter_, refresh);
    setTabOrder(refresh, verify_);
    setTabOrder(verify_, table_);
    reload();
}

void AuditLogPage::reload() {
    loading_ = true;
    status_->setText(tr("Loading the audit log…"));
    services_.executor->run<std::vector<storage::AuditRecord>>(
        this,
        [store = services_.store, actor = actor_] {
            return services::AuditService(*store).list(actor);
        },
        [this](const ServiceOutcome<std::vector<storage::AuditRecord>>& o) {
            loading_ = false;
            if (!o.value) {
                status_->setText(tr("Error: the audit log could not be read: %1").arg(o.error));
                return;
            }
            model_->setRecords(*o.value);
            table_->resizeColumnsToContents();
            // One long subject (a package file name) must not push the detail off the screen:
            // the columns before it stay within 32 characters; the whole text is in the
            // detail pane below.
            const int widest = table_->fontMetrics().averageCharWidth() * 32;
            for (int c = 0; c + 1 < model_->columnCount(); ++c)
                table_->setColumnWidth(c, std::min(table_->columnWidth(c), widest));
            status_->setText(
                tr("%1 of %2 rows shown").arg(proxy_->rowCount()).arg(model_->rowCount()));
            emit loaded(model_->rowCount());
        });
}

void AuditLogPage::verifyChain() {
    verify_->setEnabled(false);
    verification_->setText(tr("Verifying the chain…"));
    services_.executor->run<storage::AuditVerification>(
        this,
        [store = services_.store, actor = actor_] {
            return services::AuditService(*store).verify(actor);
        },
        [this](const ServiceOutcome<storage::AuditVerification>& o) {
            verify_->setEnabled(true);
            if (!o.value) {
                verification_->setText(
                    tr("Error: the chain could not be verified: %1").arg(o.error));
                emit verified(false);
                return;
            }
            const auto& v = *o.value;
            // Words first, colour second: the sentence says intact or broken on its own.
            if (v.ok) {
                verification_->setText(tr("✔ Chain intact: %1 rows verified.").arg(v.rowsChecked));
                verification_->setStyleSheet(QStringLiteral("color: #1b5e20; font-weight: bold;"));
            } else {
                verification_->setText(tr("✘ Chain BROKEN at row %1: %2 (%3 rows checked).")
                                           .arg(v.firstBrokenSeq)
                                           .arg(v.problem)
                                           .arg(v.rowsChecked));
                verification_->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
            }
            emit verified(v.ok);
            reload(); // the verification itself is a new row
        });
}

void AuditLogPage::setFilterText(const QString& text) {
    filter_->setText(text);
}
int AuditLogPage::visibleRows() const {
    return proxy_->rowCount();
}

storage::AuditRecord AuditLogPage::visibleRecord(int row) const {
    return model_->record(proxy_->mapToSource(proxy_->index(row, 0)).row());
}

void AuditLogPage::selectVisibleRow(int row) {
    table_->setFocus();
    table_->selectRow(row);
    table_->setCurrentIndex(proxy_->index(row, 0));
}

QString AuditLogPage::verificationText() const {
    return verification_->text();
}
QString AuditLogPage::detailText() const {
    return detail_->text();
}

void AuditLogPage::showSelected() {
    const QModelIndex current = table_->currentIndex();
    if (!current.isValid())
        return;
    const storage::AuditRecord r = model_->record(proxy_->mapToSource(current).row());
    const QString base =
        tr("#%1 · %2 · %3 · %4 on %5\n%6")
            .arg(r.seq)
            .arg(r.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), r.actor,
                 r.action, r.subject, r.detail);
    detail_->setText(base);
    const qint64 decisionId =
        r.action.startsWith(QLatin1String("alert."))
            ? services::AdjudicationService::decisionIdFromAuditDetail(r.detail)
            : 0;
    if (decisionId == 0 || r.action == QLatin1String("alert.decision.read")) {
        emit detailShown();
        return;
    }
    // The reason is sealed in the decision record: open it (itself an audited read).
    services_.executor->run<storage::AlertDecisionRecord>(
        this,
        [store = services_.store, actor = actor_, settings = services_.adjudication, decisionId] {
            return services::AdjudicationService(*store, settings)
                .decisionRecord(actor, decisionId);
        },
        [this, base, seq = r.seq](const ServiceOutcome<storage::AlertDecisionRecord>& o) {
            const QModelIndex now = table_->currentIndex();
            if (!now.isValid() || model_->record(proxy_->mapToSource(now).row()).seq != seq)
                return; // the selection moved on
            if (o.value)
                detail_->setText(
                    base + tr("\nReason given by %1: “%2”").arg(o.value->actor, o.value->reason));
            else
                detail_->setText(base + tr("\nThe reason could not be opened: %1").arg(o.error));
            emit detailShown();
        });
}

} // namespace umbral::ui
