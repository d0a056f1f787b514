#pragma once

#include <QString>
#include <stdexcept>

namespace umbral {

/// What went wrong, in categories a caller can act on. Every failure that reaches the officer,
/// the administrator or a script carries one of these and a message in words.
enum class ErrorCode {
    InvalidInput,     ///< malformed MRZ, unknown option value, bad file
    NotFound,         ///< no such encounter, user, entry
    PermissionDenied, ///< the acting user's role may not do this
    AccountLocked,    ///< too many failed logins
    BadCredentials,   ///< wrong user name or password
    Conflict,         ///< already exists, wrong state for this action
    StorageFailure,   ///< SQLite error, disk full, read-only directory
    CorruptData,      ///< database or file fails its integrity checks
    KeyFailure,       ///< missing, unreadable or wrong key file; unseal failed
    DeviceFailure,    ///< a device error (not traveler feedback)
    Internal
};

/// The exception type of the application core (storage and services). Messages never contain
/// personal data: no names, document numbers or images.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const QString& message)
        : std::runtime_error(message.toStdString()), code_(code) {}
    ErrorCode code() const noexcept { return code_; }
    QString message() const { return QString::fromStdString(what()); }

private:
    ErrorCode code_;
};

} // namespace umbral
