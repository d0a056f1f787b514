// ANSI/NIST-ITL traditional encoding: NIST's sample transactions are read completely (every
// record and field), written back to identical records, validated with findings that name the
// record and field, and every structural defect is refused with an error that says where.

#include "app/interchange/an2k_images.h"
#include "app/interchange/an2k_inspect.h"
#include "app/interchange/an2k_io.h"
#include "app/interchange/an2k_type2_profile.h"
#include "app/interchange/an2k_validation.h"
#include "app/interchange/encoded_image_size.h"
#include "app/interchange/interchange_error.h"

#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <fstream>
#include <iterator>

using namespace umbral::interchange;
Q_DECLARE_METATYPE(umbral::interchange::InterchangeErrorCode)

namespace {

std::vector<std::uint8_t> sample(const QString& name) {
    std::ifstream in(std::string(UMBRAL_SHARED_DATA) + "/ansi-nist/" + name.toStdString() + ".an2",
                     std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Replaces the first occurrence of `from` (which must exist) by `to`.
void patch(std::vector<std::uint8_t>& bytes, const std::string& from, const std::string& to) {
    const auto it = std::search(bytes.begin(), bytes.end(), from.begin(), from.end());
    QVERIFY2(it != bytes.end(), from.c_str());
    const auto at = it - bytes.begin();
    bytes.erase(bytes.begin() + at, bytes.begin() + at + static_cast<long>(from.size()));
    bytes.insert(bytes.begin() + at, to.begin(), to.end());
}

std::string us(std::initializer_list<std::string> items) {
    std::string s;
    for (const auto& i : items)
        s += (s.empty() ? "" : std::string(1, kUnitSeparator)) + i;
    return s;
}

} // namespace

class TestAn2k : public QObject {
    Q_OBJECT

private slots:
    void readsEveryRecordAndField_data();
    void readsEveryRecordAndField();
    void keepsValuesAsStored();
    void writeThenReadGivesIdenticalRecords_data();
    void writeThenReadGivesIdenticalRecords();
    void validationReportsTheSamplesDefects_data();
    void validationReportsTheSamplesDefects();
    void structuralErrorsNameRecordAndField_data();
    void structuralErrorsNameRecordAndField();
    void writerRefusesUnwritableRecords_data();
    void writerRefusesUnwritableRecords();
    void fieldItemsRoundTrip();
    void inspectionNamesRecordsAndFields();
    void recordImagesDecode_data();
    void recordImagesDecode();
    void mrzDatesBecomeCalendarDates();
    void embeddedImageSizesAreReadBeforeDecoding_data();
    void embeddedImageSizesAreReadBeforeDecoding();
};

void TestAn2k::readsEveryRecordAndField_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QList<int>>("types");
    QTest::addColumn<QList<int>>("fieldCounts");
    // Record types (CNT) and fields per record, counted independently of our reader.
    QTest::newRow("valid1.1") << "valid1.1" << QList<int>{1, 2, 4} << QList<int>{10, 18, 9};
    QTest::newRow("valid1.8") << "valid1.8" << QList<int>{1, 2, 14, 14, 14}
                              << QList<int>{11, 15, 15, 15, 15};
    QTest::newRow("valid1.10") << "valid1.10" << QList<int>{1, 2, 17} << QList<int>{11, 15, 14};
    QTest::newRow("valid1.16") << "valid1.16" << QList<int>{1, 2, 4, 10, 13, 14, 15, 16, 17, 99}
                               << QList<int>{11, 15, 9, 31, 17, 23, 19, 19, 28, 10};
}

void TestAn2k::readsEveryRecordAndField() {
    QFETCH(QString, file);
    QFETCH(QList<int>, types);
    QFETCH(QList<int>, fieldCounts);
    const auto bytes = sample(file);
    const Transaction t = readTransaction(bytes);
    QCOMPARE(t.records.size(), std::size_t(types.size()));
    std::size_t total = 0;
    for (qsizetype i = 0; i < types.size(); ++i) {
        const Record& r = t.records[static_cast<std::size_t>(i)];
        QCOMPARE(r.type, types[i]);
        QCOMPARE(int(r.fields.size()), fieldCounts[i]);
        total += std::stoul(r.text(1)); // every byte belongs to a record
    }
    QCOMPARE(total, bytes.size());
}

void TestAn2k::keepsValuesAsStored() {
    const Transaction one = readTransaction(sample("valid1.1"));
    QCOMPARE(QString::fromStdString(one.records[1].text(18)), QString("JOHN,CLINTON"));
    QCOMPARE(QString::fromStdString(one.records[1].find(47)->item(0, 1)), QString("4727442"));
    const Record& type4 = one.records[2];
    QCOMPARE(QString::fromStdString(type4.text(4)),
             QString(us({"10", "255", "255", "255", "255", "255"}).c_str()));
    QCOMPARE(QString::fromStdString(type4.text(6)), QString("512"));
    QCOMPARE(type4.find(9)->value.size(), std::size_t(14846));

    const Transaction eight = readTransaction(sample("valid1.8"));
    QCOMPARE(QString::fromStdString(eight.records[0].find(3)->item(2, 0)), QString("14"));
    QCOMPARE(QString::fromStdString(eight.records[2].text(13)), QString("13"));
    QCOMPARE(QString::fromStdString(eight.records[4].text(7)), QString("900"));
    QCOMPARE(eight.records[2].find(21)->subfields().size(), std::size_t(4));
    QCOMPARE(eight.records[2].find(999)->value.size(), std::size_t(60152));

    const Transaction sixteen = readTransaction(sample("valid1.16"));
    QCOMPARE(QString::fromStdString(sixteen.records[6 - 1].text(7)),
             QString("0976")); // leading zero kept
    QCOMPARE(QString::fromStdString(sixteen.records[9].text(101)), QString("00000010"));
    QCOMPARE(sixteen.records[9].find(999)->value.size(), std::size_t(6289));
}

void TestAn2k::writeThenReadGivesIdenticalRecords_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("bytesIdentical");
    // valid1.16 writes its tags as "1.001", like our writer; the others as "1.01", so their
    // Type-1 LEN grows by the extra digits.
    QTest::newRow("valid1.1") << "valid1.1" << false;
    QTest::newRow("valid1.8") << "valid1.8" << false;
    QTest::newRow("valid1.10") << "valid1.10" << false;
    QTest::newRow("valid1.16") << "valid1.16" << true;
}

