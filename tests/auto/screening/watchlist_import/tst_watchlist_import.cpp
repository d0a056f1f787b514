// Importing signed watchlist packages: a full package lands in one transaction with progress and
// sealed personal data; a delta applies on its base; and every refusal (one byte changed
// anywhere, an unknown key, the demo key on a real station, expired, older version, wrong delta
// base, a malformed entry halfway) leaves the watchlist exactly as it was, with the refusal in
// the audit log.
#include "app/screening/watchlist_service.h"
#include "tests/auto/common/temp_station.h"
#include "tests/auto/screening/common/package_files.h"

#include <QCryptographicHash>
#include <sodium.h>
#include <QtTest>

using namespace umbral;
using namespace umbral::screening;
using namespace umbral::testing;

class TestWatchlistImport : public QObject {
    Q_OBJECT

    const Actor admin{0, QStringLiteral("cli:test-admin"), Role::Administrator};
    QTemporaryDir files_;

    // A digest of everything the watchlist holds: packages, entries (sealed blobs included),
    // documents and samples.
    static QByteArray watchlistDigest(storage::Database& db) {
        QCryptographicHash h(QCryptographicHash::Sha256);
        for (const char* sql : {"SELECT id, list_id, version, kind, issuer, key_id, entry_count, file_sha256 FROM watchlist_packages ORDER BY id",
                                "SELECT id, list_id, entry_id, category, severity, package_version, biographic_sealed FROM watchlist_entries ORDER BY id",
                                "SELECT entry_ref, doc_hash FROM watchlist_documents ORDER BY entry_ref, doc_hash",
                                "SELECT id, entry_ref, ordinal, modality, position, format, data_sealed FROM watchlist_biometrics ORDER BY id"}) {
            storage::Statement s = db.prepare(sql);
            while (s.step())
                for (int c = 0; c < 8; ++c)
                    h.addData(s.blob(c) + '|');
        }
        return h.result();
    }

    ScreeningSettings trusting(const SigningKey& key, bool demo = false) {
        ScreeningSettings s;
        s.trustedKeys << QStringLiteral("test-issuer:") + key.publicKey().hex();
        s.demoMode = demo;
        return s;
    }

    std::vector<PackageRecord> people(int n, int first = 0) {
        std::vector<PackageRecord> out;
        for (int i = first; i < first + n; ++i) {
            WatchlistEntry e = person(QStringLiteral("E%1").arg(i), QStringLiteral("GARCÍA LÓPEZ, MARÍA %1").arg(i),
                                      QStringLiteral("1970-02-%1").arg(1 + i % 28, 2, 10, QLatin1Char('0')),
                                      QStringLiteral("P%1").arg(1000000 + i));
            e.fingers.push_back({FingerPosition::RightIndex, inventedFingerTemplate(unsigned(i), 2), true, 500});
            e.irises.push_back({IrisSide::Left, inventedIrisCode(unsigned(i)), true});
            out.push_back(upsert(e));
        }
        return out;
    }

    QString path(const QString& name) { return files_.filePath(name); }

    // Signs raw package content the way PackageWriter does (Ed25519ph) and appends the block.
    static void writeSigned(const QString& file, const QByteArray& body, const SigningKey& key) {
        crypto_sign_state st;
        crypto_sign_init(&st);
        crypto_sign_update(&st, reinterpret_cast<const unsigned char*>(body.constData()), static_cast<unsigned long long>(body.size()));
        unsigned char sig[crypto_sign_BYTES];
        crypto_sign_final_create(&st, sig, nullptr, key.secret());
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(body);
        f.write("SIG1");
        f.write(reinterpret_cast<const char*>(key.publicKey().bytes.data()), 32);
        f.write(reinterpret_cast<const char*>(sig), sizeof sig);
    }

