#include "app/screening/package_signing.h"

#include "app/core/errors.h"

#include <QRegularExpression>
#include <QStringList>
#include <sodium.h>

namespace umbral::screening {

namespace {
void initSodium() {
    if (sodium_init() < 0)
        throw Error(ErrorCode::KeyFailure, QStringLiteral("libsodium could not be initialised"));
}
} // namespace

QString PublicKey::hex() const {
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(bytes.data()), int(bytes.size())).toHex());
}

std::optional<PublicKey> PublicKey::fromHex(const QString& text) {
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-fA-F]{64}$"));
    const QString t = text.trimmed();
    if (!hex64.match(t).hasMatch())
        return std::nullopt;
    const QByteArray raw = QByteArray::fromHex(t.toLatin1());
    PublicKey k;
    std::copy(raw.begin(), raw.end(), k.bytes.begin());
    return k;
}

SigningKey::SigningKey() {
    initSodium();
    secret_ = static_cast<unsigned char*>(sodium_malloc(crypto_sign_SECRETKEYBYTES));
    if (!secret_)
        throw Error(ErrorCode::KeyFailure, QStringLiteral("cannot allocate protected key memory"));
}

SigningKey::SigningKey(SigningKey&& other) noexcept : secret_(other.secret_), public_(other.public_) {
    other.secret_ = nullptr;
}

SigningKey::~SigningKey() {
    if (secret_)
        sodium_free(secret_);
}

SigningKey SigningKey::generate() {
    SigningKey k;
    crypto_sign_keypair(k.public_.bytes.data(), k.secret_);
    return k;
}

SigningKey SigningKey::fromSeed(const QByteArray& seed) {
    if (seed.size() != crypto_sign_SEEDBYTES)
        throw Error(ErrorCode::KeyFailure, QStringLiteral("an Ed25519 seed has 32 bytes"));
    SigningKey k;
    crypto_sign_seed_keypair(k.public_.bytes.data(), k.secret_, reinterpret_cast<const unsigned char*>(seed.constData()));
    return k;
}

const SigningKey& SigningKey::demo() {
    // Published on purpose: the demo key protects nothing. It exists so that `umbralctl watchlist
    // demo` can build a package a demo station imports through the same verification path.
    static const SigningKey key = [] {
        initSodium();
        static const QByteArray label("umbral demo watchlist signing key, v1; trusted only in demo mode");
        QByteArray seed(crypto_sign_SEEDBYTES, Qt::Uninitialized);
        crypto_generichash(reinterpret_cast<unsigned char*>(seed.data()), size_t(seed.size()),
                           reinterpret_cast<const unsigned char*>(label.constData()), size_t(label.size()), nullptr, 0);
        return fromSeed(seed);
    }();
    return key;
}

TrustedKeys TrustedKeys::parse(const QStringList& items, bool demoMode) {
    TrustedKeys keys;
    keys.demoMode_ = demoMode;
    int unnamed = 0;
    for (const QString& raw : items) {
        for (const QString& item : raw.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
            const int colon = item.lastIndexOf(QLatin1Char(':'));
            const QString name = colon > 0 ? item.left(colon) : QStringLiteral("key-%1").arg(++unnamed);
            const auto key = PublicKey::fromHex(colon > 0 ? item.mid(colon + 1) : item);
            if (!key)
                throw Error(ErrorCode::InvalidInput,
                            QStringLiteral("[watchlist] trusted_keys: '%1' is not name:<64 hex digits>").arg(item));
            keys.add(name, *key);
        }
    }
    return keys;
}

std::optional<QString> TrustedKeys::find(const PublicKey& key) const {
    for (const TrustedKey& k : keys_)
        if (k.key == key)
            return k.name;
    if (demoMode_ && key == SigningKey::demo().publicKey())
        return QStringLiteral("demo");
    return std::nullopt;
}

} // namespace umbral::screening
