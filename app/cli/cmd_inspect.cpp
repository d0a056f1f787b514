// umbralctl inspect FILE [--images DIR | --no-images]
// Prints every record and field of an ANSI/NIST-ITL transaction, what validation finds, and
// decodes each record's image (WSQ, JPEG, JPEG 2000, PNG, uncompressed) to a PNG file.
#include "app/cli/cli_context.h"
#include "app/core/errors.h"
#include "app/interchange/an2k_images.h"
#include "app/interchange/an2k_inspect.h"
#include "app/interchange/an2k_io.h"
#include "app/interchange/an2k_validation.h"
#include "app/interchange/interchange_error.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <opencv2/imgcodecs.hpp>

namespace umbral::cli {

namespace {

struct ImageOutcome {
    QString path;  ///< written PNG, or empty
    QString error; ///< why not, when the record has an image that did not decode
    int width = 0;
    int height = 0;
};

ImageOutcome writeImage(const interchange::Record& record, std::size_t index, const QDir& dir,
                        const QString& stem) {
    ImageOutcome outcome;
    try {
        const cv::Mat image = interchange::decodeRecordImage(record);
        outcome.width = image.cols;
        outcome.height = image.rows;
        const QString name = QStringLiteral("%1-r%2-type%3.png")
                                 .arg(stem)
                                 .arg(index, 2, 10, QLatin1Char('0'))
                                 .arg(record.type);
        const QString path = dir.filePath(name);
        if (!cv::imwrite(path.toStdString(), image))
            outcome.error = QStringLiteral("cannot write ") + path;
        else
            outcome.path = path;
    } catch (const interchange::InterchangeError& e) {
        outcome.error = QString::fromStdString(e.what());
    } catch (const cv::Exception& e) {
        outcome.error = QString::fromStdString(e.what());
    }
    return outcome;
}

} // namespace

int runInspect(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption images(QStringLiteral("images"),
                                    QStringLiteral("folder for the decoded images"),
                                    QStringLiteral("DIR"), QStringLiteral("."));
    const QCommandLineOption noImages(QStringLiteral("no-images"),
                                      QStringLiteral("do not decode images"));
    parser.addOptions({images, noImages});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("ANSI/NIST-ITL transaction"));
    parseOrThrow(parser, args);
    if (parser.positionalArguments().size() != 1)
        throw UsageError("inspect needs exactly one FILE");
    if (parser.isSet(images) && parser.isSet(noImages))
        throw UsageError("--images and --no-images exclude each other");
    const QString file = parser.positionalArguments().first();

    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("cannot read %1: %2").arg(file, in.errorString()));
    const QByteArray bytes = in.readAll();
    interchange::Transaction transaction;
    try {
        transaction = interchange::readTransaction(
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                          static_cast<std::size_t>(bytes.size())));
    } catch (const interchange::InterchangeError& e) {
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("%1: %2").arg(file, QString::fromStdString(e.what())));
    }
    const auto records = interchange::inspectTransaction(transaction);
    const auto findings = interchange::validateTransaction(transaction);

    std::vector<ImageOutcome> outcomes(records.size());
    if (!parser.isSet(noImages)) {
        const QDir dir(parser.value(images));
        if (!dir.exists() && !QDir().mkpath(dir.path()))
            throw Error(ErrorCode::StorageFailure,
                        QStringLiteral("cannot create %1").arg(dir.path()));
        const QString stem = QFileInfo(file).completeBaseName();
        for (std::size_t i = 0; i < records.size(); ++i)
            if (records[i].hasImage)
                outcomes[i] = writeImage(transaction.records[i], i + 1, dir, stem);
    }

    if (ctx.json) {
        QJsonArray jsonRecords;
        for (std::size_t i = 0; i < records.size(); ++i) {
            const auto& r = records[i];
            QJsonArray fields;
            for (const auto& f : r.fields)
                fields.append(QJsonObject{{"tag", QString::fromStdString(f.tag)},
                                          {"mnemonic", QString::fromStdString(f.mnemonic)},
                                          {"name", QString::fromStdString(f.name)},
                                          {"value", QString::fromStdString(f.value)},
                                          {"binary", f.binary},
                                          {"bytes", double(f.bytes)}});
            QJsonObject record{{"index", double(r.index)},
                               {"type", r.type},
                               {"type_name", QString::fromStdString(r.typeName)},
                               {"fields", fields}};
            if (!outcomes[i].path.isEmpty())
                record.insert("image", QJsonObject{{"png", outcomes[i].path},
                                                   {"width", outcomes[i].width},
                                                   {"height", outcomes[i].height}});
            else if (!outcomes[i].error.isEmpty())
                record.insert("image", QJsonObject{{"error", outcomes[i].error}});
            jsonRecords.append(record);
        }
        QJsonArray jsonFindings;
        for (const auto& f : findings)
            jsonFindings.append(QJsonObject{{"record", double(f.recordIndex)},
                                            {"type", f.recordType},
                                            {"field", f.field},
                                            {"message", QString::fromStdString(f.text())}});
        ctx.printJson(QJsonDocument(
            QJsonObject{{"file", file}, {"records", jsonRecords}, {"findings", jsonFindings}}));
        return ExitOk;
    }

    ctx.out << QString::fromStdString(interchange::formatInspection(records));
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (!outcomes[i].path.isEmpty())
            ctx.out << "image of record " << (i + 1) << ": " << outcomes[i].path << " ("
                    << outcomes[i].width << " x " << outcomes[i].height << ")\n";
        else if (!outcomes[i].error.isEmpty())
            ctx.out << "image of record " << (i + 1) << " not decoded: " << outcomes[i].error
                    << "\n";
    }
    ctx.out << records.size() << " records; validation: "
            << (findings.empty() ? QStringLiteral("no findings")
                                 : QString::number(findings.size()) + " findings")
            << "\n";
    for (const auto& f : findings)
        ctx.out << "  " << QString::fromStdString(f.text()) << "\n";
    return ExitOk;
}

} // namespace umbral::cli
