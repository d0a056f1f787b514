#pragma once

#include "app/core/watchlist_entry.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace umbral::storage {

class Database;
class KeyRing;
class Statement;

/// One imported watchlist package, as recorded at import.
struct WatchlistPackageRecord {
    qint64 id = 0;
    QString listId;          ///< which list it carries ("KST", "CRIMINAL", "DEMO", ...)
    qint64 version = 0;
    QString kind;            ///< "full" or "delta"
    qint64 baseVersion = 0;  ///< delta: the version it applies to; 0 for full
    QString issuer;
    QString keyId;           ///< fingerprint of the signing key
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime importedAt;
    QString importedBy;
    qint64 entryCount = 0;   ///< records in the package (upserts and removals)
    QString fileSha256;
};

/// A listed person as stored: the station's row reference, its list and the version that last
/// wrote it.
struct StoredWatchlistEntry {
    qint64 ref = 0;
    QString listId;
    qint64 packageVersion = 0;
    WatchlistEntry entry; ///< biometrics only when asked for
};

/// The clear columns of an entry: what an administrator may list (no personal data).
struct WatchlistEntryHeader {
    qint64 ref = 0;
    QString listId;
    QString entryId;
    WatchlistCategory category = WatchlistCategory::Other;
    int severity = 0;
    qint64 packageVersion = 0;
};

/// One stored biometric sample of a listed person.
enum class WatchlistSampleFormat { Image, Iso19794_2, IrisCode };
QString toKey(WatchlistSampleFormat f); ///< "image", "iso-19794-2", "iris-code"

struct WatchlistSample {
    qint64 entryRef = 0;
    int ordinal = 0;               ///< sample number within its entry
    bool iris = false;             ///< false: finger
    int position = 0;              ///< FingerPosition or IrisSide code
    WatchlistSampleFormat format = WatchlistSampleFormat::Image;
    int ppi = 0;
    QByteArray data;               ///< unsealed
};

struct WatchlistStats {
    qint64 entries = 0;
    std::map<QString, qint64> entriesByList;
    std::map<QString, qint64> entriesByCategory;
    std::map<QString, qint64> samplesByKind; ///< "finger/iso-19794-2", "iris/iris-code", ...
    qint64 documents = 0;
    qint64 sealedBytes = 0;                  ///< sealed biographic and biometric payload bytes
};

/// The local copy of the watchlists. Names, dates, documents and handling instructions are sealed
/// per entry with the list and entry id as context; document numbers are kept only as the
/// station's keyed look-up hash; every biometric sample is sealed. Writes join the caller's
/// transaction: an import is one transaction.
class WatchlistRepository {
public:
    WatchlistRepository(Database& db, const KeyRing& keys);
    ~WatchlistRepository();
    WatchlistRepository(WatchlistRepository&&) noexcept;

    // Packages.
    /// The last imported package of `listId` (highest version); nullopt when none.
    std::optional<WatchlistPackageRecord> currentPackage(const QString& listId) const;
    /// Every imported package, oldest first.
    std::vector<WatchlistPackageRecord> packages() const;
    /// The lists that have entries or packages, with their current version.
    std::map<QString, qint64> listVersions() const;
    qint64 recordPackage(const WatchlistPackageRecord& package);

    // Entries (inside the caller's transaction). The writing calls keep their prepared
    // statements, so a bulk import prepares each statement once.
    /// Removes every entry of a list (a full package replaces its list). Returns how many.
    qint64 removeList(const QString& listId);
    /// Removes one entry; false when there was none.
    bool removeEntry(const QString& listId, const QString& entryId);
    /// Inserts or replaces an entry with its documents and samples. Returns its ref.
    /// `knownAbsent` skips the look-up of an older row (a full package after removeList());
    /// an id that is there after all then fails with Conflict.
    qint64 upsertEntry(const QString& listId, qint64 packageVersion, const WatchlistEntry& entry, bool knownAbsent = false);

    // Reading. Every call unseals; a blob that fails authentication throws KeyFailure.
    std::optional<StoredWatchlistEntry> load(const QString& listId, const QString& entryId,
                                             bool withBiometrics = false) const;
    std::optional<StoredWatchlistEntry> loadByRef(qint64 ref, bool withBiometrics = false) const;
    /// Clear columns only (nothing unsealed), in ref order; `listId` empty for all lists.
    std::vector<WatchlistEntryHeader> headers(const QString& listId = {}, int limit = 0) const;
    /// Every entry without biometrics, in ref order.
    void forEachEntry(const std::function<void(const StoredWatchlistEntry&)>& visit) const;
    /// Every sample of one modality (and format, when given), in entry ref order.
    void forEachSample(bool iris, std::optional<WatchlistSampleFormat> format,
                       const std::function<void(const WatchlistSample&)>& visit) const;
    /// The samples of one entry.
    std::vector<WatchlistSample> samples(qint64 entryRef) const;
    /// Refs of the entries holding this document number (after normalisation).
    std::vector<qint64> findByDocumentNumber(const QString& number) const;
    qint64 count() const;
    WatchlistStats stats() const;

    static QByteArray biographicToJson(const WatchlistEntry& e);
    /// Fills the biographic fields of `e` (names, dates, documents, handling) from JSON.
    static void biographicFromJson(const QByteArray& json, WatchlistEntry& e);

private:
    struct Statements;
    Statements& statements();
    Database& db_;
    const KeyRing& keys_;
    std::unique_ptr<Statements> statements_;
};

} // namespace umbral::storage
