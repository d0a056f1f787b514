#pragma once

// Watchlist administration: import of signed packages (one transaction, with progress),
// verification of a package or of the stored copy, and what an administrator may see of the
// list (versions, counts, entry ids and categories; never names).

#include "app/core/user.h"
#include "app/screening/screening_settings.h"
#include "app/screening/watchlist_package.h"
#include "storage/watchlist_repository.h"

#include <functional>

namespace umbral::storage { class StationStore; }

namespace umbral::screening {

struct ImportResult {
    QString listId;
    qint64 version = 0;
    qint64 previousVersion = 0; ///< 0 when the list is new
    PackageKind kind = PackageKind::Full;
    qint64 upserts = 0;
    qint64 removals = 0;
    qint64 entriesInList = 0;   ///< after the import
    QString signer;             ///< the trusted key's configured name
    QString sha256;
    qint64 durationMs = 0;
};

/// What `verify FILE` found: the package would import (or the reason it would not).
struct PackageCheck {
    bool importable = false;
    QString problem;            ///< toKey(PackageProblem) when not importable
    QString message;
    PackageHeader header;
    QString signer;             ///< trusted key name, or the key's hex when unknown
    qint64 records = 0;
    qint64 currentVersion = 0;  ///< the station's version of that list (0: none)
    QString sha256;
};

/// What `verify` (without a file) found in the stored watchlist.
struct StoredCheck {
    bool ok = true;
    qint64 entries = 0;
    qint64 samples = 0;
    qint64 documents = 0;
    QString problem; ///< the first entry that does not open, by list and id
};

/// An entry as an administrator sees it: no personal data.
struct EntrySummary {
    QString listId;
    QString entryId;
    WatchlistCategory category = WatchlistCategory::Other;
    int severity = 0;
    qint64 packageVersion = 0;
};

/// Checks and converts an entry's biometric samples before they are stored (for example:
/// fingerprint images get an ISO/IEC 19794-2 template beside them, templates are parsed).
/// Returns what is wrong, or an empty string.
using SamplePreparer = std::function<QString(WatchlistEntry& entry)>;

/// (records done, records in the package)
using ImportProgress = std::function<void(qint64 done, qint64 total)>;

class WatchlistService {
public:
    WatchlistService(storage::StationStore& store, ScreeningSettings settings);

    /// By default prepareListedBiometrics (biometric_preparation.h).
    void setSamplePreparer(SamplePreparer preparer) { preparer_ = std::move(preparer); }

    /// Imports a package in one transaction. Refusals (PackageRefused) change nothing in the
    /// watchlist; they are audited with their reason. Needs ManageWatchlist.
    ImportResult import(const Actor& actor, const QString& path, const ImportProgress& progress = {});
    /// Runs every check of an import without writing anything (but the audit row).
    PackageCheck verifyPackage(const Actor& actor, const QString& path);
    /// Opens every sealed entry and sample of the stored watchlist.
    StoredCheck verifyStored(const Actor& actor);

    std::vector<storage::WatchlistPackageRecord> packages(const Actor& actor);
    storage::WatchlistStats stats(const Actor& actor);
    std::vector<EntrySummary> entries(const Actor& actor, const QString& listId = {}, int limit = 0);

private:
    struct Checked;
    Checked open(const QString& path, PackageReader& reader, const TrustedKeys& trusted);
    void auditRefusal(const Actor& actor, const QString& path, const PackageRefused& refusal);

    storage::StationStore& store_;
    ScreeningSettings settings_;
    SamplePreparer preparer_;
};

} // namespace umbral::screening
