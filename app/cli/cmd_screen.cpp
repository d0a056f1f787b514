// umbralctl screen --encounter ID [--json]
// umbralctl screen --mrz LINES [--finger POS=IMAGE]... [--iris left=IMAGE] [--iris right=IMAGE] [--ppi N] --json
#include "app/biometrics/common/grey_image.h"
#include "app/cli/cli_context.h"
#include "app/core/errors.h"
#include "app/screening/mrz_traveler.h"
#include "app/screening/screening_service.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <opencv2/imgcodecs.hpp>

namespace umbral::cli {

using namespace umbral::screening;

namespace {
Capture captureFromFile(const QString& path, int ppi) {
    const cv::Mat img = biometrics::readGrey8(path.toStdString()); // BiometricError names the file
    std::vector<uchar> buf;
    cv::imencode(".png", img, buf);
    Capture c;
    c.image = QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
    c.width = img.cols;
    c.height = img.rows;
    c.ppi = ppi;
    c.capturedAt = QDateTime::currentDateTimeUtc();
    c.deviceId = QStringLiteral("file");
    return c;
}

void printText(CliContext& ctx, const ScreeningResult& r) {
    const ScreeningOutcome& o = r.outcome;
    ctx.out << "band " << toKey(o.band).toUpper() << "  (watchlist " << (o.versionsText().isEmpty() ? QStringLiteral("none") : o.versionsText())
            << ", " << QString::number(o.timings.totalMs, 'f', 0) << " ms)\n";
    int n = 0;
    for (const ScreeningCandidate& c : o.candidates) {
        ctx.out << "  " << ++n << ". " << c.person.listId << "/" << c.person.entryId << "  " << toKey(c.band).toUpper() << "  "
                << toKey(c.person.category) << ", severity " << c.person.severity << "\n";
        for (const QString& reason : c.reasons)
            ctx.out << "     - " << reason << "\n";
        if (c.band != Band::Green && !c.person.handlingInstructions.isEmpty())
            ctx.out << "     handling: " << c.person.handlingInstructions << "\n";
    }
    for (const ProbeNote& p : o.probes)
        if (!p.used)
            ctx.out << "  not screened: " << p.slot << ": " << p.detail << "\n";
    if (r.screeningId > 0)
        ctx.out << "screening " << r.screeningId << " stored; alerts: " << r.alertIds.size() << "\n";
}
} // namespace

int runScreen(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption encounter(QStringLiteral("encounter"), QStringLiteral("a stored encounter"), QStringLiteral("ID"));
    const QCommandLineOption mrz(QStringLiteral("mrz"), QStringLiteral("the MRZ lines (newline separated)"), QStringLiteral("LINES"));
    const QCommandLineOption finger(QStringLiteral("finger"), QStringLiteral("a fingerprint: POS=IMAGE"), QStringLiteral("POS=IMAGE"));
    const QCommandLineOption iris(QStringLiteral("iris"), QStringLiteral("an iris: left=IMAGE or right=IMAGE"), QStringLiteral("SIDE=IMAGE"));
    const QCommandLineOption ppi(QStringLiteral("ppi"), QStringLiteral("fingerprint resolution"), QStringLiteral("N"), QStringLiteral("500"));
    parser.addOptions({encounter, mrz, finger, iris, ppi});
    parseOrThrow(parser, args);
    if (!parser.positionalArguments().isEmpty())
        throw UsageError("unexpected argument: " + parser.positionalArguments().first().toStdString());
    if (parser.isSet(encounter) == (parser.isSet(mrz) || parser.isSet(finger) || parser.isSet(iris)))
        throw UsageError("give either --encounter ID, or the traveler (--mrz, --finger, --iris)");

    auto& store = ctx.store();
    ScreeningService service(store, ScreeningSettings::load(ctx.paths().settingsFile()));
    const Actor officer = ctx.actor(Role::Officer);
    ScreeningResult result;
    if (parser.isSet(encounter)) {
        result = service.screenEncounter(officer, parser.value(encounter));
    } else {
        bool ok = false;
        const int resolution = parser.value(ppi).toInt(&ok);
        if (!ok || resolution < 250 || resolution > 2000)
            throw UsageError("--ppi needs a resolution from 250 to 2000");
        Traveler traveler;
        if (parser.isSet(mrz))
            traveler = travelerFromMrz(parser.value(mrz));
        std::vector<Capture> captures;
        QStringList seen;
        for (const QString& spec : parser.values(finger)) {
            const int eq = spec.indexOf(QLatin1Char('='));
            const auto pos = eq > 0 ? parseFingerPosition(spec.left(eq)) : std::nullopt;
            if (!pos || (!isSingleFinger(*pos) && *pos != FingerPosition::Unknown))
                throw UsageError("--finger needs POS=IMAGE with POS a finger (1-10, right-index, ..., unknown): " + spec.toStdString());
            if (*pos != FingerPosition::Unknown && seen.contains(toKey(*pos)))
                throw UsageError("two images for " + toKey(*pos).toStdString());
            seen << toKey(*pos);
            Capture c = captureFromFile(spec.mid(eq + 1), resolution);
            c.modality = Modality::Finger;
            c.finger = *pos;
            captures.push_back(std::move(c));
        }
        for (const QString& spec : parser.values(iris)) {
            const int eq = spec.indexOf(QLatin1Char('='));
            const auto side = eq > 0 ? parseIrisSide(spec.left(eq)) : std::nullopt;
            if (!side || *side == IrisSide::Undefined)
                throw UsageError("--iris needs left=IMAGE or right=IMAGE: " + spec.toStdString());
            if (seen.contains(QStringLiteral("iris:") + toKey(*side)))
                throw UsageError("two images for the " + toKey(*side).toStdString() + " iris");
            seen << QStringLiteral("iris:") + toKey(*side);
            Capture c = captureFromFile(spec.mid(eq + 1), 0);
            c.modality = Modality::Iris;
            c.iris = *side;
            captures.push_back(std::move(c));
        }
        result = service.screenTraveler(officer, traveler, captures);
    }
    if (ctx.json) {
        QJsonObject o = result.outcome.toJson();
        o.insert("screening_id", double(result.screeningId));
        QJsonArray alerts;
        for (qint64 id : result.alertIds)
            alerts.append(double(id));
        o.insert("alerts", alerts);
        ctx.printJson(QJsonDocument(o));
    } else {
        printText(ctx, result);
    }
    return ExitOk;
}

} // namespace umbral::cli
