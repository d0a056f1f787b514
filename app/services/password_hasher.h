#pragma once

#include <QString>

namespace umbral::services {

/// Argon2id password hashing (libsodium crypto_pwhash_str, interactive limits: 64 MiB, 2 passes).
/// The stored string carries its own salt and parameters.
QString hashPassword(const QString& password);
bool verifyPassword(const QString& hash, const QString& password);
/// Minimum rules for a new password; returns the reason it is refused, or an empty string.
QString passwordProblem(const QString& password);

} // namespace umbral::services
