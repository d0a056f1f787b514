// ISO/IEC 19794-2:2005 finger minutiae records: byte layout, identical round trip, records laid
// out by other producers, and refusal of truncated or corrupt records.

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/matching/finger_matcher.h"
#include "app/biometrics/fingerprint/minutiae/iso19794_2.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <QtTest>

#include <cmath>

using namespace umbral::biometrics;

namespace {

QString dataPath(const QString& relative) {
    const QByteArray env = qgetenv("UMBRAL_SHARED_DATA");
    const QString root =
        env.isEmpty() ? QStringLiteral(UMBRAL_SHARED_DATA) : QString::fromLocal8Bit(env);
    return root + QLatin1Char('/') + relative;
}

MinutiaeExtraction extractFile(const char* file) {
    return extractMinutiae(readGrey8(dataPath(QString::fromLatin1(file)).toStdString()));
}

int u16(const std::vector<std::uint8_t>& b, std::size_t at) {
    return (b[at] << 8) | b[at + 1];
}

// A record as another producer wrote it: the header declares a 300 x 400 image at 500 ppi
// although the minutiae come from a 388 x 374 scan (x beyond 300), device type 0x123 with
// certification flag 1, two views (right index, left index), minutiae of type "other", and an
// extended data block (a ridge-count block, type 0x0001) on the first view.
std::vector<std::uint8_t> foreignRecord() {
    std::vector<std::uint8_t> b = {'F',  'M',  'R',  0,    ' ', '2',
                                   '0',  0,    0,    0,    0,   0, // length, patched below
                                   0x11, 0x23,             // certification 1, device type 0x123
                                   0x01, 0x2c, 0x01, 0x90, // 300 x 400
                                   0x00, 0xc5, 0x00, 0xc5, // 197 x 197 px/cm
                                   2,    0};
    // View 1: right index (2), view 0, live-scan plain (0), quality 70, 3 minutiae.
    const std::uint8_t view1[] = {
        2,    0x00, 70,   3,    0x41, 0x5e, 0x00, 0x64, 64, 80, // ending (350, 100), 90 deg, q 80
        0x80, 0x32, 0x01, 0x68, 128,  55,                       // bifurcation (50, 360), 180 deg
        0x01, 0x7c, 0x00, 0xc8, 200,  0,                        // other (380, 200), 281.25 deg
        0x00, 0x07,                                             // extended data: 7 bytes
        0x00, 0x01, 0x00, 0x07, 0x01, 0x00, 0x01};
    // View 2: left index (7), view 1, live-scan rolled (1), quality 0, 1 minutia, no extension.
    const std::uint8_t view2[] = {7, 0x11, 0, 1, 0x40, 0x0a, 0x00, 0x0b, 255, 100, 0x00, 0x00};
    b.insert(b.end(), std::begin(view1), std::end(view1));
    b.insert(b.end(), std::begin(view2), std::end(view2));
    b[11] = static_cast<std::uint8_t>(b.size());
    return b;
}

} // namespace

class TestFingerMinutiaeRecord : public QObject {
    Q_OBJECT

private slots:
    void headerLayout() {
        const MinutiaeExtraction e = extractFile("fingerprints/fvc2002-db1b/101_1.tif");
        const auto bytes = writeFingerMinutiaeRecord(makeFingerMinutiaeRecord(e, 2, 77));
        QCOMPARE(std::string(bytes.begin(), bytes.begin() + 4), std::string("FMR\0", 4));
        QCOMPARE(std::string(bytes.begin() + 4, bytes.begin() + 8), std::string(" 20\0", 4));
        const std::size_t n = e.minutiae.size();
        QCOMPARE(bytes.size(), 24 + 4 + 6 * n + 2);
        QCOMPARE(std::size_t((bytes[8] << 24) | (bytes[9] << 16) | (bytes[10] << 8) | bytes[11]),
                 bytes.size());
        QCOMPARE(u16(bytes, 14), 388); // width
        QCOMPARE(u16(bytes, 16), 374); // height
        QCOMPARE(u16(bytes, 18), 197); // 500 ppi in pixels per centimetre
        QCOMPARE(u16(bytes, 20), 197);
        QCOMPARE(int(bytes[22]), 1);  // one view
        QCOMPARE(int(bytes[23]), 0);  // reserved
        QCOMPARE(int(bytes[24]), 2);  // finger position
        QCOMPARE(int(bytes[26]), 77); // finger quality
        QCOMPARE(std::size_t(bytes[27]), n);
        // First minutia: type in the top two bits, then 14-bit x and y, angle in 360/256 units.
        const Minutia& m = e.minutiae.front();
        QCOMPARE(u16(bytes, 28) >> 14, int(m.type));
        QCOMPARE(u16(bytes, 28) & 0x3fff, int(std::lround(m.x)));
        QCOMPARE(u16(bytes, 30) & 0x3fff, int(std::lround(m.y)));
        QCOMPARE(int(bytes[32]), int(std::lround(m.angleDeg / (360.0 / 256.0))) % 256);
        QCOMPARE(int(bytes[33]), m.quality);
        QCOMPARE(u16(bytes, bytes.size() - 2), 0); // no extended data
    }

