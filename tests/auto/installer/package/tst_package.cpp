// The Debian package builds (CPack, with dpkg-shlibdeps) and contains what an agency needs:
// both programs, the desktop entry, AppStream metadata, the icon, and dependencies that include
// the run-time plugins shlibdeps cannot see.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestPackage : public QObject {
    Q_OBJECT

    QTemporaryDir out_;
    QString deb_;

    static QString run(const QString& program, const QStringList& args, int* code = nullptr) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        p.waitForFinished(300000);
        if (code)
            *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return QString::fromUtf8(p.readAll());
    }

private slots:
    void initTestCase() {
        int code = -1;
        const QString log = run("cpack", {"--config", CPACK_CONFIG, "-G", "DEB", "-B", out_.path()}, &code);
        QVERIFY2(code == 0, qPrintable(log));
        const QStringList debs = QDir(out_.path()).entryList({"umbral_*.deb"});
        QCOMPARE(debs.size(), 1);
        deb_ = out_.filePath(debs.first());
    }

    void control() {
        const QString info = run("dpkg-deb", {"--info", deb_});
        QVERIFY(info.contains("Package: umbral"));
        QVERIFY(info.contains("Architecture: amd64"));
        const QString depends = info.section("Depends:", 1).section('\n', 0, 0);
        for (const char* dep : {"libqt6gui6", "libqt6widgets6", "libqt6network6", "libssl3", "libopencv-core406",
                                "libsqlite3-0", "libsodium23", "fonts-dejavu-core"})
            QVERIFY2(depends.contains(dep), dep);
    }

    void contents_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("desktop program") << "./usr/bin/umbral";
        QTest::newRow("command line") << "./usr/bin/umbralctl";
        QTest::newRow("desktop entry") << "./usr/share/applications/org.umbral.Station.desktop";
        QTest::newRow("AppStream") << "./usr/share/metainfo/org.umbral.Station.metainfo.xml";
        QTest::newRow("icon") << "./usr/share/icons/hicolor/scalable/apps/org.umbral.Station.svg";
        QTest::newRow("udev rule (scanner access)") << "./usr/lib/udev/rules.d/70-umbral-scanners.rules";
    }
    void contents() {
        QFETCH(QString, path);
        const QString listing = run("dpkg-deb", {"--contents", deb_});
        QVERIFY2(listing.contains(" " + path + "\n"), qPrintable(path));
        QVERIFY(!listing.contains("systemd"));
    }

    void programsAreStripped() {
        QTemporaryDir x;
        int code = -1;
        run("dpkg-deb", {"-x", deb_, x.path()}, &code);
        QCOMPARE(code, 0);
        const QString file = run("file", {x.filePath("usr/bin/umbralctl")});
        QVERIFY2(file.contains("stripped") && !file.contains("not stripped"), qPrintable(file));
        // The packaged command line runs.
        const QString version = run(x.filePath("usr/bin/umbralctl"), {"--version"}, &code);
        QCOMPARE(code, 0);
        QVERIFY(version.startsWith("umbralctl "));
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
