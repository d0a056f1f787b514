#include "app/core/role.h"

namespace umbral {

bool roleHas(Role role, Permission p) {
    switch (role) {
    case Role::Officer:
        return p == Permission::EnrollTraveler || p == Permission::ViewOwnEncounters;
    case Role::Supervisor:
        // Supervisors also enroll when a lane is short-handed; four-eyes rules keep them from
        // adjudicating their own encounters.
        return p == Permission::EnrollTraveler || p == Permission::ViewOwnEncounters ||
               p == Permission::AdjudicateAlerts || p == Permission::ViewAlerts ||
               p == Permission::ViewAuditLog;
    case Role::Administrator:
        return p == Permission::ManageUsers || p == Permission::ManageWatchlist ||
               p == Permission::ManageDevices || p == Permission::ManageQueue ||
               p == Permission::ViewAuditLog;
    }
    return false;
}

QString toKey(Role role) {
    switch (role) {
    case Role::Officer:
        return QStringLiteral("officer");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Administrator:
        return QStringLiteral("administrator");
    }
    return {};
}

std::optional<Role> parseRole(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("officer"))
        return Role::Officer;
    if (t == QLatin1String("supervisor"))
        return Role::Supervisor;
    if (t == QLatin1String("administrator") || t == QLatin1String("admin"))
        return Role::Administrator;
    return std::nullopt;
}

} // namespace umbral
