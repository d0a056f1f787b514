// Building an encounter transaction from plain structs: Type-1, the Umbral Type-2 profile, a
// Type-14 per finger or slap (WSQ, quality in 14.022/14.024, segments, missing fingers) and a
// Type-17 per iris. It validates, writes and reads back to identical records, and bad input is
// refused with a message that names the capture or field.

#include "app/interchange/an2k_fields.h"
#include "app/interchange/an2k_images.h"
#include "app/interchange/an2k_io.h"
#include "app/interchange/an2k_transaction_builder.h"
#include "app/interchange/an2k_validation.h"
#include "app/interchange/interchange_error.h"

#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace umbral::interchange;

namespace {

const std::string kData = UMBRAL_SHARED_DATA;

cv::Mat fvc(const std::string& name) {
    return cv::imread(kData + "/fingerprints/fvc2002-db1b/" + name + ".tif", cv::IMREAD_GRAYSCALE);
}

// A stand-in slap: FVC prints side by side, one per finger.
cv::Mat slapOf(std::initializer_list<std::string> names) {
    std::vector<cv::Mat> prints;
    for (const auto& n : names)
        prints.push_back(fvc(n));
    cv::Mat slap;
    cv::hconcat(prints, slap);
    return slap;
}

double rmsError(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    diff.convertTo(diff, CV_64F);
    return std::sqrt(cv::mean(diff.mul(diff))[0]);
}

TransactionContent encounter() {
    TransactionContent c;
    c.header.controlNumber = "UMB-LANE3-000042";
    c.header.originatingAgency = "XXUMB0001";
    c.header.destinationAgency = "XXCENTRAL";
    c.header.date = "20261128";
    c.header.gmt = "20261128101500Z";
    c.traveler.surname = "GARCIA LOPEZ";
    c.traveler.givenNames = "MARIA JOSE";
    c.traveler.dateOfBirth = "19850214";
    c.traveler.nationality = "ESP";
    c.traveler.sex = Sex::Female;
    c.traveler.document = {"P", "PAB123456", "ESP", "20310630"};
    c.traveler.caseNumber = "ENC-000042";

    FingerprintCapture rightFour;
    rightFour.position = 13;
    rightFour.image = slapOf({"101_1", "102_1", "103_1", "104_1"});
    rightFour.captureDate = "20261128";
    for (int f = 0; f < 4; ++f) {
        rightFour.segments.push_back({2 + f, 388 * f, 388 * f + 387, 0, 373});
        rightFour.quality.push_back({2 + f, 60 + f, std::nullopt});
    }
    rightFour.quality[0].nistQuality = 2;
    FingerprintCapture thumbs;
    thumbs.position = 15;
    thumbs.image = slapOf({"105_1", "106_1"});
    thumbs.captureDate = "20261128";
    thumbs.quality = {{1, 71, std::nullopt}};
    thumbs.missing = {{6, MissingReason::Amputated}};
    FingerprintCapture index;
    index.position = 7;
    index.image = fvc("107_2");
    index.captureDate = "20261128";
    index.quality = {{7, std::nullopt, std::nullopt}};
    c.fingerprints = {rightFour, thumbs, index};

    const cv::Mat eye = cv::imread(kData + "/iris/open-iris-anonymized.png", cv::IMREAD_GRAYSCALE);
    IrisCapture right;
    right.eye = 1;
    right.image = eye;
    right.captureDate = "20261128";
    right.qualityScore = 87;
    IrisCapture left = right;
    left.eye = 2;
    cv::flip(eye, left.image, 1);
    left.compression = IrisCompression::None;
    left.qualityScore.reset();
    c.irises = {right, left};
    c.fingerQualityAlgorithm = {"1A2B", 7};
    return c;
}

} // namespace

class TestTransactionBuilder : public QObject {
    Q_OBJECT

private slots:
    void buildsValidTransaction();
    void writeThenReadGivesIdenticalRecords();
    void fingerprintRecordsCarryImageQualityAndSegments();
    void irisRecordsAreLossless();
    void refusesBadInput_data();
    void refusesBadInput();
};

