// umbralctl quality finger [--ppi N] [--json] IMAGE...
//
// NFIQ 2-compatible quality of fingerprint images: per image the unified score, NIST's
// actionable feedback and every native measure, under NIST's names. A bad file is reported and
// the others are still scored; the exit status is 1 if any file failed.
#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/quality/finger_quality.h"
#include "app/biometrics/fingerprint/quality/minutiae_detection.h"
#include "app/cli/cli_context.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace umbral::cli {

namespace {

using namespace umbral::biometrics;

QString errorCodeName(BiometricErrorCode c) {
    switch (c) {
    case BiometricErrorCode::UnreadableFile:
        return QStringLiteral("UnreadableFile");
    case BiometricErrorCode::EmptyImage:
        return QStringLiteral("EmptyImage");
    case BiometricErrorCode::NotGrey:
        return QStringLiteral("NotGrey");
    case BiometricErrorCode::UnsupportedDepth:
        return QStringLiteral("UnsupportedDepth");
    case BiometricErrorCode::TooSmall:
        return QStringLiteral("TooSmall");
    case BiometricErrorCode::TooLarge:
        return QStringLiteral("TooLarge");
    case BiometricErrorCode::BadResolution:
        return QStringLiteral("BadResolution");
    case BiometricErrorCode::NoSignal:
        return QStringLiteral("NoSignal");
    case BiometricErrorCode::MalformedTemplate:
        return QStringLiteral("MalformedTemplate");
    case BiometricErrorCode::Internal:
        return QStringLiteral("Internal");
    }
    return QStringLiteral("Internal");
}

/// NIST prints 6 significant digits.
QString number(double v) {
    return QString::number(v, 'g', 6);
}

QJsonObject toJson(const QString& file, const FingerQualityReport& r) {
    QJsonObject feedback, measures;
    for (const NamedMeasure& m : namedValues(r.feedback))
        feedback.insert(QString::fromStdString(m.name), m.value);
    for (const NamedMeasure& m : namedValues(r.measures))
        measures.insert(QString::fromStdString(m.name), m.value);
    QJsonArray advice;
    for (CaptureAdvice a : r.advice)
        advice.append(QString::fromStdString(adviceText(a)));
    return QJsonObject{
        {"file", file},
        {"UnifiedQualityScore", r.score},
        {"ActionableQualityFeedback", feedback},
        {"NativeQualityMeasures", measures},
        {"advice", advice},
        {"source_ppi", r.sourcePpi},
        {"resampled_to_500_ppi", r.resampled},
        {"trimmed", QJsonObject{{"x", r.trimmed.x},
                                {"y", r.trimmed.y},
                                {"width", r.trimmed.width},
                                {"height", r.trimmed.height}}},
        {"padded_for_minutiae", r.paddedForMinutiae},
    };
}

void printText(QTextStream& out, const QString& file, const FingerQualityReport& r) {
    out << file << ": score " << r.score << "\n";
    if (r.resampled)
        out << "  resampled from " << number(r.sourcePpi) << " ppi to 500 ppi\n";
    if (r.trimmed.size() != r.sourceSize || r.resampled)
        out << "  measured " << r.trimmed.width << " x " << r.trimmed.height
            << " pixels at 500 ppi after trimming the white frame\n";
    if (r.paddedForMinutiae)
        out << "  smaller than 196 pixels: padded with white for minutiae detection\n";
    if (!r.advice.empty()) {
        out << "  advice:";
        for (size_t i = 0; i < r.advice.size(); ++i)
            out << (i ? "; " : " ") << QString::fromStdString(adviceText(r.advice[i]));
        out << "\n";
    }
    out << "  UnifiedQualityScore: " << r.score << "\n";
    for (const NamedMeasure& m : namedValues(r.feedback))
        out << "  " << QString::fromStdString(m.name) << ": " << number(m.value) << "\n";
    for (const NamedMeasure& m : namedValues(r.measures))
        out << "  " << QString::fromStdString(m.name) << ": " << number(m.value) << "\n";
}

int runQualityFinger(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption ppiOption(QStringLiteral("ppi"),
                                       QStringLiteral("resolution of the images (default 500)"),
                                       QStringLiteral("N"), QStringLiteral("500"));
    parser.addOption(ppiOption);
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("fingerprint images"));
    parseOrThrow(parser, args);
    bool ok = false;
    const double ppi = parser.value(ppiOption).toDouble(&ok);
    if (!ok || ppi <= 0)
        throw UsageError("--ppi needs a positive number, not '" +
                         parser.value(ppiOption).toStdString() + "'");
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        throw UsageError("quality finger needs at least one IMAGE");

    FingerQualityOptions options;
    options.ppi = ppi;
    options.minutiae = umbralMinutiaeDetector();
    int failed = 0;
    QJsonArray results;
    for (const QString& file : files) {
        try {
            const FingerQualityReport r =
                assessFingerQuality(readGrey8(file.toStdString()), options);
            if (ctx.json)
                results.append(toJson(file, r));
            else
                printText(ctx.out, file, r);
        } catch (const BiometricError& e) {
            ++failed;
            if (ctx.json)
                results.append(QJsonObject{{"file", file},
                                           {"error", QString::fromStdString(e.what())},
                                           {"error_code", errorCodeName(e.code())}});
            else {
                // File errors already name the file; say it once.
                QString message = QString::fromStdString(e.what());
                if (message.startsWith(file + QStringLiteral(": ")))
                    message = message.mid(file.size() + 2);
                ctx.err << file << ": error: " << message << "\n";
            }
        }
    }
    if (ctx.json)
        ctx.printJson(QJsonDocument(results));
    ctx.out.flush();
    ctx.err.flush();
    return failed > 0 ? ExitFailure : ExitOk;
}

} // namespace

int runQualityIris(CliContext& ctx, const QStringList& args); // cmd_iris.cpp

int runQuality(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty())
        throw UsageError("quality needs a sub-command: finger or iris");
    if (args.first() == QLatin1String("finger"))
        return runQualityFinger(ctx, args.mid(1));
    if (args.first() == QLatin1String("iris"))
        return runQualityIris(ctx, args.mid(1));
    throw UsageError("unknown quality sub-command: " + args.first().toStdString());
}

} // namespace umbral::cli