    void expectRefusal(TempStation& st, WatchlistService& service, const QString& file, PackageProblem problem) {
        const QByteArray before = watchlistDigest(st.store->db());
        const qint64 auditBefore = st.store->audit().list().size();
        try {
            service.import(admin, file);
            QFAIL("the package must be refused");
        } catch (const PackageRefused& r) {
            QCOMPARE(toKey(r.problem()), toKey(problem));
        }
        QCOMPARE(watchlistDigest(st.store->db()), before);
        const auto audit = st.store->audit().list();
        QCOMPARE(qint64(audit.size()), auditBefore + 1);
        QCOMPARE(audit.back().action, QStringLiteral("watchlist.import.refused"));
        QCOMPARE(audit.back().detail, toKey(problem));
        QVERIFY(st.store->audit().verify().ok);
    }

private slots:
    void fullImportWithProgressAndSealing() {
        TempStation st;
        st.open();
        const SigningKey key = SigningKey::generate();
        WatchlistService service(*st.store, trusting(key));
        writePackage(path("full.uwl"), packageHeader("KST", 3, 250), people(250), key);
        std::vector<std::pair<qint64, qint64>> steps;
        const ImportResult r = service.import(admin, path("full.uwl"), [&](qint64 d, qint64 t) { steps.emplace_back(d, t); });
        QCOMPARE(r.listId, QStringLiteral("KST"));
        QCOMPARE(r.version, 3);
        QCOMPARE(r.upserts, 250);
        QCOMPARE(r.entriesInList, 250);
        QCOMPARE(r.signer, QStringLiteral("test-issuer"));
        QVERIFY(steps.size() >= 3);
        QCOMPARE(steps.front().first, 0);
        QCOMPARE(steps.back(), std::make_pair(qint64(250), qint64(250)));
        QVERIFY(std::is_sorted(steps.begin(), steps.end()));

        // Read back, unsealed.
        const auto e = st.store->watchlist().load("KST", "E7", true);
        QVERIFY(e);
        QCOMPARE(e->entry.names.first(), QStringLiteral("GARCÍA LÓPEZ, MARÍA 7"));
        QCOMPARE(e->entry.fingers.size(), std::size_t(1));
        QCOMPARE(e->entry.fingers[0].data, inventedFingerTemplate(7, 2));
        QCOMPARE(e->entry.irises[0].data, inventedIrisCode(7));
        QCOMPARE(st.store->watchlist().findByDocumentNumber("p-1000007").size(), std::size_t(1));
        const auto pkgs = service.packages(admin);
        QCOMPARE(pkgs.size(), std::size_t(1));
        QCOMPARE(pkgs[0].keyId, key.publicKey().hex());
        QCOMPARE(pkgs[0].importedBy, admin.name);

        // Nothing personal in the database file or the audit log.
        st.store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        QFile db(st.paths.databaseFile());
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray raw = db.readAll();
        for (const char* secret : {"MAR\xc3\x8d" "A 7", "P1000007", "1000007", "Detain"})
            QVERIFY2(!raw.contains(secret), secret);
        QVERIFY(!raw.contains(inventedFingerTemplate(7, 2).mid(24, 60)));
        QVERIFY(!raw.contains(inventedIrisCode(7).mid(20, 60)));
        for (const auto& a : st.store->audit().list())
            QVERIFY(!a.detail.contains("GARC") && !a.subject.contains("GARC"));
        QCOMPARE(st.store->audit().list().back().action, QStringLiteral("watchlist.import"));

        const StoredCheck check = service.verifyStored(admin);
        QVERIFY(check.ok);
        QCOMPARE(check.entries, 250);
        QCOMPARE(check.samples, 500);
    }

    void deltaAppliesOnItsBase() {
        TempStation st;
        st.open();
        const SigningKey key = SigningKey::generate();
        WatchlistService service(*st.store, trusting(key));
        writePackage(path("v1.uwl"), packageHeader("CRIM", 1, 10), people(10), key);
        service.import(admin, path("v1.uwl"));
        std::vector<PackageRecord> delta = people(2, 10);           // two new
        delta.push_back(removal("E3"));                             // one removed
        WatchlistEntry changed = person("E4", "NEW NAME, FOR E4");  // one replaced
        delta.push_back(upsert(changed));
        writePackage(path("v2.uwl"), packageHeader("CRIM", 2, qint64(delta.size()), PackageKind::Delta, 1), delta, key);
        const ImportResult r = service.import(admin, path("v2.uwl"));
        QCOMPARE(r.kind, PackageKind::Delta);
        QCOMPARE(r.previousVersion, 1);
        QCOMPARE(r.upserts, 3);
        QCOMPARE(r.removals, 1);
        QCOMPARE(r.entriesInList, 11);
        QVERIFY(!st.store->watchlist().load("CRIM", "E3"));
        QCOMPARE(st.store->watchlist().load("CRIM", "E4")->entry.names.first(), QStringLiteral("NEW NAME, FOR E4"));
        QCOMPARE(st.store->watchlist().load("CRIM", "E4")->packageVersion, 2);
        QCOMPARE(st.store->watchlist().load("CRIM", "E5")->packageVersion, 1);
        // A full package replaces the list.
        writePackage(path("v3.uwl"), packageHeader("CRIM", 3, 2), people(2, 100), key);
        QCOMPARE(service.import(admin, path("v3.uwl")).entriesInList, 2);
        QVERIFY(!st.store->watchlist().load("CRIM", "E5"));
    }

