#include "app/services/auth_service.h"

#include "app/core/errors.h"
#include "app/services/password_hasher.h"
#include "storage/station_store.h"

namespace umbral::services {

AuthService::AuthService(storage::StationStore& store, StationSettings settings, Clock clock)
    : store_(store), settings_(std::move(settings)), clock_(std::move(clock)) {
    if (!clock_)
        clock_ = [] { return QDateTime::currentDateTimeUtc(); };
}

Actor AuthService::login(const QString& name, const QString& password) {
    auto users = store_.users();
    auto audit = store_.audit();
    const QDateTime now = clock_();
    const auto user = users.findByName(name);
    if (!user) {
        // Still spend the time of a hash check so a user name cannot be probed by timing.
        verifyPassword(QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$"
                                      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                       password);
        storage::Transaction tx(store_.db());
        audit.append(QStringLiteral("unknown"), QStringLiteral("login.failed"), QStringLiteral("-"),
                     QStringLiteral("unknown user name"));
        tx.commit();
        throw Error(ErrorCode::BadCredentials, QStringLiteral("wrong user name or password"));
    }
    if (user->disabled) {
        storage::Transaction tx(store_.db());
        audit.append(user->name, QStringLiteral("login.refused"), user->name, QStringLiteral("account disabled"));
        tx.commit();
        throw Error(ErrorCode::PermissionDenied,
                    QStringLiteral("the account %1 is locked by an administrator").arg(user->name));
    }
    if (user->lockedUntil.isValid() && user->lockedUntil > now) {
        storage::Transaction tx(store_.db());
        audit.append(user->name, QStringLiteral("login.refused"), user->name, QStringLiteral("locked out"));
        tx.commit();
        throw Error(ErrorCode::AccountLocked,
                    QStringLiteral("too many failed sign-ins: the account is locked until %1 UTC")
                        .arg(user->lockedUntil.toUTC().toString(QStringLiteral("HH:mm:ss"))));
    }
    const bool ok = verifyPassword(users.passwordHash(user->id), password);
    storage::Transaction tx(store_.db());
    if (!ok) {
        // A lock that has expired starts a fresh count.
        const int previous = (user->lockedUntil.isValid() && user->lockedUntil <= now) ? 0 : user->failedLogins;
        const int failures = previous + 1;
        QDateTime lockedUntil;
        if (failures >= settings_.maxFailedLogins)
            lockedUntil = now.addSecs(settings_.lockoutSeconds);
        users.recordFailedLogin(user->id, failures, lockedUntil);
        audit.append(user->name, QStringLiteral("login.failed"), user->name,
                     lockedUntil.isValid() ? QStringLiteral("wrong password; account locked")
                                           : QStringLiteral("wrong password (%1 of %2)")
                                                 .arg(failures).arg(settings_.maxFailedLogins));
        tx.commit();
        throw Error(ErrorCode::BadCredentials, QStringLiteral("wrong user name or password"));
    }
    users.clearFailedLogins(user->id);
    audit.append(user->name, QStringLiteral("login"), user->name, toKey(user->role));
    tx.commit();
    return Actor{user->id, user->name, user->role};
}

} // namespace umbral::services