void TestAn2k::writeThenReadGivesIdenticalRecords() {
    QFETCH(QString, file);
    QFETCH(bool, bytesIdentical);
    const auto original = sample(file);
    const Transaction read = readTransaction(original);
    const std::vector<std::uint8_t> written = writeTransaction(read);
    const Transaction reread = readTransaction(written);
    QVERIFY(equalIgnoringLength(read, reread));
    QCOMPARE(written == original, bytesIdentical);
    QVERIFY(reread == readTransaction(writeTransaction(reread))); // a second round changes nothing
    QVERIFY(writeTransaction(reread) == written);
}

void TestAn2k::validationReportsTheSamplesDefects_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("valid1.1") << "valid1.1" << QStringList{};
    QTest::newRow("valid1.10") << "valid1.10" << QStringList{};
    // The slaps' records state 1800 x 1000 (thumbs 1800 x 900); the WSQ streams are 1600 x 976
    // and 1600 x 800.
    QTest::newRow("valid1.8")
        << "valid1.8"
        << QStringList{
               "Type-14 record 3, field 14.006: HLL 1800 differs from the WSQ image width 1600",
               "Type-14 record 3, field 14.007: VLL 1000 differs from the WSQ image height 976",
               "Type-14 record 4, field 14.006: HLL 1800 differs from the WSQ image width 1600",
               "Type-14 record 4, field 14.007: VLL 1000 differs from the WSQ image height 976",
               "Type-14 record 5, field 14.006: HLL 1800 differs from the WSQ image width 1600",
               "Type-14 record 5, field 14.007: VLL 900 differs from the WSQ image height 800"};
    QTest::newRow("valid1.16")
        << "valid1.16"
        << QStringList{
               "Type-10 record 4, field 10.999: the record repeats field 10.999: the image data "
               "starts with \"010110\" and further 999 tags before the image",
               "Type-13 record 5, field 13.024: LQM subfield 1: quality value \"120\" is not "
               "0-100, 254 or 255",
               "Type-14 record 6, field 14.999: the record repeats field 14.999: the image data "
               "starts with \"011011 | 4732 | 9238\" and further 999 tags before the image",
               "Type-14 record 6, field 14.023: SQM subfield 1: quality value \"120\" is not "
               "0-100, 254 or 255",
               "Type-14 record 6, field 14.024: FQM subfield 1: quality value \"110\" is not "
               "0-100, 254 or 255",
               "Type-15 record 7, field 15.999: the record repeats field 15.999: the image data "
               "starts with \"80\" and further 999 tags before the image",
               "Type-16 record 8, field 16.999: the record repeats field 16.999: the image data "
               "starts with \"90\" and further 999 tags before the image"};
}

