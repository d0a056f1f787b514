// A submitted encounter becomes one ANSI/NIST-ITL transaction: the queue's TCN in 1.009, the
// traveler in the Type-2 profile (transliterated as an MRZ writes names), one Type-14 per finger
// whose WSQ image decodes to the captured size and looks like the capture, one Type-17 per iris,
// a missing finger of a slap in 14.018; exporting is an audited, administrator-only access.
#include "../../common/temp_station.h"
#include "app/core/errors.h"
#include "app/enrollment/enrollment_service.h"
#include "app/enrollment/synthetic_encounter.h"
#include "app/interchange/an2k_images.h"
#include "app/interchange/an2k_io.h"
#include "app/interchange/an2k_type2_profile.h"
#include "app/sync/encounter_transaction.h"
#include "app/sync/export_service.h"

#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace umbral;
namespace ix = umbral::interchange;

class TestEncounterExport : public QObject {
    Q_OBJECT

    static const ix::Field* field(const ix::Record& r, int number) {
        for (const ix::Field& f : r.fields)
            if (f.number == number)
                return &f;
        return nullptr;
    }

private slots:
    void transliteration_data() {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("accents") << "José María" << "JOSE MARIA";
        QTest::newRow("eñe") << "Núñez" << "NUNEZ";
        QTest::newRow("umlaut, eszett") << "Müller-Weiß" << "MULLER-WEISS";
        QTest::newRow("ligature, slashed o") << "Ærø" << "AERO";
        QTest::newRow("MRZ filler and comma") << "DE<LA<CRUZ, ANA" << "DE LA CRUZ ANA";
        QTest::newRow("apostrophe kept") << "O'Brien" << "O'BRIEN";
    }
    void transliteration() {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(sync::transliterateToAscii(in), out);
    }

    void encounterRoundTrip() {
        testing::TempStation st;
        auto& store = st.open();
        Encounter e = enrollment::makeSyntheticEncounter(5, "LANE-02");
        e.traveler.surname = QStringLiteral("Núñez de la Peña");
        e.traveler.givenNames = QStringLiteral("José");
        e.traveler.dateOfBirth = QStringLiteral("1980-05");
        enrollment::EnrollmentService(store).submit(Actor{0, "cli:t", Role::Officer}, e);
        const Actor admin{0, "cli:admin", Role::Administrator};
        const QByteArray bytes = sync::exportEncounter(store, admin, e.id, sync::TransactionParties{});
        QCOMPARE(store.audit().list().back().action, QStringLiteral("encounter.export"));

        const ix::Transaction t = ix::readTransaction(std::span(reinterpret_cast<const std::uint8_t*>(bytes.constData()), size_t(bytes.size())));
        const QString tcn = store.queue().findByEncounter(e.id)->tcn;
        QCOMPARE(QString::fromStdString(field(t.records[0], 9)->value), tcn);
        const ix::BiographicData bio = ix::parseType2Record(t.records[1]);
        QCOMPARE(QString::fromStdString(bio.surname), QStringLiteral("NUNEZ DE LA PENA"));
        QCOMPARE(QString::fromStdString(bio.givenNames), QStringLiteral("JOSE"));
        QCOMPARE(QString::fromStdString(bio.dateOfBirth), QStringLiteral("19800500"));
        QCOMPARE(QString::fromStdString(bio.document.number), normalizeDocumentNumber(e.traveler.document.number));

        int fingers = 0, irises = 0;
        for (size_t i = 2; i < t.records.size(); ++i) {
            const ix::Record& r = t.records[i];
            if (r.type == 14) {
                const int fgp = std::stoi(field(r, 13)->value);
                const Capture* capture = nullptr;
                for (const Capture& c : e.captures)
                    if (c.modality == Modality::Finger && int(c.finger) == fgp)
                        capture = &c;
                QVERIFY(capture);
                const cv::Mat decoded = ix::decodeRecordImage(r);
                const cv::Mat original = cv::imdecode(std::vector<uchar>(capture->image.begin(), capture->image.end()), cv::IMREAD_GRAYSCALE);
                QCOMPARE(decoded.cols, original.cols);
                QCOMPARE(decoded.rows, original.rows);
                // WSQ is lossy: close, not equal.
                cv::Mat diff;
                cv::absdiff(decoded, original, diff);
                QVERIFY2(cv::mean(diff)[0] < 12.0, qPrintable(QString::number(cv::mean(diff)[0])));
                ++fingers;
            } else if (r.type == 17) {
                QCOMPARE(ix::decodeRecordImage(r).size(), cv::Size(640, 480));
                ++irises;
            }
        }
        QCOMPARE(fingers, 10);
        QCOMPARE(irises, 2);
    }

    void officerMayNotExport() {
        testing::TempStation st;
        auto& store = st.open();
        Encounter e = enrollment::makeSyntheticEncounter(5, "LANE-02");
        enrollment::EnrollmentService(store).submit(Actor{0, "cli:t", Role::Officer}, e);
        try {
            sync::exportEncounter(store, Actor{0, "officer1", Role::Officer}, e.id, {});
            QFAIL("an officer must not export");
        } catch (const Error& err) {
            QCOMPARE(err.code(), ErrorCode::PermissionDenied);
        }
        QVERIFY_THROWS_EXCEPTION(Error, sync::exportEncounter(store, Actor{0, "a", Role::Administrator}, "no-such-id", {}));
    }
};

QTEST_GUILESS_MAIN(TestEncounterExport)
#include "tst_encounter_export.moc"
