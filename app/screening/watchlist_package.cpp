#include "app/screening/watchlist_package.h"

#include "app/core/travel_document.h"
#include "app/screening/date_of_birth.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtEndian>
#include <sodium.h>

namespace umbral::screening {

namespace {
constexpr char kMagic[8] = {'U', 'M', 'B', 'R', 'A', 'L', 'W', 'L'};
constexpr quint16 kFormatVersion = 1;
constexpr char kSignatureTag[4] = {'S', 'I', 'G', '1'};
constexpr qint64 kTrailerBytes = 4 + crypto_sign_PUBLICKEYBYTES + crypto_sign_BYTES;
constexpr quint32 kMaxHeaderBytes = 1 << 20;
constexpr quint32 kMaxRecordBytes = 64u << 20;
constexpr int kMaxIdLength = 128;

enum : quint8 { kOpUpsert = 1, kOpRemove = 2 };
enum : quint8 { kModalityFinger = 1, kModalityIris = 2 };
enum : quint8 { kFormatImage = 1, kFormatIsoTemplate = 2, kFormatIrisCode = 3 };

template <typename T> void putLe(QByteArray& out, T value) {
    char buf[sizeof(T)];
    qToLittleEndian(value, buf);
    out.append(buf, sizeof(T));
}

// A cursor over one record's bytes; every read is bounds-checked.
class Cursor {
public:
    explicit Cursor(const QByteArray& bytes) : b_(bytes) {}
    template <typename T> T get() {
        need(sizeof(T));
        const T v = qFromLittleEndian<T>(b_.constData() + pos_);
        pos_ += qsizetype(sizeof(T));
        return v;
    }
    QByteArray bytes(qint64 n) {
        need(std::size_t(n));
        const QByteArray out = b_.mid(pos_, qsizetype(n));
        pos_ += qsizetype(n);
        return out;
    }
    bool atEnd() const { return pos_ == b_.size(); }

private:
    void need(std::size_t n) {
        if (pos_ + qsizetype(n) > b_.size())
            throw PackageRefused(PackageProblem::Malformed, QStringLiteral("a record ends early"));
    }
    const QByteArray& b_;
    qsizetype pos_ = 0;
};

QString iso(const QDateTime& t) { return t.toUTC().toString(Qt::ISODate); }
} // namespace

QString toKey(PackageKind kind) { return kind == PackageKind::Full ? QStringLiteral("full") : QStringLiteral("delta"); }

QString toKey(PackageProblem p) {
    switch (p) {
    case PackageProblem::Unreadable: return QStringLiteral("unreadable");
    case PackageProblem::NotAPackage: return QStringLiteral("not-a-package");
    case PackageProblem::UnknownKey: return QStringLiteral("unknown-key");
    case PackageProblem::BadSignature: return QStringLiteral("bad-signature");
    case PackageProblem::Malformed: return QStringLiteral("malformed");
    case PackageProblem::MalformedEntry: return QStringLiteral("malformed-entry");
    case PackageProblem::OlderVersion: return QStringLiteral("older-version");
    case PackageProblem::WrongBase: return QStringLiteral("wrong-base-version");
    case PackageProblem::Expired: return QStringLiteral("expired");
    case PackageProblem::NotYetValid: return QStringLiteral("not-yet-valid");
    }
    return {};
}

PackageRefused::PackageRefused(PackageProblem problem, const QString& message)
    : Error(problem == PackageProblem::UnknownKey || problem == PackageProblem::BadSignature ? ErrorCode::KeyFailure
                                                                                           : ErrorCode::InvalidInput,
            QStringLiteral("watchlist package refused (%1): %2").arg(toKey(problem), message)),
      problem_(problem) {}

QString entryProblem(const WatchlistEntry& e) {
    static const QRegularExpression state(QStringLiteral("^[A-Z<]{3}$"));
    if (e.id.trimmed().isEmpty() || e.id.size() > kMaxIdLength)
        return QStringLiteral("an entry id must have 1 to %1 characters").arg(kMaxIdLength);
    if (e.severity < 1 || e.severity > 5)
        return QStringLiteral("entry %1: severity %2 is not 1-5").arg(e.id).arg(e.severity);
    if (e.names.isEmpty())
        return QStringLiteral("entry %1 has no name").arg(e.id);
    for (const QString& n : e.names) {
        QString surname = n.contains(QStringLiteral("<<")) ? n.section(QStringLiteral("<<"), 0, 0) : n.section(QLatin1Char(','), 0, 0);
        if (surname.trimmed().isEmpty() || surname.remove(QLatin1Char('<')).trimmed().isEmpty())
            return QStringLiteral("entry %1 has a name without a surname").arg(e.id);
    }
    if (!parsePartialDate(e.dateOfBirth))
        return QStringLiteral("entry %1: the date of birth is not YYYY-MM-DD, YYYY-MM or YYYY").arg(e.id);
    if (!e.sex.isEmpty() && e.sex != QLatin1String("M") && e.sex != QLatin1String("F") && e.sex != QLatin1String("X"))
        return QStringLiteral("entry %1: sex must be M, F, X or empty").arg(e.id);
    if (!e.nationality.isEmpty() && !state.match(e.nationality).hasMatch())
        return QStringLiteral("entry %1: nationality must be an ICAO 3-letter code").arg(e.id);
    for (const ListedDocument& d : e.documents) {
        if (normalizeDocumentNumber(d.number).isEmpty())
            return QStringLiteral("entry %1 has a document without a number").arg(e.id);
        if (!d.issuingState.isEmpty() && !state.match(d.issuingState).hasMatch())
            return QStringLiteral("entry %1: a document's issuing state must be an ICAO 3-letter code").arg(e.id);
    }
    for (const auto& f : e.fingers) {
        const int p = int(f.position);
        if (p < 0 || p > 10)
            return QStringLiteral("entry %1: finger position %2 is not 0-10").arg(e.id).arg(p);
        if (f.data.isEmpty())
            return QStringLiteral("entry %1: an empty fingerprint sample").arg(e.id);
        if (!f.isTemplate && (f.ppi < 250 || f.ppi > 2000))
            return QStringLiteral("entry %1: a fingerprint image needs its resolution (250-2000 ppi)").arg(e.id);
    }
    for (const auto& i : e.irises) {
        if (i.side != IrisSide::Left && i.side != IrisSide::Right)
            return QStringLiteral("entry %1: an iris sample must be left or right").arg(e.id);
        if (i.data.isEmpty())
            return QStringLiteral("entry %1: an empty iris sample").arg(e.id);
    }
    return {};
}

QByteArray entryJson(const WatchlistEntry& e) {
    QJsonArray docs;
    for (const ListedDocument& d : e.documents)
        docs.append(QJsonObject{{"number", d.number}, {"issuer", d.issuingState}, {"type", d.type}});
    return QJsonDocument(QJsonObject{{"category", toKey(e.category)},
                                     {"severity", e.severity},
                                     {"names", QJsonArray::fromStringList(e.names)},
                                     {"dob", e.dateOfBirth},
                                     {"nationality", e.nationality},
                                     {"sex", e.sex},
                                     {"documents", docs},
                                     {"handling", e.handlingInstructions}})
        .toJson(QJsonDocument::Compact);
}

// ---- writer ------------------------------------------------------------------------------

struct PackageWriter::State {
    crypto_sign_state sign;
};

PackageWriter::PackageWriter(QIODevice& out, const PackageHeader& h, const SigningKey& key)
    : out_(out), key_(key), state_(std::make_unique<State>()), announced_(h.records) {
    crypto_sign_init(&state_->sign);
    QJsonObject header{{"format", "umbral-watchlist"},
                       {"list", h.listId},
                       {"version", double(h.version)},
                       {"kind", toKey(h.kind)},
                       {"issuer", h.issuer},
                       {"created", iso(h.createdAt)},
                       {"expires", iso(h.expiresAt)},
                       {"records", double(h.records)}};
    if (h.kind == PackageKind::Delta)
        header.insert("base_version", double(h.baseVersion));
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QByteArray bytes(kMagic, sizeof kMagic);
    putLe<quint16>(bytes, kFormatVersion);
    putLe<quint32>(bytes, quint32(json.size()));
    bytes += json;
    write(bytes);
}

PackageWriter::~PackageWriter() { sodium_memzero(&state_->sign, sizeof state_->sign); }

void PackageWriter::write(const QByteArray& bytes) {
    crypto_sign_update(&state_->sign, reinterpret_cast<const unsigned char*>(bytes.constData()),
                       static_cast<unsigned long long>(bytes.size()));
    if (out_.write(bytes) != bytes.size())
        throw Error(ErrorCode::StorageFailure, QStringLiteral("cannot write the package: %1").arg(out_.errorString()));
}

void PackageWriter::add(const PackageRecord& r) {
    QByteArray rec;
    const QByteArray id = r.entry.id.toUtf8();
    putLe<quint8>(rec, r.op == RecordOp::Upsert ? kOpUpsert : kOpRemove);
    putLe<quint16>(rec, quint16(id.size()));
    rec += id;
    if (r.op == RecordOp::Upsert) {
        const QByteArray json = entryJson(r.entry);
        putLe<quint32>(rec, quint32(json.size()));
        rec += json;
        putLe<quint16>(rec, quint16(r.entry.fingers.size() + r.entry.irises.size()));
        auto sample = [&](quint8 modality, int position, quint8 format, int ppi, const QByteArray& data) {
            putLe<quint8>(rec, modality);
            putLe<quint8>(rec, quint8(position));
            putLe<quint8>(rec, format);
            putLe<quint16>(rec, quint16(ppi));
            putLe<quint32>(rec, quint32(data.size()));
            rec += data;
        };
        for (const auto& f : r.entry.fingers)
            sample(kModalityFinger, int(f.position), f.isTemplate ? kFormatIsoTemplate : kFormatImage,
                   f.isTemplate ? 0 : f.ppi, f.data);
        for (const auto& i : r.entry.irises)
            sample(kModalityIris, int(i.side), i.isCode ? kFormatIrisCode : kFormatImage, 0, i.data);
    }
    QByteArray framed;
    putLe<quint32>(framed, quint32(rec.size()));
    write(framed + rec);
    ++written_;
}

void PackageWriter::finish() {
    if (written_ != announced_)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("the package header announces %1 records, %2 were written").arg(announced_).arg(written_));
    QByteArray end;
    putLe<quint32>(end, 0);
    write(end);
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_final_create(&state_->sign, signature, nullptr, key_.secret());
    const PublicKey pk = key_.publicKey();
    QByteArray trailer(kSignatureTag, sizeof kSignatureTag);
    trailer.append(reinterpret_cast<const char*>(pk.bytes.data()), int(pk.bytes.size()));
    trailer.append(reinterpret_cast<const char*>(signature), sizeof signature);
    if (out_.write(trailer) != trailer.size())
        throw Error(ErrorCode::StorageFailure, QStringLiteral("cannot write the package: %1").arg(out_.errorString()));
}

