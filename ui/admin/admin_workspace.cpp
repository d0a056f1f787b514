#include "ui/admin/admin_workspace.h"

#include "ui/admin/audit_log_page.h"
#include "ui/admin/devices_page.h"
#include "ui/admin/queue_page.h"
#include "ui/admin/users_page.h"
#include "ui/admin/watchlist_page.h"

#include <QShortcut>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace umbral::ui {

AdminWorkspace::AdminWorkspace(const Actor& actor, const WorkspaceServices& services,
                               QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("adminWorkspace"));
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("adminTabs"));
    users_ = new UsersPage(actor, services, tabs_);
    devices_ = new DevicesPage(actor, services, tabs_);
    watchlist_ = new WatchlistPage(actor, services, tabs_);
    queue_ = new QueuePage(actor, services, tabs_);
    audit_ = new AuditLogPage(actor, services, tabs_);
    tabs_->addTab(users_, tr("Users"));
    tabs_->addTab(devices_, tr("Devices"));
    tabs_->addTab(watchlist_, tr("Watchlist"));
    tabs_->addTab(queue_, tr("Outbound queue"));
    tabs_->addTab(audit_, tr("Audit log"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);
    // Ctrl+1 .. Ctrl+9 choose a tab; tab mnemonics would collide with the pages' own.
    for (int i = 0; i < 9; ++i) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] {
            if (i < tabs_->count()) {
                tabs_->setCurrentIndex(i);
                tabs_->currentWidget()->setFocus();
            }
        });
    }
    numberTabs();
}

void AdminWorkspace::addPage(QWidget* page, const QString& title, int index) {
    tabs_->insertTab(index, page, title);
    numberTabs();
}

void AdminWorkspace::numberTabs() {
    for (int i = 0; i < tabs_->count(); ++i)
        tabs_->setTabToolTip(i, tr("Ctrl+%1").arg(i + 1));
}

} // namespace umbral::ui
