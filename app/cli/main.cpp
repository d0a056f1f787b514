// umbralctl: every capability of the station without a screen, for administrators, scripts and
// benchmarks. Exit codes: 0 ok, 1 failure, 2 usage.
#include "app/cli/cli_context.h"
#include "app/core/errors.h"
#include "app/biometrics/common/biometric_error.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

using namespace umbral;
using namespace umbral::cli;

namespace {

void printHelp(QTextStream& s) {
    s << "usage: umbralctl [--data-dir DIR] [--config-dir DIR] [--json] <command> ...\n\n"
         "  --data-dir DIR    station data (umbral.db); default $UMBRAL_DATA_DIR or ~/.local/share/umbral\n"
         "  --config-dir DIR  station configuration and key file; default $UMBRAL_CONFIG_DIR or ~/.config/umbral\n"
         "  --json            machine-readable output where the output is data\n\ncommands:\n";
    for (const CommandGroup& g : commandGroups())
        for (const QString& line : QString::fromUtf8(g.synopsis).split(QLatin1Char('\n')))
            s << "  " << line << "\n";
    s << "\nexit status: 0 ok, 1 failure, 2 usage error\n";
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("umbral"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments().mid(1);

    CliContext ctx({}, out, err);
    // Global options may stand anywhere before the command's own "--".
    QStringList rest;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--")) {
            rest << args.mid(i);
            break;
        }
        if (a == QLatin1String("--json")) {
            ctx.json = true;
        } else if (a == QLatin1String("--data-dir") || a == QLatin1String("--config-dir")) {
            if (i + 1 >= args.size()) {
                err << "umbralctl: " << a << " needs a directory\n";
                return ExitUsage;
            }
            (a == QLatin1String("--data-dir") ? ctx.dataDirOption : ctx.configDirOption) = args[++i];
        } else if (a.startsWith(QLatin1String("--data-dir="))) {
            ctx.dataDirOption = a.section(QLatin1Char('='), 1);
        } else if (a.startsWith(QLatin1String("--config-dir="))) {
            ctx.configDirOption = a.section(QLatin1Char('='), 1);
        } else {
            rest << a;
        }
    }
    if (rest.isEmpty() || rest.first() == QLatin1String("help") || rest.first() == QLatin1String("--help") ||
        rest.first() == QLatin1String("-h")) {
        printHelp(rest.isEmpty() ? err : out);
        return rest.isEmpty() ? ExitUsage : ExitOk;
    }
    if (rest.first() == QLatin1String("--version")) {
        out << "umbralctl " << UMBRAL_VERSION << "\n";
        return ExitOk;
    }
    const QString group = rest.takeFirst();
    for (const CommandGroup& g : commandGroups()) {
        if (group != QLatin1String(g.name))
            continue;
        try {
            const int rc = g.run(ctx, rest);
            out.flush();
            return rc;
        } catch (const UsageError& e) {
            out.flush();
            err << "umbralctl " << group << ": " << e.what() << "\nusage: umbralctl "
                << QString::fromUtf8(g.synopsis).replace(QLatin1Char('\n'), QLatin1String("\n       umbralctl "))
                << "\n";
            return ExitUsage;
        } catch (const Error& e) {
            out.flush();
            err << "umbralctl " << group << ": " << e.what() << "\n";
            return ExitFailure;
        } catch (const biometrics::BiometricError& e) {
            out.flush();
            err << "umbralctl " << group << ": " << e.what() << "\n";
            return ExitFailure;
        } catch (const std::exception& e) {
            out.flush();
            err << "umbralctl " << group << ": unexpected error: " << e.what() << "\n";
            return ExitFailure;
        }
    }
    err << "umbralctl: unknown command '" << group << "'\n\n";
    printHelp(err);
    return ExitUsage;
}