// ---- reader ------------------------------------------------------------------------------

struct PackageReader::State {
    crypto_sign_state pass2;
};

PackageReader::PackageReader(const QString& path) : file_(path), state_(std::make_unique<State>()) {
    if (sodium_init() < 0)
        throw Error(ErrorCode::KeyFailure, QStringLiteral("libsodium could not be initialised"));
    if (!file_.open(QIODevice::ReadOnly))
        throw PackageRefused(PackageProblem::Unreadable, QStringLiteral("cannot read %1: %2").arg(path, file_.errorString()));
    fileSize_ = file_.size();
    const qint64 minimum = qint64(sizeof kMagic) + 2 + 4 + 4 + kTrailerBytes;
    if (fileSize_ < minimum)
        throw PackageRefused(PackageProblem::NotAPackage, QStringLiteral("%1 is too short to be a watchlist package").arg(path));
    if (file_.read(sizeof kMagic) != QByteArray(kMagic, sizeof kMagic))
        throw PackageRefused(PackageProblem::NotAPackage, QStringLiteral("%1 is not an Umbral watchlist package").arg(path));
    contentSize_ = fileSize_ - kTrailerBytes;
    file_.seek(contentSize_);
    const QByteArray trailer = file_.read(kTrailerBytes);
    if (trailer.size() != kTrailerBytes || !trailer.startsWith(QByteArray(kSignatureTag, sizeof kSignatureTag)))
        throw PackageRefused(PackageProblem::NotAPackage, QStringLiteral("%1 has no signature block").arg(path));
    std::copy(trailer.begin() + 4, trailer.begin() + 4 + crypto_sign_PUBLICKEYBYTES, signer_.bytes.begin());
    signature_ = trailer.mid(4 + crypto_sign_PUBLICKEYBYTES);
}

