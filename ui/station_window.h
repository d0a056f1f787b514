#pragma once

#include "app/core/user.h"
#include "ui/login_page.h"

#include <QMainWindow>

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

signals:
    void actorChanged(const umbral::Actor& actor);

private:
    void showWorkspace(const Actor& actor);
    void signOut();

    QString lane_;
    QStackedWidget* stack_;
    LoginPage* login_;
    RoleWorkspace* workspace_ = nullptr;
};

} // namespace umbral::ui
