#pragma once

#include "app/core/user.h"
#include "storage/audit_log.h"
#include "ui/admin/workspace_services.h"

#include <QAbstractTableModel>
#include <QWidget>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace umbral::ui {

/// The audit log as a table: sequence, time, who, what, on what, detail.
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Seq, Time, Actor, Action, Subject, Detail, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setRecords(std::vector<storage::AuditRecord> records);
    const storage::AuditRecord& record(int row) const { return records_.at(std::size_t(row)); }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<storage::AuditRecord> records_;
};

/// The audit log browser (supervisors and administrators: ViewAuditLog): newest first, a text
/// filter over every column, "Verify chain" (the whole hash chain, with the first broken row
/// named), and for a decision on an alert its reason, opened from the sealed decision record.
class AuditLogPage : public QWidget {
    Q_OBJECT
public:
    AuditLogPage(const Actor& actor, const WorkspaceServices& services, QWidget* parent = nullptr);

    void reload();
    void verifyChain();
    void setFilterText(const QString& text);
    /// Rows shown (after the filter).
    int visibleRows() const;
    /// The record shown in row `row` (after filter and sort).
    storage::AuditRecord visibleRecord(int row) const;
    void selectVisibleRow(int row);
    QString verificationText() const;
    QString detailText() const;
    bool isLoading() const { return loading_; }

signals:
    void loaded(int rows);
    void verified(bool ok);
    void detailShown();

private:
    void showSelected();

    Actor actor_;
    WorkspaceServices services_;
    AuditLogModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    QLineEdit* filter_;
    QPushButton* verify_;
    QLabel* verification_;
    QLabel* status_;
    QLabel* detail_;
    bool loading_ = false;
};

} // namespace umbral::ui
