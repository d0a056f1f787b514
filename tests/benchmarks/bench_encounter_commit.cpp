// Durable commit of one encounter (10 finger images of 400x500, 2 iris images of 640x480, all
// sealed; the outbound-queue row; the audit row) in one SQLite transaction with
// synchronous=FULL. Prints median and p99 latency, encounters per second and bytes on disk per
// encounter. Images are generated and PNG-encoded before timing: the timed part is the commit.
//   bench_encounter_commit [COUNT] [DIR]
#include "app/enrollment/enrollment_service.h"
#include "app/enrollment/synthetic_encounter.h"
#include "storage/station_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace umbral;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(10, atoi(argv[1])) : 300;
    QTemporaryDir tmp(argc > 2 ? QString::fromLocal8Bit(argv[2]) + "/bench-XXXXXX" : QDir::tempPath() + "/bench-XXXXXX");
    storage::StationPaths paths{tmp.filePath("data"), tmp.filePath("config")};
    storage::StationStore store(paths, storage::StationStore::Open::CreateIfMissing,
                                storage::StationStore::Schema::MigrateForward);
    enrollment::EnrollmentService service(store);
    const Actor officer{0, "bench", Role::Officer};

    std::fprintf(stderr, "generating %d synthetic encounters...\n", count);
    std::vector<Encounter> encounters;
    encounters.reserve(size_t(count));
    qint64 imageBytes = 0;
    for (int i = 0; i < count; ++i) {
        encounters.push_back(enrollment::makeSyntheticEncounter(quint64(i), "LANE-01"));
        for (const Capture& c : encounters.back().captures)
            imageBytes += c.image.size();
    }
    std::vector<double> ms;
    QElapsedTimer total;
    total.start();
    for (Encounter& e : encounters) {
        QElapsedTimer t;
        t.start();
        service.submit(officer, e);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    qint64 disk = 0;
    QDirIterator it(paths.dataDir, QDir::Files);
    while (it.hasNext())
        disk += QFileInfo(it.next()).size();
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, size_t(p * double(ms.size() - 1) + 0.5))]; };
    std::printf("encounters            %d\n", count);
    std::printf("commit median         %.2f ms\n", pct(0.5));
    std::printf("commit p99            %.2f ms\n", pct(0.99));
    std::printf("commit max            %.2f ms\n", ms.back());
    std::printf("encounters per second %.1f\n", double(count) / seconds);
    std::printf("image bytes/encounter %.0f (PNG, before sealing)\n", double(imageBytes) / count);
    std::printf("disk bytes/encounter  %.0f\n", double(disk) / count);
    return 0;
}
