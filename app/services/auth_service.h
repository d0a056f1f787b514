#pragma once

#include "app/core/user.h"
#include "app/services/station_settings.h"

#include <QDateTime>
#include <functional>

namespace umbral::storage { class StationStore; }

namespace umbral::services {

/// Sign-in with Argon2id password check and lock-out: after `maxFailedLogins` consecutive
/// failures the account is locked for `lockoutSeconds`. Every attempt is audited (never the
/// password). The clock is injectable for tests.
class AuthService {
public:
    using Clock = std::function<QDateTime()>;
    AuthService(storage::StationStore& store, StationSettings settings, Clock clock = {});

    /// Returns the actor on success. Throws BadCredentials (unknown user or wrong password: the
    /// same message for both), AccountLocked (with the time it unlocks) or PermissionDenied
    /// (account disabled by an administrator).
    Actor login(const QString& name, const QString& password);

private:
    storage::StationStore& store_;
    StationSettings settings_;
    Clock clock_;
};

} // namespace umbral::services
