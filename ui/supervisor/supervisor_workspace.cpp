#include "ui/supervisor/supervisor_workspace.h"

#include "ui/admin/audit_log_page.h"
#include "ui/supervisor/alert_queue_page.h"
#include "ui/supervisor/alert_view.h"

#include <QShortcut>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace umbral::ui {

SupervisorWorkspace::SupervisorWorkspace(const Actor& actor, const WorkspaceServices& services,
                                         QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("supervisorWorkspace"));
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("supervisorTabs"));
    alerts_ = new QStackedWidget(tabs_);
    queue_ = new AlertQueuePage(actor, services, alerts_);
    view_ = new AlertView(actor, services, alerts_);
    alerts_->addWidget(queue_);
    alerts_->addWidget(view_);
    audit_ = new AuditLogPage(actor, services, tabs_);
    tabs_->addTab(alerts_, tr("Alerts"));
    tabs_->addTab(audit_, tr("Audit log"));
    tabs_->setTabToolTip(0, tr("Ctrl+1"));
    tabs_->setTabToolTip(1, tr("Ctrl+2"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);

    for (int i = 0; i < 2; ++i) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] {
            tabs_->setCurrentIndex(i);
            tabs_->currentWidget()->setFocus();
        });
    }
    connect(queue_, &AlertQueuePage::openAlertRequested, this, &SupervisorWorkspace::openAlert);
    connect(view_, &AlertView::backRequested, this, &SupervisorWorkspace::showQueue);
    connect(view_, &AlertView::decided, queue_, [this] { queue_->reload(); });
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            audit_->reload(); // decisions made since it was last shown
    });
}

void SupervisorWorkspace::openAlert(qint64 alertId) {
    tabs_->setCurrentIndex(0);
    alerts_->setCurrentWidget(view_);
    view_->showAlert(alertId);
    view_->setFocus();
}

void SupervisorWorkspace::showQueue() {
    const qint64 id = view_->alertId();
    alerts_->setCurrentWidget(queue_);
    queue_->selectAlert(id);
    queue_->table()->setFocus();
}

bool SupervisorWorkspace::isShowingAlert() const {
    return alerts_->currentWidget() == view_;
}

} // namespace umbral::ui
