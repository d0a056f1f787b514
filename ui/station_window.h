#pragma once

#include "app/core/user.h"
#include "ui/login_page.h"

#include <QMainWindow>
#include <functional>
#include <map>

class QStackedWidget;

namespace umbral::ui {

class RoleWorkspace;

/// The station's one window: the login page, then the signed-in user's workspace.
class StationWindow : public QMainWindow {
    Q_OBJECT
public:
    StationWindow(LoginPage::Authenticate authenticate, QString lane, bool demo, QWidget* parent = nullptr);
    LoginPage* loginPage() const { return login_; }
    RoleWorkspace* workspace() const { return workspace_; }

    /// Builds the content of a role's workspace (below its heading and above "Sign out"). The
    /// workspaces live in their own libraries (ui/supervisor, ui/admin, ...); app/main.cpp and
    /// tests register them here. A role without a factory gets the bare workspace.
    using WorkspaceFactory = std::function<QWidget*(const Actor& actor, QWidget* parent)>;
    void setWorkspaceFactory(Role role, WorkspaceFactory factory);

signals:
    void actorChanged(const umbral::Actor& actor);

private:
    void showWorkspace(const Actor& actor);
    void signOut();

    QString lane_;
    QStackedWidget* stack_;
    LoginPage* login_;
    RoleWorkspace* workspace_ = nullptr;
    std::map<Role, WorkspaceFactory> factories_;
};

} // namespace umbral::ui
