// umbralctl quality iris [--json] IMAGE...
// umbralctl template iris IMAGE --out FILE
// umbralctl match iris A B
// umbralctl match iris --pairs FILE [--json]
//
// The iris half of the quality / template / match command groups (quality dispatches on the
// modality in cmd_quality.cpp, template and match in cmd_biometric_groups.cpp). A and B may each be
// an image or a template file written by `template iris`.
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/iris/iris_matching.h"
#include "app/biometrics/iris/iris_quality.h"
#include "app/cli/cli_context.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <map>

namespace umbral::cli {

namespace {

namespace bio = biometrics;

QJsonObject ellipseJson(const bio::IrisEllipse& e) {
    return QJsonObject{{"x", e.centre.x},
                       {"y", e.centre.y},
                       {"semi_axis_a", e.semiAxisA},
                       {"semi_axis_b", e.semiAxisB},
                       {"angle_deg", e.angleDeg}};
}

QString number(double v, int decimals = 1) {
    return QString::number(v, 'f', decimals);
}

QJsonObject qualityJson(const QString& image, const bio::IrisQualityReport& r) {
    QJsonObject o{{"image", image}, {"assessed", r.assessed}};
    if (!r.assessed) {
        o.insert("refusal", QString::fromStdString(bio::refusalName(r.refusal)));
        o.insert("reason", QString::fromStdString(r.refusalReason));
    } else {
        o.insert("score", r.overallScore);
        o.insert("acceptable", r.acceptable);
        o.insert("use", r.use == bio::IrisCaptureUse::Enrollment ? "enrollment" : "verification");
        QJsonObject metrics;
        for (const auto& m : r.metrics) {
            const auto& spec = bio::metricSpec(m.metric);
            metrics.insert(
                spec.key, QJsonObject{{"value", m.value},
                                      {"pass", m.pass},
                                      {"requirement", QString::fromStdString(
                                                          bio::metricRequirement(m.metric, r.use))},
                                      {"iso_threshold", spec.standardThreshold}});
        }
        o.insert("metrics", metrics);
        o.insert("pupil", ellipseJson(r.segmentation.pupil));
        o.insert("limbus", ellipseJson(r.segmentation.limbus));
    }
    QJsonArray keys;
    QJsonArray texts;
    for (const auto f : r.feedback) {
        keys.append(QString::fromStdString(bio::feedbackKey(f)));
        texts.append(QString::fromStdString(bio::feedbackText(f)));
    }
    o.insert("feedback", keys);
    o.insert("feedback_text", texts);
    return o;
}

void printQuality(QTextStream& out, const QString& image, const bio::IrisQualityReport& r) {
    if (!r.assessed) {
        out << image << ": refused (" << QString::fromStdString(bio::refusalName(r.refusal))
            << "): " << QString::fromStdString(r.refusalReason) << "\n";
    } else {
        out << image << ": score " << r.overallScore << ", "
            << (r.acceptable ? "acceptable" : "NOT acceptable") << " for "
            << (r.use == bio::IrisCaptureUse::Enrollment ? "enrollment" : "verification") << "\n";
        for (const auto& m : r.metrics) {
            const auto& spec = bio::metricSpec(m.metric);
            out << "  " << QString::fromUtf8(spec.name).leftJustified(28)
                << number(m.value).rightJustified(7) << " "
                << QString::fromUtf8(spec.unit).leftJustified(5)
                << QString::fromStdString(bio::metricRequirement(m.metric, r.use)).leftJustified(10)
                << (m.pass ? "pass" : "FAIL")
                << (spec.standardThreshold ? "" : "  (Umbral threshold)") << "\n";
        }
    }
    if (!r.feedback.empty()) {
        out << "  feedback:";
        for (std::size_t i = 0; i < r.feedback.size(); ++i)
            out << (i ? "; " : " ") << QString::fromStdString(bio::feedbackText(r.feedback[i]));
        out << "\n";
    }
}

bool isTemplateFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(6) == QByteArray("UMIRIS");
}

// An image (segmented and encoded) or a template file.
bio::IrisTemplate loadTemplate(const QString& path) {
    if (isTemplateFile(path)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            throw bio::BiometricError(bio::BiometricErrorCode::UnreadableFile,
                                      path.toStdString() + ": cannot read");
        const QByteArray bytes = f.readAll();
        return bio::IrisTemplate::deserialise(
            std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
    }
    return bio::encodeIris(bio::readGrey8(path.toStdString()));
}

QJsonObject comparisonJson(const QString& a, const QString& b, const bio::IrisComparison& c,
                           double threshold) {
    return QJsonObject{{"a", a},
                       {"b", b},
                       {"distance", c.distance},
                       {"raw_distance", c.rawDistance},
                       {"bits_compared", c.bitsCompared},
                       {"rotation_steps", c.shift},
                       {"rotation_deg", c.shift * bio::kIrisCodeAngleStepDeg},
                       {"threshold", threshold},
                       {"match", c.bitsCompared > 0 && c.distance <= threshold}};
}

int matchPairs(CliContext& ctx, const QString& pairsPath) {
    QFile file(pairsPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw bio::BiometricError(bio::BiometricErrorCode::UnreadableFile,
                                  pairsPath.toStdString() + ": cannot read");
    const QDir base = QFileInfo(pairsPath).absoluteDir();
    // A relative path is taken from the working directory, else from the pairs file's folder.
    auto resolve = [&](const QString& p) {
        return QFileInfo(p).isRelative() && !QFileInfo::exists(p) ? base.filePath(p) : p;
    };
    std::map<QString, bio::IrisTemplate> cache;
    std::map<QString, std::string> failed;
    auto templateOf = [&](const QString& p) -> const bio::IrisTemplate* {
        if (cache.count(p))
            return &cache.at(p);
        if (failed.count(p))
            return nullptr;
        try {
            return &cache.emplace(p, loadTemplate(resolve(p))).first->second;
        } catch (const bio::BiometricError& e) {
            failed.emplace(p, e.what());
            return nullptr;
        }
    };
    const double threshold = bio::irisDecisionThreshold(1);
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
        const bio::IrisTemplate* a = templateOf(fields[0]);
        const bio::IrisTemplate* b = templateOf(fields[1]);
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
        const bio::IrisComparison c = bio::compareIrisTemplates(*a, *b);
        if (ctx.json)
            results.append(comparisonJson(fields[0], fields[1], c, threshold));
        else
            ctx.out << fields[0] << " " << fields[1] << " " << number(c.distance, 4) << "\n";
    }
    if (ctx.json)
        ctx.printJson(QJsonDocument(results));
    return allOk ? ExitOk : ExitFailure;
}

} // namespace

int runQualityIris(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("IMAGE"),
                                 QStringLiteral("near-infrared eye images"));
    parseOrThrow(parser, args);
    const QStringList images = parser.positionalArguments();
    if (images.isEmpty())
        throw UsageError("quality iris needs at least one IMAGE");
    QJsonArray results;
    bool allRead = true;
    for (const QString& path : images) {
        try {
            const cv::Mat image = bio::readImageUnchanged(path.toStdString());
            const bio::IrisQualityReport report = bio::assessIrisQuality(image);
            if (ctx.json)
                results.append(qualityJson(path, report));
            else
                printQuality(ctx.out, path, report);
        } catch (const bio::BiometricError& e) {
            // Unreadable, colour, 16-bit: say so for this image and go on with the others.
            allRead = false;
            if (ctx.json)
                results.append(QJsonObject{
                    {"image", path}, {"assessed", false}, {"error", QString::fromUtf8(e.what())}});
            else
                ctx.out << path << ": refused: " << e.what() << "\n";
        }
    }
    if (ctx.json)
        ctx.printJson(QJsonDocument(results));
    return allRead ? ExitOk : ExitFailure;
}

