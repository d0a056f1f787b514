#pragma once

#include "app/core/user.h"
#include "ui/admin/workspace_services.h"

#include <QWidget>

class QStackedWidget;
class QTabWidget;

namespace umbral::ui {

class AlertQueuePage;
class AlertView;
class AuditLogPage;

/// The supervisor's workspace: the alert queue (an alert opens in place of the queue; Esc goes
/// back) and the audit log, one tab each (Ctrl+1, Ctrl+2).
class SupervisorWorkspace : public QWidget {
    Q_OBJECT
public:
    SupervisorWorkspace(const Actor& actor, const WorkspaceServices& services,
                        QWidget* parent = nullptr);

    QTabWidget* tabs() const { return tabs_; }
    AlertQueuePage* queuePage() const { return queue_; }
    AlertView* alertView() const { return view_; }
    AuditLogPage* auditPage() const { return audit_; }
    void openAlert(qint64 alertId);
    void showQueue();
    bool isShowingAlert() const;

private:
    QTabWidget* tabs_;
    QStackedWidget* alerts_;
    AlertQueuePage* queue_;
    AlertView* view_;
    AuditLogPage* audit_;
};

} // namespace umbral::ui
