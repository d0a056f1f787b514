// Minutiae extraction: the ISO direction convention on prints whose one minutia is known by
// construction, rotation covariance, resampling, refusal of bad input, and sanity on real FVC
// images.

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <random>

using namespace umbral::biometrics;

namespace {

QString dataPath(const QString& relative) {
    const QByteArray env = qgetenv("UMBRAL_SHARED_DATA");
    const QString root =
        env.isEmpty() ? QStringLiteral(UMBRAL_SHARED_DATA) : QString::fromLocal8Bit(env);
    return root + QLatin1Char('/') + relative;
}

constexpr int kSide = 216;
constexpr double kPeriod = 9.0;
constexpr double kCentreX = 108.0;

// Row of the single minutia of syntheticPrint(type).
double minutiaRow(MinutiaType type) {
    return type == MinutiaType::RidgeEnding ? 108.0 : 112.5;
}

// Horizontal ridges (dark, period 9 px) with one phase singularity at (kCentreX, minutiaRow):
// grey = 128 - 110 cos(psi), psi = 2 pi y / period + atan2(y - yc, x - xc). To the right of the
// singularity the pattern has one period more than to its left. When the ridge-centre level
// line (psi = 0 mod 2 pi) leaves the singularity (yc a whole number of periods), a new ridge
// starts there: a ridge ending whose ridge runs right, ISO direction 0. When the valley line
// does (yc half a period further), a ridge coming from the left splits around the new valley:
// a bifurcation whose branches run right, also 0 degrees. Smooth ridges of constant spacing
// around a minutia, as on a finger.
cv::Mat syntheticPrint(MinutiaType type) {
    cv::Mat img(kSide, kSide, CV_8U);
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 6.0);
    const double yc = minutiaRow(type);
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            const double psi = 2.0 * CV_PI * y / kPeriod + std::atan2(y - yc, x - kCentreX);
            img.at<uchar>(y, x) =
                cv::saturate_cast<uchar>(128.0 - 110.0 * std::cos(psi) + noise(rng));
        }
    return img;
}

double angularDistance(double a, double b) {
    double d = std::fmod(std::abs(a - b), 360.0);
    return d > 180.0 ? 360.0 - d : d;
}

const Minutia* closestTo(const std::vector<Minutia>& ms, cv::Point2f p) {
    const Minutia* best = nullptr;
    double bestD = 1e9;
    for (const auto& m : ms) {
        const double d = std::hypot(m.x - p.x, m.y - p.y);
        if (d < bestD) {
            bestD = d;
            best = &m;
        }
    }
    return best;
}

} // namespace

class TestFingerMinutiae : public QObject {
    Q_OBJECT

private slots:
    void isoAngleConversion_data() {
        QTest::addColumn<float>("iso");
        QTest::addColumn<float>("dx");
        QTest::addColumn<float>("dy");
        QTest::newRow("right") << 0.0f << 1.0f << 0.0f;
        QTest::newRow("up is 90") << 90.0f << 0.0f << -1.0f;
        QTest::newRow("left") << 180.0f << -1.0f << 0.0f;
        QTest::newRow("down is 270") << 270.0f << 0.0f << 1.0f;
    }
    void isoAngleConversion() {
        QFETCH(float, iso);
        QFETCH(float, dx);
        QFETCH(float, dy);
        const float a = isoDegreesToImageRadians(iso);
        QVERIFY(std::abs(std::cos(a) - dx) < 1e-5f);
        QVERIFY(std::abs(std::sin(a) - dy) < 1e-5f);
        QVERIFY(angularDistance(imageRadiansToIsoDegrees(a), iso) < 1e-3);
    }

