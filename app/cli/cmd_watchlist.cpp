// umbralctl watchlist import FILE | list [--entries] [--list LIST] [--limit N] | stats |
//                     verify [FILE] | demo --identities N --out FILE
#include "app/cli/cli_context.h"
#include "app/core/errors.h"
#include "app/screening/demo_watchlist.h"
#include "app/screening/screening_settings.h"
#include "app/screening/watchlist_service.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace umbral::cli {

using namespace umbral::screening;

namespace {
QString onePositional(const QCommandLineParser& p, const char* what) {
    if (p.positionalArguments().size() != 1)
        throw UsageError(std::string("expected exactly one ") + what);
    return p.positionalArguments().first();
}

QJsonObject packageJson(const storage::WatchlistPackageRecord& p) {
    return QJsonObject{{"list", p.listId},
                       {"version", double(p.version)},
                       {"kind", p.kind},
                       {"base_version", double(p.baseVersion)},
                       {"issuer", p.issuer},
                       {"key", p.keyId},
                       {"created", p.createdAt.toString(Qt::ISODate)},
                       {"expires", p.expiresAt.toString(Qt::ISODate)},
                       {"imported", p.importedAt.toString(Qt::ISODate)},
                       {"imported_by", p.importedBy},
                       {"records", double(p.entryCount)},
                       {"sha256", p.fileSha256}};
}

int importPackage(CliContext& ctx, WatchlistService& service, const QString& file) {
    int lastTenth = -1;
    const ImportResult r = service.import(ctx.actor(Role::Administrator), file, [&](qint64 done, qint64 total) {
        const int tenth = total > 0 ? int(done * 10 / total) : 10;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            ctx.err << "import: " << tenth * 10 << " % (" << done << "/" << total << " records)\n";
            ctx.err.flush();
        }
    });
    if (ctx.json) {
        ctx.printJson(QJsonDocument(QJsonObject{{"list", r.listId},
                                                {"version", double(r.version)},
                                                {"previous_version", double(r.previousVersion)},
                                                {"kind", toKey(r.kind)},
                                                {"upserts", double(r.upserts)},
                                                {"removals", double(r.removals)},
                                                {"entries_in_list", double(r.entriesInList)},
                                                {"signer", r.signer},
                                                {"sha256", r.sha256},
                                                {"duration_ms", double(r.durationMs)}}));
    } else {
        ctx.out << "imported list " << r.listId << " version " << r.version << " (" << toKey(r.kind) << ", was "
                << r.previousVersion << "): " << r.upserts << " upserts, " << r.removals << " removals, "
                << r.entriesInList << " entries; signed by " << r.signer << "; " << r.durationMs << " ms\n";
    }
    return ExitOk;
}
} // namespace

