#include "ui/station_window.h"

#include "ui/role_workspace.h"

#include <QLabel>
#include <QStackedWidget>
#include <QStatusBar>

namespace umbral::ui {

StationWindow::StationWindow(LoginPage::Authenticate authenticate, QString lane, bool demo, QWidget* parent)
    : QMainWindow(parent), lane_(std::move(lane)) {
    setWindowTitle(demo ? tr("Umbral — %1 (DEMO)").arg(lane_) : tr("Umbral — %1").arg(lane_));
    stack_ = new QStackedWidget(this);
    login_ = new LoginPage(std::move(authenticate),
                           demo ? tr("Lane %1 · demo mode: simulated devices and demo data").arg(lane_)
                                : tr("Lane %1").arg(lane_),
                           stack_);
    stack_->addWidget(login_);
    setCentralWidget(stack_);
    if (demo) {
        auto* badge = new QLabel(tr("DEMO MODE — not for real travelers"), this);
        badge->setStyleSheet(QStringLiteral("font-weight: bold; padding: 2px 8px;"));
        statusBar()->addPermanentWidget(badge);
    }
    connect(login_, &LoginPage::signedIn, this, &StationWindow::showWorkspace);
    resize(1024, 700);
    login_->reset();
}

void StationWindow::showWorkspace(const Actor& actor) {
    if (workspace_) {
        stack_->removeWidget(workspace_);
        workspace_->deleteLater();
    }
    workspace_ = new RoleWorkspace(actor, lane_, stack_);
    if (const auto factory = factories_.find(actor.role); factory != factories_.end())
        workspace_->setContent(factory->second(actor, workspace_));
    connect(workspace_, &RoleWorkspace::signOutRequested, this, &StationWindow::signOut);
    stack_->addWidget(workspace_);
    stack_->setCurrentWidget(workspace_);
    statusBar()->showMessage(tr("Signed in: %1 (%2)").arg(actor.name, toKey(actor.role)));
    emit actorChanged(actor);
}

void StationWindow::setWorkspaceFactory(Role role, WorkspaceFactory factory) { factories_[role] = std::move(factory); }

void StationWindow::signOut() {
    stack_->setCurrentWidget(login_);
    if (workspace_) {
        stack_->removeWidget(workspace_);
        workspace_->deleteLater();
        workspace_ = nullptr;
    }
    statusBar()->clearMessage();
    login_->reset();
    emit actorChanged(Actor{});
}

} // namespace umbral::ui
