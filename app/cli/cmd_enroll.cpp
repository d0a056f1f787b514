// umbralctl enroll --synthetic --count N: N synthetic encounters, each committed durably, with
// "committed <id>" printed and flushed right after each commit (the crash test relies on it).
#include "app/cli/cli_context.h"
#include "app/enrollment/enrollment_service.h"
#include "app/enrollment/synthetic_encounter.h"

#include <QCommandLineParser>
#include <QRandomGenerator>
#include <cstdio>

namespace umbral::cli {

int runEnroll(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption synthetic(QStringLiteral("synthetic"), QStringLiteral("synthetic travelers"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("how many"), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption lane(QStringLiteral("lane"), QStringLiteral("lane id"), QStringLiteral("LANE"), QStringLiteral("LANE-01"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("first seed"), QStringLiteral("S"));
    parser.addOptions({synthetic, count, lane, seed});
    parseOrThrow(parser, args);
    if (!parser.isSet(synthetic))
        throw UsageError("only --synthetic enrollment is available from the command line");
    bool ok = false;
    const qint64 n = parser.value(count).toLongLong(&ok);
    if (!ok || n < 1 || n > 10000000)
        throw UsageError("--count needs a number from 1 to 10000000");
    quint64 first = parser.isSet(seed) ? parser.value(seed).toULongLong(&ok) : QRandomGenerator::global()->generate64();
    if (!ok)
        throw UsageError("--seed needs a number");
    auto& store = ctx.store();
    enrollment::EnrollmentService service(store);
    const Actor officer = ctx.actor(Role::Officer);
    for (qint64 i = 0; i < n; ++i) {
        Encounter e = enrollment::makeSyntheticEncounter(first + quint64(i), parser.value(lane));
        service.submit(officer, e);
        ctx.out << "committed " << e.id << "\n";
        ctx.out.flush();
        std::fflush(stdout);
    }
    return ExitOk;
}

} // namespace umbral::cli
