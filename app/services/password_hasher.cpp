#include "app/services/password_hasher.h"

#include "app/core/errors.h"
#include "storage/key_ring.h"

#include <sodium.h>

namespace umbral::services {

QString hashPassword(const QString& password) {
    storage::ensureSodium();
    QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const int rc = crypto_pwhash_str_alg(out, utf8.constData(), size_t(utf8.size()),
                                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                         crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(utf8.data(), size_t(utf8.size()));
    if (rc != 0)
        throw Error(ErrorCode::Internal, QStringLiteral("password hashing failed (out of memory)"));
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString& hash, const QString& password) {
    storage::ensureSodium();
    const QByteArray h = hash.toLatin1();
    QByteArray utf8 = password.toUtf8();
    const bool ok = crypto_pwhash_str_verify(h.constData(), utf8.constData(), size_t(utf8.size())) == 0;
    sodium_memzero(utf8.data(), size_t(utf8.size()));
    return ok;
}

QString passwordProblem(const QString& password) {
    if (password.size() < 8)
        return QStringLiteral("a password needs at least 8 characters");
    if (password.size() > 256)
        return QStringLiteral("a password has at most 256 characters");
    return {};
}

} // namespace umbral::services
