// umbralctl template finger IMAGE --out FILE [--ppi N] [--position P]
// umbralctl match finger A B [--ppi N]
// umbralctl match finger --pairs FILE [--ppi N] [--json]
//
// The fingerprint half of the template and match command groups (they dispatch on the modality
// in cmd_biometric_groups.cpp). Templates are ISO/IEC 19794-2:2005 finger minutiae records; A and
// B may each be an image or such a record (recognised by its "FMR" header). Scores are the
// calibrated 1:1 scores of finger_matcher.h: higher means more alike, 40 / 60 / 80 correspond to
// a false-match rate of 1 % / 0.1 % / 0.01 %; "MATCH" is printed at 60.
#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/matching/finger_matcher.h"
#include "app/biometrics/fingerprint/matching/score_calibration.h"
#include "app/biometrics/fingerprint/minutiae/iso19794_2.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"
#include "app/cli/cli_context.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <map>

namespace umbral::cli {

namespace {

namespace bio = biometrics;

// The decision threshold printed as MATCH / no match: FMR 0.1 %.
constexpr double kDecisionFmr = 0.001;

QString number(double v, int decimals = 1) {
    return QString::number(v, 'f', decimals);
}

double ppiOption(const QCommandLineParser& parser, const QCommandLineOption& option) {
    if (!parser.isSet(option))
        return 500.0;
    bool ok = false;
    const double ppi = parser.value(option).toDouble(&ok);
    if (!ok || ppi <= 0)
        throw UsageError("--ppi needs a positive number, not '" +
                         parser.value(option).toStdString() + "'");
    return ppi;
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw bio::BiometricError(bio::BiometricErrorCode::UnreadableFile,
                                  path.toStdString() + ": cannot read");
    return f.readAll();
}

bool isMinutiaeRecord(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(4) == QByteArray("FMR\0", 4);
}

// A fingerprint from an image (minutiae extracted) or from an ISO/IEC 19794-2 record.
struct LoadedFinger {
    bio::FingerMatchTemplate fingerprint;
    int minutiae = 0;
    bool fromRecord = false;
};

LoadedFinger loadFinger(const QString& path, double ppi) {
    if (isMinutiaeRecord(path)) {
        const QByteArray bytes = readFile(path);
        const bio::FingerMinutiaeRecord record = bio::readFingerMinutiaeRecord(
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                          static_cast<std::size_t>(bytes.size())));
        if (record.views.empty())
            throw bio::BiometricError(bio::BiometricErrorCode::MalformedTemplate,
                                      path.toStdString() + ": the record holds no finger view");
        const auto minutiae = bio::minutiaeAt500Ppi(record, 0);
        return {bio::FingerMatchTemplate(minutiae), static_cast<int>(minutiae.size()), true};
    }
    bio::MinutiaeExtractionOptions options;
    options.ppi = ppi;
    const bio::MinutiaeExtraction e =
        bio::extractMinutiae(bio::readGrey8(path.toStdString()), options);
    return {bio::FingerMatchTemplate(e.minutiae), static_cast<int>(e.minutiae.size()), false};
}

QJsonObject comparisonJson(const QString& a, const QString& b, const bio::FingerComparison& c) {
    const double threshold = bio::scoreForFalseMatchRate(kDecisionFmr);
    QJsonObject o{{"a", a},
                  {"b", b},
                  {"score", c.score},
                  {"similarity", c.similarity},
                  {"paired_minutiae", c.pairedMinutiae},
                  {"threshold", threshold},
                  {"threshold_fmr", kDecisionFmr},
                  {"match", c.reason.empty() && c.score >= threshold}};
    if (!c.reason.empty())
        o.insert("reason", QString::fromStdString(c.reason));
    return o;
}

int matchPairs(CliContext& ctx, const QString& pairsPath, double ppi) {
    QFile file(pairsPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw bio::BiometricError(bio::BiometricErrorCode::UnreadableFile,
                                  pairsPath.toStdString() + ": cannot read");
    const QDir base = QFileInfo(pairsPath).absoluteDir();
    // A relative path is taken from the working directory, else from the pairs file's folder.
    auto resolve = [&](const QString& p) {
        return QFileInfo(p).isRelative() && !QFileInfo::exists(p) ? base.filePath(p) : p;
    };
    // Each file is read and encoded once, however many pairs it is in.
    std::map<QString, LoadedFinger> cache;
    std::map<QString, std::string> failed;
    auto fingerOf = [&](const QString& p) -> const LoadedFinger* {
        if (const auto it = cache.find(p); it != cache.end())
            return &it->second;
        if (failed.count(p))
            return nullptr;
        try {
            return &cache.emplace(p, loadFinger(resolve(p), ppi)).first->second;
        } catch (const bio::BiometricError& e) {
            failed.emplace(p, e.what());
            return nullptr;
        }
    };
    QJsonArray results;
    bool allOk = true;
    int lineNo = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        ++lineNo;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields =
            line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (fields.size() != 2)
            throw UsageError(QStringLiteral("%1 line %2: expected 'IMAGE_A IMAGE_B'")
                                 .arg(pairsPath)
                                 .arg(lineNo)
                                 .toStdString());
        const LoadedFinger* a = fingerOf(fields[0]);
        const LoadedFinger* b = fingerOf(fields[1]);
        if (!a || !b) {
            allOk = false;
            const std::string why = !a ? failed.at(fields[0]) : failed.at(fields[1]);
            if (ctx.json)
                results.append(QJsonObject{
                    {"a", fields[0]}, {"b", fields[1]}, {"error", QString::fromStdString(why)}});
            else
                ctx.out << fields[0] << " " << fields[1]
                        << " error: " << QString::fromStdString(why) << "\n";
            continue;
        }
        const bio::FingerComparison c = bio::compareFingers(a->fingerprint, b->fingerprint);
        if (ctx.json)
            results.append(comparisonJson(fields[0], fields[1], c));
        else
            ctx.out << fields[0] << " " << fields[1] << " " << number(c.score)
                    << (c.reason.empty()
                            ? QString()
                            : QStringLiteral(" (") + QString::fromStdString(c.reason) + ")")
                    << "\n";
    }
    if (ctx.json)
        ctx.printJson(QJsonDocument(results));
    return allOk ? ExitOk : ExitFailure;
}

} // namespace