int runWatchlist(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty())
        throw UsageError("watchlist needs a sub-command: import, list, stats, verify or demo");
    const QString sub = args.first();
    QCommandLineParser parser;
    const QCommandLineOption entries(QStringLiteral("entries"), QStringLiteral("list entries (ids, categories), not packages"));
    const QCommandLineOption list(QStringLiteral("list"), QStringLiteral("only this list"), QStringLiteral("LIST"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("at most N rows"), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption identities(QStringLiteral("identities"), QStringLiteral("synthetic identities"), QStringLiteral("N"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("package file to write"), QStringLiteral("FILE"));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("package version"), QStringLiteral("V"), QStringLiteral("1"));
    if (sub == QLatin1String("list"))
        parser.addOptions({entries, list, limit});
    else if (sub == QLatin1String("demo"))
        parser.addOptions({identities, out, version});
    else if (sub != QLatin1String("import") && sub != QLatin1String("stats") && sub != QLatin1String("verify"))
        throw UsageError("unknown watchlist sub-command: " + sub.toStdString());
    parseOrThrow(parser, args.mid(1));

    if (sub == QLatin1String("demo")) {
        // Needs no station: it only writes a package signed with the published demo key.
        if (!parser.isSet(identities) || !parser.isSet(out))
            throw UsageError("watchlist demo needs --identities N and --out FILE");
        bool ok = false;
        const int n = parser.value(identities).toInt(&ok);
        if (!ok || n < 1 || n > 10000)
            throw UsageError("--identities needs a number from 1 to 10000");
        const qint64 v = parser.value(version).toLongLong(&ok);
        if (!ok || v < 1)
            throw UsageError("--version needs a positive number");
        DemoWatchlistOptions o;
        o.identities = n;
        o.version = v;
        o.progress = [&](int done, int total) {
            ctx.err << "demo: " << done << "/" << total << " identities\n";
            ctx.err.flush();
        };
        writeDemoWatchlist(parser.value(out), o);
        if (ctx.json) {
            QJsonArray seeds;
            for (int i = 0; i < n; ++i)
                seeds.append(QJsonObject{{"entry", QStringLiteral("DEMO-%1").arg(i + 1)},
                                         {"traveler_seed", double(demoListedTravelerSeed(i))}});
            ctx.printJson(QJsonDocument(QJsonObject{{"file", parser.value(out)}, {"list", o.listId}, {"version", double(v)},
                                                    {"identities", n}, {"signed_with", "demo key"}, {"listed", seeds}}));
        } else {
            ctx.out << "wrote " << parser.value(out) << ": list " << o.listId << " version " << v << ", " << n
                    << " synthetic identities (simulated traveler seeds " << demoListedTravelerSeed(0) << "-"
                    << demoListedTravelerSeed(n - 1) << "), signed with the demo key: only a station with "
                    << "[watchlist] demo_mode=true imports it\n";
        }
        return ExitOk;
    }

    auto& store = ctx.store();
    WatchlistService service(store, ScreeningSettings::load(ctx.paths().settingsFile()));
    const Actor admin = ctx.actor(Role::Administrator);

    if (sub == QLatin1String("import"))
        return importPackage(ctx, service, onePositional(parser, "package file"));

    if (sub == QLatin1String("list")) {
        if (!parser.positionalArguments().isEmpty())
            throw UsageError("unexpected argument: " + parser.positionalArguments().first().toStdString());
        if (parser.isSet(entries)) {
            const auto rows = service.entries(admin, parser.value(list), parser.value(limit).toInt());
            if (ctx.json) {
                QJsonArray a;
                for (const auto& e : rows)
                    a.append(QJsonObject{{"list", e.listId}, {"entry", e.entryId}, {"category", toKey(e.category)},
                                         {"severity", e.severity}, {"version", double(e.packageVersion)}});
                ctx.printJson(QJsonDocument(a));
            } else {
                for (const auto& e : rows)
                    ctx.out << e.listId << "  " << e.entryId << "  " << toKey(e.category) << "  severity " << e.severity
                            << "  v" << e.packageVersion << "\n";
            }
            return ExitOk;
        }
        const auto packages = service.packages(admin);
        if (ctx.json) {
            QJsonArray a;
            for (const auto& p : packages)
                if (!parser.isSet(list) || p.listId == parser.value(list))
                    a.append(packageJson(p));
            ctx.printJson(QJsonDocument(a));
        } else if (packages.empty()) {
            ctx.out << "no watchlist imported\n";
        } else {
            for (const auto& p : packages)
                if (!parser.isSet(list) || p.listId == parser.value(list))
                    ctx.out << p.listId << " v" << p.version << "  " << p.kind << "  " << p.entryCount << " records  issuer "
                            << p.issuer << "  created " << p.createdAt.toString(Qt::ISODate) << "  expires "
                            << p.expiresAt.toString(Qt::ISODate) << "  imported " << p.importedAt.toString(Qt::ISODate)
                            << " by " << p.importedBy << "\n";
        }
        return ExitOk;
    }

    if (sub == QLatin1String("stats")) {
        const auto s = service.stats(admin);
        const auto packages = service.packages(admin);
        const int maxAge = ScreeningSettings::load(ctx.paths().settingsFile()).maxAgeDays;
        QJsonObject lists;
        QStringList stale;
        const auto versions = store.watchlist().listVersions();
        for (const auto& [listId, v] : versions) {
            const auto current = store.watchlist().currentPackage(listId);
            const qint64 ageDays = current ? current->createdAt.daysTo(QDateTime::currentDateTimeUtc()) : 0;
            const bool expired = current && current->expiresAt <= QDateTime::currentDateTimeUtc();
            if (ageDays > maxAge || expired)
                stale << listId;
            lists.insert(listId, QJsonObject{{"version", double(v)},
                                             {"entries", double(s.entriesByList.count(listId) ? s.entriesByList.at(listId) : 0)},
                                             {"age_days", double(ageDays)},
                                             {"expired", expired},
                                             {"stale", ageDays > maxAge}});
        }
        QJsonObject categories, samples;
        for (const auto& [k, v] : s.entriesByCategory)
            categories.insert(k, double(v));
        for (const auto& [k, v] : s.samplesByKind)
            samples.insert(k, double(v));
        if (ctx.json) {
            ctx.printJson(QJsonDocument(QJsonObject{{"entries", double(s.entries)}, {"lists", lists}, {"categories", categories},
                                                    {"samples", samples}, {"documents", double(s.documents)},
                                                    {"sealed_bytes", double(s.sealedBytes)}, {"packages", double(packages.size())},
                                                    {"max_age_days", maxAge}}));
        } else {
            ctx.out << "entries    " << s.entries << "\n";
            for (auto it = lists.begin(); it != lists.end(); ++it) {
                const QJsonObject l = it.value().toObject();
                ctx.out << "list       " << it.key() << " v" << l.value("version").toInteger() << ": "
                        << l.value("entries").toInteger() << " entries, " << l.value("age_days").toInteger() << " days old"
                        << (l.value("expired").toBool() ? ", EXPIRED" : l.value("stale").toBool() ? ", STALE" : "") << "\n";
            }
            for (const auto& [k, v] : s.entriesByCategory)
                ctx.out << "category   " << k << ": " << v << "\n";
            for (const auto& [k, v] : s.samplesByKind)
                ctx.out << "samples    " << k << ": " << v << "\n";
            ctx.out << "documents  " << s.documents << "\n"
                    << "sealed     " << s.sealedBytes << " bytes\n";
            if (!stale.isEmpty())
                ctx.out << "warning: " << stale.join(QStringLiteral(", ")) << " older than " << maxAge
                        << " days or expired; import a newer package\n";
        }
        return ExitOk;
    }

    // verify
    if (parser.positionalArguments().size() > 1)
        throw UsageError("watchlist verify takes at most one package file");
    if (parser.positionalArguments().isEmpty()) {
        const StoredCheck c = service.verifyStored(admin);
        if (ctx.json)
            ctx.printJson(QJsonDocument(QJsonObject{{"ok", c.ok}, {"entries", double(c.entries)}, {"samples", double(c.samples)},
                                                    {"documents", double(c.documents)}, {"problem", c.problem}}));
        else if (c.ok)
            ctx.out << "stored watchlist ok: " << c.entries << " entries, " << c.samples << " samples, " << c.documents
                    << " documents open and verify\n";
        else
            ctx.out << "stored watchlist BROKEN: " << c.problem << "\n";
        return c.ok ? ExitOk : ExitFailure;
    }
    const PackageCheck c = service.verifyPackage(admin, parser.positionalArguments().first());
    if (ctx.json) {
        ctx.printJson(QJsonDocument(QJsonObject{{"importable", c.importable},
                                                {"problem", c.problem},
                                                {"message", c.message},
                                                {"list", c.header.listId},
                                                {"version", double(c.header.version)},
                                                {"kind", toKey(c.header.kind)},
                                                {"issuer", c.header.issuer},
                                                {"signer", c.signer},
                                                {"records", double(c.records)},
                                                {"station_version", double(c.currentVersion)},
                                                {"sha256", c.sha256}}));
    } else if (c.importable) {
        ctx.out << "package ok: list " << c.header.listId << " version " << c.header.version << " (" << toKey(c.header.kind)
                << "), " << c.records << " records, issuer " << c.header.issuer << ", signed by " << c.signer
                << "; the station holds version " << c.currentVersion << "\n";
    } else {
        ctx.out << "package REFUSED (" << c.problem << "): " << c.message << "\n";
    }
    return c.importable ? ExitOk : ExitFailure;
}

} // namespace umbral::cli
