#pragma once

// Ed25519 keys for watchlist packages (libsodium). Packages are signed with Ed25519ph (the
// pre-hashed variant: SHA-512 of the content, libsodium's crypto_sign_init/update/final), so a
// package of any size is signed and verified while streaming it.

#include <QByteArray>
#include <QString>
#include <array>
#include <optional>
#include <vector>

namespace umbral::screening {

/// An Ed25519 public key (32 bytes).
struct PublicKey {
    std::array<unsigned char, 32> bytes{};

    /// 64 lower-case hex digits: how keys are written in umbral.conf and shown to people.
    QString hex() const;
    /// Parses 64 hex digits; nullopt otherwise.
    static std::optional<PublicKey> fromHex(const QString& hex);
    bool operator==(const PublicKey&) const = default;
};

/// An Ed25519 signing key (secret). Kept in locked memory and wiped on destruction.
class SigningKey {
public:
    /// A new random key.
    static SigningKey generate();
    /// The key derived from a 32-byte seed (deterministic).
    static SigningKey fromSeed(const QByteArray& seed);
    /// The demo key: derived from a published seed, so anyone can sign with it. Only a station
    /// in demo mode trusts it ([watchlist] demo_mode=true); a real station refuses its packages.
    static const SigningKey& demo();

    SigningKey(const SigningKey&) = delete;
    SigningKey& operator=(const SigningKey&) = delete;
    SigningKey(SigningKey&& other) noexcept;
    ~SigningKey();

    PublicKey publicKey() const { return public_; }
    /// The 64-byte secret key (seed || public key), for the signer's streaming state.
    const unsigned char* secret() const { return secret_; }

private:
    SigningKey();
    unsigned char* secret_ = nullptr; // crypto_sign_SECRETKEYBYTES, sodium_malloc'ed
    PublicKey public_;
};

/// A configured trusted key with the name the configuration gives it.
struct TrustedKey {
    QString name;
    PublicKey key;
};

/// The keys a station trusts. Parsed from umbral.conf `[watchlist] trusted_keys`: a list of
/// "name:hex" (or bare hex) separated by commas or spaces.
class TrustedKeys {
public:
    TrustedKeys() = default;
    /// Throws umbral::Error(InvalidInput) naming the bad item when one does not parse.
    static TrustedKeys parse(const QStringList& items, bool demoMode);
    void add(const QString& name, const PublicKey& key) { keys_.push_back({name, key}); }
    void setDemoMode(bool on) { demoMode_ = on; }
    bool demoMode() const { return demoMode_; }

    /// The trusted key's name; nullopt when the key is not trusted. The demo key is trusted
    /// (named "demo") only in demo mode.
    std::optional<QString> find(const PublicKey& key) const;
    const std::vector<TrustedKey>& keys() const { return keys_; }

private:
    std::vector<TrustedKey> keys_;
    bool demoMode_ = false;
};

} // namespace umbral::screening
