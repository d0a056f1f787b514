// umbralctl audit list | verify
#include "app/cli/cli_context.h"
#include "app/services/audit_service.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace umbral::cli {

int runAudit(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty())
        throw UsageError("audit needs a sub-command: list or verify");
    const QString sub = args.first();
    if (sub != QLatin1String("list") && sub != QLatin1String("verify"))
        throw UsageError("unknown audit sub-command: " + sub.toStdString());
    QCommandLineParser parser;
    const QCommandLineOption after(QStringLiteral("after"), QStringLiteral("rows after this sequence number"), QStringLiteral("SEQ"), QStringLiteral("0"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("at most N rows"), QStringLiteral("N"), QStringLiteral("0"));
    if (sub == QLatin1String("list"))
        parser.addOptions({after, limit});
    parseOrThrow(parser, args.mid(1));
    services::AuditService audit(ctx.store(storage::StationStore::Open::ExistingOnly, storage::StationStore::Schema::AsIs));
    const Actor admin = ctx.actor(Role::Administrator);
    if (sub == QLatin1String("list")) {
        const auto rows = audit.list(admin, parser.value(after).toLongLong(), parser.value(limit).toInt());
        if (ctx.json) {
            QJsonArray a;
            for (const auto& r : rows)
                a.append(QJsonObject{{"seq", double(r.seq)}, {"at", r.at.toString(Qt::ISODateWithMs)}, {"actor", r.actor},
                                     {"action", r.action}, {"subject", r.subject}, {"detail", r.detail}});
            ctx.printJson(QJsonDocument(a));
        } else {
            for (const auto& r : rows)
                ctx.out << r.seq << "  " << r.at.toString(Qt::ISODate) << "  " << r.actor << "  " << r.action
                        << "  " << r.subject << (r.detail.isEmpty() ? QString() : QStringLiteral("  ") + r.detail) << "\n";
        }
        return ExitOk;
    }
    if (sub == QLatin1String("verify")) {
        const auto v = audit.verify(admin);
        if (ctx.json) {
            ctx.printJson(QJsonDocument(QJsonObject{{"ok", v.ok}, {"rows_checked", double(v.rowsChecked)},
                                                    {"first_broken_seq", double(v.firstBrokenSeq)}, {"problem", v.problem}}));
        } else if (v.ok) {
            ctx.out << "audit log ok: " << v.rowsChecked << " rows verified\n";
        } else {
            ctx.out << "audit log BROKEN at row " << v.firstBrokenSeq << ": " << v.problem << "\n";
        }
        return v.ok ? ExitOk : ExitFailure;
    }
    throw UsageError("unknown audit sub-command: " + sub.toStdString());
}

} // namespace umbral::cli
