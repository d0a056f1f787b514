// Opening a station: bad input gets a clear error and nothing is overwritten: a corrupt or
// foreign database file, a missing key file (never a new key over an existing database), a key
// file of another station, a key file readable by others, the key inside the data directory.
#include "../../common/temp_station.h"
#include "app/core/errors.h"

#include <QCryptographicHash>
#include <QDir>
#include <QtTest>

using namespace umbral;
using namespace umbral::storage;

class TestStationStore : public QObject {
    Q_OBJECT

    static QByteArray digest(const QString& path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
    static QStringList keyFiles(const StationPaths& p) {
        return QDir(p.configDir + "/keys").entryList(QDir::Files);
    }
    static Error openError(const StationPaths& p, StationStore::Open mode = StationStore::Open::ExistingOnly) {
        try {
            StationStore s(p, mode, StationStore::Schema::MigrateForward);
        } catch (const Error& e) {
            return e;
        }
        return Error(ErrorCode::Internal, "no error");
    }

private slots:
    void createsDatabaseAndKeyApart() {
        testing::TempStation st;
        StationStore& s = st.open();
        QVERIFY(s.createdNow());
        QVERIFY(QFile::exists(st.paths.databaseFile()));
        QCOMPARE(keyFiles(st.paths).size(), 1);
        QCOMPARE(QFile(st.paths.keyFileFor(s.databaseId())).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        st.close();
        StationStore& again = st.open(StationStore::Open::ExistingOnly);
        QVERIFY(!again.createdNow());
    }

    void missingDatabaseWithoutCreate() {
        testing::TempStation st;
        const Error e = openError(st.paths);
        QCOMPARE(e.code(), ErrorCode::NotFound);
        QVERIFY(e.message().contains("db init"));
        QVERIFY(!QFile::exists(st.paths.databaseFile()));
    }

    void corruptFileIsRefusedAndKept_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("random bytes") << QByteArray(8192, '\x5a');
        QTest::newRow("text file") << QByteArray("this is not a database\n");
        QByteArray header("SQLite format 3\0", 16);
        QTest::newRow("truncated sqlite header") << header + QByteArray(84, '\xff');
    }
    void corruptFileIsRefusedAndKept() {
        QFETCH(QByteArray, content);
        testing::TempStation st;
        QDir().mkpath(st.paths.dataDir);
        QFile f(st.paths.databaseFile());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const QByteArray before = digest(st.paths.databaseFile());
        for (auto mode : {StationStore::Open::ExistingOnly, StationStore::Open::CreateIfMissing}) {
            const Error e = openError(st.paths, mode);
            QVERIFY2(e.code() == ErrorCode::CorruptData || e.code() == ErrorCode::StorageFailure, e.what());
            QVERIFY(e.message().contains(st.paths.databaseFile()) || e.message().contains("database"));
        }
        QCOMPARE(digest(st.paths.databaseFile()), before);
        QVERIFY(keyFiles(st.paths).isEmpty());
    }

    void foreignSqliteDatabaseIsRefused() {
        testing::TempStation st;
        QDir().mkpath(st.paths.dataDir);
        {
            Database other(st.paths.databaseFile(), Database::Mode::ReadWriteCreate);
            other.exec("CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('keep me');");
        }
        const QByteArray before = digest(st.paths.databaseFile());
        const Error e = openError(st.paths, StationStore::Open::CreateIfMissing);
        QCOMPARE(e.code(), ErrorCode::CorruptData);
        QVERIFY(e.message().contains("not an Umbral station database"));
        QCOMPARE(digest(st.paths.databaseFile()), before);
    }

    void missingKeyNeverReplaced() {
        testing::TempStation st;
        const QString id = st.open().databaseId();
        st.close();
        const QString keyFile = st.paths.keyFileFor(id);
        QVERIFY(QFile::rename(keyFile, keyFile + ".bak"));
        const QByteArray before = digest(st.paths.databaseFile());
        for (auto mode : {StationStore::Open::ExistingOnly, StationStore::Open::CreateIfMissing}) {
            const Error e = openError(st.paths, mode);
            QCOMPARE(e.code(), ErrorCode::KeyFailure);
            QVERIFY(e.message().contains("missing"));
            QVERIFY(!QFile::exists(keyFile));
        }
        QCOMPARE(digest(st.paths.databaseFile()), before);
        QVERIFY(QFile::rename(keyFile + ".bak", keyFile));
        QVERIFY(st.open(StationStore::Open::ExistingOnly).encounters().count() == 0);
    }

    void wrongKeyIsRefused() {
        testing::TempStation a, b;
        const QString idA = a.open().databaseId();
        const QString idB = b.open().databaseId();
        a.close();
        b.close();
        // Put station B's key where station A's belongs.
        QFile::remove(a.paths.keyFileFor(idA));
        QVERIFY(QFile::copy(b.paths.keyFileFor(idB), a.paths.keyFileFor(idA)));
        QFile::setPermissions(a.paths.keyFileFor(idA), QFile::ReadOwner | QFile::WriteOwner);
        const Error e = openError(a.paths);
        QCOMPARE(e.code(), ErrorCode::KeyFailure);
        QVERIFY(e.message().contains("does not belong"));
    }

    void keyReadableByOthersIsRefused() {
        testing::TempStation st;
        const QString id = st.open().databaseId();
        st.close();
        QFile::setPermissions(st.paths.keyFileFor(id), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        const Error e = openError(st.paths);
        QCOMPARE(e.code(), ErrorCode::KeyFailure);
        QVERIFY(e.message().contains("chmod 600"));
    }

    void keyInsideDataDirectoryIsRefused() {
        testing::TempStation st;
        st.paths.configDir = st.paths.dataDir + "/conf";
        const Error e = openError(st.paths, StationStore::Open::CreateIfMissing);
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        QVERIFY(!QFile::exists(st.paths.databaseFile()));
    }
};

QTEST_GUILESS_MAIN(TestStationStore)
#include "tst_station_store.moc"
