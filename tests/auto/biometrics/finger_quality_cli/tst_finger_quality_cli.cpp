// umbralctl quality finger [--ppi N] [--json] IMAGE...: per image the score, the feedback and
// every native measure under NIST's names; a bad file is reported, the others still scored, and
// the exit status says whether any failed.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace {

const QString kImages =
    QStringLiteral(UMBRAL_SHARED_DATA) + QStringLiteral("/fingerprints/nfiq2-reference/images/");

struct Result {
    int code;
    QString out;
    QString err;
};

Result umbralctl(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(UMBRALCTL), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestFingerQualityCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void jsonReportsEveryNistNameAndTheBadFile();
    void textReportsScoresAndErrors();
    void ppiResamples();
    void usageErrors_data();
    void usageErrors();
};

void TestFingerQualityCli::jsonReportsEveryNistNameAndTheBadFile() {
    const QString bad = dir_.filePath(QStringLiteral("not-an-image.png"));
    std::ofstream(bad.toStdString()) << "not a fingerprint";
    const Result r =
        umbralctl({QStringLiteral("quality"), QStringLiteral("finger"), QStringLiteral("--json"),
                   kImages + "SFinGe_Test01.pgm", bad, kImages + "SFinGe_Test03.pgm"});
    QCOMPARE(r.code, 1); // one file failed
    const QJsonArray results = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(results.size(), 3);
    for (int i : {0, 2}) {
        const QJsonObject o = results[i].toObject();
        const int score = o["UnifiedQualityScore"].toInt(-1);
        QVERIFY(score >= 0 && score <= 100);
        const QJsonObject feedback = o["ActionableQualityFeedback"].toObject();
        for (const char* name : {"UniformImage", "EmptyImageOrContrastTooLow",
                                 "FingerprintImageWithMinutiae", "SufficientFingerprintForeground"})
            QVERIFY2(feedback.contains(QLatin1String(name)), name);
        const QJsonObject measures = o["NativeQualityMeasures"].toObject();
        QCOMPARE(measures.size(), 69); // all of NIST's native measures, minutiae ones included
        for (const char* name :
             {"FDA_Bin10_0", "LCS_Bin10_Mean", "OCL_Bin10_StdDev", "OF_Bin10_9", "RVUP_Bin10_4",
              "Mu", "MMB", "ImgProcROIArea_Mean", "OrientationMap_ROIFilter_CoherenceRel",
              "OrientationMap_ROIFilter_CoherenceSum", "FingerJetFX_MinutiaeCount",
              "FingerJetFX_MinCount_COMMinRect200x200", "FJFXPos_Mu_MinutiaeQuality_2",
              "FJFXPos_OCL_MinutiaeQuality_80"})
            QVERIFY2(measures.contains(QLatin1String(name)), name);
        QCOMPARE(measures["Mu"].toDouble(), feedback["EmptyImageOrContrastTooLow"].toDouble());
    }
    // NIST's value for SFinGe_Test01 (its reference output): our measures agree.
    QCOMPARE(results[0].toObject()["NativeQualityMeasures"].toObject()["OCL_Bin10_8"].toInt(), 62);
    const QJsonObject failed = results[1].toObject();
    QCOMPARE(failed["file"].toString(), bad);
    QCOMPARE(failed["error_code"].toString(), QStringLiteral("UnreadableFile"));
    QVERIFY(!failed["error"].toString().isEmpty());
}

void TestFingerQualityCli::textReportsScoresAndErrors() {
    const QString tiny = dir_.filePath(QStringLiteral("tiny.png"));
    cv::Mat print = cv::imread((kImages + "SFinGe_Test02.pgm").toStdString(), cv::IMREAD_UNCHANGED);
    QVERIFY(cv::imwrite(tiny.toStdString(), print(cv::Rect(150, 200, 50, 50))));
    const Result r = umbralctl(
        {QStringLiteral("quality"), QStringLiteral("finger"), tiny, kImages + "SFinGe_Test02.pgm"});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(tiny + QStringLiteral(": error: fingerprint image too small")));
    QVERIFY(r.out.contains(kImages + QStringLiteral("SFinGe_Test02.pgm: score ")));
    QVERIFY(r.out.contains(QStringLiteral("  OCL_Bin10_8: ")));
    QVERIFY(r.out.contains(QStringLiteral("  SufficientFingerprintForeground: ")));
    const Result ok = umbralctl({QStringLiteral("quality"), QStringLiteral("finger"),
                                 kImages + "SFinGe_Test04.pgm", kImages + "SFinGe_Test05.pgm"});
    QCOMPARE(ok.code, 0);
    QCOMPARE(ok.out.count(QStringLiteral(": score ")), 2);
}

void TestFingerQualityCli::ppiResamples() {
    const QString at569 = dir_.filePath(QStringLiteral("at569.png"));
    cv::Mat print = cv::imread((kImages + "SFinGe_Test05.pgm").toStdString(), cv::IMREAD_UNCHANGED);
    cv::Mat big;
    cv::resize(print, big, cv::Size(), 569.0 / 500.0, 569.0 / 500.0, cv::INTER_CUBIC);
    QVERIFY(cv::imwrite(at569.toStdString(), big));
    const Result r =
        umbralctl({QStringLiteral("quality"), QStringLiteral("finger"), QStringLiteral("--ppi"),
                   QStringLiteral("569"), QStringLiteral("--json"), at569});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).array()[0].toObject();
    QCOMPARE(o["resampled_to_500_ppi"].toBool(), true);
    QCOMPARE(o["source_ppi"].toDouble(), 569.0);
    const Result text = umbralctl({QStringLiteral("quality"), QStringLiteral("finger"),
                                   QStringLiteral("--ppi"), QStringLiteral("569"), at569});
    QVERIFY(text.out.contains(QStringLiteral("resampled from 569 ppi to 500 ppi")));
}

void TestFingerQualityCli::usageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no image") << QStringList{"quality", "finger"};
    QTest::newRow("no sub-command") << QStringList{"quality"};
    QTest::newRow("unknown sub-command") << QStringList{"quality", "retina", "x.png"};
    QTest::newRow("bad ppi") << QStringList{"quality", "finger", "--ppi", "fast", "x.png"};
    QTest::newRow("unknown option") << QStringList{"quality", "finger", "--bogus", "x.png"};
}

void TestFingerQualityCli::usageErrors() {
    QFETCH(QStringList, args);
    const Result r = umbralctl(args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("quality finger [--ppi N] [--json] IMAGE...")));
}

QTEST_GUILESS_MAIN(TestFingerQualityCli)
#include "tst_finger_quality_cli.moc"
