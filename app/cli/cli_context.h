#pragma once

#include "app/core/errors.h"
#include "app/core/user.h"
#include "storage/station_store.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QStringList>
#include <QTextStream>
#include <memory>
#include <stdexcept>

namespace umbral::cli {

/// Exit codes of umbralctl: a contract for scripts.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/// A wrong command line: printed with the command's usage, exit 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What every command gets: the global options, the output streams, the station store (opened
/// on first use) and the actor that umbralctl acts as.
class CliContext {
public:
    CliContext(QStringList globalArgs, QTextStream& out, QTextStream& err);

    QTextStream& out;
    QTextStream& err;
    bool json = false;
    QString dataDirOption;
    QString configDirOption;

    storage::StationPaths paths() const;
    /// Opens the station database (once). ExistingOnly + RequireCurrent unless stated.
    storage::StationStore& store(storage::StationStore::Open open = storage::StationStore::Open::ExistingOnly,
                                 storage::StationStore::Schema schema = storage::StationStore::Schema::RequireCurrent);
    /// umbralctl acts as the local technician who holds the key file: "cli:<os user>", with the
    /// role the command needs. The audit log names them.
    Actor actor(Role role) const;
    /// Reads one line (a password) from standard input; UsageError when there is none.
    QString readSecretLine(const QString& what);
    void printJson(const QJsonDocument& doc);

private:
    std::unique_ptr<storage::StationStore> store_;
};

/// One command group ("db", "user", ...). `args` starts with the sub-command.
struct CommandGroup {
    const char* name;
    const char* synopsis; ///< one line per sub-command, for `umbralctl help`
    int (*run)(CliContext& ctx, const QStringList& args);
};

/// Every command group, in the order `umbralctl help` lists them. Adding a group is one row in
/// command_registry.cpp.
const std::vector<CommandGroup>& commandGroups();

/// Parses `args` (sub-command options) with `parser`; throws UsageError on unknown options.
void parseOrThrow(QCommandLineParser& parser, const QStringList& args);

} // namespace umbral::cli
