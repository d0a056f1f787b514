// The UVC backend's parts that need no camera: decoding raw V4L2 buffers (8-bit grey, 10/12/16-bit
// grey, YUYV) into Frame grey, the choice of format, and what counts as an iris camera.
#include "devices/uvc/uvc_camera.h"
#include "devices/uvc/v4l2_frame.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <linux/videodev2.h>

using namespace umbral::devices;

Q_DECLARE_METATYPE(umbral::devices::V4l2Format)

namespace {

// A raw buffer as OpenCV hands it out without RGB conversion: one row of bytes.
cv::Mat rawRow(const std::vector<std::uint8_t>& bytes) {
    return cv::Mat(1, int(bytes.size()), CV_8UC1, const_cast<std::uint8_t*>(bytes.data())).clone();
}

std::vector<std::uint8_t> littleEndianWords(const std::vector<std::uint16_t>& words) {
    std::vector<std::uint8_t> bytes;
    for (std::uint16_t word : words) {
        bytes.push_back(std::uint8_t(word & 0xff));
        bytes.push_back(std::uint8_t(word >> 8));
    }
    return bytes;
}

} // namespace

class TestUvcFrames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fourccsMapToFormats() {
        QCOMPARE(v4l2FormatFromFourcc(V4L2_PIX_FMT_GREY), std::optional(V4l2Format::Grey));
        QCOMPARE(v4l2FormatFromFourcc(V4L2_PIX_FMT_Y16), std::optional(V4l2Format::Y16));
        QCOMPARE(v4l2FormatFromFourcc(V4L2_PIX_FMT_MJPEG), std::nullopt);
        for (V4l2Format format : {V4l2Format::Grey, V4l2Format::Y10, V4l2Format::Y12,
                                  V4l2Format::Y16, V4l2Format::Yuyv})
            QCOMPARE(v4l2FormatFromFourcc(fourccOf(format)), std::optional(format));
    }

    void greyFramesDecode_data() {
        QTest::addColumn<V4l2Format>("format");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("expected"); // 3x2 grey
        const auto bytes = [](const std::vector<std::uint8_t>& v) {
            return QByteArray(reinterpret_cast<const char*>(v.data()), qsizetype(v.size()));
        };
        QTest::newRow("8-bit grey")
            << V4l2Format::Grey << bytes({1, 2, 3, 4, 5, 6}) << bytes({1, 2, 3, 4, 5, 6});
        QTest::newRow("8-bit grey, rows padded to 4 bytes")
            << V4l2Format::Grey << bytes({1, 2, 3, 0, 4, 5, 6, 0}) << bytes({1, 2, 3, 4, 5, 6});
        QTest::newRow("16-bit grey")
            << V4l2Format::Y16 << bytes(littleEndianWords({0, 256, 65535, 32768, 512, 1024}))
            << bytes({0, 1, 255, 128, 2, 4});
        QTest::newRow("10-bit grey in 16-bit words")
            << V4l2Format::Y10 << bytes(littleEndianWords({0, 4, 1023, 512, 8, 16}))
            << bytes({0, 1, 255, 128, 2, 4});
        QTest::newRow("12-bit grey in 16-bit words")
            << V4l2Format::Y12 << bytes(littleEndianWords({0, 16, 4095, 2048, 32, 64}))
            << bytes({0, 1, 255, 128, 2, 4});
        QTest::newRow("YUYV luma")
            << V4l2Format::Yuyv << bytes({1, 90, 2, 91, 3, 92, 4, 93, 5, 94, 6, 95})
            << bytes({1, 2, 3, 4, 5, 6});
    }
    void greyFramesDecode() {
        QFETCH(V4l2Format, format);
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, expected);
        const std::vector<std::uint8_t> raw(bytes.begin(), bytes.end());
        const cv::Mat out = decodeV4l2Frame(rawRow(raw), format, 3, 2);
        QCOMPARE(out.type(), CV_8UC1);
        QCOMPARE(out.size(), cv::Size(3, 2));
        QVERIFY(out.isContinuous());
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(out.data), 6), expected);
    }

    void theDecodedImageOwnsItsPixels() {
        std::vector<std::uint8_t> raw{1, 2, 3, 4, 5, 6};
        cv::Mat row(1, 6, CV_8UC1, raw.data());
        const cv::Mat out = decodeV4l2Frame(row, V4l2Format::Grey, 3, 2);
        raw[0] = 99; // the capture buffer is reused for the next frame
        QCOMPARE(int(out.at<std::uint8_t>(0, 0)), 1);
    }

    void aShortBufferIsRefused() {
        const std::vector<std::uint8_t> raw{1, 2, 3, 4, 5};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 decodeV4l2Frame(rawRow(raw), V4l2Format::Grey, 3, 2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 decodeV4l2Frame(rawRow(raw), V4l2Format::Y16, 3, 1));
    }

    void greyIsPreferredAndColourOnlyCamerasAreNotIrisCameras() {
        UvcCameraDescription nir;
        nir.formats = {V4l2Format::Yuyv, V4l2Format::Y16, V4l2Format::Grey};
        QCOMPARE(nir.preferredFormat(), std::optional(V4l2Format::Grey));
        QVERIFY(nir.isIrisCamera());
        UvcCameraDescription deep;
        deep.formats = {V4l2Format::Y10, V4l2Format::Y16};
        QCOMPARE(deep.preferredFormat(), std::optional(V4l2Format::Y16));
        UvcCameraDescription webcam;
        webcam.formats = {V4l2Format::Yuyv};
        QVERIFY(!webcam.isIrisCamera());
    }

    void nodesThatAreNotCapturingDevicesAreSkipped() {
        QTemporaryDir dev;
        QFile notACamera(dev.filePath(QStringLiteral("video0")));
        QVERIFY(notACamera.open(QIODevice::WriteOnly));
        notACamera.write("not a V4L2 node");
        notACamera.close();
        QVERIFY(listUvcCameras(dev.path()).empty());
    }

    void describesItselfAsAnIrisCamera() {
        UvcCameraDescription camera;
        camera.node = QStringLiteral("/dev/video7");
        camera.card = QStringLiteral("NIR camera");
        camera.formats = {V4l2Format::Grey};
        const DeviceInfo info = UvcCameraDriver(camera).describe();
        QCOMPARE(info.id, QStringLiteral("uvc:/dev/video7"));
        QCOMPARE(info.modality, Modality::Iris);
        QCOMPARE(info.backend, Backend::Uvc);
        QVERIFY(info.iris.has_value());
        QCOMPARE(info.iris->resolution, QSize(640, 480));
    }
};

QTEST_GUILESS_MAIN(TestUvcFrames)
#include "tst_uvc_frames.moc"