    void knownMinutia_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("rotation"); // quarter turns counter-clockwise as viewed
        QTest::addColumn<double>("expectedDeg");
        const struct {
            const char* name;
            MinutiaType type;
        } types[] = {{"ending", MinutiaType::RidgeEnding},
                     {"bifurcation", MinutiaType::Bifurcation}};
        for (const auto& t : types)
            for (int q = 0; q < 4; ++q)
                QTest::newRow(qPrintable(
                    QStringLiteral("%1, turned %2 deg").arg(QLatin1String(t.name)).arg(90 * q)))
                    << static_cast<int>(t.type) << q << 90.0 * q;
    }
    void knownMinutia() {
        QFETCH(int, type);
        QFETCH(int, rotation);
        QFETCH(double, expectedDeg);
        cv::Mat img = syntheticPrint(static_cast<MinutiaType>(type));
        cv::Point2f where(static_cast<float>(kCentreX),
                          static_cast<float>(minutiaRow(static_cast<MinutiaType>(type))));
        for (int q = 0; q < rotation; ++q) {
            cv::rotate(img, img, cv::ROTATE_90_COUNTERCLOCKWISE);
            // (x, y) -> (y, side - 1 - x) for a counter-clockwise quarter turn.
            where = cv::Point2f(where.y, static_cast<float>(kSide - 1) - where.x);
        }
        const MinutiaeExtraction r = extractMinutiae(img);
        const Minutia* m = closestTo(r.minutiae, where);
        QVERIFY2(m != nullptr, "no minutia found");
        QVERIFY2(std::hypot(m->x - where.x, m->y - where.y) < 8.0,
                 qPrintable(QStringLiteral("minutia at (%1, %2), expected near (%3, %4)")
                                .arg(m->x)
                                .arg(m->y)
                                .arg(where.x)
                                .arg(where.y)));
        QCOMPARE(static_cast<int>(m->type), type);
        QVERIFY2(
            angularDistance(m->angleDeg, expectedDeg) < 15.0,
            qPrintable(
                QStringLiteral("direction %1, expected %2").arg(m->angleDeg).arg(expectedDeg)));
        // The pattern holds no other minutia.
        QVERIFY2(r.minutiae.size() == 1,
                 qPrintable(QStringLiteral("%1 minutiae").arg(r.minutiae.size())));
    }

    void rotationCovariance() {
        // The same print turned by a quarter: most minutiae must reappear at the turned place
        // with the turned direction (90 degrees more).
        const cv::Mat img =
            readGrey8(dataPath("fingerprints/fvc2002-db1b/102_3.tif").toStdString());
        cv::Mat turned;
        cv::rotate(img, turned, cv::ROTATE_90_COUNTERCLOCKWISE);
        const auto a = extractMinutiae(img).minutiae;
        const auto b = extractMinutiae(turned).minutiae;
        QVERIFY(a.size() >= 15);
        int found = 0;
        for (const auto& m : a) {
            const cv::Point2f where(m.y, static_cast<float>(img.cols - 1) - m.x);
            const Minutia* n = closestTo(b, where);
            if (n && std::hypot(n->x - where.x, n->y - where.y) < 6.0 &&
                angularDistance(n->angleDeg, m.angleDeg + 90.0) < 25.0)
                ++found;
        }
        QVERIFY2(
            found >= static_cast<int>(0.7 * static_cast<double>(a.size())),
            qPrintable(QStringLiteral("%1 of %2 minutiae found again").arg(found).arg(a.size())));
    }

    void realPrints_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("optical DB1 101_1") << "fingerprints/fvc2002-db1b/101_1.tif";
        QTest::newRow("optical DB1 105_4") << "fingerprints/fvc2002-db1b/105_4.tif";
        QTest::newRow("optical DB1 110_8") << "fingerprints/fvc2002-db1b/110_8.tif";
        QTest::newRow("synthetic DB4 104_2") << "fingerprints/fvc2002-db4b/104_2.tif";
        QTest::newRow("NFIQ 2 SFinGe 01")
            << "fingerprints/nfiq2-reference/images/SFinGe_Test01.pgm";
    }
    void realPrints() {
        QFETCH(QString, file);
        const cv::Mat img = readGrey8(dataPath(file).toStdString());
        const MinutiaeExtraction r = extractMinutiae(img);
        QCOMPARE(r.imageSize, img.size());
        QVERIFY(r.foregroundFraction > 0.2 && r.foregroundFraction < 0.95);
        QVERIFY2(r.minutiae.size() >= 12 && r.minutiae.size() <= 120,
                 qPrintable(QStringLiteral("%1 minutiae").arg(r.minutiae.size())));
        int endings = 0;
        for (const auto& m : r.minutiae) {
            QVERIFY(m.x >= 0 && m.x < img.cols && m.y >= 0 && m.y < img.rows);
            QVERIFY(r.foregroundMask.at<uchar>(static_cast<int>(m.y), static_cast<int>(m.x)) != 0);
            QVERIFY(m.angleDeg >= 0.0f && m.angleDeg < 360.0f);
            QVERIFY(m.quality >= 1 && m.quality <= 100);
            QVERIFY(m.type == MinutiaType::RidgeEnding || m.type == MinutiaType::Bifurcation);
            endings += m.type == MinutiaType::RidgeEnding;
        }
        QVERIFY(endings > 0 && endings < static_cast<int>(r.minutiae.size()) + 1);
        for (std::size_t i = 1; i < r.minutiae.size(); ++i)
            QVERIFY(r.minutiae[i - 1].quality >= r.minutiae[i].quality);
        // Fields are per block and consistent with the image size.
        QCOMPARE(r.foreground.cols, (img.cols + r.blockSize - 1) / r.blockSize);
        QCOMPARE(r.orientation.size(), r.foreground.size());
    }

    void resampledInput() {
        // The same print scanned at 1000 ppi gives minutiae in the 500 ppi frame, close to those
        // of the 500 ppi image.
        const cv::Mat img =
            readGrey8(dataPath("fingerprints/fvc2002-db1b/104_1.tif").toStdString());
        cv::Mat big;
        cv::resize(img, big, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
        MinutiaeExtractionOptions opts;
        opts.ppi = 1000.0;
        const MinutiaeExtraction a = extractMinutiae(img);
        const MinutiaeExtraction b = extractMinutiae(big, opts);
        QCOMPARE(b.imageSize, img.size());
        int found = 0;
        for (const auto& m : a.minutiae) {
            const Minutia* n = closestTo(b.minutiae, {m.x, m.y});
            found += n && std::hypot(n->x - m.x, n->y - m.y) < 6.0;
        }
        QVERIFY2(found >= static_cast<int>(0.7 * static_cast<double>(a.minutiae.size())),
                 qPrintable(QStringLiteral("%1 of %2").arg(found).arg(a.minutiae.size())));
    }

    void blankImagesHaveNoMinutiae_data() {
        QTest::addColumn<int>("grey");
        QTest::addColumn<double>("noise");
        QTest::newRow("white platen") << 255 << 0.0;
        QTest::newRow("black frame") << 0 << 0.0;
        QTest::newRow("grey with sensor noise") << 180 << 3.0;
    }
    void blankImagesHaveNoMinutiae() {
        QFETCH(int, grey);
        QFETCH(double, noise);
        cv::Mat img(300, 300, CV_8U, cv::Scalar(grey));
        if (noise > 0) {
            cv::Mat n(img.size(), CV_16S);
            cv::randn(n, 0, noise);
            cv::Mat s;
            img.convertTo(s, CV_16S);
            cv::Mat(s + n).convertTo(img, CV_8U);
        }
        const MinutiaeExtraction r = extractMinutiae(img);
        QVERIFY(r.minutiae.empty());
        QCOMPARE(r.foregroundFraction, 0.0);
    }

    void badInputIsRefused_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("cvType");
        QTest::addColumn<double>("ppi");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << 0 << 0 << CV_8UC1 << 500.0 << int(BiometricErrorCode::EmptyImage);
        QTest::newRow("colour") << 300 << 300 << CV_8UC3 << 500.0
                                << int(BiometricErrorCode::NotGrey);
        QTest::newRow("16-bit") << 300 << 300 << CV_16UC1 << 500.0
                                << int(BiometricErrorCode::UnsupportedDepth);
        QTest::newRow("too small")
            << 40 << 300 << CV_8UC1 << 500.0 << int(BiometricErrorCode::TooSmall);
        QTest::newRow("too small after resampling")
            << 100 << 100 << CV_8UC1 << 1000.0 << int(BiometricErrorCode::TooSmall);
        QTest::newRow("absurd resolution")
            << 300 << 300 << CV_8UC1 << 0.0 << int(BiometricErrorCode::BadResolution);
        QTest::newRow("a whole slap, not a finger")
            << 300 << 5000 << CV_8UC1 << 500.0 << int(BiometricErrorCode::TooLarge);
    }
    void badInputIsRefused() {
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, cvType);
        QFETCH(double, ppi);
        QFETCH(int, code);
        const cv::Mat img =
            rows > 0 ? cv::Mat(rows, cols, cvType, cv::Scalar::all(128)) : cv::Mat();
        MinutiaeExtractionOptions opts;
        opts.ppi = ppi;
        try {
            extractMinutiae(img, opts);
            QFAIL("accepted");
        } catch (const BiometricError& e) {
            QCOMPARE(int(e.code()), code);
            QVERIFY(std::string(e.what()).size() > 10);
        }
    }
};

QTEST_GUILESS_MAIN(TestFingerMinutiae)
#include "tst_finger_minutiae.moc"