void TestAn2k::validationReportsTheSamplesDefects() {
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QStringList found;
    for (const ValidationFinding& f : validateTransaction(readTransaction(sample(file))))
        found << QString::fromStdString(f.text());
    QCOMPARE(found, expected);
    if (!expected.isEmpty()) {
        try {
            requireValidTransaction(readTransaction(sample(file)));
            QFAIL("requireValidTransaction accepted findings");
        } catch (const InterchangeError& e) {
            QCOMPARE(e.code(), InterchangeErrorCode::Invalid);
            QVERIFY(QString(e.what()).contains(expected.first()));
        }
    }
}

void TestAn2k::structuralErrorsNameRecordAndField_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<InterchangeErrorCode>("code");
    QTest::addColumn<QString>("mentions");
    const QByteArray gs(1, kGroupSeparator), us(1, kUnitSeparator), rs(1, kRecordSeparator);
    QTest::newRow("CNT count") << "valid1.8"
                               << "1.03:1" + us + "4"
                               << "1.03:1" + us + "5" << InterchangeErrorCode::Inconsistent
                               << "Type-1 record 1, field 1.003: says 5 more records but lists 4";
    QTest::newRow("LEN too long") << "valid1.8" << QByteArray("14.001:60376")
                                  << QByteArray("14.001:60377") << InterchangeErrorCode::Malformed
                                  << "Type-14 record 3, field 14.001: no FS at byte";
    QTest::newRow("IDC against CNT")
        << "valid1.8" << QByteArray("14.002:02") << QByteArray("14.002:07")
        << InterchangeErrorCode::Inconsistent
        << "Type-14 record 4, field 14.002: IDC 07 differs from 2";
    QTest::newRow("bad tag") << "valid1.8" << QByteArray(gs + "14.013:")
                             << QByteArray(gs + "14.0x3:") << InterchangeErrorCode::Malformed
                             << "Type-14 record 3: expected a field tag";
    QTest::newRow("field twice") << "valid1.8" << QByteArray(gs + "2.024:M")
                                 << QByteArray(gs + "2.022:M") << InterchangeErrorCode::Inconsistent
                                 << "Type-2 record 2, field 2.022: appears twice";
    QTest::newRow("record of another type")
        << "valid1.10" << QByteArray("17.001:121362") << QByteArray("16.001:121362")
        << InterchangeErrorCode::Inconsistent << "Type-17 record 3: tag of a Type-16 field";
    QTest::newRow("binary LEN past the end")
        << "valid1.1" << QByteArray("\x00\x00\x3a\x10", 4) << QByteArray("\x7f\x7f\x7f\x7f")
        << InterchangeErrorCode::Truncated << "Type-4 record 3, field 4.001: length";
    QTest::newRow("LEN not a number")
        << "valid1.10" << QByteArray("2.001:171") << QByteArray("2.001:1x1")
        << InterchangeErrorCode::Malformed << "Type-2 record 2, field 2.001: LEN is not a number";
    QTest::newRow("CNT record type 0")
        << "valid1.10"
        << "1.03:1" + us + "2" + rs + "2"
        << "1.03:1" + us + "2" + rs + "0" << InterchangeErrorCode::Malformed
        << "field 1.003: subfield 2: record type 0 is not 2-99";
}

void TestAn2k::structuralErrorsNameRecordAndField() {
    QFETCH(QString, file);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(InterchangeErrorCode, code);
    QFETCH(QString, mentions);
    auto bytes = sample(file);
    patch(bytes, from.toStdString(), to.toStdString());
    try {
        readTransaction(bytes);
        QFAIL("a damaged transaction was read");
    } catch (const InterchangeError& e) {
        QVERIFY2(QString(e.what()).contains(mentions), e.what());
        QCOMPARE(e.code(), code);
    }
}

void TestAn2k::writerRefusesUnwritableRecords_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no Type-1 first") << "swap"
                                     << "starts with its Type-1 record";
    QTest::newRow("missing IDC") << "noidc"
                                 << "Type-14 record 3, field 14.002: IDC is missing";
    QTest::newRow("GS inside a value")
        << "gs"
        << "Type-2 record 2, field 2.018: a text value may not contain";
    QTest::newRow("image data not last")
        << "order"
        << "Type-14 record 3, field 14.999: image data must be the last field";
    QTest::newRow("field twice") << "twice"
                                 << "Type-14 record 4, field 14.013: appears twice";
    QTest::newRow("binary field not a number")
        << "binary"
        << "Type-4 record 3, field 4.006: \"wide\" is not a number";
}