    void roundTripIsIdentical() {
        const MinutiaeExtraction e = extractFile("fingerprints/fvc2002-db4b/103_5.tif");
        FingerMinutiaeRecord record = makeFingerMinutiaeRecord(e, 7, 55, 0);
        record.views.front().extendedData = {0x00, 0x02, 0x00, 0x05, 0x00};
        const auto bytes = writeFingerMinutiaeRecord(record);
        const FingerMinutiaeRecord back = readFingerMinutiaeRecord(bytes);
        QCOMPARE(writeFingerMinutiaeRecord(back), bytes);
        QCOMPARE(back.imageWidth, e.imageSize.width);
        QCOMPARE(back.views.size(), std::size_t(1));
        const FingerMinutiaeView& v = back.views.front();
        QCOMPARE(v.fingerPosition, 7);
        QCOMPARE(v.fingerQuality, 55);
        QCOMPARE(v.extendedData, record.views.front().extendedData);
        QCOMPARE(v.minutiae.size(), e.minutiae.size());
        for (std::size_t i = 0; i < v.minutiae.size(); ++i) {
            const Minutia& a = e.minutiae[i];
            const Minutia& b = v.minutiae[i];
            QCOMPARE(b.x, float(std::lround(a.x)));
            QCOMPARE(b.y, float(std::lround(a.y)));
            QCOMPARE(b.type, a.type);
            QCOMPARE(b.quality, a.quality);
            double d = std::fmod(std::abs(double(b.angleDeg) - a.angleDeg), 360.0);
            QVERIFY(std::min(d, 360.0 - d) <= 0.71); // half a 1.40625-degree step
        }
        // Quantised once, the template compares with the original as the same finger.
        const FingerComparison c = compareFingers(FingerMatchTemplate(e.minutiae),
                                                  FingerMatchTemplate(minutiaeAt500Ppi(back)));
        QVERIFY(c.similarity > 0.9 * compareFingers(FingerMatchTemplate(e.minutiae),
                                                    FingerMatchTemplate(e.minutiae))
                                         .similarity);
    }

    void anotherProducersLayout() {
        const FingerMinutiaeRecord r = readFingerMinutiaeRecord(foreignRecord());
        QCOMPARE(r.imageWidth, 300);
        QCOMPARE(r.imageHeight, 400);
        QCOMPARE(r.captureEquipmentCertification, 1);
        QCOMPARE(r.captureDeviceTypeId, 0x123);
        QCOMPARE(r.views.size(), std::size_t(2));
        const FingerMinutiaeView& a = r.views[0];
        QCOMPARE(a.fingerPosition, 2);
        QCOMPARE(a.fingerQuality, 70);
        QCOMPARE(a.minutiae.size(), std::size_t(3));
        QCOMPARE(a.minutiae[0].x, 350.0f); // beyond the declared width: kept as written
        QCOMPARE(a.minutiae[0].y, 100.0f);
        QCOMPARE(a.minutiae[0].type, MinutiaType::RidgeEnding);
        QCOMPARE(a.minutiae[0].angleDeg, 90.0f);
        QCOMPARE(a.minutiae[0].quality, 80);
        QCOMPARE(a.minutiae[1].type, MinutiaType::Bifurcation);
        QCOMPARE(a.minutiae[1].x, 50.0f);
        QCOMPARE(a.minutiae[1].y, 360.0f);
        QCOMPARE(a.minutiae[1].angleDeg, 180.0f);
        QCOMPARE(a.minutiae[2].type, MinutiaType::Other);
        QCOMPARE(a.minutiae[2].x, 380.0f);
        QCOMPARE(a.minutiae[2].angleDeg, 281.25f);
        QCOMPARE(a.minutiae[2].quality, 0);
        QCOMPARE(a.extendedData.size(), std::size_t(7));
        const FingerMinutiaeView& b = r.views[1];
        QCOMPARE(b.fingerPosition, 7);
        QCOMPARE(b.viewNumber, 1);
        QCOMPARE(b.impressionType, 1);
        QCOMPARE(b.minutiae.size(), std::size_t(1));
        QCOMPARE(b.minutiae[0].x, 10.0f);
        QCOMPARE(b.minutiae[0].angleDeg, 255 * 360.0f / 256.0f);
        // 197 px/cm is 500 ppi: coordinates unchanged.
        QCOMPARE(minutiaeAt500Ppi(r, 0)[0].x, 350.0f);
        QVERIFY_THROWS_EXCEPTION(BiometricError, minutiaeAt500Ppi(r, 2));
    }

