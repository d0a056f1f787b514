// umbralctl as scripts use it: exit codes (0 ok, 1 failure, 2 usage), --json output, passwords
// from standard input, and bad input (unknown options, a corrupt database, a missing key file, a
// read-only data directory) each with a clear message and nothing overwritten.
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

class TestUmbralctl : public QObject {
    Q_OBJECT

    struct Result {
        int code;
        QString out;
        QString err;
    };

    QTemporaryDir root_;
    QString data_, config_;

    Result run(const QStringList& args, const QByteArray& input = {}, const QStringList& prefix = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("UMBRAL_DATA_DIR", data_);
        env.insert("UMBRAL_CONFIG_DIR", config_);
        p.setProcessEnvironment(env);
        if (prefix.isEmpty()) {
            p.start(UMBRALCTL, args);
        } else {
            p.start(prefix.first(), prefix.mid(1) + QStringList{UMBRALCTL} + args);
        }
        p.waitForStarted();
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    static QByteArray digest(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
    }

private slots:
    void init() {
        data_ = root_.filePath(QString("data-%1").arg(QTest::currentTestFunction()));
        config_ = root_.filePath(QString("config-%1").arg(QTest::currentTestFunction()));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"frobnicate"};
        QTest::newRow("unknown option") << QStringList{"queue", "list", "--bogus"};
        QTest::newRow("missing sub-command") << QStringList{"db"};
        QTest::newRow("unknown sub-command") << QStringList{"audit", "erase"};
        QTest::newRow("enroll without --synthetic") << QStringList{"enroll", "--count", "2"};
        QTest::newRow("bad count") << QStringList{"enroll", "--synthetic", "--count", "many"};
        QTest::newRow("user add without role") << QStringList{"user", "add", "bob"};
        QTest::newRow("data dir without value") << QStringList{"db", "check", "--data-dir"};
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        const Result r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFile::exists(data_ + "/umbral.db"));
    }

    void endToEnd() {
        QCOMPARE(run({"db", "init"}).code, 0);
        QVERIFY(run({"db", "init"}).out.contains("nothing changed"));
        Result r = run({"user", "add", "maria", "--role", "supervisor", "--display-name", "Maria R"}, "a-good-password\n");
        QCOMPARE(r.code, 0);
        r = run({"user", "add", "maria", "--role", "officer"}, "a-good-password\n");
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("already exists"));
        r = run({"user", "add", "pedro", "--role", "officer"}, "");
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("standard input"));
        r = run({"user", "list", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonArray users = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users[0].toObject()["role"].toString(), QString("supervisor"));
        QCOMPARE(run({"user", "lock", "maria"}).code, 0);
        QVERIFY(run({"user", "list"}).out.contains("locked"));
        QCOMPARE(run({"user", "lock", "nobody"}).code, 1);

        r = run({"enroll", "--synthetic", "--count", "3"});
        QCOMPARE(r.code, 0);
        const QStringList committed = r.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(committed.size(), 3);
        for (const QString& line : committed)
            QVERIFY(QRegularExpression("^committed [0-9a-f-]{36}$").match(line).hasMatch());

        r = run({"queue", "list", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonArray queue = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(queue.size(), 3);
        for (const auto& item : queue) {
            QCOMPARE(item.toObject()["state"].toString(), QString("pending"));
            QVERIFY(committed.join('\n').contains(item.toObject()["encounter_id"].toString()));
        }
        QCOMPARE(run({"--json", "queue", "list", "--state", "acknowledged"}).out.trimmed(), QString("[\n]"));

        r = run({"audit", "list", "--json"});
        const QJsonArray audit = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QStringList actions;
        for (const auto& row : audit)
            actions << row.toObject()["action"].toString();
        QVERIFY(actions.contains("user.add"));
        QVERIFY(actions.contains("user.lock"));
        QCOMPARE(actions.count("encounter.submit"), 3);
        r = run({"audit", "verify"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("audit log ok"));
        r = run({"db", "check", "--json"});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())["integrity"].toString(), QString("ok"));
        QVERIFY(run({"db", "migrate"}).out.contains("current"));
    }

    void exportAndSendToMedium() {
        QCOMPARE(run({"db", "init"}).code, 0);
        Result r = run({"enroll", "--synthetic", "--count", "2"});
        QCOMPARE(r.code, 0);
        const QString id = r.out.split('\n').first().section(' ', 1);
        const QString an2 = root_.filePath("export-one.an2");
        r = run({"export", "--encounter", id, "--out", an2});
        QCOMPARE(r.code, 0);
        r = run({"inspect", an2, "--no-images"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("1.009 TCN"));
        QCOMPARE(r.out.count("Type-14"), 10);
        QCOMPARE(run({"export", "--encounter", "nope", "--out", an2}).code, 1);
        QCOMPARE(run({"export", "--out", an2}).code, 2);

        const QString medium = root_.filePath("medium");
        QDir().mkpath(medium);
        r = run({"queue", "send", "--export-dir", medium});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("acknowledged 2"));
        QCOMPARE(QDir(medium).entryList({"*.an2"}).size(), 2);
        r = run({"queue", "list", "--json"});
        for (const auto& item : QJsonDocument::fromJson(r.out.toUtf8()).array())
            QCOMPARE(item.toObject()["state"].toString(), QString("acknowledged"));
        QCOMPARE(run({"queue", "send"}).code, 2); // neither endpoint nor medium
    }

    void commandsBeforeInit() {
        const Result r = run({"queue", "list"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("db init"));
        QVERIFY(!QFile::exists(data_ + "/umbral.db"));
    }

    void corruptDatabase() {
        QDir().mkpath(data_);
        QFile f(data_ + "/umbral.db");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'Z'));
        f.close();
        const QByteArray before = digest(f.fileName());
        for (const QStringList& args : {QStringList{"db", "check"}, QStringList{"db", "init"},
                                        QStringList{"enroll", "--synthetic", "--count", "1"}}) {
            const Result r = run(args);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains("not a database") || r.err.contains("corrupt"), qPrintable(r.err));
        }
        QCOMPARE(digest(f.fileName()), before);
    }

    void missingKeyFile() {
        QCOMPARE(run({"db", "init"}).code, 0);
        const QStringList keys = QDir(config_ + "/keys").entryList(QDir::Files);
        QCOMPARE(keys.size(), 1);
        QVERIFY(QFile::remove(config_ + "/keys/" + keys.first()));
        const QByteArray before = digest(data_ + "/umbral.db");
        for (const QStringList& args : {QStringList{"db", "init"}, QStringList{"queue", "list"}}) {
            const Result r = run(args);
            QCOMPARE(r.code, 1);
            QVERIFY(r.err.contains("key file"));
            QVERIFY(r.err.contains("missing"));
        }
        QVERIFY(QDir(config_ + "/keys").entryList(QDir::Files).isEmpty());
        QCOMPARE(digest(data_ + "/umbral.db"), before);
    }

    void readOnlyDataDirectory() {
        QCOMPARE(run({"db", "init"}).code, 0);
        // root ignores directory permissions: run the command as an unprivileged user then.
        QStringList prefix;
        if (::geteuid() == 0) {
            prefix = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
            // The unprivileged user must be able to read the key and the database, not write.
            QVERIFY(QProcess::execute("chown", {"-R", "65534:65534", root_.path()}) == 0);
        }
        QVERIFY(QFile::setPermissions(data_, QFile::ReadOwner | QFile::ExeOwner));
        const Result r = run({"enroll", "--synthetic", "--count", "1"}, {}, prefix);
        QFile::setPermissions(data_, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("read-only"), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUmbralctl)
#include "tst_umbralctl.moc"
