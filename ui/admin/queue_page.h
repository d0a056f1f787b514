#pragma once

#include "app/core/user.h"
#include "app/services/queue_overview_service.h"
#include "ui/admin/workspace_services.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace umbral::ui {

/// The outbound queue (administrators): how many encounters wait, are being sent, were
/// acknowledged by the central system or failed; the rows not yet acknowledged, failed first
/// with their last error; and "Retry failed".
class QueuePage : public QWidget {
    Q_OBJECT
public:
    QueuePage(const Actor& actor, const WorkspaceServices& services, QWidget* parent = nullptr);

    void reload();
    void retryFailed();
    services::QueueCounts counts() const { return counts_; }
    QString countsText() const;
    QString statusText() const;
    int listedRows() const;

signals:
    void loaded();
    void retried(int rows);

private:
    struct Snapshot {
        services::QueueCounts counts;
        std::vector<storage::QueueItem> rows;
    };
    void show(const Snapshot& snapshot);

    Actor actor_;
    WorkspaceServices services_;
    services::QueueCounts counts_;
    QString actionMessage_; ///< the outcome of the last action, shown with the next reload
    QLabel* pending_;
    QLabel* sending_;
    QLabel* acknowledged_;
    QLabel* failed_;
    QTableWidget* table_;
    QPushButton* retry_;
    QLabel* status_;
};

} // namespace umbral::ui
