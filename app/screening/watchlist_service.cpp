#include "app/screening/watchlist_service.h"

#include "app/screening/biometric_preparation.h"
#include "app/services/access.h"
#include "storage/station_store.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace umbral::screening {

namespace {
// Clocks of issuers and stations disagree a little; a package "created" a few minutes ahead
// is not suspicious, one created days ahead is.
constexpr qint64 kClockSkewSeconds = 24 * 3600;
} // namespace

struct WatchlistService::Checked {
    PackageHeader header;
    QString signer;
    qint64 currentVersion = 0;
};

WatchlistService::WatchlistService(storage::StationStore& store, ScreeningSettings settings)
    : store_(store), settings_(std::move(settings)), preparer_(prepareListedBiometrics) {}

WatchlistService::Checked WatchlistService::open(const QString& path, PackageReader& reader, const TrustedKeys& trusted) {
    Q_UNUSED(path);
    Checked c;
    const auto signer = trusted.find(reader.signer());
    if (!signer) {
        if (reader.signer() == SigningKey::demo().publicKey())
            throw PackageRefused(PackageProblem::UnknownKey,
                                 QStringLiteral("signed with the demo key, which only a demo station trusts "
                                                "([watchlist] demo_mode=true)"));
        throw PackageRefused(PackageProblem::UnknownKey,
                             QStringLiteral("signed by key %1, which is not among the trusted keys "
                                            "([watchlist] trusted_keys)").arg(reader.signer().hex()));
    }
    c.signer = *signer;
    reader.verifySignature();
    c.header = reader.header();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (c.header.expiresAt <= now)
        throw PackageRefused(PackageProblem::Expired,
                             QStringLiteral("list %1 version %2 expired at %3").arg(c.header.listId).arg(c.header.version)
                                 .arg(c.header.expiresAt.toUTC().toString(Qt::ISODate)));
    if (c.header.createdAt > now.addSecs(kClockSkewSeconds))
        throw PackageRefused(PackageProblem::NotYetValid,
                             QStringLiteral("created at %1, in the future; check the station's clock")
                                 .arg(c.header.createdAt.toUTC().toString(Qt::ISODate)));
    const auto current = store_.watchlist().currentPackage(c.header.listId);
    c.currentVersion = current ? current->version : 0;
    if (c.header.kind == PackageKind::Full && c.header.version <= c.currentVersion)
        throw PackageRefused(PackageProblem::OlderVersion,
                             QStringLiteral("list %1 version %2 is not newer than the station's version %3")
                                 .arg(c.header.listId).arg(c.header.version).arg(c.currentVersion));
    if (c.header.kind == PackageKind::Delta) {
        if (c.header.version <= c.currentVersion)
            throw PackageRefused(PackageProblem::OlderVersion,
                                 QStringLiteral("list %1 delta to version %2 is not newer than the station's version %3")
                                     .arg(c.header.listId).arg(c.header.version).arg(c.currentVersion));
        if (c.header.baseVersion != c.currentVersion)
            throw PackageRefused(PackageProblem::WrongBase,
                                 QStringLiteral("list %1 delta applies to version %2, the station holds version %3; "
                                                "import the missing deltas or a full package")
                                     .arg(c.header.listId).arg(c.header.baseVersion).arg(c.currentVersion));
    }
    return c;
}

void WatchlistService::auditRefusal(const Actor& actor, const QString& path, const PackageRefused& refusal) {
    // The refusal itself is worth keeping (a tampered package is an incident); its own
    // transaction, so nothing of the package comes with it.
    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("watchlist.import.refused"), QFileInfo(path).fileName(),
                          toKey(refusal.problem()));
    tx.commit();
}

