#pragma once

#include "app/core/user.h"
#include "ui/admin/workspace_services.h"

#include <QWidget>
#include <functional>
#include <optional>
#include <vector>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace umbral::ui {

/// Users (administrators): the list with each account's role and state; adding a user;
/// changing the selected user's role, resetting their password, locking and unlocking them.
/// Every action is a role-checked, audited service call on the worker thread; the page shows
/// its outcome in words.
class UsersPage : public QWidget {
    Q_OBJECT
public:
    UsersPage(const Actor& actor, const WorkspaceServices& services, QWidget* parent = nullptr);

    void reload();
    /// Selects the user by name; false when not listed.
    bool selectUser(const QString& name);
    QString selectedUser() const;
    QString statusText() const;
    int userCount() const;
    /// The text of a cell of the user's row (column 0 name, 1 display name, 2 role, 3 state).
    QString cell(const QString& name, int column) const;

signals:
    void loaded();
    /// An action ended: refused (at once) or done (once the list shows it).
    void actionFinished(bool ok);

private:
    void addUser();
    void changeRole();
    void resetPassword();
    void setLocked(bool locked);
    void selectionChanged();
    void updateButtons();
    void runAction(const QString& doneText, std::function<void()> work,
                   std::function<void()> onSuccess = {});

    Actor actor_;
    WorkspaceServices services_;
    std::vector<User> users_;
    std::optional<bool> pendingOutcome_; ///< an action's outcome, announced after the reload
    QTableWidget* table_;
    QLineEdit* newName_;
    QLineEdit* newDisplayName_;
    QComboBox* newRole_;
    QLineEdit* newPassword_;
    QLineEdit* newPasswordAgain_;
    QPushButton* add_;
    QGroupBox* selectedBox_;
    QComboBox* role_;
    QPushButton* changeRole_;
    QLineEdit* resetPassword_;
    QPushButton* reset_;
    QPushButton* lock_;
    QPushButton* unlock_;
    QLabel* status_;
};

} // namespace umbral::ui
