#pragma once

#include "app/core/user.h"

#include <vector>

namespace umbral::storage { class StationStore; }

namespace umbral::services {

/// User administration. Administrators only; every change audited.
class UserAdminService {
public:
    explicit UserAdminService(storage::StationStore& store) : store_(store) {}

    User addUser(const Actor& actor, const QString& name, const QString& displayName, Role role,
                 const QString& password);
    std::vector<User> listUsers(const Actor& actor);
    void setPassword(const Actor& actor, const QString& name, const QString& password);
    /// Locks (true) or unlocks (false) an account; unlocking also clears a lock-out.
    void setLocked(const Actor& actor, const QString& name, bool locked);
    /// Changes a user's role. Refuses (Conflict) to take the administrator role from the last
    /// administrator whose account is not locked: the station would have nobody to manage it.
    void setRole(const Actor& actor, const QString& name, Role role);

private:
    User requireUser(const QString& name);
    storage::StationStore& store_;
};

/// A user name is 2-32 characters of a-z, 0-9, '.', '_' or '-'.
bool isValidUserName(const QString& name);

} // namespace umbral::services
