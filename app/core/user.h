#pragma once

#include "app/core/role.h"

#include <QDateTime>
#include <QString>

namespace umbral {

/// A person who signs in to the station. `id` is the database id; `name` the login name.
struct User {
    qint64 id = 0;
    QString name;
    QString displayName;
    Role role = Role::Officer;
    bool disabled = false;      ///< locked by an administrator
    int failedLogins = 0;
    QDateTime lockedUntil;      ///< lock-out after failed logins (UTC); invalid when not locked
    QDateTime createdAt;
};

/// Who is acting. Every service call takes one; the audit log records `name`.
struct Actor {
    qint64 userId = 0; ///< 0 for a local technician using umbralctl (see `name`)
    QString name;      ///< user name, or "cli:<os user>" for umbralctl
    Role role = Role::Officer;
};

} // namespace umbral