int runTemplateIris(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("template file to write"),
                                 QStringLiteral("FILE"));
    parser.addOption(out);
    parser.addPositionalArgument(QStringLiteral("IMAGE"),
                                 QStringLiteral("near-infrared eye image"));
    parseOrThrow(parser, args);
    if (parser.positionalArguments().size() != 1)
        throw UsageError("template iris needs exactly one IMAGE");
    if (!parser.isSet(out) || parser.value(out).isEmpty())
        throw UsageError("template iris needs --out FILE");
    const QString image = parser.positionalArguments().first();
    const bio::IrisTemplate t = bio::encodeIris(bio::readGrey8(image.toStdString()));
    const std::vector<std::uint8_t> bytes = t.serialise();
    QFile file(parser.value(out));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()) ||
        !file.flush())
        throw bio::BiometricError(bio::BiometricErrorCode::UnreadableFile,
                                  parser.value(out).toStdString() + ": cannot write the template");
    if (ctx.json)
        ctx.printJson(QJsonDocument(QJsonObject{{"image", image},
                                                {"out", parser.value(out)},
                                                {"code_bits", bio::kIrisCodeBits},
                                                {"valid_bits", t.validBits()},
                                                {"bytes", static_cast<int>(bytes.size())}}));
    else
        ctx.out << image << ": iris template written to " << parser.value(out) << " ("
                << bio::kIrisCodeBits << "-bit code, " << t.validBits() << " bits usable)\n";
    return ExitOk;
}

int runMatchIris(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption pairs(QStringLiteral("pairs"),
                                   QStringLiteral("file of 'IMAGE_A IMAGE_B' lines"),
                                   QStringLiteral("FILE"));
    parser.addOption(pairs);
    parser.addPositionalArgument(QStringLiteral("A"), QStringLiteral("image or template"));
    parser.addPositionalArgument(QStringLiteral("B"), QStringLiteral("image or template"));
    parseOrThrow(parser, args);
    if (parser.isSet(pairs)) {
        if (!parser.positionalArguments().isEmpty())
            throw UsageError("match iris takes either A B or --pairs FILE, not both");
        return matchPairs(ctx, parser.value(pairs));
    }
    if (parser.positionalArguments().size() != 2)
        throw UsageError("match iris needs A and B (images or templates), or --pairs FILE");
    const QString a = parser.positionalArguments()[0];
    const QString b = parser.positionalArguments()[1];
    const bio::IrisComparison c = bio::compareIrisTemplates(loadTemplate(a), loadTemplate(b));
    const double threshold = bio::irisDecisionThreshold(1);
    if (ctx.json) {
        ctx.printJson(QJsonDocument(comparisonJson(a, b, c, threshold)));
    } else if (c.bitsCompared == 0) {
        ctx.out << "distance 1.0000: the two irises have no usable bits in common\n";
    } else {
        ctx.out << "distance " << number(c.distance, 4) << " (" << c.bitsCompared
                << " bits compared, rotation " << (c.shift >= 0 ? "+" : "")
                << number(c.shift * bio::kIrisCodeAngleStepDeg)
                << " deg): " << (c.distance <= threshold ? "MATCH" : "no match")
                << " at the 1:1 threshold " << number(threshold, 3) << "\n";
    }
    return ExitOk;
}

} // namespace umbral::cli
