#include "app/cli/cli_context.h"

#include <QCommandLineParser>
#include <QFile>
#include <cstdlib>
#include <unistd.h>
#include <pwd.h>

namespace umbral::cli {

CliContext::CliContext(QStringList, QTextStream& o, QTextStream& e) : out(o), err(e) {}

storage::StationPaths CliContext::paths() const {
    return storage::StationPaths::resolve(dataDirOption, configDirOption);
}

storage::StationStore& CliContext::store(storage::StationStore::Open open,
                                          storage::StationStore::Schema schema) {
    if (!store_)
        store_ = std::make_unique<storage::StationStore>(paths(), open, schema);
    return *store_;
}

Actor CliContext::actor(Role role) const {
    QString os;
    if (const passwd* pw = ::getpwuid(::geteuid()))
        os = QString::fromLocal8Bit(pw->pw_name);
    if (os.isEmpty())
        os = QString::number(::geteuid());
    return Actor{0, QStringLiteral("cli:") + os, role};
}

QString CliContext::readSecretLine(const QString& what) {
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        throw UsageError(QStringLiteral("cannot read %1 from standard input").arg(what).toStdString());
    QByteArray line = in.readLine(1024);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        throw UsageError(QStringLiteral("expected %1 on standard input").arg(what).toStdString());
    return QString::fromUtf8(line);
}

void CliContext::printJson(const QJsonDocument& doc) {
    out << doc.toJson(QJsonDocument::Indented);
    out.flush();
}

void parseOrThrow(QCommandLineParser& parser, const QStringList& args) {
    // QCommandLineParser expects the program name first.
    QStringList full{QStringLiteral("umbralctl")};
    full << args;
    if (!parser.parse(full))
        throw UsageError(parser.errorText().toStdString());
}

} // namespace umbral::cli