PackageReader::~PackageReader() = default;

void PackageReader::verifySignature() {
    crypto_sign_state st;
    crypto_sign_init(&st);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    file_.seek(0);
    qint64 left = contentSize_;
    QByteArray buf;
    while (left > 0) {
        buf = file_.read(std::min<qint64>(left, 1 << 20));
        if (buf.isEmpty())
            throw PackageRefused(PackageProblem::Unreadable, QStringLiteral("the package file ended while reading it"));
        crypto_sign_update(&st, reinterpret_cast<const unsigned char*>(buf.constData()), static_cast<unsigned long long>(buf.size()));
        sha.addData(buf);
        left -= buf.size();
    }
    file_.seek(contentSize_);
    sha.addData(file_.read(kTrailerBytes)); // the digest names the whole file, signature included
    if (crypto_sign_final_verify(&st, reinterpret_cast<const unsigned char*>(signature_.constData()), signer_.bytes.data()) != 0)
        throw PackageRefused(PackageProblem::BadSignature,
                             QStringLiteral("the signature does not match the content: the package was changed after it "
                                            "was signed, or is damaged"));
    sha256_ = QString::fromLatin1(sha.result().toHex());
    verified_ = true;
    // The second pass starts here; it hashes again what it parses.
    file_.seek(0);
    crypto_sign_init(&state_->pass2);
}

