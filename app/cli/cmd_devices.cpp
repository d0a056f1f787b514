// umbralctl devices list [--json] | capture --device ID --out FILE [--count N] [--timeout S] | watch
//
// The station's devices from every backend (simulated, USB, UVC, replay folders); which backends
// run comes from the environment (devices/station_devices.h: UMBRAL_DEVICE_BACKENDS,
// UMBRAL_REPLAY_DIRS, UMBRAL_SIM_TRAVELER).
#include "app/cli/cli_context.h"
#include "devices/api/device_manager.h"
#include "devices/replay/replay_backend.h"
#include "devices/station_devices.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
#include <atomic>
#include <csignal>
#include <opencv2/imgcodecs.hpp>

namespace umbral::cli {

namespace {

using namespace umbral::devices;

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int) { interrupted = true; }

QString describeLine(const DeviceInfo& info) {
    QStringList parts{info.id, toKey(info.modality), toKey(info.backend)};
    if (!usbIdText(info).isEmpty())
        parts << usbIdText(info);
    parts << info.model;
    if (!info.location.isEmpty() && info.location != QLatin1String("simulated"))
        parts << info.location;
    return parts.join(QStringLiteral("  "));
}

StationDevices startStation(CliContext& ctx) {
    StationDeviceOptions options = StationDeviceOptions::fromEnvironment();
    // A simulated scanner needs someone at it: without a scripted traveler, traveler 1 stands
    // at the lane so that `devices capture --device sim:finger` gives an image.
    if (!options.simulatedTravelerSeed)
        options.simulatedTravelerSeed = 1;
    StationDevices station = createStationDevices(options);
    station.manager->start();
    if (station.replay)
        station.problems << station.replay->problems();
    for (const QString& problem : station.problems)
        ctx.err << "umbralctl devices: " << problem << "\n";
    ctx.err.flush();
    return station;
}

int list(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON output")});
    parseOrThrow(parser, args);
    StationDevices station = startStation(ctx);
    const QList<DeviceInfo> devices = station.manager->devices();
    if (ctx.json || parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const DeviceInfo& info : devices)
            array.append(toJson(info));
        ctx.printJson(QJsonDocument(array));
    } else {
        for (const DeviceInfo& info : devices)
            ctx.out << describeLine(info) << "\n";
        ctx.out << devices.size() << " devices\n";
    }
    return ExitOk;
}

// What to capture when the command line does not say: the device's first capability.
CaptureSpec defaultSpec(const DeviceInfo& info, std::chrono::milliseconds timeout) {
    if (info.modality == devices::Modality::Iris)
        return CaptureSpec::iris(info.iris && info.iris->coverage == IrisCoverage::Right
                                     ? IrisEye::Right
                                     : IrisEye::Left,
                                 timeout);
    FingerprintImpression what = FingerprintImpression::SingleFinger;
    if (info.fingerprint && !info.fingerprint->singleFinger)
        what = info.fingerprint->fourFingerSlap ? FingerprintImpression::RightSlap
               : info.fingerprint->twoThumbs    ? FingerprintImpression::TwoThumbs
                                                : FingerprintImpression::Rolled;
    return CaptureSpec::fingerprint(what, timeout);
}

// "out.png" for one capture; "out-1.png", "out-2.png"... for several.
QString outputName(const QString& out, int index, int count) {
    if (count == 1)
        return out;
    const QFileInfo info(out);
    const QString stem = info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    return info.dir().filePath(QStringLiteral("%1-%2%3").arg(stem).arg(index).arg(suffix));
}