void TestTransactionBuilder::buildsValidTransaction() {
    const Transaction t = buildTransaction(encounter());
    std::vector<int> types;
    for (const Record& r : t.records)
        types.push_back(r.type);
    QVERIFY((types == std::vector<int>{1, 2, 14, 14, 14, 17, 17}));
    QVERIFY(validateTransaction(t).empty());

    const Record& type1 = t.records[0];
    QCOMPARE(QString::fromStdString(type1.text(type1::VER)), QString("0500"));
    QCOMPARE(QString::fromStdString(type1.text(type1::TCN)), QString("UMB-LANE3-000042"));
    QCOMPARE(QString::fromStdString(type1.find(type1::DOM)->item(0, 0)), QString("UMBRAL"));
    QCOMPARE(QString::fromStdString(type1.find(type1::DOM)->item(0, 1)), QString("1.0"));
    const auto cnt = type1.find(type1::CNT)->subfields();
    QCOMPARE(cnt.size(), std::size_t(7));
    QCOMPARE(QString::fromStdString(cnt[0][1]), QString("6"));
    QCOMPARE(QString::fromStdString(cnt[6][0] + "/" + cnt[6][1]), QString("17/05"));

    const BiographicData traveler = parseType2Record(t.records[1]);
    const BiographicData expected = encounter().traveler;
    QCOMPARE(QString::fromStdString(traveler.surname), QString::fromStdString(expected.surname));
    QCOMPARE(QString::fromStdString(traveler.givenNames),
             QString::fromStdString(expected.givenNames));
    QCOMPARE(QString::fromStdString(t.records[1].text(type2::NAM)),
             QString("GARCIA LOPEZ,MARIA JOSE"));
    QCOMPARE(QString::fromStdString(t.records[1].text(type2::SEX)), QString("F"));
    QCOMPARE(QString::fromStdString(traveler.document.number), QString("PAB123456"));
    QCOMPARE(QString::fromStdString(traveler.document.expiryDate), QString("20310630"));
    QCOMPARE(QString::fromStdString(traveler.caseNumber), QString("ENC-000042"));
}

void TestTransactionBuilder::writeThenReadGivesIdenticalRecords() {
    const Transaction built = buildTransaction(encounter());
    const std::vector<std::uint8_t> bytes = writeTransaction(built);
    QVERIFY(readTransaction(bytes) == built);
    QVERIFY(buildTransactionBytes(encounter()) == bytes); // deterministic
    qInfo("transaction of %zu bytes", bytes.size());
}

void TestTransactionBuilder::fingerprintRecordsCarryImageQualityAndSegments() {
    const TransactionContent content = encounter();
    const Transaction t = readTransaction(buildTransactionBytes(content));
    const Record& slap = t.records[2];
    QCOMPARE(QString::fromStdString(slap.text(type14::FGP)), QString("13"));
    QCOMPARE(QString::fromStdString(slap.text(type14::CGA)), QString("WSQ20"));
    QCOMPARE(QString::fromStdString(slap.text(type14::HLL)), QString("1552"));
    QCOMPARE(QString::fromStdString(slap.text(type14::VLL)), QString("374"));
    QCOMPARE(QString::fromStdString(slap.text(type14::THPS)), QString("500"));
    const auto seg = slap.find(type14::SEG)->subfields();
    QCOMPARE(seg.size(), std::size_t(4));
    QVERIFY((seg[1] == std::vector<std::string>{"3", "388", "775", "0", "373"}));
    const auto nqm = slap.find(type14::NQM)->subfields();
    QVERIFY((nqm[0] == std::vector<std::string>{"2", "2"}));
    QVERIFY((nqm[1] == std::vector<std::string>{"3", "254"})); // no NFIQ 1 value: not computed
    const auto fqm = slap.find(type14::FQM)->subfields();
    QVERIFY((fqm[3] == std::vector<std::string>{"5", "63", "1A2B", "7"}));

    const cv::Mat decoded = decodeRecordImage(slap);
    QCOMPARE(decoded.size(), content.fingerprints[0].image.size());
    const double rms = rmsError(decoded, content.fingerprints[0].image);
    QVERIFY2(rms < 12.0, qPrintable(QString("RMS %1").arg(rms)));

    const Record& thumbs = t.records[3];
    QVERIFY((thumbs.find(type14::AMP)->subfields()[0] == std::vector<std::string>{"6", "XX"}));
    const Record& single = t.records[4];
    QCOMPARE(QString::fromStdString(single.text(type14::FGP)), QString("7"));
    QVERIFY(!single.find(type14::SEG));
    QVERIFY((single.find(type14::FQM)->subfields()[0] ==
             std::vector<std::string>{"7", "254", "1A2B", "7"}));
}

