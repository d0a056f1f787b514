#include "storage/watchlist_repository.h"

#include "app/core/errors.h"
#include "app/core/travel_document.h"
#include "storage/key_ring.h"
#include "storage/sqlite_database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace umbral::storage {

namespace {
QString iso(const QDateTime& t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); }
QDateTime fromIso(const QString& s) { return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs); }

// Sealing contexts tie each blob to the listed person (and sample) it belongs to: a blob copied
// onto another row fails to open.
QByteArray biographicContext(const QString& list, const QString& entry) {
    return "watchlist:" + list.toUtf8() + ':' + entry.toUtf8() + ":biographic";
}
QByteArray sampleContext(const QString& list, const QString& entry, int ordinal) {
    return "watchlist:" + list.toUtf8() + ':' + entry.toUtf8() + ":sample:" + QByteArray::number(ordinal);
}

std::optional<WatchlistSampleFormat> parseFormat(const QString& s) {
    for (auto f : {WatchlistSampleFormat::Image, WatchlistSampleFormat::Iso19794_2, WatchlistSampleFormat::IrisCode})
        if (s == toKey(f))
            return f;
    return std::nullopt;
}

WatchlistPackageRecord packageFrom(Statement& s) {
    WatchlistPackageRecord p;
    p.id = s.int64(0);
    p.listId = s.text(1);
    p.version = s.int64(2);
    p.kind = s.text(3);
    p.baseVersion = s.isNull(4) ? 0 : s.int64(4);
    p.issuer = s.text(5);
    p.keyId = s.text(6);
    p.createdAt = fromIso(s.text(7));
    p.expiresAt = fromIso(s.text(8));
    p.importedAt = fromIso(s.text(9));
    p.importedBy = s.text(10);
    p.entryCount = s.int64(11);
    p.fileSha256 = s.text(12);
    return p;
}
constexpr const char* kPackageColumns =
    "SELECT id, list_id, version, kind, base_version, issuer, key_id, created_at, expires_at, "
    "imported_at, imported_by, entry_count, file_sha256 FROM watchlist_packages ";
} // namespace

QString toKey(WatchlistSampleFormat f) {
    switch (f) {
    case WatchlistSampleFormat::Image: return QStringLiteral("image");
    case WatchlistSampleFormat::Iso19794_2: return QStringLiteral("iso-19794-2");
    case WatchlistSampleFormat::IrisCode: return QStringLiteral("iris-code");
    }
    return {};
}

struct WatchlistRepository::Statements {
    explicit Statements(Database& db)
        : findEntry(db.prepare("SELECT id FROM watchlist_entries WHERE list_id = ? AND entry_id = ?")),
          deleteEntry(db.prepare("DELETE FROM watchlist_entries WHERE id = ?")),
          insertEntry(db.prepare("INSERT INTO watchlist_entries(list_id, entry_id, category, severity, "
                                 "package_version, biographic_sealed) VALUES (?, ?, ?, ?, ?, ?)")),
          insertDocument(db.prepare("INSERT INTO watchlist_documents(entry_ref, doc_hash) VALUES (?, ?)")),
          insertSample(db.prepare("INSERT INTO watchlist_biometrics(entry_ref, ordinal, modality, position, "
                                  "format, ppi, data_sealed) VALUES (?, ?, ?, ?, ?, ?, ?)")) {}
    Statement findEntry, deleteEntry, insertEntry, insertDocument, insertSample;
};

WatchlistRepository::WatchlistRepository(Database& db, const KeyRing& keys) : db_(db), keys_(keys) {}
WatchlistRepository::~WatchlistRepository() = default;
WatchlistRepository::WatchlistRepository(WatchlistRepository&&) noexcept = default;

WatchlistRepository::Statements& WatchlistRepository::statements() {
    if (!statements_)
        statements_ = std::make_unique<Statements>(db_);
    return *statements_;
}

QByteArray WatchlistRepository::biographicToJson(const WatchlistEntry& e) {
    QJsonArray docs;
    for (const ListedDocument& d : e.documents)
        docs.append(QJsonObject{{"number", d.number}, {"issuer", d.issuingState}, {"type", d.type}});
    return QJsonDocument(QJsonObject{{"names", QJsonArray::fromStringList(e.names)},
                                     {"dob", e.dateOfBirth},
                                     {"nationality", e.nationality},
                                     {"sex", e.sex},
                                     {"documents", docs},
                                     {"handling", e.handlingInstructions}})
        .toJson(QJsonDocument::Compact);
}