int capture(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("device id"), QStringLiteral("ID"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("image file"), QStringLiteral("FILE"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("captures"), QStringLiteral("N"),
                                   QStringLiteral("1"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("seconds per capture"),
                                     QStringLiteral("S"), QStringLiteral("30"));
    parser.addOptions({device, out, count, timeout});
    parseOrThrow(parser, args);
    if (!parser.isSet(device) || !parser.isSet(out))
        throw UsageError("devices capture needs --device ID and --out FILE");
    bool okCount = false, okTimeout = false;
    const int n = parser.value(count).toInt(&okCount);
    const double seconds = parser.value(timeout).toDouble(&okTimeout);
    if (!okCount || n < 1)
        throw UsageError("--count needs a whole number of at least 1");
    if (!okTimeout || seconds <= 0)
        throw UsageError("--timeout needs a positive number of seconds");
    const QString file = parser.value(out);
    if (!cv::haveImageWriter(file.toStdString()))
        throw UsageError("--out: cannot write images of this type: " + file.toStdString());

    StationDevices station = startStation(ctx);
    const QString id = parser.value(device);
    const std::optional<DeviceInfo> info = station.manager->find(id);
    if (!info) {
        ctx.err << "umbralctl devices: no device " << id << " (see umbralctl devices list)\n";
        return ExitFailure;
    }
    std::shared_ptr<Device> target = station.manager->device(id);
    const auto perCapture = std::chrono::milliseconds(qint64(seconds * 1000));
    const CaptureSpec spec = defaultSpec(*info, perCapture);

    QJsonArray written;
    for (int i = 1; i <= n; ++i) {
        QEventLoop loop;
        std::optional<Frame> frame;
        std::optional<DeviceError> failure;
        QObject::connect(target.get(), &Device::captureCompleted, &loop, [&](const Frame& f) {
            frame = f;
            loop.quit();
        });
        QObject::connect(target.get(), &Device::captureFailed, &loop, [&](const DeviceError& e) {
            failure = e;
            loop.quit();
        });
        // The device ends every capture itself (image, failure or its own timeout); this guard
        // only keeps umbralctl from waiting forever on a broken driver.
        QTimer::singleShot(perCapture + std::chrono::seconds(10), &loop, [&] {
            failure = DeviceError(DeviceErrorCode::NoResponse, id, QStringLiteral("no answer from the device"));
            loop.quit();
        });
        target->capture(spec);
        loop.exec();
        if (!frame) {
            ctx.err << "umbralctl devices: capture " << i << " of " << n << " failed: "
                    << (failure ? failure->describe() : QStringLiteral("unknown error")) << "\n";
            return ExitFailure;
        }
        const QString name = outputName(file, i, n);
        if (!cv::imwrite(name.toStdString(), frame->image)) {
            ctx.err << "umbralctl devices: cannot write " << name << "\n";
            return ExitFailure;
        }
        written.append(QJsonObject{{QStringLiteral("file"), name},
                                   {QStringLiteral("width"), frame->image.cols},
                                   {QStringLiteral("height"), frame->image.rows},
                                   {QStringLiteral("ppi"), frame->ppi},
                                   {QStringLiteral("sequence"), double(frame->sequence)},
                                   {QStringLiteral("captured_at"),
                                    frame->capturedAtUtc.toString(Qt::ISODateWithMs)}});
        if (!ctx.json)
            ctx.out << "captured " << id << " " << frame->image.cols << "x" << frame->image.rows
                    << (frame->ppi > 0 ? QStringLiteral(" %1 ppi").arg(frame->ppi) : QString())
                    << " -> " << name << "\n";
    }
    if (ctx.json)
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("device"), id},
                                                {QStringLiteral("captures"), written}}));
    return ExitOk;
}

int watch(CliContext& ctx, const QStringList& args) {
    QCommandLineParser parser;
    parseOrThrow(parser, args);
    interrupted = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    StationDeviceOptions options = StationDeviceOptions::fromEnvironment();
    StationDevices station = createStationDevices(options);
    for (const QString& problem : station.problems)
        ctx.err << "umbralctl devices: " << problem << "\n";
    ctx.err.flush();
    DeviceManager& manager = *station.manager;
    QObject::connect(&manager, &DeviceManager::deviceArrived, [&ctx](const DeviceInfo& info) {
        if (ctx.json) {
            QJsonObject event = toJson(info);
            event.insert(QStringLiteral("event"), QStringLiteral("arrived"));
            ctx.out << QJsonDocument(event).toJson(QJsonDocument::Compact) << "\n";
        } else {
            ctx.out << "arrived " << describeLine(info) << "\n";
        }
        ctx.out.flush();
    });
    QObject::connect(&manager, &DeviceManager::deviceRemoved, [&ctx](const QString& id) {
        if (ctx.json)
            ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("removed")},
                                                 {QStringLiteral("id"), id}})
                           .toJson(QJsonDocument::Compact)
                    << "\n";
        else
            ctx.out << "removed " << id << "\n";
        ctx.out.flush();
    });
    manager.start(); // the devices present now are reported as arrivals first
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&loop] {
        if (interrupted)
            loop.quit();
    });
    poll.start(100);
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return ExitOk;
}

} // namespace

int runDevices(CliContext& ctx, const QStringList& args) {
    if (args.isEmpty())
        throw UsageError("devices needs a sub-command: list, capture or watch");
    const QString sub = args.first();
    if (sub == QLatin1String("list"))
        return list(ctx, args.mid(1));
    if (sub == QLatin1String("capture"))
        return capture(ctx, args.mid(1));
    if (sub == QLatin1String("watch"))
        return watch(ctx, args.mid(1));
    throw UsageError("unknown devices sub-command: " + sub.toStdString());
}

} // namespace umbral::cli
