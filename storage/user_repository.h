#pragma once

#include "app/core/user.h"

#include <optional>
#include <vector>

namespace umbral::storage {

class Database;

/// Users and their credentials. Only password hashes (Argon2id strings) are stored.
class UserRepository {
public:
    explicit UserRepository(Database& db) : db_(db) {}

    qint64 add(const User& user, const QString& passwordHash);
    std::optional<User> findByName(const QString& name) const;
    std::optional<User> findById(qint64 id) const;
    std::vector<User> list() const;
    QString passwordHash(qint64 id) const;
    void setPasswordHash(qint64 id, const QString& hash);
    void setDisabled(qint64 id, bool disabled);
    void setRole(qint64 id, Role role);
    /// Records a failed login; `lockedUntil` invalid when the account stays unlocked.
    void recordFailedLogin(qint64 id, int failedLogins, const QDateTime& lockedUntil);
    void clearFailedLogins(qint64 id);
    qint64 count() const;

private:
    Database& db_;
};

} // namespace umbral::storage