    void tamperedByteRefused_data() {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("problem");
        QTest::newRow("header") << "header" << "bad-signature";
        QTest::newRow("first record") << "first" << "bad-signature";
        QTest::newRow("middle") << "middle" << "bad-signature";
        QTest::newRow("end marker") << "end" << "bad-signature";
        QTest::newRow("signature") << "signature" << "bad-signature";
        QTest::newRow("public key") << "key" << "unknown-key";
    }
    void tamperedByteRefused() {
        QFETCH(QString, where);
        QFETCH(QString, problem);
        TempStation st;
        st.open();
        const SigningKey key = SigningKey::generate();
        WatchlistService service(*st.store, trusting(key));
        writePackage(path("base.uwl"), packageHeader("KST", 1, 5), people(5), key);
        service.import(admin, path("base.uwl"));
        const QString file = path("tampered-" + where + ".uwl");
        writePackage(file, packageHeader("KST", 2, 40), people(40), key);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        const qsizetype n = bytes.size();
        const qsizetype at = where == "header" ? 40 : where == "first" ? bytes.indexOf("GARC") + 1
                           : where == "middle" ? n / 2 : where == "end" ? n - 100 - 2 : where == "signature" ? n - 10 : n - 80;
        bytes[at] = char(bytes[at] ^ 0x01); // one bit of one byte
        f.seek(0);
        f.write(bytes);
        f.close();
        PackageProblem expected = problem == "unknown-key" ? PackageProblem::UnknownKey : PackageProblem::BadSignature;
        expectRefusal(st, service, file, expected);
        QCOMPARE(st.store->watchlist().currentPackage("KST")->version, 1);
        QCOMPARE(st.store->watchlist().count(), 5);
    }

