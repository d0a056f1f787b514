#include "app/services/user_admin_service.h"

#include "app/core/errors.h"
#include "app/services/access.h"
#include "app/services/password_hasher.h"
#include "storage/station_store.h"

#include <QRegularExpression>

namespace umbral::services {

bool isValidUserName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[a-z0-9._-]{2,32}$"));
    return re.match(name).hasMatch();
}

User UserAdminService::requireUser(const QString& name) {
    const auto u = store_.users().findByName(name);
    if (!u)
        throw Error(ErrorCode::NotFound, QStringLiteral("no user %1").arg(name));
    return *u;
}

User UserAdminService::addUser(const Actor& actor, const QString& name, const QString& displayName,
                               Role role, const QString& password) {
    require(actor, Permission::ManageUsers, "add users");
    if (!isValidUserName(name))
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("user name %1 is not valid: 2-32 characters of a-z, 0-9, '.', '_', '-'")
                        .arg(name));
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        throw Error(ErrorCode::InvalidInput, problem);
    const QString hash = hashPassword(password); // slow: outside the transaction
    storage::Transaction tx(store_.db());
    User u;
    u.name = name;
    u.displayName = displayName.isEmpty() ? name : displayName;
    u.role = role;
    u.id = store_.users().add(u, hash);
    store_.audit().append(actor.name, QStringLiteral("user.add"), name, toKey(role));
    tx.commit();
    return *store_.users().findById(u.id);
}

std::vector<User> UserAdminService::listUsers(const Actor& actor) {
    require(actor, Permission::ManageUsers, "list users");
    return store_.users().list();
}

void UserAdminService::setPassword(const Actor& actor, const QString& name, const QString& password) {
    require(actor, Permission::ManageUsers, "reset passwords");
    const User u = requireUser(name);
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        throw Error(ErrorCode::InvalidInput, problem);
    const QString hash = hashPassword(password);
    storage::Transaction tx(store_.db());
    store_.users().setPasswordHash(u.id, hash);
    store_.audit().append(actor.name, QStringLiteral("user.passwd"), name, QStringLiteral("password reset"));
    tx.commit();
}

void UserAdminService::setLocked(const Actor& actor, const QString& name, bool locked) {
    require(actor, Permission::ManageUsers, locked ? "lock users" : "unlock users");
    const User u = requireUser(name);
    storage::Transaction tx(store_.db());
    store_.users().setDisabled(u.id, locked);
    if (!locked)
        store_.users().clearFailedLogins(u.id);
    store_.audit().append(actor.name, locked ? QStringLiteral("user.lock") : QStringLiteral("user.unlock"),
                          name, {});
    tx.commit();
}

void UserAdminService::setRole(const Actor& actor, const QString& name, Role role) {
    require(actor, Permission::ManageUsers, "change roles");
    const User u = requireUser(name);
    if (u.role == role)
        return;
    storage::Transaction tx(store_.db());
    if (u.role == Role::Administrator) {
        int activeAdministrators = 0;
        for (const User& other : store_.users().list())
            if (other.role == Role::Administrator && !other.disabled)
                ++activeAdministrators;
        if (activeAdministrators <= 1 && !u.disabled)
            throw Error(ErrorCode::Conflict,
                        QStringLiteral("%1 is the last active administrator: make someone else administrator first").arg(name));
    }
    store_.users().setRole(u.id, role);
    store_.audit().append(actor.name, QStringLiteral("user.role"), name,
                          QStringLiteral("%1 -> %2").arg(toKey(u.role), toKey(role)));
    tx.commit();
}

} // namespace umbral::services
