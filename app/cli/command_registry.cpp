#include "app/cli/cli_context.h"

namespace umbral::cli {

int runDb(CliContext&, const QStringList&);
int runUser(CliContext&, const QStringList&);
int runEnroll(CliContext&, const QStringList&);
int runQueue(CliContext&, const QStringList&);
int runAudit(CliContext&, const QStringList&);
int runQuality(CliContext&, const QStringList&);
int runInspect(CliContext&, const QStringList&);
int runExport(CliContext&, const QStringList&);
int runTemplate(CliContext&, const QStringList&);
int runMatch(CliContext&, const QStringList&);
int runDevices(CliContext&, const QStringList&);
int runWatchlist(CliContext&, const QStringList&);
int runScreen(CliContext&, const QStringList&);

const std::vector<CommandGroup>& commandGroups() {
    static const std::vector<CommandGroup> groups{
        {"db", "db init | db check | db migrate", runDb},
        {"user", "user add NAME --role ROLE [--display-name TEXT]  (password on stdin)\n"
                 "user list [--json] | user passwd NAME (password on stdin) | user lock NAME [--unlock]",
         runUser},
        {"enroll", "enroll --synthetic --count N [--lane LANE] [--seed S]", runEnroll},
        {"queue", "queue list [--state STATE] [--json] | queue retry\n"
                  "queue send [--endpoint URL | --export-dir DIR] [--timeout S]", runQueue},
        {"audit", "audit list [--json] [--after SEQ] [--limit N] | audit verify [--json]", runAudit},
        {"quality", "quality finger [--ppi N] [--json] IMAGE... | quality iris [--json] IMAGE...", runQuality},
        {"template", "template finger IMAGE --out FILE [--ppi N] [--position P] | template iris IMAGE --out FILE",
         runTemplate},
        {"match", "match finger A B | match finger --pairs FILE [--json]\n"
                  "match iris A B | match iris --pairs FILE [--json]",
         runMatch},
        {"export", "export --encounter ID --out FILE", runExport},
        {"inspect", "inspect FILE [--images DIR | --no-images] [--json]", runInspect},
        {"devices", "devices list [--json] | devices capture --device ID --out FILE [--count N] [--timeout S]\n"
                    "devices watch",
         runDevices},
        {"watchlist", "watchlist import FILE [--json] | watchlist list [--entries] [--list LIST] [--limit N] [--json]\n"
                      "watchlist stats [--json] | watchlist verify [FILE] [--json]\n"
                      "watchlist demo --identities N --out FILE [--version V]",
         runWatchlist},
        {"screen", "screen --encounter ID [--json]\n"
                   "screen --mrz LINES [--finger POS=IMAGE]... [--iris left=IMAGE] [--iris right=IMAGE] [--ppi N] --json",
         runScreen},
    };
    return groups;
}

} // namespace umbral::cli