ImportResult WatchlistService::import(const Actor& actor, const QString& path, const ImportProgress& progress) {
    services::require(actor, Permission::ManageWatchlist, "import watchlist packages");
    const TrustedKeys trusted = settings_.trusted();
    QElapsedTimer timer;
    timer.start();
    ImportResult result;
    try {
        PackageReader reader(path);
        const Checked c = open(path, reader, trusted);
        result.listId = c.header.listId;
        result.version = c.header.version;
        result.previousVersion = c.currentVersion;
        result.kind = c.header.kind;
        result.signer = c.signer;

        storage::Transaction tx(store_.db());
        storage::WatchlistRepository repo = store_.watchlist();
        if (c.header.kind == PackageKind::Full)
            repo.removeList(c.header.listId);
        PackageRecord record;
        qint64 done = 0;
        const qint64 step = std::max<qint64>(1, c.header.records / 100);
        if (progress)
            progress(0, c.header.records);
        while (reader.next(record)) {
            if (record.op == RecordOp::Remove) {
                if (!repo.removeEntry(c.header.listId, record.entry.id))
                    throw PackageRefused(PackageProblem::MalformedEntry,
                                         QStringLiteral("record %1 removes entry %2, which the station does not hold")
                                             .arg(done + 1).arg(record.entry.id));
                ++result.removals;
            } else {
                if (preparer_) {
                    const QString problem = preparer_(record.entry);
                    if (!problem.isEmpty())
                        throw PackageRefused(PackageProblem::MalformedEntry,
                                             QStringLiteral("record %1 (entry %2): %3").arg(done + 1).arg(record.entry.id, problem));
                }
                try {
                    repo.upsertEntry(c.header.listId, c.header.version, record.entry, c.header.kind == PackageKind::Full);
                } catch (const Error& e) {
                    if (e.code() != ErrorCode::Conflict)
                        throw;
                    throw PackageRefused(PackageProblem::MalformedEntry,
                                         QStringLiteral("record %1: entry %2 appears twice").arg(done + 1).arg(record.entry.id));
                }
                ++result.upserts;
            }
            ++done;
            if (progress && (done % step == 0 || done == c.header.records))
                progress(done, c.header.records);
        }
        reader.finish();
        result.sha256 = reader.sha256Hex();
        storage::WatchlistPackageRecord p;
        p.listId = c.header.listId;
        p.version = c.header.version;
        p.kind = toKey(c.header.kind);
        p.baseVersion = c.header.kind == PackageKind::Delta ? c.header.baseVersion : 0;
        p.issuer = c.header.issuer;
        p.keyId = reader.signer().hex();
        p.createdAt = c.header.createdAt;
        p.expiresAt = c.header.expiresAt;
        p.importedBy = actor.name;
        p.entryCount = c.header.records;
        p.fileSha256 = result.sha256;
        repo.recordPackage(p);
        const auto stats = repo.stats();
        result.entriesInList = stats.entriesByList.count(c.header.listId) ? stats.entriesByList.at(c.header.listId) : 0;
        store_.audit().append(actor.name, QStringLiteral("watchlist.import"),
                              QStringLiteral("%1:%2").arg(c.header.listId).arg(c.header.version),
                              QStringLiteral("%1 package from version %2: %3 upserts, %4 removals, %5 entries; key %6; sha256 %7")
                                  .arg(toKey(c.header.kind)).arg(c.currentVersion).arg(result.upserts).arg(result.removals)
                                  .arg(result.entriesInList).arg(c.signer, result.sha256));
        tx.commit();
    } catch (const PackageRefused& refusal) {
        auditRefusal(actor, path, refusal);
        throw;
    }
    result.durationMs = timer.elapsed();
    return result;
}

PackageCheck WatchlistService::verifyPackage(const Actor& actor, const QString& path) {
    services::require(actor, Permission::ManageWatchlist, "verify watchlist packages");
    PackageCheck check;
    try {
        PackageReader reader(path);
        check.signer = reader.signer().hex();
        const Checked c = open(path, reader, settings_.trusted());
        check.signer = c.signer;
        check.header = c.header;
        check.currentVersion = c.currentVersion;
        PackageRecord record;
        while (reader.next(record)) {
            if (record.op == RecordOp::Upsert && preparer_) {
                const QString problem = preparer_(record.entry);
                if (!problem.isEmpty())
                    throw PackageRefused(PackageProblem::MalformedEntry,
                                         QStringLiteral("record %1 (entry %2): %3").arg(check.records + 1).arg(record.entry.id, problem));
            }
            ++check.records;
        }
        reader.finish();
        check.sha256 = reader.sha256Hex();
        check.importable = true;
    } catch (const PackageRefused& refusal) {
        check.problem = toKey(refusal.problem());
        check.message = refusal.message();
    }
    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("watchlist.verify-package"), QFileInfo(path).fileName(),
                          check.importable ? QStringLiteral("importable") : check.problem);
    tx.commit();
    return check;
}

StoredCheck WatchlistService::verifyStored(const Actor& actor) {
    services::require(actor, Permission::ManageWatchlist, "verify the stored watchlist");
    StoredCheck check;
    storage::WatchlistRepository repo = store_.watchlist();
    try {
        repo.forEachEntry([&](const storage::StoredWatchlistEntry& e) {
            ++check.entries;
            if (e.entry.names.isEmpty()) {
                check.ok = false;
                if (check.problem.isEmpty())
                    check.problem = QStringLiteral("%1/%2 has no name").arg(e.listId, e.entry.id);
            }
        });
        for (bool iris : {false, true})
            repo.forEachSample(iris, std::nullopt, [&](const storage::WatchlistSample&) { ++check.samples; });
        check.documents = repo.stats().documents;
    } catch (const Error& e) {
        check.ok = false;
        check.problem = e.message();
    }
    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("watchlist.verify"), QStringLiteral("watchlist"),
                          check.ok ? QStringLiteral("ok: %1 entries, %2 samples").arg(check.entries).arg(check.samples)
                                   : QStringLiteral("failed"));
    tx.commit();
    return check;
}

std::vector<storage::WatchlistPackageRecord> WatchlistService::packages(const Actor& actor) {
    services::require(actor, Permission::ManageWatchlist, "list watchlist packages");
    return store_.watchlist().packages();
}

storage::WatchlistStats WatchlistService::stats(const Actor& actor) {
    services::require(actor, Permission::ManageWatchlist, "see watchlist statistics");
    return store_.watchlist().stats();
}

std::vector<EntrySummary> WatchlistService::entries(const Actor& actor, const QString& listId, int limit) {
    services::require(actor, Permission::ManageWatchlist, "list watchlist entries");
    std::vector<EntrySummary> out;
    for (const storage::WatchlistEntryHeader& h : store_.watchlist().headers(listId, limit))
        out.push_back({h.listId, h.entryId, h.category, h.severity, h.packageVersion});
    return out;
}

} // namespace umbral::screening
