#pragma once

#include "app/core/user.h"
#include "ui/login_page.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace umbral::ui {

/// The station locked after inactivity (or by Ctrl+Shift+L): the signed-in user's work stays as
/// it was; their password unlocks it. Anyone else signs the user out first (the encounter in
/// progress stays saved as a draft for them).
class LockPage : public QWidget {
    Q_OBJECT

public:
    LockPage(LoginPage::Authenticate authenticate, QWidget* parent = nullptr);
    void lockFor(const Actor& actor);
    QString errorText() const;

Q_SIGNALS:
    void unlocked();
    void signOutRequested();

private:
    void submit();

    LoginPage::Authenticate authenticate_;
    Actor actor_;
    QLabel* who_;
    QLineEdit* password_;
    QPushButton* unlock_;
    QLabel* error_;
};

} // namespace umbral::ui
