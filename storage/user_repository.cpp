#include "storage/user_repository.h"

#include "app/core/errors.h"
#include "storage/sqlite_database.h"

namespace umbral::storage {

namespace {
constexpr const char* kColumns =
    "SELECT id, name, display_name, role, disabled, failed_logins, locked_until, created_at FROM users ";

User readUser(const Statement& s) {
    User u;
    u.id = s.int64(0);
    u.name = s.text(1);
    u.displayName = s.text(2);
    u.role = parseRole(s.text(3)).value_or(Role::Officer);
    u.disabled = s.int64(4) != 0;
    u.failedLogins = int(s.int64(5));
    if (!s.isNull(6))
        u.lockedUntil = QDateTime::fromString(s.text(6), Qt::ISODateWithMs);
    u.createdAt = QDateTime::fromString(s.text(7), Qt::ISODateWithMs);
    return u;
}
} // namespace

qint64 UserRepository::add(const User& user, const QString& passwordHash) {
    if (findByName(user.name))
        throw Error(ErrorCode::Conflict, QStringLiteral("user %1 already exists").arg(user.name));
    db_.prepare("INSERT INTO users(name, display_name, role, password_hash, disabled, created_at) "
                "VALUES (?, ?, ?, ?, 0, ?)")
        .bind(1, user.name)
        .bind(2, user.displayName.isEmpty() ? user.name : user.displayName)
        .bind(3, toKey(user.role))
        .bind(4, passwordHash)
        .bind(5, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
        .exec();
    return db_.lastInsertId();
}

std::optional<User> UserRepository::findByName(const QString& name) const {
    Statement s = db_.prepare((QByteArray(kColumns) + "WHERE name = ?").constData());
    s.bind(1, name);
    if (s.step())
        return readUser(s);
    return std::nullopt;
}

std::optional<User> UserRepository::findById(qint64 id) const {
    Statement s = db_.prepare((QByteArray(kColumns) + "WHERE id = ?").constData());
    s.bind(1, id);
    if (s.step())
        return readUser(s);
    return std::nullopt;
}

std::vector<User> UserRepository::list() const {
    Statement s = db_.prepare((QByteArray(kColumns) + "ORDER BY name").constData());
    std::vector<User> users;
    while (s.step())
        users.push_back(readUser(s));
    return users;
}

QString UserRepository::passwordHash(qint64 id) const {
    Statement s = db_.prepare("SELECT password_hash FROM users WHERE id = ?");
    s.bind(1, id);
    return s.step() ? s.text(0) : QString();
}

void UserRepository::setPasswordHash(qint64 id, const QString& hash) {
    db_.prepare("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?")
        .bind(1, hash)
        .bind(2, id)
        .exec();
}

void UserRepository::setDisabled(qint64 id, bool disabled) {
    db_.prepare("UPDATE users SET disabled = ? WHERE id = ?").bind(1, disabled ? 1 : 0).bind(2, id).exec();
}

void UserRepository::setRole(qint64 id, Role role) {
    db_.prepare("UPDATE users SET role = ? WHERE id = ?").bind(1, toKey(role)).bind(2, id).exec();
}

void UserRepository::recordFailedLogin(qint64 id, int failedLogins, const QDateTime& lockedUntil) {
    db_.prepare("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?")
        .bind(1, failedLogins)
        .bind(2, lockedUntil.isValid() ? lockedUntil.toUTC().toString(Qt::ISODateWithMs) : QString())
        .bind(3, id)
        .exec();
}

void UserRepository::clearFailedLogins(qint64 id) {
    db_.prepare("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?").bind(1, id).exec();
}

qint64 UserRepository::count() const { return db_.scalarInt("SELECT count(*) FROM users"); }

} // namespace umbral::storage