void WatchlistRepository::biographicFromJson(const QByteArray& json, WatchlistEntry& e) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    e.names.clear();
    for (const QJsonValue& v : o.value("names").toArray())
        e.names << v.toString();
    e.dateOfBirth = o.value("dob").toString();
    e.nationality = o.value("nationality").toString();
    e.sex = o.value("sex").toString();
    e.documents.clear();
    for (const QJsonValue& v : o.value("documents").toArray()) {
        const QJsonObject d = v.toObject();
        e.documents.push_back({d.value("number").toString(), d.value("issuer").toString(), d.value("type").toString()});
    }
    e.handlingInstructions = o.value("handling").toString();
}

std::optional<WatchlistPackageRecord> WatchlistRepository::currentPackage(const QString& listId) const {
    Statement s = db_.prepare((QByteArray(kPackageColumns) + "WHERE list_id = ? ORDER BY version DESC LIMIT 1").constData());
    s.bind(1, listId);
    if (!s.step())
        return std::nullopt;
    return packageFrom(s);
}

std::vector<WatchlistPackageRecord> WatchlistRepository::packages() const {
    Statement s = db_.prepare((QByteArray(kPackageColumns) + "ORDER BY id").constData());
    std::vector<WatchlistPackageRecord> out;
    while (s.step())
        out.push_back(packageFrom(s));
    return out;
}

std::map<QString, qint64> WatchlistRepository::listVersions() const {
    std::map<QString, qint64> out;
    Statement s = db_.prepare("SELECT list_id, max(version) FROM watchlist_packages GROUP BY list_id");
    while (s.step())
        out[s.text(0)] = s.int64(1);
    return out;
}

