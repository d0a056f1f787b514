#pragma once

#include "app/core/role.h"
#include "app/core/user.h"

namespace umbral::services {

/// Throws PermissionDenied (naming the actor, role and action) unless the actor's role has the
/// permission. Every service entry point calls this first.
void require(const Actor& actor, Permission permission, const char* action);

} // namespace umbral::services
