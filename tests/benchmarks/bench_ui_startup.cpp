// Cold start of the desktop to its login window: the `umbral` executable is started as a new
// process (demo mode, a station in a temporary directory) and reports when the login window is
// painted for the first time (UMBRAL_REPORT_STARTUP); it then quits (UMBRAL_EXIT_AFTER_STARTUP).
// The first start also creates the demo station (database, key, demo users: Argon2id hashes);
// the following ones open it as a station does every morning.
//
//   bench_ui_startup [runs=10]
// Prints the wall time from process start to the first paint of the login window (as the
// parent measures it) and the time the process itself measured from main().
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

namespace {
double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 10;
    QTemporaryDir dir;
    std::vector<double> wall, inside;
    double first = 0, firstInside = 0;
    for (int i = 0; i <= runs; ++i) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("UMBRAL_REPORT_STARTUP", "1");
        env.insert("UMBRAL_EXIT_AFTER_STARTUP", "1");
        if (!env.contains("QT_QPA_PLATFORM") && !env.contains("DISPLAY"))
            env.insert("QT_QPA_PLATFORM", "offscreen");
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(UMBRAL_APP), {"--demo", "--data-dir", dir.filePath("data"),
                                             "--config-dir", dir.filePath("config")});
        p.setReadChannel(QProcess::StandardError);
        double seen = -1, reported = -1;
        while (seen < 0 && (p.state() != QProcess::NotRunning || p.canReadLine())) {
            if (!p.canReadLine())
                p.waitForReadyRead(20);
            while (p.canReadLine()) {
                const QByteArray line = p.readLine();
                if (line.startsWith("login-window-painted")) {
                    seen = double(t.nsecsElapsed()) / 1e6;
                    reported = line.split(' ').value(1).trimmed().toDouble();
                }
            }
        }
        p.waitForFinished(30000);
        if (seen < 0) {
            std::fprintf(stderr, "run %d: the login window was not reported (exit %d): %s\n", i,
                         p.exitCode(), p.readAllStandardError().constData());
            return 1;
        }
        if (i == 0) {
            first = seen;
            firstInside = reported;
        } else {
            wall.push_back(seen);
            inside.push_back(reported);
        }
    }
    std::printf("first start (creates the demo station): %.0f ms to the login window (%.0f ms "
                "inside the process)\n",
                first, firstInside);
    std::printf(
        "start of an existing station, %d runs: median %.0f ms, max %.0f ms to the login window "
        "(inside the process: median %.0f ms)\n",
        runs, percentile(wall, 0.5), percentile(wall, 1.0), percentile(inside, 0.5));
    return 0;
}
