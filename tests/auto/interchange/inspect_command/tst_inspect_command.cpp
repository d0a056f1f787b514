// umbralctl inspect FILE: every record and field listed, validation findings named by record
// and field, images decoded to PNG files of the right size; --json for scripts; a damaged
// file is refused with exit 1 and a message that says where.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

namespace {

const QString kSamples = QStringLiteral(UMBRAL_SHARED_DATA "/ansi-nist/");

struct Result {
    int code = -1;
    QString out;
    QString err;
};

Result umbralctl(const QStringList& args) {
    QProcess p;
    p.start(UMBRALCTL, args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestInspectCommand : public QObject {
    Q_OBJECT

private slots:
    void listsRecordsFieldsAndImages() {
        QTemporaryDir dir;
        const Result r = umbralctl({"inspect", kSamples + "valid1.16.an2", "--images", dir.path()});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("Record 6: Type-14 Variable-resolution fingerprint image"));
        QVERIFY(r.out.contains("14.013 FGP   Finger position: 13"));
        QVERIFY(r.out.contains("99.101 BTY   Biometric type: 00000010"));
        QVERIFY(r.out.contains("10 records; validation: 7 findings"));
        QVERIFY(r.out.contains(
            "Type-14 record 6, field 14.024: FQM subfield 1: quality value \"110\""));
        // Seven records carry images (Types 4, 10, 13, 14, 15, 16, 17); each becomes a PNG.
        const QStringList pngs = QDir(dir.path()).entryList({"*.png"}, QDir::Files, QDir::Name);
        QCOMPARE(pngs.size(), 7);
        const cv::Mat slap = cv::imread(dir.filePath("valid1.16-r06-type14.png").toStdString(),
                                        cv::IMREAD_UNCHANGED);
        QCOMPARE(slap.cols, 1600);
        QCOMPARE(slap.rows, 976);
        QVERIFY(r.out.contains("image of record 6: " + dir.filePath("valid1.16-r06-type14.png") +
                               " (1600 x 976)"));
    }

    void jsonForScripts() {
        QTemporaryDir dir;
        const Result r =
            umbralctl({"--json", "inspect", kSamples + "valid1.8.an2", "--images", dir.path()});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray records = doc["records"].toArray();
        QCOMPARE(records.size(), 5);
        const QJsonObject thumbs = records[4].toObject();
        QCOMPARE(thumbs["type"].toInt(), 14);
        QCOMPARE(thumbs["fields"].toArray().size(), 15);
        QCOMPARE(thumbs["image"].toObject()["height"].toInt(), 800);
        QVERIFY(QFile::exists(thumbs["image"].toObject()["png"].toString()));
        const QJsonArray findings = doc["findings"].toArray();
        QCOMPARE(findings.size(), 6);
        QCOMPARE(findings[5].toObject()["field"].toInt(), 7);
        QCOMPARE(findings[5].toObject()["record"].toInt(), 5);
    }

    void noImagesWritesNothing() {
        QTemporaryDir dir;
        QVERIFY(QDir::setCurrent(dir.path()));
        const Result r = umbralctl({"inspect", kSamples + "valid1.10.an2", "--no-images"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("17.013 CSP   Color space: SRGB"));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void damagedFileIsRefused() {
        QTemporaryDir dir;
        QFile in(kSamples + "valid1.8.an2");
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        bytes.replace("14.001:60376", "14.001:60377");
        QFile out(dir.filePath("damaged.an2"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        const Result r = umbralctl({"inspect", out.fileName(), "--no-images"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("Type-14 record 3, field 14.001"), qPrintable(r.err));
        QCOMPARE(umbralctl({"inspect", dir.filePath("missing.an2")}).code, 1);
        QCOMPARE(umbralctl({"inspect"}).code, 2);
        QCOMPARE(umbralctl({"inspect", out.fileName(), "--no-images", "--images", "x"}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestInspectCommand)
#include "tst_inspect_command.moc"
