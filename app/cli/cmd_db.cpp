// umbralctl db init | check | migrate
#include "app/cli/cli_context.h"
#include "app/core/errors.h"
#include "storage/migrations.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace umbral::cli {

using storage::StationStore;

int runDb(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty())
        throw UsageError("db needs a sub-command: init, check or migrate");
    const QString sub = args.first();
    QCommandLineParser parser;
    parseOrThrow(parser, args.mid(1));
    if (!parser.positionalArguments().isEmpty())
        throw UsageError("unexpected argument: " + parser.positionalArguments().first().toStdString());

    if (sub == QLatin1String("init")) {
        const bool existed = QFileInfo::exists(ctx.paths().databaseFile());
        StationStore& store = ctx.store(StationStore::Open::CreateIfMissing, StationStore::Schema::RequireCurrent);
        if (ctx.json) {
            ctx.printJson(QJsonDocument(QJsonObject{{"database", store.paths().databaseFile()},
                                                    {"database_id", store.databaseId()},
                                                    {"created", store.createdNow()},
                                                    {"schema_version", storage::schemaVersion(store.db())}}));
        } else if (existed) {
            ctx.out << "station database already exists at " << store.paths().databaseFile()
                    << " (schema " << storage::schemaVersion(store.db()) << "); nothing changed\n";
        } else {
            ctx.out << "created station database " << store.paths().databaseFile() << "\n"
                    << "key file " << store.paths().keyFileFor(store.databaseId())
                    << " (back it up: without it the data cannot be read)\n";
        }
        return ExitOk;
    }
    if (sub == QLatin1String("migrate")) {
        StationStore& store = ctx.store(StationStore::Open::ExistingOnly, StationStore::Schema::AsIs);
        const int before = storage::schemaVersion(store.db());
        const auto applied = storage::migrate(store.db());
        if (!applied.empty()) {
            storage::Transaction tx(store.db());
            store.audit().append(ctx.actor(Role::Administrator).name, QStringLiteral("db.migrate"),
                                 store.databaseId(),
                                 QStringLiteral("schema %1 -> %2").arg(before).arg(applied.back()));
            tx.commit();
        }
        if (ctx.json) {
            QJsonArray a;
            for (int v : applied)
                a.append(v);
            ctx.printJson(QJsonDocument(QJsonObject{{"from", before}, {"applied", a},
                                                    {"schema_version", storage::schemaVersion(store.db())}}));
        } else if (applied.empty()) {
            ctx.out << "schema is current (version " << before << ")\n";
        } else {
            for (int v : applied)
                ctx.out << "applied migration " << v << "\n";
            ctx.out << "schema version " << storage::schemaVersion(store.db()) << "\n";
        }
        return ExitOk;
    }
    if (sub == QLatin1String("check")) {
        StationStore& store = ctx.store(StationStore::Open::ExistingOnly, StationStore::Schema::AsIs);
        const QString integrity = store.db().integrityCheck();
        const int version = storage::schemaVersion(store.db());
        const auto audit = store.audit().verify();
        const bool ok = integrity == QLatin1String("ok") && version == storage::latestSchemaVersion() && audit.ok;
        if (ctx.json) {
            ctx.printJson(QJsonDocument(QJsonObject{
                {"ok", ok}, {"integrity", integrity}, {"schema_version", version},
                {"schema_latest", storage::latestSchemaVersion()}, {"key", "ok"},
                {"audit_ok", audit.ok}, {"audit_rows", double(audit.rowsChecked)},
                {"encounters", double(store.encounters().count())}}));
        } else {
            ctx.out << "database   " << store.paths().databaseFile() << "\n"
                    << "integrity  " << integrity << "\n"
                    << "schema     " << version << " (latest " << storage::latestSchemaVersion() << ")\n"
                    << "key        ok\n"
                    << "audit log  " << (audit.ok ? QStringLiteral("ok (%1 rows)").arg(audit.rowsChecked)
                                                   : QStringLiteral("BROKEN at row %1: %2")
                                                         .arg(audit.firstBrokenSeq).arg(audit.problem))
                    << "\n"
                    << "encounters " << store.encounters().count() << "\n";
        }
        return ok ? ExitOk : ExitFailure;
    }
    throw UsageError("unknown db sub-command: " + sub.toStdString());
}

} // namespace umbral::cli
