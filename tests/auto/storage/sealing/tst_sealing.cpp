// Sealing at rest: round trips, tamper detection, and a raw read of the database file (and its
// journal) finds none of the names, document numbers or image bytes that were written.
#include "../../common/temp_station.h"
#include "app/core/errors.h"
#include "app/enrollment/synthetic_encounter.h"
#include "storage/key_ring.h"

#include <QDirIterator>
#include <QtTest>

using namespace umbral;
using namespace umbral::storage;

class TestSealing : public QObject {
    Q_OBJECT

    static KeyRing ring(char fill) { return KeyRing::fromBytes(QByteArray(32, fill)); }

private slots:
    void roundTrip_data() {
        QTest::addColumn<QByteArray>("plain");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("one byte") << QByteArray("x");
        QTest::newRow("name") << QByteArray("NUÑEZ DE LA PEÑA, JOSÉ");
        QByteArray big(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < big.size(); ++i)
            big[i] = char(i * 7);
        QTest::newRow("1 MiB image") << big;
    }
    void roundTrip() {
        QFETCH(QByteArray, plain);
        const KeyRing k = ring('a');
        const QByteArray sealed = k.seal(plain, "ctx");
        QVERIFY(sealed.size() > plain.size());
        if (plain.size() > 4)
            QVERIFY(!sealed.contains(plain));
        QCOMPARE(k.unseal(sealed, "ctx"), plain);
        // Two seals of the same data differ (random nonce).
        QVERIFY(k.seal(plain, "ctx") != sealed);
    }

    void tamperDetected_data() {
        QTest::addColumn<QString>("damage");
        QTest::newRow("flipped byte in ciphertext") << "flip";
        QTest::newRow("flipped byte in nonce") << "nonce";
        QTest::newRow("truncated") << "truncate";
        QTest::newRow("other context (moved blob)") << "context";
        QTest::newRow("other key") << "key";
    }
    void tamperDetected() {
        QFETCH(QString, damage);
        const KeyRing k = ring('a');
        QByteArray sealed = k.seal("GARCIA LOPEZ, MARIA", "encounter:1:traveler");
        QByteArray context = "encounter:1:traveler";
        const KeyRing other = ring('b');
        const KeyRing* opener = &k;
        if (damage == "flip")
            sealed[sealed.size() - 20] = char(sealed[sealed.size() - 20] ^ 0x01);
        else if (damage == "nonce")
            sealed[3] = char(sealed[3] ^ 0x80);
        else if (damage == "truncate")
            sealed.chop(1);
        else if (damage == "context")
            context = "encounter:2:traveler";
        else
            opener = &other;
        try {
            opener->unseal(sealed, context);
            QFAIL("damaged sealed data must not open");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::KeyFailure);
        }
    }

    void lookupHashIsKeyed() {
        const KeyRing a = ring('a'), b = ring('b');
        QCOMPARE(a.lookupHash("X1234567"), a.lookupHash("X1234567"));
        QVERIFY(a.lookupHash("X1234567") != b.lookupHash("X1234567"));
        QVERIFY(a.lookupHash("X1234567") != a.lookupHash("X1234568"));
    }

    void databaseFileRevealsNoPersonalData() {
        testing::TempStation station;
        StationStore& store = station.open();
        QStringList secrets;
        QList<QByteArray> imageSamples;
        for (int i = 0; i < 3; ++i) {
            Encounter e = enrollment::makeSyntheticEncounter(100 + i, "LANE-07");
            e.traveler.surname = QStringLiteral("ZAPATERO%1").arg(i);
            e.traveler.givenNames = QStringLiteral("QUIRINO");
            e.officerName = QStringLiteral("officer1");
            e.traveler.document.number = QStringLiteral("ZX") + QString::number(i) + QStringLiteral("987654");
            e.traveler.document.mrz = QStringLiteral("P<UTOZAPATERO%1<<QUIRINO").arg(i);
            secrets << e.traveler.surname << e.traveler.document.number;
            imageSamples << e.captures.front().image.mid(200, 64); // past the PNG header
            Transaction tx(store.db());
            store.encounters().insert(e);
            tx.commit();
        }
        secrets << QStringLiteral("QUIRINO");
        // Look-up by document number works through the keyed hash.
        QCOMPARE(int(store.encounters().findByDocumentNumber("zx1-987654").size()), 1);
        // Read every file in the data directory while the database is open (WAL included) and
        // again after it is closed.
        for (int pass = 0; pass < 2; ++pass) {
            if (pass == 1)
                station.close();
            QDirIterator it(station.paths.dataDir, QDir::Files);
            int files = 0;
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray raw = f.readAll();
                ++files;
                for (const QString& s : secrets) {
                    QVERIFY2(!raw.contains(s.toUtf8()), qPrintable(s + " found in " + f.fileName()));
                    const QByteArray utf16(reinterpret_cast<const char*>(s.utf16()), s.size() * 2);
                    QVERIFY2(!raw.contains(utf16), qPrintable(s + " (UTF-16) found in " + f.fileName()));
                }
                for (const QByteArray& sample : imageSamples)
                    QVERIFY2(!raw.contains(sample), "image bytes found in the clear");
            }
            QVERIFY(files >= 1);
        }
        // And the data is all there for the key holder.
        StationStore& reopened = station.open(StationStore::Open::ExistingOnly);
        const auto list = reopened.encounters().list();
        QCOMPARE(int(list.size()), 3);
        const auto e = reopened.encounters().load(list.front().id);
        QVERIFY(e);
        QVERIFY(e->traveler.surname.startsWith("ZAPATERO"));
        QCOMPARE(int(e->captures.size()), 12);
        QVERIFY(e->captures.front().image.startsWith("\x89PNG"));
    }
};

QTEST_GUILESS_MAIN(TestSealing)
#include "tst_sealing.moc"
