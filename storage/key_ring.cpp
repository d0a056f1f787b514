#include "storage/key_ring.h"

#include "app/core/errors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <sodium.h>
#include <sys/stat.h>

namespace umbral::storage {

namespace {
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'U', 'm', 'b', 'r', 'a', 'l', 'K', '1'};
constexpr int kSeal = 0, kLookup = 1, kAudit = 2, kCheck = 3;
constexpr const char* kHeader = "umbral-station-key-v1";
} // namespace

void ensureSodium() {
    if (sodium_init() < 0)
        throw Error(ErrorCode::KeyFailure, QStringLiteral("libsodium could not be initialised"));
}

KeyRing::KeyRing() {
    ensureSodium();
    keys_ = static_cast<unsigned char*>(sodium_malloc(4 * kKeyBytes));
    if (!keys_)
        throw Error(ErrorCode::KeyFailure, QStringLiteral("cannot allocate protected key memory"));
}

KeyRing::KeyRing(KeyRing&& other) noexcept : keys_(other.keys_) { other.keys_ = nullptr; }

KeyRing::~KeyRing() {
    if (keys_)
        sodium_free(keys_); // wipes before freeing
}

void KeyRing::derive(const unsigned char* master) {
    for (int i = 0; i < 4; ++i)
        crypto_kdf_derive_from_key(keys_ + i * kKeyBytes, kKeyBytes, std::uint64_t(i + 1),
                                   kKdfContext, master);
}

KeyRing KeyRing::fromBytes(const QByteArray& key) {
    if (key.size() != kKeyBytes)
        throw Error(ErrorCode::KeyFailure, QStringLiteral("a station key has 32 bytes"));
    KeyRing ring;
    ring.derive(reinterpret_cast<const unsigned char*>(key.constData()));
    return ring;
}

KeyRing KeyRing::create(const QString& keyFile) {
    ensureSodium();
    if (QFileInfo::exists(keyFile))
        throw Error(ErrorCode::Conflict,
                    QStringLiteral("key file %1 already exists; refusing to replace it").arg(keyFile));
    const QFileInfo info(keyFile);
    if (!QDir().mkpath(info.absolutePath()))
        throw Error(ErrorCode::KeyFailure,
                    QStringLiteral("cannot create the configuration directory %1")
                        .arg(info.absolutePath()));
    ::chmod(QFile::encodeName(info.absolutePath()).constData(), 0700);
    unsigned char master[kKeyBytes];
    crypto_kdf_keygen(master);
    char hex[kKeyBytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, master, kKeyBytes);
    QByteArray content = QByteArray(kHeader) + '\n' + QByteArray(hex) + '\n';
    sodium_memzero(hex, sizeof hex);

    QSaveFile file(keyFile);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(ErrorCode::KeyFailure,
                    QStringLiteral("cannot write key file %1: %2").arg(keyFile, file.errorString()));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(content);
    sodium_memzero(content.data(), size_t(content.size()));
    if (!file.commit())
        throw Error(ErrorCode::KeyFailure,
                    QStringLiteral("cannot write key file %1: %2").arg(keyFile, file.errorString()));
    ::chmod(QFile::encodeName(keyFile).constData(), 0600);
    KeyRing ring;
    ring.derive(master);
    sodium_memzero(master, sizeof master);
    return ring;
}

KeyRing KeyRing::load(const QString& keyFile) {
    ensureSodium();
    struct stat st {};
    const QByteArray native = QFile::encodeName(keyFile);
    if (::stat(native.constData(), &st) != 0)
        throw Error(ErrorCode::KeyFailure, QStringLiteral("key file %1 is missing").arg(keyFile));
    if ((st.st_mode & 077) != 0)
        throw Error(ErrorCode::KeyFailure,
                    QStringLiteral("key file %1 is readable by other users (mode %2); "
                                   "run: chmod 600 %1")
                        .arg(keyFile)
                        .arg(st.st_mode & 0777, 3, 8, QLatin1Char('0')));
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(ErrorCode::KeyFailure,
                    QStringLiteral("cannot read key file %1: %2").arg(keyFile, file.errorString()));
    QByteArray content = file.read(4096);
    const QList<QByteArray> lines = content.split('\n');
    unsigned char master[kKeyBytes];
    size_t len = 0;
    const bool ok = lines.size() >= 2 && lines[0].trimmed() == kHeader &&
                    sodium_hex2bin(master, sizeof master, lines[1].trimmed().constData(),
                                   size_t(lines[1].trimmed().size()), nullptr, &len, nullptr) == 0 &&
                    len == kKeyBytes;
    sodium_memzero(content.data(), size_t(content.size()));
    if (!ok)
        throw Error(ErrorCode::KeyFailure,
                    QStringLiteral("key file %1 is not an Umbral station key").arg(keyFile));
    KeyRing ring;
    ring.derive(master);
    sodium_memzero(master, sizeof master);
    return ring;
}

QByteArray KeyRing::seal(const QByteArray& plaintext, const QByteArray& context) const {
    constexpr int nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    QByteArray out(nonceBytes + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                   Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, nonceBytes);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + nonceBytes, &clen, reinterpret_cast<const unsigned char*>(plaintext.constData()),
        size_t(plaintext.size()), reinterpret_cast<const unsigned char*>(context.constData()),
        size_t(context.size()), nullptr, nonce, keys_ + kSeal * kKeyBytes);
    out.resize(nonceBytes + qsizetype(clen));
    return out;
}

QByteArray KeyRing::unseal(const QByteArray& sealed, const QByteArray& context) const {
    constexpr int nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    constexpr int tagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (sealed.size() < nonceBytes + tagBytes)
        throw Error(ErrorCode::KeyFailure, QStringLiteral("sealed data is truncated"));
    QByteArray out(sealed.size() - nonceBytes - tagBytes, Qt::Uninitialized);
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.constData());
    unsigned long long mlen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(out.data()), &mlen, nullptr, nonce + nonceBytes,
            size_t(sealed.size() - nonceBytes), reinterpret_cast<const unsigned char*>(context.constData()),
            size_t(context.size()), nonce, keys_ + kSeal * kKeyBytes) != 0)
        throw Error(ErrorCode::KeyFailure,
                    QStringLiteral("sealed data failed authentication (changed, moved, or another key)"));
    out.resize(qsizetype(mlen));
    return out;
}

QByteArray KeyRing::lookupHash(const QByteArray& value) const {
    QByteArray out(32, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), 32,
                       reinterpret_cast<const unsigned char*>(value.constData()), size_t(value.size()),
                       keys_ + kLookup * kKeyBytes, kKeyBytes);
    return out;
}

QByteArray KeyRing::auditHash(const QByteArray& message) const {
    QByteArray out(32, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), 32,
                       reinterpret_cast<const unsigned char*>(message.constData()),
                       size_t(message.size()), keys_ + kAudit * kKeyBytes, kKeyBytes);
    return out;
}

QString KeyRing::keyCheck() const {
    static const QByteArray probe("umbral key check v1");
    unsigned char out[16];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(probe.constData()),
                       size_t(probe.size()), keys_ + kCheck * kKeyBytes, kKeyBytes);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(out), sizeof out).toHex());
}

} // namespace umbral::storage