void TestTransactionBuilder::irisRecordsAreLossless() {
    const TransactionContent content = encounter();
    const Transaction t = readTransaction(buildTransactionBytes(content));
    const Record& right = t.records[5];
    QCOMPARE(QString::fromStdString(right.text(type17::ELR)), QString("1"));
    QCOMPARE(QString::fromStdString(right.text(type17::CGA)), QString("PNG"));
    QCOMPARE(QString::fromStdString(right.text(type17::EAS)), QString("NIR"));
    QVERIFY(
        (right.find(type17::IQS)->subfields()[0] == std::vector<std::string>{"87", "FFFF", "1"}));
    QCOMPARE(cv::norm(decodeRecordImage(right), content.irises[0].image, cv::NORM_INF), 0.0);
    const Record& left = t.records[6];
    QCOMPARE(QString::fromStdString(left.text(type17::CGA)), QString("NONE"));
    QVERIFY(!left.find(type17::IQS));
    QCOMPARE(cv::norm(decodeRecordImage(left), content.irises[1].image, cv::NORM_INF), 0.0);
}

void TestTransactionBuilder::refusesBadInput_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("finger position 11") << "position"
                                        << "fingerprint capture 1 (FGP 11): position must be 1-10";
    QTest::newRow("1000 ppi") << "ppi"
                              << "1000 ppi; WSQ is specified for 500 ppi";
    QTest::newRow("colour image") << "colour"
                                  << "8-bit grey";
    QTest::newRow("quality 101") << "quality"
                                 << "quality score 101 is not 0-100";
    QTest::newRow("NFIQ 6") << "nfiq"
                            << "NFIQ value 6 is not 1-5";
    QTest::newRow("quality of another finger") << "otherfinger"
                                               << "quality for finger 9, which it does not show";
    QTest::newRow("segment outside the image")
        << "segment"
        << "segment of finger 2 is not a box inside the image";
    QTest::newRow("missing finger of another slap") << "missing"
                                                    << "missing finger 3 is not part of this slap";
    QTest::newRow("segments on a single finger")
        << "singleseg"
        << "segments and missing fingers belong to slap records";
    QTest::newRow("eye label 3") << "eye"
                                 << "eye label must be 0, 1 (right) or 2 (left)";
    QTest::newRow("date of birth 13th month")
        << "dob"
        << "Type-2 field 2.022 DOB: \"19851302\" is not a date";
    QTest::newRow("lower-case nationality") << "nationality"
                                            << "Type-2 field 2.021 CTZ: \"esp\" is not an ICAO";
    QTest::newRow("comma in a name") << "name"
                                     << "Type-2 field 2.018 NAM";
    QTest::newRow("no transaction control number")
        << "tcn"
        << "Type-1 record 1, field 1.009: TCN must have 1 to 40 characters";
    QTest::newRow("date with dashes")
        << "date"
        << "Type-1 record 1, field 1.005: DAT \"2026-11-28\" is not a date CCYYMMDD";
    QTest::newRow("capture date")
        << "fcd"
        << "Type-14 record 3, field 14.005: FCD \"yesterday\" is not a date CCYYMMDD";
}

void TestTransactionBuilder::refusesBadInput() {
    QFETCH(QString, damage);
    QFETCH(QString, mentions);
    TransactionContent c = encounter();
    FingerprintCapture& slap = c.fingerprints[0];
    if (damage == "position")
        slap.position = 11;
    else if (damage == "ppi")
        slap.ppi = 1000;
    else if (damage == "colour")
        cv::cvtColor(slap.image, slap.image, cv::COLOR_GRAY2BGR);
    else if (damage == "quality")
        slap.quality[1].score = 101;
    else if (damage == "nfiq")
        slap.quality[1].nistQuality = 6;
    else if (damage == "otherfinger")
        slap.quality[1].position = 9;
    else if (damage == "segment")
        slap.segments[0].right = 5000;
    else if (damage == "missing")
        c.fingerprints[1].missing = {{3, MissingReason::UnableToPrint}};
    else if (damage == "singleseg")
        c.fingerprints[2].segments = {{7, 0, 10, 0, 10}};
    else if (damage == "eye")
        c.irises[0].eye = 3;
    else if (damage == "dob")
        c.traveler.dateOfBirth = "19851302";
    else if (damage == "nationality")
        c.traveler.nationality = "esp";
    else if (damage == "name")
        c.traveler.surname = "GARCIA,LOPEZ";
    else if (damage == "tcn")
        c.header.controlNumber.clear();
    else if (damage == "date")
        c.header.date = "2026-11-28";
    else if (damage == "fcd")
        slap.captureDate = "yesterday";
    try {
        buildTransaction(c);
        QFAIL("bad input was accepted");
    } catch (const InterchangeError& e) {
        QVERIFY2(QString(e.what()).contains(mentions), e.what());
    }
}

QTEST_GUILESS_MAIN(TestTransactionBuilder)
#include "tst_transaction_builder.moc"