    void refusals_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown key") << "unknown-key" << "unknown-key";
        QTest::newRow("demo key on a real station") << "demo-key" << "unknown-key";
        QTest::newRow("expired") << "expired" << "expired";
        QTest::newRow("same version again") << "same-version" << "older-version";
        QTest::newRow("older version") << "older-version" << "older-version";
        QTest::newRow("delta on another base") << "wrong-base" << "wrong-base-version";
        QTest::newRow("malformed entry halfway") << "malformed-entry" << "malformed-entry";
        QTest::newRow("removal of an absent entry") << "absent-removal" << "malformed-entry";
        QTest::newRow("the same entry twice") << "duplicate" << "malformed-entry";
        QTest::newRow("a template that does not parse") << "bad-template" << "malformed-entry";
        QTest::newRow("an iris code that does not parse") << "bad-iris-code" << "malformed-entry";
        QTest::newRow("fewer records than announced") << "short" << "malformed";
        QTest::newRow("not a package") << "garbage" << "not-a-package";
    }
    void refusals() {
        QFETCH(QString, kind);
        QFETCH(QString, problem);
        TempStation st;
        st.open();
        const SigningKey key = SigningKey::generate();
        WatchlistService service(*st.store, trusting(key));
        writePackage(path("v5.uwl"), packageHeader("KST", 5, 20), people(20), key);
        service.import(admin, path("v5.uwl"));
        const QString file = path(kind + ".uwl");
        if (kind == "unknown-key") {
            writePackage(file, packageHeader("KST", 6, 3), people(3), SigningKey::generate());
        } else if (kind == "demo-key") {
            writePackage(file, packageHeader("KST", 6, 3), people(3), SigningKey::demo());
        } else if (kind == "expired") {
            PackageHeader h = packageHeader("KST", 6, 3);
            h.createdAt = QDateTime::currentDateTimeUtc().addDays(-40);
            h.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-60);
            writePackage(file, h, people(3), key);
        } else if (kind == "same-version") {
            writePackage(file, packageHeader("KST", 5, 3), people(3), key);
        } else if (kind == "older-version") {
            writePackage(file, packageHeader("KST", 4, 3), people(3), key);
        } else if (kind == "wrong-base") {
            writePackage(file, packageHeader("KST", 7, 1, PackageKind::Delta, 6), people(1), key);
        } else if (kind == "malformed-entry") {
            std::vector<PackageRecord> records = people(30);
            records[17].entry.severity = 9; // after 17 good entries were already written
            writePackage(file, packageHeader("KST", 6, 30), records, key);
        } else if (kind == "duplicate") {
            std::vector<PackageRecord> records = people(10);
            records[8].entry.id = records[2].entry.id;
            writePackage(file, packageHeader("KST", 6, 10), records, key);
        } else if (kind == "bad-template" || kind == "bad-iris-code") {
            std::vector<PackageRecord> records = people(10);
            if (kind == "bad-template")
                records[6].entry.fingers[0].data = inventedFingerTemplate(6, 2).left(40); // truncated
            else
                records[6].entry.irises[0].data = QByteArray(526, 'x');
            writePackage(file, packageHeader("KST", 6, 10), records, key);
        } else if (kind == "absent-removal") {
            std::vector<PackageRecord> records = people(3, 100);
            records.push_back(removal("NOT-THERE"));
            writePackage(file, packageHeader("KST", 6, 4, PackageKind::Delta, 5), records, key);
        } else if (kind == "short") {
            // A package whose signed header announces more records than it holds.
            writePackage(file, packageHeader("KST", 6, 3), people(3), key);
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray body = f.readAll();
            f.close();
            body.chop(100);
            const qsizetype p = body.indexOf("\"records\":3");
            QVERIFY(p > 0);
            body[p + 10] = '4';
            writeSigned(file, body, key);
        } else if (kind == "garbage") {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        expectRefusal(st, service, file, [&] {
            for (auto p : {PackageProblem::UnknownKey, PackageProblem::Expired, PackageProblem::OlderVersion, PackageProblem::WrongBase,
                           PackageProblem::MalformedEntry, PackageProblem::Malformed, PackageProblem::NotAPackage})
                if (toKey(p) == problem)
                    return p;
            return PackageProblem::Unreadable;
        }());
        QCOMPARE(st.store->watchlist().currentPackage("KST")->version, 5);
        QCOMPARE(st.store->watchlist().count(), 20);
    }

    void demoKeyOnADemoStation() {
        TempStation st;
        st.open();
        ScreeningSettings demo;
        demo.demoMode = true;
        WatchlistService service(*st.store, demo);
        writePackage(path("demo.uwl"), packageHeader("DEMO", 1, 4), people(4), SigningKey::demo());
        QCOMPARE(service.import(admin, path("demo.uwl")).signer, QStringLiteral("demo"));
    }

    void verifyChangesNothing() {
        TempStation st;
        st.open();
        const SigningKey key = SigningKey::generate();
        WatchlistService service(*st.store, trusting(key));
        writePackage(path("check.uwl"), packageHeader("KST", 1, 12), people(12), key);
        const QByteArray before = watchlistDigest(st.store->db());
        const PackageCheck ok = service.verifyPackage(admin, path("check.uwl"));
        QVERIFY(ok.importable);
        QCOMPARE(ok.records, 12);
        QCOMPARE(ok.header.listId, QStringLiteral("KST"));
        QCOMPARE(watchlistDigest(st.store->db()), before);
        writePackage(path("other.uwl"), packageHeader("KST", 1, 1), people(1), SigningKey::generate());
        const PackageCheck bad = service.verifyPackage(admin, path("other.uwl"));
        QVERIFY(!bad.importable);
        QCOMPARE(bad.problem, QStringLiteral("unknown-key"));
    }

    void onlyAdministratorsImport() {
        TempStation st;
        st.open();
        const SigningKey key = SigningKey::generate();
        WatchlistService service(*st.store, trusting(key));
        writePackage(path("roles.uwl"), packageHeader("KST", 1, 1), people(1), key);
        for (Role r : {Role::Officer, Role::Supervisor}) {
            try {
                service.import(Actor{0, "someone", r}, path("roles.uwl"));
                QFAIL("must be refused");
            } catch (const Error& e) {
                QCOMPARE(e.code(), ErrorCode::PermissionDenied);
            }
        }
        QCOMPARE(st.store->watchlist().count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWatchlistImport)
#include "tst_watchlist_import.moc"
