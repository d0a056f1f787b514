#pragma once

#include "app/core/user.h"
#include "ui/admin/workspace_services.h"

#include <QWidget>

class QTabWidget;

namespace umbral::ui {

class AuditLogPage;
class DevicesPage;
class QueuePage;
class UsersPage;
class WatchlistPage;

/// The administrator's workspace: users, devices, watchlist, outbound queue and audit log, one
/// tab each (Ctrl+1 .. Ctrl+5, or Ctrl+Tab).
class AdminWorkspace : public QWidget {
    Q_OBJECT
public:
    AdminWorkspace(const Actor& actor, const WorkspaceServices& services,
                   QWidget* parent = nullptr);

    QTabWidget* tabs() const { return tabs_; }
    UsersPage* usersPage() const { return users_; }
    DevicesPage* devicesPage() const { return devices_; }
    WatchlistPage* watchlistPage() const { return watchlist_; }
    QueuePage* queuePage() const { return queue_; }
    AuditLogPage* auditPage() const { return audit_; }
    /// Adds a page as a tab.
    void addPage(QWidget* page, const QString& title, int index = -1);

private:
    void numberTabs();

    QTabWidget* tabs_;
    UsersPage* users_;
    DevicesPage* devices_;
    WatchlistPage* watchlist_;
    QueuePage* queue_;
    AuditLogPage* audit_;
};

} // namespace umbral::ui
