// Migrations: each one from an empty database and from the version before it; refusing a newer
// database; and a database at every earlier version opens and migrates forward with its data.
#include "storage/migrations.h"
#include "storage/sqlite_database.h"
#include "app/core/errors.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace umbral;
using namespace umbral::storage;

class TestMigrations : public QObject {
    Q_OBJECT

    static QStringList tables(Database& db) {
        Statement s = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table','index','trigger') "
                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name");
        QStringList out;
        while (s.step())
            out << s.text(0);
        return out;
    }

private slots:
    void fromEmpty_data() {
        QTest::addColumn<int>("target");
        for (const Migration& m : migrations())
            QTest::newRow(qPrintable(QStringLiteral("empty -> v%1").arg(m.version))) << m.version;
    }
    void fromEmpty() {
        QFETCH(int, target);
        QTemporaryDir dir;
        Database db(dir.filePath("t.db"), Database::Mode::ReadWriteCreate);
        QCOMPARE(schemaVersion(db), 0);
        const auto applied = migrate(db, target);
        QCOMPARE(int(applied.size()), target);
        QCOMPARE(schemaVersion(db), target);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        QVERIFY(tables(db).contains("audit_log"));
    }

    void fromPrevious_data() {
        QTest::addColumn<int>("target");
        for (const Migration& m : migrations())
            if (m.version > 1)
                QTest::newRow(qPrintable(QStringLiteral("v%1 -> v%2").arg(m.version - 1).arg(m.version))) << m.version;
    }
    void fromPrevious() {
        QFETCH(int, target);
        QTemporaryDir dir;
        const QString path = dir.filePath("t.db");
        {
            Database db(path, Database::Mode::ReadWriteCreate);
            migrate(db, target - 1);
            // Data written at the older version must survive the step.
            db.exec("INSERT INTO users(name, display_name, role, password_hash, created_at) "
                    "VALUES ('u1', 'U One', 'officer', 'x', '2026-01-01T00:00:00Z')");
            db.exec("INSERT INTO encounters(id, lane, officer_id, officer_name, created_at, traveler_sealed) "
                    "VALUES ('e1', 'L1', 1, 'u1', '2026-01-01T00:00:00Z', x'00')");
            db.exec("INSERT INTO outbound_queue(encounter_id, tcn, state, created_at, updated_at) "
                    "VALUES ('e1', 'T1', 'pending', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        }
        Database db(path, Database::Mode::ReadWrite);
        QCOMPARE(schemaVersion(db), target - 1);
        const auto applied = migrate(db);
        QCOMPARE(applied.front(), target);
        QCOMPARE(schemaVersion(db), latestSchemaVersion());
        QCOMPARE(db.scalarInt("SELECT count(*) FROM users"), 1);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM outbound_queue WHERE state = 'pending'"), 1);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        QCOMPARE(db.scalarInt("PRAGMA foreign_key_check"), 0);
    }

    void secondRunIsANoOp() {
        QTemporaryDir dir;
        Database db(dir.filePath("t.db"), Database::Mode::ReadWriteCreate);
        migrate(db);
        const QStringList before = tables(db);
        QVERIFY(migrate(db).empty());
        QCOMPARE(tables(db), before);
    }

    void refusesNewerDatabase() {
        QTemporaryDir dir;
        Database db(dir.filePath("t.db"), Database::Mode::ReadWriteCreate);
        migrate(db);
        db.exec(QStringLiteral("PRAGMA user_version=%1").arg(latestSchemaVersion() + 1).toUtf8().constData());
        try {
            migrate(db);
            QFAIL("a newer schema must be refused");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Conflict);
            QVERIFY(e.message().contains("newer"));
        }
    }

    void versionsAreContiguous() {
        int expected = 1;
        for (const Migration& m : migrations())
            QCOMPARE(m.version, expected++);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
