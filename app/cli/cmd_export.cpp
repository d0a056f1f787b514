// umbralctl export --encounter ID --out FILE: the encounter's ANSI/NIST-ITL transaction.
#include "app/cli/cli_context.h"
#include "app/sync/export_service.h"

#include <QSaveFile>

namespace umbral::cli {

int runExport(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption encounter(QStringLiteral("encounter"), QStringLiteral("encounter id"), QStringLiteral("ID"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("output file (.an2)"), QStringLiteral("FILE"));
    parser.addOptions({encounter, out});
    parseOrThrow(parser, args);
    if (!parser.isSet(encounter) || !parser.isSet(out))
        throw UsageError("export needs --encounter ID and --out FILE");
    auto& store = ctx.store();
    const QByteArray bytes = sync::exportEncounter(store, ctx.actor(Role::Administrator), parser.value(encounter),
                                                   sync::TransactionParties::load(store.paths().settingsFile()));
    QSaveFile file(parser.value(out));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw Error(ErrorCode::StorageFailure,
                    QStringLiteral("cannot write %1: %2").arg(parser.value(out), file.errorString()));
    ctx.out << "wrote " << parser.value(out) << " (" << bytes.size() << " bytes)\n";
    return ExitOk;
}

} // namespace umbral::cli
