#include "devices/replay/replay_device.h"

#include "devices/api/grey8.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <opencv2/imgcodecs.hpp>

namespace umbral::devices {

namespace {

const QStringList kImagePatterns{"*.png",  "*.pgm", "*.ppm", "*.bmp",  "*.tif", "*.tiff", "*.jpg",
                                 "*.jpeg", "*.PNG", "*.TIF", "*.TIFF", "*.JPG", "*.BMP",  "*.PGM"};

cv::Mat readGrey(const QString& path) {
    const cv::Mat image = cv::imread(QFile::encodeName(path).toStdString(), cv::IMREAD_UNCHANGED);
    if (image.empty())
        return {};
    try {
        return toGrey8(image);
    } catch (const std::invalid_argument&) {
        return {};
    }
}

} // namespace

ReplaySource ReplaySource::fromFolder(const QString& folder) {
    ReplaySource source;
    const QFileInfo info(folder);
    source.folder = info.absoluteFilePath();
    source.model = QStringLiteral("Replay of %1").arg(info.fileName());
    source.fingerprint.singleFinger = true;
    if (!info.isDir()) {
        source.problem = QStringLiteral("%1 is not a folder").arg(source.folder);
        return source;
    }
    const QDir dir(source.folder);
    for (const QString& name : dir.entryList(kImagePatterns, QDir::Files, QDir::Name))
        source.images.append(dir.absoluteFilePath(name));
    source.images.removeDuplicates();

    QFile settings(dir.filePath(QStringLiteral("device.json")));
    if (settings.exists()) {
        QJsonParseError error{};
        const QJsonDocument document = settings.open(QIODevice::ReadOnly)
                                           ? QJsonDocument::fromJson(settings.readAll(), &error)
                                           : QJsonDocument();
        if (!document.isObject()) {
            source.problem = QStringLiteral("%1: not a JSON object (%2)")
                                 .arg(settings.fileName(), error.errorString());
            return source;
        }
        const QJsonObject json = document.object();
        const QString modality =
            json.value(QStringLiteral("modality")).toString(QStringLiteral("fingerprint"));
        if (modality == QStringLiteral("iris")) {
            source.modality = Modality::Iris;
            source.ppi = 0;
        } else if (modality != QStringLiteral("fingerprint")) {
            source.problem =
                QStringLiteral("%1: unknown modality \"%2\"").arg(settings.fileName(), modality);
            return source;
        }
        source.model = json.value(QStringLiteral("model")).toString(source.model);
        source.ppi = json.value(QStringLiteral("ppi")).toInt(source.ppi);
        source.framesPerSecond = json.value(QStringLiteral("fps")).toDouble(source.framesPerSecond);
        if (json.contains(QStringLiteral("impressions"))) {
            FingerprintCapabilities caps;
            for (const QJsonValue& value : json.value(QStringLiteral("impressions")).toArray()) {
                const QString key = value.toString();
                caps.singleFinger |= key == QStringLiteral("single-finger");
                caps.fourFingerSlap |= key == QStringLiteral("left-slap") ||
                                       key == QStringLiteral("right-slap") ||
                                       key == QStringLiteral("four-finger-slap");
                caps.twoThumbs |= key == QStringLiteral("two-thumbs");
                caps.rolled |= key == QStringLiteral("rolled");
            }
            source.fingerprint = caps;
        }
    }
    if (source.framesPerSecond <= 0)
        source.framesPerSecond = 10;
    if (source.images.isEmpty()) {
        source.problem = QStringLiteral("no images in %1").arg(source.folder);
        return source;
    }
    const cv::Mat first = readGrey(source.images.first());
    if (first.empty()) {
        source.problem = QStringLiteral("cannot read %1").arg(source.images.first());
        return source;
    }
    source.imageSize = QSize(first.cols, first.rows);
    return source;
}

ReplayDriver::ReplayDriver(ReplaySource source) : source_(std::move(source)) {}

DeviceInfo ReplayDriver::describe() const {
    DeviceInfo info;
    info.id = source_.deviceId();
    info.backend = Backend::Replay;
    info.modality = source_.modality;
    info.model = source_.model;
    info.location = source_.folder;
    if (source_.modality == Modality::Fingerprint) {
        FingerprintCapabilities caps = source_.fingerprint;
        caps.ppi = source_.ppi;
        caps.imageSize = source_.imageSize;
        caps.previewRateHz = source_.framesPerSecond;
        info.fingerprint = caps;
    } else {
        IrisCapabilities caps;
        caps.coverage = IrisCoverage::Both;
        caps.resolution = source_.imageSize;
        caps.previewRateHz = source_.framesPerSecond;
        info.iris = caps;
    }
    return info;
}

void ReplayDriver::open(OperationContext& context) {
    if (!source_.problem.isEmpty())
        throw DeviceError(DeviceErrorCode::NotFound, source_.deviceId(), source_.problem);
    next_ = 0;
    context.log().info(QStringLiteral("playing %1 images").arg(source_.images.size()));
}

cv::Mat ReplayDriver::nextImage() {
    const QString path = source_.images.at(next_);
    next_ = (next_ + 1) % int(source_.images.size());
    cv::Mat image = readGrey(path);
    if (image.empty())
        throw DeviceError(DeviceErrorCode::Io, source_.deviceId(),
                          QStringLiteral("cannot read %1 as an 8- or 16-bit image").arg(path));
    return image;
}

void ReplayDriver::preview(const CaptureSpec&, OperationContext& context) {
    const auto interval = std::chrono::milliseconds(int(1000.0 / source_.framesPerSecond));
    while (!context.leaveRequested()) {
        context.publish(nextImage(), source_.ppi);
        context.waitFor(interval);
    }
}

cv::Mat ReplayDriver::capture(const CaptureSpec&, OperationContext& context) {
    context.throwIfInterrupted();
    return nextImage();
}

} // namespace umbral::devices
