#pragma once

#include <QString>
#include <optional>

namespace umbral {

enum class Role { Officer, Supervisor, Administrator };

/// What a role may do. Checked in the service layer on every call, never by hiding buttons.
enum class Permission {
    EnrollTraveler,      ///< create and submit encounters
    ViewOwnEncounters,
    AdjudicateAlerts,    ///< confirm, dismiss, escalate (never on one's own encounter)
    ViewAlerts,
    ManageUsers,
    ManageWatchlist,
    ManageDevices,
    ManageQueue,
    ViewAuditLog,
};

bool roleHas(Role role, Permission permission);
QString toKey(Role role); ///< "officer", "supervisor", "administrator"
std::optional<Role> parseRole(const QString& text);

} // namespace umbral
