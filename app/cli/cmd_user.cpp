// umbralctl user add | list | passwd | lock
#include "app/cli/cli_context.h"
#include "app/core/errors.h"
#include "app/services/user_admin_service.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace umbral::cli {

namespace {
QString onePositional(const QCommandLineParser& p, const char* what) {
    if (p.positionalArguments().size() != 1)
        throw UsageError(std::string("expected exactly one ") + what);
    return p.positionalArguments().first();
}
} // namespace

int runUser(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty())
        throw UsageError("user needs a sub-command: add, list, passwd or lock");
    const QString sub = args.first();
    QCommandLineParser parser;
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("officer, supervisor or administrator"),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption display(QStringLiteral("display-name"), QStringLiteral("full name"), QStringLiteral("TEXT"));
    const QCommandLineOption unlock(QStringLiteral("unlock"), QStringLiteral("unlock instead of lock"));
    if (sub == QLatin1String("add"))
        parser.addOptions({role, display});
    if (sub == QLatin1String("lock"))
        parser.addOption(unlock);
    parseOrThrow(parser, args.mid(1));
    const Actor admin = ctx.actor(Role::Administrator);

    if (sub == QLatin1String("add")) {
        const QString name = onePositional(parser, "user name");
        if (!parser.isSet(role))
            throw UsageError("--role is required (officer, supervisor or administrator)");
        const auto r = parseRole(parser.value(role));
        if (!r)
            throw UsageError("unknown role: " + parser.value(role).toStdString());
        const QString password = ctx.readSecretLine(QStringLiteral("the new password"));
        services::UserAdminService users(ctx.store());
        const User u = users.addUser(admin, name, parser.value(display), *r, password);
        ctx.out << "added user " << u.name << " (" << toKey(u.role) << ")\n";
        return ExitOk;
    }
    if (sub == QLatin1String("list")) {
        services::UserAdminService users(ctx.store());
        const auto list = users.listUsers(admin);
        if (ctx.json) {
            QJsonArray a;
            for (const User& u : list)
                a.append(QJsonObject{{"name", u.name}, {"display_name", u.displayName}, {"role", toKey(u.role)},
                                     {"locked", u.disabled}, {"failed_logins", u.failedLogins},
                                     {"locked_until", u.lockedUntil.isValid() ? u.lockedUntil.toString(Qt::ISODate) : QString()}});
            ctx.printJson(QJsonDocument(a));
        } else {
            for (const User& u : list)
                ctx.out << qSetFieldWidth(20) << Qt::left << u.name << qSetFieldWidth(15) << toKey(u.role)
                        << qSetFieldWidth(0) << (u.disabled ? "locked" : "active") << "\n";
        }
        return ExitOk;
    }
    if (sub == QLatin1String("passwd")) {
        const QString name = onePositional(parser, "user name");
        const QString password = ctx.readSecretLine(QStringLiteral("the new password"));
        services::UserAdminService(ctx.store()).setPassword(admin, name, password);
        ctx.out << "password of " << name << " changed\n";
        return ExitOk;
    }
    if (sub == QLatin1String("lock")) {
        const QString name = onePositional(parser, "user name");
        const bool locking = !parser.isSet(unlock);
        services::UserAdminService(ctx.store()).setLocked(admin, name, locking);
        ctx.out << (locking ? "locked " : "unlocked ") << name << "\n";
        return ExitOk;
    }
    throw UsageError("unknown user sub-command: " + sub.toStdString());
}

} // namespace umbral::cli