QByteArray PackageReader::readExact(qint64 n, const char* what) {
    if (n < 0 || file_.pos() + n > contentSize_)
        throw PackageRefused(PackageProblem::Malformed, QStringLiteral("%1 runs past the end of the package").arg(QLatin1String(what)));
    QByteArray out = file_.read(n);
    if (out.size() != n)
        throw PackageRefused(PackageProblem::Unreadable, QStringLiteral("the package file ended while reading %1").arg(QLatin1String(what)));
    crypto_sign_update(&state_->pass2, reinterpret_cast<const unsigned char*>(out.constData()), static_cast<unsigned long long>(out.size()));
    return out;
}

const PackageHeader& PackageReader::header() {
    if (headerRead_)
        return header_;
    if (!verified_)
        throw std::logic_error("PackageReader::header() before verifySignature()");
    const QByteArray start = readExact(sizeof kMagic + 2 + 4, "the header");
    const quint16 format = qFromLittleEndian<quint16>(start.constData() + sizeof kMagic);
    if (format != kFormatVersion)
        throw PackageRefused(PackageProblem::NotAPackage,
                             QStringLiteral("package format %1 is not supported (this station reads format %2)").arg(format).arg(kFormatVersion));
    const quint32 n = qFromLittleEndian<quint32>(start.constData() + sizeof kMagic + 2);
    if (n == 0 || n > kMaxHeaderBytes)
        throw PackageRefused(PackageProblem::Malformed, QStringLiteral("the header length %1 is not plausible").arg(n));
    QJsonParseError err{};
    const QJsonObject h = QJsonDocument::fromJson(readExact(n, "the header"), &err).object();
    if (err.error != QJsonParseError::NoError || h.value("format").toString() != QLatin1String("umbral-watchlist"))
        throw PackageRefused(PackageProblem::Malformed, QStringLiteral("the header is not a watchlist package header"));
    static const QRegularExpression listId(QStringLiteral("^[A-Za-z0-9_.-]{1,32}$"));
    header_.listId = h.value("list").toString();
    header_.version = qint64(h.value("version").toDouble(-1));
    const QString kind = h.value("kind").toString();
    header_.kind = kind == QLatin1String("delta") ? PackageKind::Delta : PackageKind::Full;
    header_.baseVersion = qint64(h.value("base_version").toDouble(0));
    header_.issuer = h.value("issuer").toString();
    header_.createdAt = QDateTime::fromString(h.value("created").toString(), Qt::ISODate);
    header_.expiresAt = QDateTime::fromString(h.value("expires").toString(), Qt::ISODate);
    header_.records = qint64(h.value("records").toDouble(-1));
    QString problem;
    if (!listId.match(header_.listId).hasMatch())
        problem = QStringLiteral("the list id must be 1-32 letters, digits, '.', '_' or '-'");
    else if (header_.version < 1)
        problem = QStringLiteral("the version must be a positive integer");
    else if (kind != QLatin1String("full") && kind != QLatin1String("delta"))
        problem = QStringLiteral("the kind must be full or delta");
    else if (header_.kind == PackageKind::Delta && (header_.baseVersion < 1 || header_.baseVersion >= header_.version))
        problem = QStringLiteral("a delta needs a base version below its own version");
    else if (header_.issuer.trimmed().isEmpty())
        problem = QStringLiteral("the issuer is missing");
    else if (!header_.createdAt.isValid() || !header_.expiresAt.isValid() || header_.expiresAt <= header_.createdAt)
        problem = QStringLiteral("creation and expiry must be ISO-8601 times, expiry after creation");
    else if (header_.records < 0)
        problem = QStringLiteral("the record count is missing");
    if (!problem.isEmpty())
        throw PackageRefused(PackageProblem::Malformed, problem);
    headerRead_ = true;
    return header_;
}

