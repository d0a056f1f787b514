#include "ui/admin/users_page.h"

#include "app/services/user_admin_service.h"
#include "storage/station_store.h"
#include "ui/admin/service_executor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace umbral::ui {

namespace {
QString stateWords(const User& u) {
    if (u.disabled)
        return QObject::tr("locked by an administrator");
    if (u.lockedUntil.isValid() && u.lockedUntil > QDateTime::currentDateTimeUtc())
        return QObject::tr("locked out until %1 (failed logins)")
            .arg(u.lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm")));
    return QObject::tr("active");
}

void fillRoles(QComboBox* box) {
    for (Role r : {Role::Officer, Role::Supervisor, Role::Administrator})
        box->addItem(toKey(r), int(r));
}
} // namespace

UsersPage::UsersPage(const Actor& actor, const WorkspaceServices& services, QWidget* parent)
    : QWidget(parent), actor_(actor), services_(services) {
    setObjectName(QStringLiteral("usersPage"));
    table_ = new QTableWidget(0, 5, this);
    table_->setObjectName(QStringLiteral("usersTable"));
    table_->setHorizontalHeaderLabels(
        {tr("User"), tr("Name"), tr("Role"), tr("State"), tr("Failed logins")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);

    // Adding a user.
    auto* addBox = new QGroupBox(tr("Add a user"), this);
    newName_ = new QLineEdit(addBox);
    newName_->setObjectName(QStringLiteral("newUserName"));
    newName_->setPlaceholderText(tr("2-32 of a-z 0-9 . _ -"));
    newDisplayName_ = new QLineEdit(addBox);
    newDisplayName_->setObjectName(QStringLiteral("newDisplayName"));
    newRole_ = new QComboBox(addBox);
    newRole_->setObjectName(QStringLiteral("newRole"));
    fillRoles(newRole_);
    newPassword_ = new QLineEdit(addBox);
    newPassword_->setObjectName(QStringLiteral("newPassword"));
    newPassword_->setEchoMode(QLineEdit::Password);
    newPasswordAgain_ = new QLineEdit(addBox);
    newPasswordAgain_->setObjectName(QStringLiteral("newPasswordAgain"));
    newPasswordAgain_->setEchoMode(QLineEdit::Password);
    add_ = new QPushButton(tr("&Add user"), addBox);
    add_->setObjectName(QStringLiteral("addUser"));
    auto* addForm = new QFormLayout(addBox);
    addForm->addRow(tr("User &name"), newName_);
    addForm->addRow(tr("&Display name"), newDisplayName_);
    addForm->addRow(tr("&Role"), newRole_); // Alt+O is "Sign out"
    addForm->addRow(tr("&Password"), newPassword_);
    addForm->addRow(tr("Repea&t password"), newPasswordAgain_);
    addForm->addRow(QString(), add_);

    // The selected user.
    selectedBox_ = new QGroupBox(tr("Selected user: none"), this);
    role_ = new QComboBox(selectedBox_);
    role_->setObjectName(QStringLiteral("selectedRole"));
    fillRoles(role_);
    changeRole_ = new QPushButton(tr("&Change role"), selectedBox_);
    changeRole_->setObjectName(QStringLiteral("changeRole"));
    resetPassword_ = new QLineEdit(selectedBox_);
    resetPassword_->setObjectName(QStringLiteral("resetPasswordField"));
    resetPassword_->setEchoMode(QLineEdit::Password);
    resetPassword_->setPlaceholderText(tr("new password"));
    reset_ = new QPushButton(tr("R&eset password"), selectedBox_);
    reset_->setObjectName(QStringLiteral("resetPassword"));
    lock_ = new QPushButton(tr("Loc&k account"), selectedBox_);
    lock_->setObjectName(QStringLiteral("lockUser"));
    unlock_ = new QPushButton(tr("&Unlock account"), selectedBox_);
    unlock_->setObjectName(QStringLiteral("unlockUser"));
    auto* roleRow = new QHBoxLayout;
    roleRow->addWidget(role_, 1);
    roleRow->addWidget(changeRole_);
    auto* passwordRow = new QHBoxLayout;
    passwordRow->addWidget(resetPassword_, 1);
    passwordRow->addWidget(reset_);
    auto* lockRow = new QHBoxLayout;
    lockRow->addWidget(lock_);
    lockRow->addWidget(unlock_);
    auto* selectedForm = new QFormLayout(selectedBox_);
    auto* roleLabel = new QLabel(tr("Ro&le"), selectedBox_);
    roleLabel->setBuddy(role_);
    auto* passwordLabel = new QLabel(tr("New pass&word"), selectedBox_);
    passwordLabel->setBuddy(resetPassword_);
    selectedForm->addRow(roleLabel, roleRow);
    selectedForm->addRow(passwordLabel, passwordRow);
    selectedForm->addRow(tr("Account"), lockRow);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("usersStatus"));
    status_->setWordWrap(true);

    auto* side = new QVBoxLayout;
    side->addWidget(addBox);
    side->addWidget(selectedBox_);
    side->addStretch();
    auto* body = new QHBoxLayout;
    body->addWidget(table_, 3);
    body->addLayout(side, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(status_);

    connect(add_, &QPushButton::clicked, this, &UsersPage::addUser);
    connect(changeRole_, &QPushButton::clicked, this, &UsersPage::changeRole);
    connect(reset_, &QPushButton::clicked, this, &UsersPage::resetPassword);
    connect(lock_, &QPushButton::clicked, this, [this] { setLocked(true); });
    connect(unlock_, &QPushButton::clicked, this, [this] { setLocked(false); });
    connect(table_, &QTableWidget::itemSelectionChanged, this, &UsersPage::selectionChanged);
    setTabOrder(table_, newName_);
    setTabOrder(newName_, newDisplayName_);
    setTabOrder(newDisplayName_, newRole_);
    setTabOrder(newRole_, newPassword_);
    setTabOrder(newPassword_, newPasswordAgain_);
    setTabOrder(newPasswordAgain_, add_);
    setTabOrder(add_, role_);
    setTabOrder(role_, changeRole_);
    setTabOrder(changeRole_, resetPassword_);
    setTabOrder(resetPassword_, reset_);
    setTabOrder(reset_, lock_);
    setTabOrder(lock_, unlock_);
    selectionChanged();
    reload();
}

void UsersPage::reload() {
    services_.executor->run<std::vector<User>>(
        this,
        [store = services_.store, actor = actor_] {
            return services::UserAdminService(*store).listUsers(actor);
        },
        [this](const ServiceOutcome<std::vector<User>>& o) {
            const QString keep =
                selectedUser(); // as selected now, not when the reload was asked for
            if (!o.value) {
                status_->setText(tr("Error: the users could not be listed: %1").arg(o.error));
                return;
            }
            users_ = *o.value;
            table_->setRowCount(int(users_.size()));
            for (int i = 0; i < int(users_.size()); ++i) {
                const User& u = users_[std::size_t(i)];
                const QStringList cells{u.name, u.displayName, toKey(u.role), stateWords(u),
                                        QString::number(u.failedLogins)};
                for (int c = 0; c < cells.size(); ++c)
                    table_->setItem(i, c, new QTableWidgetItem(cells[c]));
            }
            table_->resizeColumnsToContents();
            {
                // Re-selecting the same user is not a new choice: keep what the combo says.
                const QSignalBlocker block(table_);
                if (!keep.isEmpty())
                    selectUser(keep);
            }
            updateButtons();
            emit loaded();
            if (pendingOutcome_) {
                const bool ok = *pendingOutcome_;
                pendingOutcome_.reset();
                emit actionFinished(ok);
            }
        });
}

bool UsersPage::selectUser(const QString& name) {
    for (int i = 0; i < table_->rowCount(); ++i)
        if (table_->item(i, 0)->text() == name) {
            table_->selectRow(i);
            return true;
        }
    return false;
}

QString UsersPage::selectedUser() const {
    const auto rows =
        table_->selectionModel() ? table_->selectionModel()->selectedRows() : QModelIndexList{};
    return rows.isEmpty() ? QString() : table_->item(rows.front().row(), 0)->text();
}

QString UsersPage::statusText() const {
    return status_->text();
}
int UsersPage::userCount() const {
    return table_->rowCount();
}

QString UsersPage::cell(const QString& name, int column) const {
    for (int i = 0; i < table_->rowCount(); ++i)
        if (table_->item(i, 0)->text() == name)
            return table_->item(i, column)->text();
    return {};
}

void UsersPage::selectionChanged() {
    const QString name = selectedUser();
    for (const User& u : users_)
        if (u.name == name)
            role_->setCurrentIndex(role_->findData(int(u.role)));
    updateButtons();
}

void UsersPage::updateButtons() {
    const QString name = selectedUser();
    const bool any = !name.isEmpty();
    selectedBox_->setTitle(any ? tr("Selected user: %1").arg(name)
                               : tr("Selected user: none (select one in the list)"));
    for (QWidget* w : std::initializer_list<QWidget*>{role_, changeRole_, resetPassword_, reset_,
                                                      lock_, unlock_})
        w->setEnabled(any);
    for (const User& u : users_)
        if (u.name == name) {
            lock_->setEnabled(!u.disabled);
            unlock_->setEnabled(u.disabled || (u.lockedUntil.isValid() &&
                                               u.lockedUntil > QDateTime::currentDateTimeUtc()));
        }
}

void UsersPage::runAction(const QString& doneText, std::function<void()> work,
                          std::function<void()> onSuccess) {
    status_->setText(tr("Working…"));
    services_.executor->run<bool>(
        this,
        [work] {
            work();
            return true;
        },
        [this, doneText, onSuccess](const ServiceOutcome<bool>& o) {
            status_->setText(o.value ? tr("Done: %1").arg(doneText) : tr("Error: %1").arg(o.error));
            if (!o.value) {
                emit actionFinished(false);
                return;
            }
            if (onSuccess)
                onSuccess();
            // Finished once the list shows the outcome.
            pendingOutcome_ = true;
            reload();
        });
}

void UsersPage::addUser() {
    const QString name = newName_->text().trimmed(), display = newDisplayName_->text().trimmed();
    const QString password = newPassword_->text();
    if (password != newPasswordAgain_->text()) {
        status_->setText(tr("Error: the two passwords differ. Type them again."));
        newPassword_->clear();
        newPasswordAgain_->clear();
        newPassword_->setFocus();
        emit actionFinished(false);
        return;
    }
    const Role role = Role(newRole_->currentData().toInt());
    newPassword_->clear();
    newPasswordAgain_->clear();
    runAction(
        tr("user %1 added as %2.").arg(name, toKey(role)),
        [store = services_.store, actor = actor_, name, display, role, password] {
            services::UserAdminService(*store).addUser(actor, name, display, role, password);
        },
        [this] {
            newName_->clear();
            newDisplayName_->clear();
        });
}

void UsersPage::changeRole() {
    const QString name = selectedUser();
    const Role role = Role(role_->currentData().toInt());
    runAction(tr("%1 is now %2.").arg(name, toKey(role)),
              [store = services_.store, actor = actor_, name, role] {
                  services::UserAdminService(*store).setRole(actor, name, role);
              });
}

void UsersPage::resetPassword() {
    const QString name = selectedUser(), password = resetPassword_->text();
    resetPassword_->clear();
    runAction(tr("the password of %1 was reset.").arg(name),
              [store = services_.store, actor = actor_, name, password] {
                  services::UserAdminService(*store).setPassword(actor, name, password);
              });
}

void UsersPage::setLocked(bool locked) {
    const QString name = selectedUser();
    runAction(locked ? tr("%1 is locked.").arg(name) : tr("%1 is unlocked.").arg(name),
              [store = services_.store, actor = actor_, name, locked] {
                  services::UserAdminService(*store).setLocked(actor, name, locked);
              });
}

} // namespace umbral::ui
