// The audit chain: triggers refuse UPDATE and DELETE; verify finds an edited, a deleted, a
// reordered and a cut-off row (the test drops the triggers through its own connection).
#include "../../common/temp_station.h"
#include "app/core/errors.h"

#include <QtTest>

using namespace umbral;
using namespace umbral::storage;

class TestAuditChain : public QObject {
    Q_OBJECT

    static void fill(StationStore& store, int rows) {
        Transaction tx(store.db());
        for (int i = 0; i < rows; ++i)
            store.audit().append(QStringLiteral("officer%1").arg(i % 3), QStringLiteral("encounter.submit"),
                                 QStringLiteral("enc-%1").arg(i), QStringLiteral("12 captures"));
        tx.commit();
    }

    // Damage through a separate raw connection, as an attacker with file access would.
    static void tamper(const QString& dbFile, const char* sql) {
        Database raw(dbFile, Database::Mode::ReadWrite);
        raw.exec("DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;");
        raw.exec(sql);
    }

private slots:
    void intactChainVerifies() {
        testing::TempStation st;
        StationStore& store = st.open();
        fill(store, 20);
        const auto v = store.audit().verify();
        QVERIFY2(v.ok, qPrintable(v.problem));
        QCOMPARE(v.rowsChecked, 21); // + station.init
        const auto rows = store.audit().list(0, 5);
        QCOMPARE(int(rows.size()), 5);
        QCOMPARE(rows[0].action, QStringLiteral("station.init"));
        QCOMPARE(rows[1].actor, QStringLiteral("officer0"));
    }

    void triggersRefuseChanges_data() {
        QTest::addColumn<QString>("sql");
        QTest::newRow("update") << "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2";
        QTest::newRow("delete") << "DELETE FROM audit_log WHERE seq = 2";
    }
    void triggersRefuseChanges() {
        QFETCH(QString, sql);
        testing::TempStation st;
        StationStore& store = st.open();
        fill(store, 3);
        QVERIFY_THROWS_EXCEPTION(Error, store.db().exec(sql.toUtf8().constData()));
        QVERIFY(store.audit().verify().ok);
    }

    void damageIsFound_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("firstBroken");
        QTest::newRow("edited detail") << "UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 5" << qint64(5);
        QTest::newRow("edited actor") << "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 8" << qint64(8);
        QTest::newRow("deleted row") << "DELETE FROM audit_log WHERE seq = 6" << qint64(7);
        QTest::newRow("reordered rows")
            << "UPDATE audit_log SET seq = -1 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 5; "
               "UPDATE audit_log SET seq = 5 WHERE seq = -1;"
            << qint64(4);
        QTest::newRow("last rows cut off") << "DELETE FROM audit_log WHERE seq > 9" << qint64(10);
        QTest::newRow("row inserted")
            << "UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 3; "
               "INSERT INTO audit_log SELECT 3, at, actor, 'user.add', subject, detail, prev_hash, hash FROM audit_log WHERE seq = 1003; "
               "UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1003;"
            << qint64(3);
    }
    void damageIsFound() {
        QFETCH(QString, sql);
        QFETCH(qint64, firstBroken);
        testing::TempStation st;
        st.open();
        fill(*st.store, 10);
        st.close();
        tamper(st.paths.databaseFile(), sql.toUtf8().constData());
        StationStore& store = st.open(StationStore::Open::ExistingOnly);
        const auto v = store.audit().verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBrokenSeq, firstBroken);
        QVERIFY(!v.problem.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_audit_chain.moc"