void TestAn2k::writerRefusesUnwritableRecords() {
    QFETCH(QString, damage);
    QFETCH(QString, mentions);
    Transaction t = readTransaction(sample(damage == "binary" ? "valid1.1" : "valid1.8"));
    if (damage == "swap")
        std::swap(t.records[0], t.records[1]);
    else if (damage == "noidc")
        std::erase_if(t.records[2].fields, [](const Field& f) { return f.number == 2; });
    else if (damage == "gs")
        t.records[1].set(18, std::string("JIM") + kGroupSeparator + "TOM");
    else if (damage == "order")
        t.records[2].fields.push_back(Field{200, "after the image"});
    else if (damage == "twice")
        t.records[3].fields.insert(t.records[3].fields.end() - 1, t.records[3].fields[12]);
    else if (damage == "binary")
        t.records[2].set(6, "wide");
    try {
        writeTransaction(t);
        QFAIL("an unwritable transaction was written");
    } catch (const InterchangeError& e) {
        QCOMPARE(e.code(), InterchangeErrorCode::InvalidArgument);
        QVERIFY2(QString(e.what()).contains(mentions), e.what());
    }
}

void TestAn2k::fieldItemsRoundTrip() {
    const Field f = Field::fromItems(21, {{"7", "31", "40", "12", "90"}, {"8"}});
    QCOMPARE(QString::fromStdString(f.value), QString("7") + kUnitSeparator + "31" +
                                                  kUnitSeparator + "40" + kUnitSeparator + "12" +
                                                  kUnitSeparator + "90" + kRecordSeparator + "8");
    QCOMPARE(f.subfields().size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(f.item(0, 4)), QString("90"));
    QCOMPARE(QString::fromStdString(f.item(1, 0)), QString("8"));
    QCOMPARE(QString::fromStdString(f.item(1, 1)), QString());
    QCOMPARE(QString::fromStdString(f.item(5, 0)), QString());
    Record r;
    r.type = 14;
    r.set(13, "13");
    r.set(2, "01");
    r.set(999, "x");
    r.set(2, "02");
    QCOMPARE(r.fields.size(), std::size_t(3));
    QCOMPARE(r.fields[0].number, 2);
    QCOMPARE(QString::fromStdString(r.text(2)), QString("02"));
}

void TestAn2k::inspectionNamesRecordsAndFields() {
    const auto records = inspectTransaction(readTransaction(sample("valid1.16")));
    QCOMPARE(records.size(), std::size_t(10));
    const InspectedRecord& slap = records[5];
    QCOMPARE(slap.type, 14);
    QCOMPARE(QString::fromStdString(slap.typeName),
             QString("Variable-resolution fingerprint image"));
    QVERIFY(slap.hasImage);
    const auto fgp = std::find_if(slap.fields.begin(), slap.fields.end(),
                                  [](const auto& f) { return f.tag == "14.013"; });
    QVERIFY(fgp != slap.fields.end());
    QCOMPARE(QString::fromStdString(fgp->mnemonic), QString("FGP"));
    QCOMPARE(QString::fromStdString(fgp->name), QString("Finger position"));
    QCOMPARE(QString::fromStdString(fgp->value), QString("13"));
    QVERIFY(slap.fields.back().binary);
    QVERIFY(QString::fromStdString(slap.fields.back().value).contains("WSQ20 1600 x 976"));
    const QString text = QString::fromStdString(formatInspection(records));
    QVERIFY(text.contains("Record 6: Type-14 Variable-resolution fingerprint image"));
    QVERIFY(text.contains("14.021 SEG   Finger segment positions: 7^31^31^31^31 | 8^32^32^32^32"));
    QVERIFY(text.contains("99.999 BDB   Biometric data block: <6289 bytes>"));
    QVERIFY(!records[1].hasImage);
}