bool PackageReader::next(PackageRecord& record) {
    header();
    if (ended_)
        return false;
    const quint32 n = qFromLittleEndian<quint32>(readExact(4, "a record length").constData());
    if (n == 0) {
        ended_ = true;
        return false;
    }
    const qint64 index = recordsRead_ + 1;
    if (n > kMaxRecordBytes)
        throw PackageRefused(PackageProblem::Malformed, QStringLiteral("record %1 is larger than %2 bytes").arg(index).arg(kMaxRecordBytes));
    const QByteArray bytes = readExact(n, "a record");
    Cursor c(bytes);
    const quint8 op = c.get<quint8>();
    record = PackageRecord{};
    record.entry.id = QString::fromUtf8(c.bytes(c.get<quint16>()));
    auto bad = [&](const QString& why) {
        return PackageRefused(PackageProblem::MalformedEntry, QStringLiteral("record %1 (entry %2): %3").arg(index).arg(record.entry.id, why));
    };
    if (op == kOpRemove) {
        record.op = RecordOp::Remove;
        if (header_.kind == PackageKind::Full)
            throw bad(QStringLiteral("a full package cannot remove entries"));
        if (record.entry.id.isEmpty())
            throw bad(QStringLiteral("a removal without an entry id"));
        if (!c.atEnd())
            throw bad(QStringLiteral("bytes after a removal"));
    } else if (op == kOpUpsert) {
        record.op = RecordOp::Upsert;
        QJsonParseError err{};
        const QJsonObject o = QJsonDocument::fromJson(c.bytes(c.get<quint32>()), &err).object();
        if (err.error != QJsonParseError::NoError)
            throw bad(QStringLiteral("the entry data is not JSON"));
        WatchlistEntry& e = record.entry;
        const auto category = parseWatchlistCategory(o.value("category").toString());
        if (!category)
            throw bad(QStringLiteral("unknown category '%1'").arg(o.value("category").toString()));
        e.category = *category;
        e.severity = o.value("severity").toInt(0);
        for (const QJsonValue& v : o.value("names").toArray())
            e.names << v.toString();
        e.dateOfBirth = o.value("dob").toString();
        e.nationality = o.value("nationality").toString();
        e.sex = o.value("sex").toString();
        for (const QJsonValue& v : o.value("documents").toArray()) {
            const QJsonObject d = v.toObject();
            e.documents.push_back({d.value("number").toString(), d.value("issuer").toString(), d.value("type").toString()});
        }
        e.handlingInstructions = o.value("handling").toString();
        const quint16 samples = c.get<quint16>();
        for (int i = 0; i < samples; ++i) {
            const quint8 modality = c.get<quint8>(), position = c.get<quint8>(), format = c.get<quint8>();
            const quint16 ppi = c.get<quint16>();
            const QByteArray data = c.bytes(c.get<quint32>());
            if (modality == kModalityFinger && (format == kFormatImage || format == kFormatIsoTemplate))
                e.fingers.push_back({static_cast<FingerPosition>(position), data, format == kFormatIsoTemplate, ppi});
            else if (modality == kModalityIris && (format == kFormatImage || format == kFormatIrisCode))
                e.irises.push_back({static_cast<IrisSide>(position), data, format == kFormatIrisCode});
            else
                throw bad(QStringLiteral("sample %1 has modality %2 and format %3").arg(i + 1).arg(modality).arg(format));
        }
        if (!c.atEnd())
            throw bad(QStringLiteral("bytes after the last sample"));
        const QString problem = entryProblem(e);
        if (!problem.isEmpty())
            throw PackageRefused(PackageProblem::MalformedEntry, QStringLiteral("record %1: %2").arg(index).arg(problem));
    } else {
        throw bad(QStringLiteral("unknown operation %1").arg(op));
    }
    ++recordsRead_;
    if (recordsRead_ > header_.records)
        throw PackageRefused(PackageProblem::Malformed, QStringLiteral("more records than the header announces (%1)").arg(header_.records));
    return true;
}

void PackageReader::finish() {
    PackageRecord ignored;
    if (!ended_ && next(ignored))
        throw PackageRefused(PackageProblem::Malformed, QStringLiteral("records left unread"));
    if (recordsRead_ != header_.records)
        throw PackageRefused(PackageProblem::Malformed,
                             QStringLiteral("the header announces %1 records, the package holds %2").arg(header_.records).arg(recordsRead_));
    if (file_.pos() != contentSize_)
        throw PackageRefused(PackageProblem::Malformed, QStringLiteral("bytes between the last record and the signature"));
    if (crypto_sign_final_verify(&state_->pass2, reinterpret_cast<const unsigned char*>(signature_.constData()), signer_.bytes.data()) != 0)
        throw PackageRefused(PackageProblem::BadSignature, QStringLiteral("the package file changed while it was being imported"));
}

} // namespace umbral::screening
