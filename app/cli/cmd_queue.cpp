// umbralctl queue list | retry
#include "app/cli/cli_context.h"
#include "app/services/queue_service.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace umbral::cli {

int runQueue(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty())
        throw UsageError("queue needs a sub-command: list or retry");
    const QString sub = args.first();
    if (sub != QLatin1String("list") && sub != QLatin1String("retry"))
        throw UsageError("unknown queue sub-command: " + sub.toStdString());
    QCommandLineParser parser;
    const QCommandLineOption state(QStringLiteral("state"), QStringLiteral("pending, sending, acknowledged, failed"),
                                   QStringLiteral("STATE"));
    if (sub == QLatin1String("list"))
        parser.addOption(state);
    parseOrThrow(parser, args.mid(1));
    services::QueueService queue(ctx.store());
    const Actor admin = ctx.actor(Role::Administrator);
    if (sub == QLatin1String("list")) {
        std::optional<storage::QueueState> filter;
        if (parser.isSet(state)) {
            filter = storage::parseQueueState(parser.value(state));
            if (!filter)
                throw UsageError("unknown state: " + parser.value(state).toStdString());
        }
        const auto items = queue.list(admin, filter);
        if (ctx.json) {
            QJsonArray a;
            for (const auto& q : items)
                a.append(QJsonObject{{"id", double(q.id)}, {"encounter_id", q.encounterId}, {"tcn", q.tcn},
                                     {"state", storage::toKey(q.state)}, {"attempts", q.attempts},
                                     {"last_error", q.lastError}, {"created_at", q.createdAt.toString(Qt::ISODateWithMs)},
                                     {"updated_at", q.updatedAt.toString(Qt::ISODateWithMs)},
                                     {"acknowledged_at", q.acknowledgedAt.isValid() ? q.acknowledgedAt.toString(Qt::ISODateWithMs) : QString()}});
            ctx.printJson(QJsonDocument(a));
        } else {
            for (const auto& q : items)
                ctx.out << q.id << "  " << q.encounterId << "  " << qSetFieldWidth(13) << Qt::left
                        << storage::toKey(q.state) << qSetFieldWidth(0) << " attempts " << q.attempts
                        << (q.lastError.isEmpty() ? QString() : QStringLiteral("  last error: ") + q.lastError) << "\n";
            ctx.out << items.size() << " rows\n";
        }
        return ExitOk;
    }
    if (sub == QLatin1String("retry")) {
        ctx.out << queue.retryFailed(admin) << " failed rows queued again\n";
        return ExitOk;
    }
    throw UsageError("unknown queue sub-command: " + sub.toStdString());
}

} // namespace umbral::cli