void TestAn2k::recordImagesDecode_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("record");
    QTest::addColumn<int>("channels");
    QTest::newRow("valid1.16 Type-4 WSQ") << "valid1.16" << 3 << 1;
    QTest::newRow("valid1.16 Type-10 JPEG face") << "valid1.16" << 4 << 3;
    QTest::newRow("valid1.16 Type-13 JPEG latent") << "valid1.16" << 5 << 1;
    QTest::newRow("valid1.16 Type-14 WSQ slap") << "valid1.16" << 6 << 1;
    QTest::newRow("valid1.16 Type-15 JPEG palm") << "valid1.16" << 7 << 1;
    QTest::newRow("valid1.16 Type-16 JPEG") << "valid1.16" << 8 << 1;
    QTest::newRow("valid1.16 Type-17 JPEG iris") << "valid1.16" << 9 << 3;
    QTest::newRow("valid1.10 Type-17 raw RGB iris") << "valid1.10" << 3 << 3;
}

void TestAn2k::recordImagesDecode() {
    QFETCH(QString, file);
    QFETCH(int, record);
    QFETCH(int, channels);
    const Transaction t = readTransaction(sample(file));
    const Record& r = t.records[static_cast<std::size_t>(record - 1)];
    const cv::Mat image = decodeRecordImage(r);
    const auto described = recordImage(r);
    QCOMPARE(image.cols, described->width);
    QCOMPARE(image.rows, described->height);
    QCOMPARE(image.channels(), channels);
    QVERIFY(cv::imwrite(std::string(UMBRAL_TEST_OUTPUT) + "/an2k_" + file.toStdString() +
                            "_record" + std::to_string(record) + ".png",
                        image));
    QVERIFY_THROWS_EXCEPTION(InterchangeError, decodeRecordImage(t.records[0]));
}

void TestAn2k::mrzDatesBecomeCalendarDates() {
    QCOMPARE(QString::fromStdString(mrzDateToCcyymmdd("850214", 2026, MrzDateKind::Birth)),
             QString("19850214"));
    QCOMPARE(QString::fromStdString(mrzDateToCcyymmdd("120229", 2026, MrzDateKind::Birth)),
             QString("20120229"));
    QCOMPARE(QString::fromStdString(mrzDateToCcyymmdd("85<<<<", 2026, MrzDateKind::Birth)),
             QString("19850000"));
    QCOMPARE(QString::fromStdString(mrzDateToCcyymmdd("310630", 2026, MrzDateKind::Expiry)),
             QString("20310630"));
    QVERIFY_THROWS_EXCEPTION(InterchangeError,
                             mrzDateToCcyymmdd("310631", 2026, MrzDateKind::Expiry));
    QVERIFY_THROWS_EXCEPTION(InterchangeError,
                             mrzDateToCcyymmdd("31<<30", 2026, MrzDateKind::Expiry));
    QVERIFY_THROWS_EXCEPTION(InterchangeError, mrzDateToCcyymmdd("8502", 2026, MrzDateKind::Birth));
}

void TestAn2k::embeddedImageSizesAreReadBeforeDecoding_data() {
    QTest::addColumn<QString>("extension");
    QTest::addColumn<QString>("cga");
    QTest::newRow("JPEG") << ".jpg"
                          << "JPEGB";
    QTest::newRow("PNG") << ".png"
                         << "PNG";
    if (cv::haveImageWriter(".jp2"))
        QTest::newRow("JPEG 2000") << ".jp2"
                                   << "JP2";
}

void TestAn2k::embeddedImageSizesAreReadBeforeDecoding() {
    QFETCH(QString, extension);
    QFETCH(QString, cga);
    const cv::Mat face(53, 41, CV_8UC3, cv::Scalar(20, 120, 220));
    std::vector<std::uint8_t> encoded;
    QVERIFY(cv::imencode(extension.toStdString(), face, encoded));
    const auto size = encodedImageSize(encoded);
    QVERIFY(size.has_value());
    QCOMPARE(size->width, std::int64_t(41));
    QCOMPARE(size->height, std::int64_t(53));

    Record r;
    r.type = 10;
    r.set(6, "41");
    r.set(7, "53");
    r.set(11, cga.toStdString());
    r.set(12, "RGB");
    r.set(999, std::string(encoded.begin(), encoded.end()));
    QCOMPARE(decodeRecordImage(r).size(), face.size());
    // The same stream under a limit below its size is refused before OpenCV decodes it.
    try {
        decodeRecordImage(r, WsqDecodeLimits{41 * 53 - 1});
        QFAIL("an image above the limit was decoded");
    } catch (const InterchangeError& e) {
        QCOMPARE(e.code(), InterchangeErrorCode::TooLarge);
    }
    r.set(999, "not an image");
    QVERIFY_THROWS_EXCEPTION(InterchangeError, decodeRecordImage(r));
}

QTEST_GUILESS_MAIN(TestAn2k)
#include "tst_an2k.moc"
