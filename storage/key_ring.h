#pragma once

#include <QByteArray>
#include <QString>
#include <array>

namespace umbral::storage {

/// The station's data key and the subkeys derived from it (libsodium crypto_kdf):
///  - sealing: XChaCha20-Poly1305 (IETF AEAD) of images, templates and personal fields;
///  - look-up: keyed BLAKE2b of normalised document numbers, so the database can be searched by
///    document number without holding any;
///  - audit: keyed BLAKE2b chaining the audit log rows;
///  - check: a key-check value stored in the database to recognise the wrong key file.
/// The key lives in a key file (mode 0600) in the configuration directory, never beside the
/// database. Key material is kept in locked memory and wiped on destruction.
class KeyRing {
public:
    static constexpr int kKeyBytes = 32;

    /// Creates a new random key and writes it to `keyFile` (0600, the directory 0700). Refuses when
    /// the file exists.
    static KeyRing create(const QString& keyFile);
    /// Loads the key file. Throws KeyFailure when missing, unreadable, malformed or readable by
    /// group or others.
    static KeyRing load(const QString& keyFile);
    /// A key from raw bytes (tests, benchmarks).
    static KeyRing fromBytes(const QByteArray& key);

    KeyRing(const KeyRing&) = delete;
    KeyRing& operator=(const KeyRing&) = delete;
    KeyRing(KeyRing&& other) noexcept;
    ~KeyRing();

    /// nonce || ciphertext || tag. `context` is authenticated but not stored (e.g. the row and
    /// column the blob belongs to), so a sealed blob moved elsewhere fails to open.
    QByteArray seal(const QByteArray& plaintext, const QByteArray& context) const;
    /// Throws KeyFailure when the blob was changed, moved, or sealed under another key.
    QByteArray unseal(const QByteArray& sealed, const QByteArray& context) const;
    /// 32-byte keyed hash for equality look-ups.
    QByteArray lookupHash(const QByteArray& value) const;
    /// 32-byte keyed hash for the audit chain.
    QByteArray auditHash(const QByteArray& message) const;
    /// Hex key-check value stored in the database.
    QString keyCheck() const;

private:
    KeyRing();
    void derive(const unsigned char* master);
    unsigned char* keys_ = nullptr; // 4 subkeys of 32 bytes, sodium_malloc'ed
};

/// Initialises libsodium once; throws when it cannot.
void ensureSodium();

} // namespace umbral::storage
