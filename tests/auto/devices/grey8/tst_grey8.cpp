// toGrey8: what cameras and image files deliver becomes the 8-bit grey of a Frame.
#include "devices/api/grey8.h"

#include <QtTest>

using namespace umbral::devices;

class TestGrey8 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eightBitGreyIsSharedNotCopied() {
        cv::Mat grey(4, 4, CV_8UC1, cv::Scalar(42));
        const cv::Mat out = toGrey8(grey);
        QCOMPARE(out.data, grey.data);
    }

    void sixteenBitIsScaledFromItsSignificantBits_data() {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("input");
        QTest::addColumn<int>("expected");
        QTest::newRow("16-bit white") << 16 << 65535 << 255;
        QTest::newRow("16-bit one step") << 16 << 256 << 1;
        QTest::newRow("16-bit mid") << 16 << 32768 << 128;
        QTest::newRow("0 means 16") << 0 << 32768 << 128;
        QTest::newRow("10-bit white") << 10 << 1023 << 255;
        QTest::newRow("10-bit mid") << 10 << 512 << 128;
        QTest::newRow("10-bit beyond range saturates") << 10 << 4000 << 255;
        QTest::newRow("12-bit mid") << 12 << 2048 << 128;
    }
    void sixteenBitIsScaledFromItsSignificantBits() {
        QFETCH(int, bits);
        QFETCH(int, input);
        QFETCH(int, expected);
        const cv::Mat deep(2, 3, CV_16UC1, cv::Scalar(input));
        const cv::Mat out = toGrey8(deep, bits);
        QCOMPARE(out.type(), CV_8UC1);
        QCOMPARE(out.size(), deep.size());
        QCOMPARE(int(out.at<std::uint8_t>(1, 2)), expected);
    }

    void colourBecomesLuminance() {
        const cv::Mat red(2, 2, CV_8UC3, cv::Scalar(0, 0, 255)); // BGR
        const cv::Mat white(2, 2, CV_8UC4, cv::Scalar(255, 255, 255, 255));
        QCOMPARE(int(toGrey8(red).at<std::uint8_t>(0, 0)), 76); // 0.299 * 255
        QCOMPARE(int(toGrey8(white).at<std::uint8_t>(0, 0)), 255);
    }

    void yuyvKeepsItsLuma() {
        cv::Mat yuyv(1, 2, CV_8UC2);
        yuyv.at<cv::Vec2b>(0, 0) = {10, 200}; // Y0 U
        yuyv.at<cv::Vec2b>(0, 1) = {20, 100}; // Y1 V
        const cv::Mat out = toGrey8(yuyv);
        QCOMPARE(int(out.at<std::uint8_t>(0, 0)), 10);
        QCOMPARE(int(out.at<std::uint8_t>(0, 1)), 20);
    }

    void unsupportedInputIsRefused_data() {
        QTest::addColumn<cv::Mat>("image");
        QTest::addColumn<int>("bits");
        QTest::newRow("empty") << cv::Mat() << 0;
        QTest::newRow("float") << cv::Mat(2, 2, CV_32FC1, cv::Scalar(0.5)) << 0;
        QTest::newRow("7 significant bits") << cv::Mat(2, 2, CV_16UC1, cv::Scalar(1)) << 7;
        QTest::newRow("17 significant bits") << cv::Mat(2, 2, CV_16UC1, cv::Scalar(1)) << 17;
    }
    void unsupportedInputIsRefused() {
        QFETCH(cv::Mat, image);
        QFETCH(int, bits);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, toGrey8(image, bits));
    }
};

QTEST_GUILESS_MAIN(TestGrey8)
#include "tst_grey8.moc"