qint64 WatchlistRepository::recordPackage(const WatchlistPackageRecord& p) {
    Statement s = db_.prepare(
        "INSERT INTO watchlist_packages(list_id, version, kind, base_version, issuer, key_id, created_at, "
        "expires_at, imported_at, imported_by, entry_count, file_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, p.listId).bind(2, p.version).bind(3, p.kind);
    if (p.baseVersion > 0)
        s.bind(4, p.baseVersion);
    else
        s.bindNull(4);
    s.bind(5, p.issuer)
        .bind(6, p.keyId)
        .bind(7, iso(p.createdAt))
        .bind(8, iso(p.expiresAt))
        .bind(9, iso(p.importedAt.isValid() ? p.importedAt : QDateTime::currentDateTimeUtc()))
        .bind(10, p.importedBy)
        .bind(11, p.entryCount)
        .bind(12, p.fileSha256)
        .exec();
    return db_.lastInsertId();
}

qint64 WatchlistRepository::removeList(const QString& listId) {
    Statement s = db_.prepare("DELETE FROM watchlist_entries WHERE list_id = ?");
    s.bind(1, listId).exec();
    return db_.changes();
}

bool WatchlistRepository::removeEntry(const QString& listId, const QString& entryId) {
    Statements& st = statements();
    st.findEntry.reset();
    st.findEntry.bind(1, listId).bind(2, entryId);
    if (!st.findEntry.step())
        return false;
    const qint64 ref = st.findEntry.int64(0);
    st.findEntry.reset();
    st.deleteEntry.reset();
    st.deleteEntry.bind(1, ref).exec();
    return true;
}

qint64 WatchlistRepository::upsertEntry(const QString& listId, qint64 version, const WatchlistEntry& e, bool knownAbsent) {
    if (e.id.isEmpty())
        throw Error(ErrorCode::InvalidInput, QStringLiteral("a watchlist entry needs an id"));
    if (!knownAbsent)
        removeEntry(listId, e.id);
    Statements& st = statements();
    st.insertEntry.reset();
    st.insertEntry.bind(1, listId)
        .bind(2, e.id)
        .bind(3, toKey(e.category))
        .bind(4, e.severity)
        .bind(5, version)
        .bind(6, keys_.seal(biographicToJson(e), biographicContext(listId, e.id)))
        .exec();
    const qint64 ref = db_.lastInsertId();
    for (const ListedDocument& d : e.documents) {
        const QString n = normalizeDocumentNumber(d.number);
        if (n.isEmpty())
            continue;
        st.insertDocument.reset();
        st.insertDocument.bind(1, ref).bind(2, keys_.lookupHash(n.toUtf8())).exec();
    }
    int ordinal = 0;
    auto insertSample = [&](const char* modality, int position, WatchlistSampleFormat format, int ppi,
                            const QByteArray& data) {
        st.insertSample.reset();
        st.insertSample.bind(1, ref)
            .bind(2, ordinal)
            .bind(3, QString::fromLatin1(modality))
            .bind(4, position)
            .bind(5, toKey(format))
            .bind(6, ppi)
            .bind(7, keys_.seal(data, sampleContext(listId, e.id, ordinal)))
            .exec();
        ++ordinal;
    };
    for (const WatchlistEntry::FingerSample& f : e.fingers)
        insertSample("finger", int(f.position), f.isTemplate ? WatchlistSampleFormat::Iso19794_2 : WatchlistSampleFormat::Image,
                     f.ppi, f.data);
    for (const WatchlistEntry::IrisSample& i : e.irises)
        insertSample("iris", int(i.side), i.isCode ? WatchlistSampleFormat::IrisCode : WatchlistSampleFormat::Image, 0, i.data);
    return ref;
}

namespace {
constexpr const char* kEntryColumns =
    "SELECT id, list_id, entry_id, category, severity, package_version, biographic_sealed FROM watchlist_entries ";
} // namespace

std::optional<StoredWatchlistEntry> WatchlistRepository::loadByRef(qint64 ref, bool withBiometrics) const {
    Statement s = db_.prepare((QByteArray(kEntryColumns) + "WHERE id = ?").constData());
    s.bind(1, ref);
    if (!s.step())
        return std::nullopt;
    StoredWatchlistEntry out;
    out.ref = s.int64(0);
    out.listId = s.text(1);
    out.entry.id = s.text(2);
    out.entry.category = parseWatchlistCategory(s.text(3)).value_or(WatchlistCategory::Other);
    out.entry.severity = int(s.int64(4));
    out.packageVersion = s.int64(5);
    biographicFromJson(keys_.unseal(s.blob(6), biographicContext(out.listId, out.entry.id)), out.entry);
    if (withBiometrics) {
        for (const WatchlistSample& sample : samples(ref)) {
            if (sample.iris)
                out.entry.irises.push_back({static_cast<IrisSide>(sample.position), sample.data,
                                            sample.format == WatchlistSampleFormat::IrisCode});
            else
                out.entry.fingers.push_back({static_cast<FingerPosition>(sample.position), sample.data,
                                             sample.format == WatchlistSampleFormat::Iso19794_2, sample.ppi});
        }
    }
    return out;
}

std::vector<WatchlistEntryHeader> WatchlistRepository::headers(const QString& listId, int limit) const {
    Statement s = db_.prepare("SELECT id, list_id, entry_id, category, severity, package_version FROM watchlist_entries "
                              "WHERE (?1 IS NULL OR list_id = ?1) ORDER BY id LIMIT ?2");
    if (listId.isEmpty())
        s.bindNull(1);
    else
        s.bind(1, listId);
    s.bind(2, limit > 0 ? qint64(limit) : qint64(-1));
    std::vector<WatchlistEntryHeader> out;
    while (s.step())
        out.push_back({s.int64(0), s.text(1), s.text(2), parseWatchlistCategory(s.text(3)).value_or(WatchlistCategory::Other),
                       int(s.int64(4)), s.int64(5)});
    return out;
}

std::optional<StoredWatchlistEntry> WatchlistRepository::load(const QString& listId, const QString& entryId,
                                                              bool withBiometrics) const {
    Statement s = db_.prepare("SELECT id FROM watchlist_entries WHERE list_id = ? AND entry_id = ?");
    s.bind(1, listId).bind(2, entryId);
    if (!s.step())
        return std::nullopt;
    return loadByRef(s.int64(0), withBiometrics);
}

void WatchlistRepository::forEachEntry(const std::function<void(const StoredWatchlistEntry&)>& visit) const {
    Statement s = db_.prepare((QByteArray(kEntryColumns) + "ORDER BY id").constData());
    StoredWatchlistEntry out;
    while (s.step()) {
        out.ref = s.int64(0);
        out.listId = s.text(1);
        out.entry = WatchlistEntry{};
        out.entry.id = s.text(2);
        out.entry.category = parseWatchlistCategory(s.text(3)).value_or(WatchlistCategory::Other);
        out.entry.severity = int(s.int64(4));
        out.packageVersion = s.int64(5);
        biographicFromJson(keys_.unseal(s.blob(6), biographicContext(out.listId, out.entry.id)), out.entry);
        visit(out);
    }
}

namespace {
WatchlistSample sampleFrom(Statement& s, const KeyRing& keys, int offset = 0) {
    WatchlistSample w;
    w.entryRef = s.int64(offset + 0);
    w.ordinal = int(s.int64(offset + 1));
    w.iris = s.text(offset + 2) == QLatin1String("iris");
    w.position = int(s.int64(offset + 3));
    w.format = parseFormat(s.text(offset + 4)).value_or(WatchlistSampleFormat::Image);
    w.ppi = int(s.int64(offset + 5));
    w.data = keys.unseal(s.blob(offset + 6), sampleContext(s.text(offset + 7), s.text(offset + 8), w.ordinal));
    return w;
}
constexpr const char* kSampleColumns =
    "SELECT b.entry_ref, b.ordinal, b.modality, b.position, b.format, b.ppi, b.data_sealed, e.list_id, e.entry_id "
    "FROM watchlist_biometrics b JOIN watchlist_entries e ON e.id = b.entry_ref ";
} // namespace

void WatchlistRepository::forEachSample(bool iris, std::optional<WatchlistSampleFormat> format,
                                        const std::function<void(const WatchlistSample&)>& visit) const {
    Statement s = db_.prepare((QByteArray(kSampleColumns) +
                               (format ? "WHERE b.modality = ? AND b.format = ? " : "WHERE b.modality = ? ") +
                               "ORDER BY b.entry_ref, b.ordinal")
                                  .constData());
    s.bind(1, QString::fromLatin1(iris ? "iris" : "finger"));
    if (format)
        s.bind(2, toKey(*format));
    while (s.step())
        visit(sampleFrom(s, keys_));
}

std::vector<WatchlistSample> WatchlistRepository::samples(qint64 entryRef) const {
    Statement s = db_.prepare((QByteArray(kSampleColumns) + "WHERE b.entry_ref = ? ORDER BY b.ordinal").constData());
    s.bind(1, entryRef);
    std::vector<WatchlistSample> out;
    while (s.step())
        out.push_back(sampleFrom(s, keys_));
    return out;
}

std::vector<qint64> WatchlistRepository::findByDocumentNumber(const QString& number) const {
    std::vector<qint64> out;
    const QString n = normalizeDocumentNumber(number);
    if (n.isEmpty())
        return out;
    Statement s = db_.prepare("SELECT DISTINCT entry_ref FROM watchlist_documents WHERE doc_hash = ? ORDER BY entry_ref");
    s.bind(1, keys_.lookupHash(n.toUtf8()));
    while (s.step())
        out.push_back(s.int64(0));
    return out;
}

qint64 WatchlistRepository::count() const { return db_.scalarInt("SELECT count(*) FROM watchlist_entries"); }

WatchlistStats WatchlistRepository::stats() const {
    WatchlistStats st;
    st.entries = count();
    {
        Statement s = db_.prepare("SELECT list_id, count(*) FROM watchlist_entries GROUP BY list_id ORDER BY list_id");
        while (s.step())
            st.entriesByList[s.text(0)] = s.int64(1);
    }
    {
        Statement s = db_.prepare("SELECT category, count(*) FROM watchlist_entries GROUP BY category ORDER BY category");
        while (s.step())
            st.entriesByCategory[s.text(0)] = s.int64(1);
    }
    {
        Statement s = db_.prepare("SELECT modality || '/' || format, count(*), sum(length(data_sealed)) "
                                  "FROM watchlist_biometrics GROUP BY modality, format ORDER BY 1");
        while (s.step()) {
            st.samplesByKind[s.text(0)] = s.int64(1);
            st.sealedBytes += s.int64(2);
        }
    }
    st.documents = db_.scalarInt("SELECT count(*) FROM watchlist_documents");
    st.sealedBytes += db_.scalarInt("SELECT coalesce(sum(length(biographic_sealed)), 0) FROM watchlist_entries");
    return st;
}

} // namespace umbral::storage
