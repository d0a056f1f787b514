// umbralctl queue list | retry
#include "app/cli/cli_context.h"
#include "app/services/queue_service.h"
#include "app/sync/export_service.h"
#include "app/sync/folder_transport.h"
#include "app/sync/http_transport.h"
#include "app/sync/sync_worker.h"

#include <QEventLoop>
#include <QTimer>

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace umbral::cli {

namespace {

// Drains what is due now through the configured (or given) transport, then stops: for
// administrators at a station without the desktop running, and for scripts.
int sendQueue(CliContext& ctx, const QCommandLineParser& parser, const QCommandLineOption& endpoint,
              const QCommandLineOption& exportDir, const QCommandLineOption& timeout) {
    auto& store = ctx.store();
    const Actor admin = ctx.actor(Role::Administrator);
    services::QueueService(store).list(admin, storage::QueueState::Pending); // role check
    sync::SyncConfig config = sync::SyncConfig::load(store.paths().settingsFile());
    if (parser.isSet(endpoint))
        config.endpoint = parser.value(endpoint);
    if (parser.isSet(exportDir))
        config.exportDir = parser.value(exportDir);
    if (config.endpoint.isEmpty() == config.exportDir.isEmpty())
        throw UsageError("give exactly one of --endpoint URL or --export-dir DIR (or set [sync] in umbral.conf)");
    bool ok = false;
    const int seconds = parser.value(timeout).toInt(&ok);
    if (!ok || seconds < 1)
        throw UsageError("--timeout needs a number of seconds");
    const auto parties = sync::TransactionParties::load(store.paths().settingsFile());
    sync::SyncWorker worker(
        store.paths(), config,
        [parties](storage::StationStore& s, const storage::QueueItem& item) {
            return sync::transactionForQueueItem(s, item.encounterId, item.tcn, parties);
        },
        [config]() -> std::unique_ptr<sync::Transport> {
            if (!config.exportDir.isEmpty())
                return std::make_unique<sync::FolderTransport>(config.exportDir);
            return std::make_unique<sync::HttpTransport>(config);
        });
    int acked = 0, retried = 0, failed = 0;
    QString lastError;
    QEventLoop loop;
    QObject::connect(&worker, &sync::SyncWorker::acknowledged, [&] { ++acked; });
    QObject::connect(&worker, &sync::SyncWorker::retryScheduled, [&](const QString&, const QString& e, qint64) { ++retried; lastError = e; });
    QObject::connect(&worker, &sync::SyncWorker::failed, [&](const QString&, const QString& e) { ++failed; lastError = e; });
    QObject::connect(&worker, &sync::SyncWorker::idle, &loop, &QEventLoop::quit);
    QObject::connect(&worker, &sync::SyncWorker::startFailed, [&](const QString& e) { lastError = e; loop.quit(); });
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    QTimer::singleShot(0, &worker, &sync::SyncWorker::start);
    loop.exec();
    worker.stop();
    const qint64 pending = store.queue().count(storage::QueueState::Pending);
    ctx.out << "acknowledged " << acked << ", retries " << retried << ", failed " << failed << ", still pending "
            << pending << "\n";
    if (!lastError.isEmpty())
        ctx.out << "last error: " << lastError << "\n";
    return (failed == 0 && retried == 0) ? ExitOk : ExitFailure;
}

} // namespace

int runQueue(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty())
        throw UsageError("queue needs a sub-command: list or retry");
    const QString sub = args.first();
    if (sub != QLatin1String("list") && sub != QLatin1String("retry") && sub != QLatin1String("send"))
        throw UsageError("unknown queue sub-command: " + sub.toStdString());
    QCommandLineParser parser;
    const QCommandLineOption state(QStringLiteral("state"), QStringLiteral("pending, sending, acknowledged, failed"),
                                   QStringLiteral("STATE"));
    const QCommandLineOption endpoint(QStringLiteral("endpoint"), QStringLiteral("central system URL"), QStringLiteral("URL"));
    const QCommandLineOption exportDir(QStringLiteral("export-dir"), QStringLiteral("removable media folder"), QStringLiteral("DIR"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("give up after S seconds"), QStringLiteral("S"), QStringLiteral("120"));
    if (sub == QLatin1String("list"))
        parser.addOption(state);
    if (sub == QLatin1String("send"))
        parser.addOptions({endpoint, exportDir, timeout});
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
    if (sub == QLatin1String("send"))
        return sendQueue(ctx, parser, endpoint, exportDir, timeout);
    throw UsageError("unknown queue sub-command: " + sub.toStdString());
}

} // namespace umbral::cli