int runTemplateFinger(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("ISO/IEC 19794-2 record to write"),
                                 QStringLiteral("FILE"));
    const QCommandLineOption ppi(QStringLiteral("ppi"),
                                 QStringLiteral("image resolution (default 500)"),
                                 QStringLiteral("N"));
    const QCommandLineOption position(
        QStringLiteral("position"), QStringLiteral("ISO finger position 0-10 (default 0, unknown)"),
        QStringLiteral("P"));
    parser.addOption(out);
    parser.addOption(ppi);
    parser.addOption(position);
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("fingerprint image"));
    parseOrThrow(parser, args);
    if (parser.positionalArguments().size() != 1)
        throw UsageError("template finger needs exactly one IMAGE");
    if (!parser.isSet(out) || parser.value(out).isEmpty())
        throw UsageError("template finger needs --out FILE");
    int fingerPosition = 0;
    if (parser.isSet(position)) {
        bool ok = false;
        fingerPosition = parser.value(position).toInt(&ok);
        if (!ok || fingerPosition < 0 || fingerPosition > 10)
            throw UsageError("--position needs an ISO finger position 0-10");
    }
    const QString image = parser.positionalArguments().first();
    bio::MinutiaeExtractionOptions options;
    options.ppi = ppiOption(parser, ppi);
    const bio::MinutiaeExtraction e =
        bio::extractMinutiae(bio::readGrey8(image.toStdString()), options);
    // A record without minutiae would be valid ISO, but useless for anything Umbral does with it.
    if (e.minutiae.empty())
        throw bio::BiometricError(
            bio::BiometricErrorCode::NoSignal,
            image.toStdString() + (e.foregroundFraction == 0.0
                                       ? ": no fingerprint found (no ridge structure in the image)"
                                       : ": no minutiae found in the fingerprint area"));
    const std::vector<std::uint8_t> bytes =
        bio::writeFingerMinutiaeRecord(bio::makeFingerMinutiaeRecord(e, fingerPosition));
    QFile file(parser.value(out));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()) ||
        !file.flush())
        throw bio::BiometricError(bio::BiometricErrorCode::UnreadableFile,
                                  parser.value(out).toStdString() + ": cannot write the template");
    const std::size_t written = std::min(e.minutiae.size(), bio::kMaxIsoMinutiaePerView);
    if (ctx.json)
        ctx.printJson(QJsonDocument(QJsonObject{{"image", image},
                                                {"out", parser.value(out)},
                                                {"format", "ISO/IEC 19794-2:2005"},
                                                {"minutiae", static_cast<int>(written)},
                                                {"bytes", static_cast<int>(bytes.size())}}));
    else
        ctx.out << image << ": " << written << " minutiae, ISO/IEC 19794-2 record written to "
                << parser.value(out) << " (" << bytes.size() << " bytes)\n";
    return ExitOk;
}

int runMatchFinger(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption pairs(QStringLiteral("pairs"),
                                   QStringLiteral("file of 'IMAGE_A IMAGE_B' lines"),
                                   QStringLiteral("FILE"));
    const QCommandLineOption ppi(QStringLiteral("ppi"),
                                 QStringLiteral("resolution of the images (default 500)"),
                                 QStringLiteral("N"));
    parser.addOption(pairs);
    parser.addOption(ppi);
    parser.addPositionalArgument(QStringLiteral("A"),
                                 QStringLiteral("image or ISO/IEC 19794-2 record"));
    parser.addPositionalArgument(QStringLiteral("B"),
                                 QStringLiteral("image or ISO/IEC 19794-2 record"));
    parseOrThrow(parser, args);
    const double resolution = ppiOption(parser, ppi);
    if (parser.isSet(pairs)) {
        if (!parser.positionalArguments().isEmpty())
            throw UsageError("match finger takes either A B or --pairs FILE, not both");
        return matchPairs(ctx, parser.value(pairs), resolution);
    }
    if (parser.positionalArguments().size() != 2)
        throw UsageError("match finger needs A and B (images or templates), or --pairs FILE");
    const QString a = parser.positionalArguments()[0];
    const QString b = parser.positionalArguments()[1];
    const LoadedFinger fa = loadFinger(a, resolution);
    const LoadedFinger fb = loadFinger(b, resolution);
    const bio::FingerComparison c = bio::compareFingers(fa.fingerprint, fb.fingerprint);
    const double threshold = bio::scoreForFalseMatchRate(kDecisionFmr);
    if (ctx.json)
        ctx.printJson(QJsonDocument(comparisonJson(a, b, c)));
    else if (!c.reason.empty())
        ctx.out << "score 0.0: not comparable: " << QString::fromStdString(c.reason) << "\n";
    else
        ctx.out << "score " << number(c.score) << " (similarity " << number(c.similarity, 4) << ", "
                << c.pairedMinutiae
                << " minutia pairs): " << (c.score >= threshold ? "MATCH" : "no match")
                << " at the FMR 0.1 % threshold " << number(threshold) << "\n";
    return ExitOk;
}

} // namespace umbral::cli
