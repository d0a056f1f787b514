#pragma once

#include "app/core/user.h"
#include "ui/admin/workspace_services.h"
#include "ui/supervisor/alert_queue_model.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace umbral::ui {

/// The alert queue: counts, filters (band, category, lane, age, state), and the alerts newest
/// first. Enter (or double-click, or "Open alert") opens the selected one. The queue reloads
/// on F5, after a decision and every 30 seconds, always on the worker thread.
class AlertQueuePage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxAlerts = 20000; ///< newest alerts loaded at most

    AlertQueuePage(const Actor& actor, const WorkspaceServices& services,
                   QWidget* parent = nullptr);

    void reload();
    void setCriteria(const AlertQueueCriteria& criteria);
    AlertQueueCriteria criteria() const;
    AlertQueueModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    int visibleAlerts() const;
    /// The alert in row `row` of the filtered, sorted table.
    const storage::AlertSummary& visibleAlert(int row) const;
    /// Selects the alert (making it visible) and returns whether it is shown.
    bool selectAlert(qint64 alertId);
    QString countsText() const;
    QString statusText() const;
    bool isLoading() const { return loading_; }

signals:
    void openAlertRequested(qint64 alertId);
    void loaded(int alerts);

private:
    void criteriaChanged();
    void openSelected();
    void updateCounts();

    Actor actor_;
    WorkspaceServices services_;
    AlertQueueModel* model_;
    qint64 currentBeforeReset_ = 0; ///< the selected alert, kept across a filter or sort
    QComboBox* band_;
    QComboBox* category_;
    QComboBox* lane_;
    QComboBox* age_;
    QComboBox* state_;
    QLabel* counts_;
    QLabel* status_;
    QTableView* table_;
    QPushButton* open_;
    QTimer* refreshTimer_;
    bool loading_ = false;
};

} // namespace umbral::ui
