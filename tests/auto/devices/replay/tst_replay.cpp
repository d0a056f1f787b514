// A folder of images played as a device: order, looping, grey conversion, device.json, and the
// problems of folders that cannot be played.
#include "devices/api/device_manager.h"
#include "devices/replay/replay_backend.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>

using namespace umbral::devices;

namespace {

void writeImage(const QTemporaryDir& dir, const QString& name, const cv::Mat& image) {
    QVERIFY(cv::imwrite(dir.filePath(name).toStdString(), image));
}

void writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    QFile file(dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// Captures `count` frames in a row and returns their mean grey values.
QList<int> captureMeans(Device& device, int count) {
    QSignalSpy done(&device, &Device::captureCompleted);
    QSignalSpy failed(&device, &Device::captureFailed);
    for (int i = 0; i < count; ++i)
        device.capture(CaptureSpec::fingerprint(FingerprintImpression::SingleFinger));
    QList<int> means;
    if (!QTest::qWaitFor([&] { return done.count() == count || !failed.isEmpty(); }, 10000))
        return means;
    for (const auto& args : done)
        means.append(int(cv::mean(args.first().value<Frame>().image)[0] + 0.5));
    return means;
}

} // namespace

class TestReplay : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void playsTheImagesInNameOrderAndStartsOver() {
        QTemporaryDir dir;
        writeImage(dir, QStringLiteral("b.png"), cv::Mat(20, 30, CV_8UC1, cv::Scalar(20)));
        writeImage(dir, QStringLiteral("a.png"), cv::Mat(20, 30, CV_8UC1, cv::Scalar(10)));
        writeImage(dir, QStringLiteral("c.tif"), cv::Mat(20, 30, CV_8UC1, cv::Scalar(30)));
        writeText(dir, QStringLiteral("notes.txt"), "not an image");
        DeviceManager manager;
        manager.addBackend(std::make_unique<ReplayBackend>(QStringList{dir.path()}));
        manager.start();
        QCOMPARE(manager.devices().size(), 1);
        const DeviceInfo info = manager.devices().first();
        QCOMPARE(info.id, QStringLiteral("replay:") + dir.path());
        QCOMPARE(info.backend, Backend::Replay);
        QCOMPARE(info.fingerprint->imageSize, QSize(30, 20));
        auto device = manager.device(info.id);
        QCOMPARE(captureMeans(*device, 4), (QList<int>{10, 20, 30, 10}));
    }

    void deepAndColourImagesBecomeEightBitGrey() {
        QTemporaryDir dir;
        writeImage(dir, QStringLiteral("1-deep.png"), cv::Mat(8, 8, CV_16UC1, cv::Scalar(32768)));
        writeImage(dir, QStringLiteral("2-colour.png"),
                   cv::Mat(8, 8, CV_8UC3, cv::Scalar(255, 255, 255)));
        ReplayBackend backend({dir.path()});
        backend.start();
        auto device = backend.device(QStringLiteral("replay:") + dir.path());
        QVERIFY(device);
        QCOMPARE(captureMeans(*device, 2), (QList<int>{128, 255}));
    }

    void previewStreamsFramesAtTheFolderRate() {
        QTemporaryDir dir;
        writeImage(dir, QStringLiteral("a.png"), cv::Mat(8, 8, CV_8UC1, cv::Scalar(1)));
        writeImage(dir, QStringLiteral("b.png"), cv::Mat(8, 8, CV_8UC1, cv::Scalar(2)));
        writeText(dir, QStringLiteral("device.json"), R"({"fps": 100, "ppi": 1000})");
        ReplayBackend backend({dir.path()});
        backend.start();
        auto device = backend.device(QStringLiteral("replay:") + dir.path());
        auto box = device->subscribe(8);
        device->startPreview();
        QList<int> values;
        while (values.size() < 4) {
            const auto frame = box->waitTake(std::chrono::seconds(5));
            QVERIFY(frame.has_value());
            QCOMPARE(frame->ppi, 1000);
            values.append(frame->image.at<std::uint8_t>(0, 0));
        }
        QCOMPARE(values, (QList<int>{1, 2, 1, 2}));
        device->stop();
        QTRY_COMPARE(device->state(), DeviceState::Idle);
    }

    void deviceJsonMakesAnIrisCameraOrASlapScanner() {
        QTemporaryDir iris;
        writeImage(iris, QStringLiteral("eye.png"), cv::Mat(480, 640, CV_8UC1, cv::Scalar(90)));
        writeText(iris, QStringLiteral("device.json"),
                  R"({"modality": "iris", "model": "Recorded eyes"})");
        QTemporaryDir slaps;
        writeImage(slaps, QStringLiteral("slap.png"), cv::Mat(100, 160, CV_8UC1, cv::Scalar(200)));
        writeText(slaps, QStringLiteral("device.json"),
                  R"({"impressions": ["left-slap", "two-thumbs"]})");
        DeviceManager manager;
        manager.addBackend(std::make_unique<ReplayBackend>(QStringList{iris.path(), slaps.path()}));
        manager.start();
        const auto camera = manager.pick(DeviceRole::Iris);
        QVERIFY(camera.has_value());
        QCOMPARE(camera->model, QStringLiteral("Recorded eyes"));
        QCOMPARE(camera->iris->resolution, QSize(640, 480));
        QVERIFY(manager.irisCamera(camera->id));
        const auto slap = manager.pick(DeviceRole::FingerprintSlap);
        QVERIFY(slap.has_value());
        QCOMPARE(slap->location, slaps.path());
        QVERIFY(!slap->fingerprint->singleFinger);
    }

    void foldersThatCannotBePlayedAreNotListedAndSayWhy() {
        QTemporaryDir empty;
        QTemporaryDir badJson;
        writeImage(badJson, QStringLiteral("a.png"), cv::Mat(8, 8, CV_8UC1, cv::Scalar(1)));
        writeText(badJson, QStringLiteral("device.json"), "{ not json");
        ReplayBackend backend({empty.path(), badJson.path(), QStringLiteral("/no/such/folder")});
        backend.start();
        QVERIFY(backend.devices().isEmpty());
        const QStringList problems = backend.problems();
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.at(0).contains(QStringLiteral("no images")));
        QVERIFY(problems.at(1).contains(QStringLiteral("device.json")));
        QVERIFY(problems.at(2).contains(QStringLiteral("not a folder")));
    }

    void anUnreadableImageIsAClearError() {
        QTemporaryDir dir;
        writeImage(dir, QStringLiteral("a.png"), cv::Mat(8, 8, CV_8UC1, cv::Scalar(1)));
        writeText(dir, QStringLiteral("b.png"), "this is not a PNG");
        ReplayBackend backend({dir.path()});
        backend.start();
        auto device = backend.device(QStringLiteral("replay:") + dir.path());
        QSignalSpy failed(device.get(), &Device::captureFailed);
        QCOMPARE(captureMeans(*device, 1), QList<int>{1});
        device->capture(CaptureSpec::fingerprint(FingerprintImpression::SingleFinger));
        QVERIFY(failed.wait(5000));
        const DeviceError error = failed.first().first().value<DeviceError>();
        QCOMPARE(error.code(), DeviceErrorCode::Io);
        QVERIFY(error.message().contains(QStringLiteral("b.png")));
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