    void otherResolutionIsScaledTo500Ppi() {
        auto bytes = foreignRecord();
        bytes[18] = 0x01, bytes[19] = 0x8a; // 394 px/cm: 1000 ppi
        bytes[20] = 0x01, bytes[21] = 0x8a;
        const auto m = minutiaeAt500Ppi(readFingerMinutiaeRecord(bytes), 0);
        QVERIFY(std::abs(m[0].x - 175.0f) < 0.2f);
        QVERIFY(std::abs(m[0].y - 50.0f) < 0.1f);
        QCOMPARE(m[0].angleDeg, 90.0f);
    }

    void truncatedRecordsAreRefused() {
        // Every prefix of a valid record is refused with a clear error, never a crash.
        const auto full = foreignRecord();
        for (std::size_t n = 0; n < full.size(); ++n) {
            std::vector<std::uint8_t> cut(full.begin(),
                                          full.begin() + static_cast<std::ptrdiff_t>(n));
            try {
                readFingerMinutiaeRecord(cut);
                QFAIL(qPrintable(QStringLiteral("accepted a record cut to %1 bytes").arg(n)));
            } catch (const BiometricError& e) {
                QCOMPARE(e.code(), BiometricErrorCode::MalformedTemplate);
                QVERIFY(QString::fromStdString(e.what()).contains(QStringLiteral("truncated")));
            }
        }
    }

    void corruptRecordsAreRefused_data() {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("not FMR") << 0 << int('X') << "format identifier";
        QTest::newRow("2011 version") << 4 << int('0') << "version";
        QTest::newRow("length shorter than header") << 11 << 10 << "shorter than the header";
        QTest::newRow("more views than present") << 22 << 3 << "truncated";
        QTest::newRow("more minutiae than present") << 27 << 40 << "truncated";
        QTest::newRow("extended data past the end") << 46 << 200 << "truncated";
    }
    void corruptRecordsAreRefused() {
        QFETCH(int, offset);
        QFETCH(int, value);
        QFETCH(QString, message);
        auto bytes = foreignRecord();
        bytes[static_cast<std::size_t>(offset)] = static_cast<std::uint8_t>(value);
        try {
            readFingerMinutiaeRecord(bytes);
            QFAIL("accepted");
        } catch (const BiometricError& e) {
            QCOMPARE(e.code(), BiometricErrorCode::MalformedTemplate);
            QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
        }
    }

    void writerRefusesValuesThatDoNotFit_data() {
        QTest::addColumn<int>("what");
        QTest::newRow("minutia quality 101") << 0;
        QTest::newRow("x beyond 14 bits") << 1;
        QTest::newRow("256 minutiae") << 2;
        QTest::newRow("finger position 11") << 3;
    }
    void writerRefusesValuesThatDoNotFit() {
        QFETCH(int, what);
        FingerMinutiaeRecord r;
        r.imageWidth = 400;
        r.imageHeight = 400;
        FingerMinutiaeView v;
        v.minutiae.push_back({10, 10, 0, MinutiaType::RidgeEnding, 50});
        if (what == 0)
            v.minutiae[0].quality = 101;
        if (what == 1)
            v.minutiae[0].x = 20000;
        if (what == 2)
            v.minutiae.resize(256, v.minutiae[0]);
        if (what == 3)
            v.fingerPosition = 11;
        r.views.push_back(v);
        QVERIFY_THROWS_EXCEPTION(BiometricError, writeFingerMinutiaeRecord(r));
    }

    void angleQuantisationWraps() {
        FingerMinutiaeRecord r;
        FingerMinutiaeView v;
        v.minutiae = {{5, 5, 359.5f, MinutiaType::RidgeEnding, 1},
                      {6, 6, 1.40625f, MinutiaType::Bifurcation, 2}};
        r.views.push_back(v);
        const auto back = readFingerMinutiaeRecord(writeFingerMinutiaeRecord(r));
        QCOMPARE(back.views[0].minutiae[0].angleDeg, 0.0f);
        QCOMPARE(back.views[0].minutiae[1].angleDeg, 1.40625f);
    }
};

QTEST_GUILESS_MAIN(TestFingerMinutiaeRecord)
#include "tst_finger_minutiae_record.moc"
