#include "app/services/access.h"

#include "app/core/errors.h"

namespace umbral::services {

void require(const Actor& actor, Permission permission, const char* action) {
    if (actor.name.isEmpty())
        throw Error(ErrorCode::PermissionDenied,
                    QStringLiteral("%1 needs a signed-in user").arg(QLatin1String(action)));
    if (!roleHas(actor.role, permission))
        throw Error(ErrorCode::PermissionDenied,
                    QStringLiteral("%1 (%2) may not %3").arg(actor.name, toKey(actor.role), QLatin1String(action)));
}

} // namespace umbral::services
