// The template and match command groups dispatch on the modality: `match iris ...`,
// `match finger ...`. Each modality's commands live in their own file (cmd_iris.cpp, ...);
// adding one is a line per group here. (`quality` dispatches in cmd_quality.cpp.)
#include "app/cli/cli_context.h"

namespace umbral::cli {

int runTemplateIris(CliContext&, const QStringList&);
int runMatchIris(CliContext&, const QStringList&);
int runTemplateFinger(CliContext&, const QStringList&);
int runMatchFinger(CliContext&, const QStringList&);

namespace {

struct ModalityCommand {
    const char* modality;
    int (*run)(CliContext&, const QStringList&);
};

int dispatch(const char* group, std::initializer_list<ModalityCommand> commands, CliContext& ctx,
             const QStringList& args) {
    if (args.isEmpty())
        throw UsageError(std::string(group) + " needs a modality (finger, iris)");
    for (const auto& c : commands)
        if (args.first() == QLatin1String(c.modality))
            return c.run(ctx, args.mid(1));
    throw UsageError("unknown modality for " + std::string(group) + ": " +
                     args.first().toStdString());
}

} // namespace

int runTemplate(CliContext& ctx, const QStringList& args) {
    return dispatch("template", {{"finger", runTemplateFinger}, {"iris", runTemplateIris}}, ctx, args);
}

int runMatch(CliContext& ctx, const QStringList& args) {
    return dispatch("match", {{"finger", runMatchFinger}, {"iris", runMatchIris}}, ctx, args);
}

} // namespace umbral::cli
