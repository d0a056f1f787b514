#include "app/screening/demo_watchlist.h"

#include "app/biometrics/fingerprint/minutiae/iso19794_2.h"
#include "app/biometrics/iris/iris_code.h"
#include "app/core/errors.h"
#include "app/screening/package_signing.h"
#include "app/screening/watchlist_package.h"
#include "devices/simulated/simulated_traveler.h"

#include <QSaveFile>
#include <atomic>
#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <thread>

namespace umbral::screening {

namespace {
// Invented people: the names mix the spellings screening must cope with (accents, Ñ, umlauts,
// particles, two surnames, apostrophes).
const char* const kSurnames[] = {"GARCÍA LÓPEZ", "MUÑOZ", "OKAFOR", "IVANOVA", "NGUYEN", "MÜLLER", "KHAN", "DE LA CRUZ",
                                 "SILVA SANTOS", "TANAKA", "PETROV", "HASSAN", "O'BRIEN", "ØSTERGÅRD", "KOWALSKA", "ALVES"};
const char* const kGiven[] = {"MARÍA JOSÉ", "JUAN", "CHIDI", "OLGA", "VAN AN", "JÜRGEN", "AMIR", "ANA", "PEDRO",
                              "YUKI", "IVAN", "FATIMA", "SEAN", "SØREN", "AGNIESZKA", "JOÃO"};
constexpr int kNames = 16;

QByteArray png(const cv::Mat& m) {
    std::vector<uchar> buf;
    cv::imencode(".png", m, buf, {cv::IMWRITE_PNG_COMPRESSION, 6});
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

WatchlistEntry biographic(int i) {
    const Traveler t = demoTraveler(i);
    WatchlistEntry e;
    e.id = QStringLiteral("DEMO-%1").arg(i + 1);
    static const WatchlistCategory categories[] = {WatchlistCategory::KnownOrSuspectedTerrorist, WatchlistCategory::CriminalWarrant,
                                                   WatchlistCategory::ImmigrationViolation, WatchlistCategory::CriminalWarrant};
    e.category = categories[i % 4];
    e.severity = e.category == WatchlistCategory::KnownOrSuspectedTerrorist ? 5 : 2 + i % 3;
    e.names << t.surname + QStringLiteral(", ") + t.givenNames;
    if (i % 3 == 0) // an alias, as lists often carry
        e.names << QString::fromUtf8(kSurnames[(i + 5) % kNames]) + QStringLiteral(", ") + t.givenNames;
    e.dateOfBirth = i % 5 == 4 ? t.dateOfBirth.left(4) : t.dateOfBirth; // some lists know only the year
    e.nationality = t.nationality;
    e.sex = t.sex;
    e.documents.push_back({t.document.number, t.document.issuingState, QStringLiteral("P")});
    switch (e.category) {
    case WatchlistCategory::KnownOrSuspectedTerrorist:
        e.handlingInstructions = QStringLiteral("Do not alert the traveler. Keep the documents, call the supervisor at once.");
        break;
    case WatchlistCategory::CriminalWarrant:
        e.handlingInstructions = QStringLiteral("Outstanding warrant: hold the traveler at the lane and call the supervisor.");
        break;
    default:
        e.handlingInstructions = QStringLiteral("Refer the traveler to secondary inspection.");
    }
    return e;
}
} // namespace

std::uint64_t demoListedTravelerSeed(int index) { return 1001 + std::uint64_t(index); }

Traveler demoTraveler(int i) {
    Traveler t;
    t.surname = QString::fromUtf8(kSurnames[i % kNames]);
    t.givenNames = QString::fromUtf8(kGiven[(i * 7 + 3) % kNames]);
    t.dateOfBirth = QStringLiteral("%1-%2-%3").arg(1950 + (i * 13) % 50).arg(1 + (i * 5) % 12, 2, 10, QLatin1Char('0'))
                        .arg(1 + (i * 11) % 28, 2, 10, QLatin1Char('0'));
    t.sex = i % 2 ? QStringLiteral("F") : QStringLiteral("M");
    t.nationality = QStringLiteral("UTO");
    t.document.documentCode = QStringLiteral("P");
    t.document.issuingState = QStringLiteral("UTO");
    t.document.nationality = QStringLiteral("UTO");
    t.document.number = QStringLiteral("D%1").arg(10000000 + i * 7919, 8, 10, QLatin1Char('0'));
    t.document.expiry = QStringLiteral("351231");
    return t;
}

WatchlistEntry demoWatchlistEntry(int i) {
    WatchlistEntry e = biographic(i);
    const std::uint64_t seed = demoListedTravelerSeed(i);
    devices::FingerprintSynthesizer fingers(2);
    for (FingerPosition p : allSingleFingers()) {
        devices::CaptureRequest r;
        r.identitySeed = devices::fingerIdentity(seed);
        r.position = devices::toFrictionRidgePosition(p);
        r.impressionSeed = devices::mixSeeds({seed, 0x5741544348ull, std::uint64_t(p)}); // "WATCH"
        const cv::Mat img = fingers.capture(r).image;
        const auto ex = biometrics::extractMinutiae(img);
        const auto iso = biometrics::writeFingerMinutiaeRecord(biometrics::makeFingerMinutiaeRecord(ex, int(p)));
        e.fingers.push_back({p, png(img), false, 500});
        e.fingers.push_back({p, QByteArray(reinterpret_cast<const char*>(iso.data()), qsizetype(iso.size())), true, 500});
    }
    devices::IrisSynthesizer eyes(2);
    for (IrisSide side : {IrisSide::Right, IrisSide::Left}) {
        const devices::IrisEye eye = side == IrisSide::Left ? devices::IrisEye::Left : devices::IrisEye::Right;
        const auto settings = devices::impressionSettings(devices::IrisQualityProfile::Good,
                                                          devices::mixSeeds({seed, 0x5741544348ull, std::uint64_t(side)}));
        const cv::Mat img = eyes.render(devices::irisIdentity(seed, eye), settings).image;
        const auto code = biometrics::encodeIris(img).serialise();
        e.irises.push_back({side, png(img), false});
        e.irises.push_back({side, QByteArray(reinterpret_cast<const char*>(code.data()), qsizetype(code.size())), true});
    }
    return e;
}

void writeDemoWatchlist(const QString& path, const DemoWatchlistOptions& o) {
    if (o.identities < 1 || o.identities > 10000)
        throw Error(ErrorCode::InvalidInput, QStringLiteral("a demo watchlist has 1 to 10000 identities"));
    std::vector<WatchlistEntry> entries(std::size_t(o.identities));
    std::atomic<int> next{0}, done{0};
    std::mutex progressMutex;
    std::exception_ptr failure;
    auto work = [&] {
        for (int i = next++; i < o.identities; i = next++) {
            try {
                entries[std::size_t(i)] = demoWatchlistEntry(i);
            } catch (...) {
                std::lock_guard lock(progressMutex);
                failure = std::current_exception();
                return;
            }
            const int d = ++done;
            if (o.progress) {
                std::lock_guard lock(progressMutex);
                o.progress(d, o.identities);
            }
        }
    };
    const unsigned n = std::max(1u, std::min<unsigned>(o.threads ? o.threads : std::thread::hardware_concurrency(), unsigned(o.identities)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);

    PackageHeader h;
    h.listId = o.listId;
    h.version = o.version;
    h.kind = PackageKind::Full;
    h.issuer = QStringLiteral("Umbral demo (synthetic identities; demo key)");
    h.createdAt = QDateTime::currentDateTimeUtc();
    h.expiresAt = h.createdAt.addDays(o.validDays);
    h.records = o.identities;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(ErrorCode::StorageFailure, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    PackageWriter writer(file, h, SigningKey::demo());
    for (const WatchlistEntry& e : entries)
        writer.add({RecordOp::Upsert, e});
    writer.finish();
    if (!file.commit())
        throw Error(ErrorCode::StorageFailure, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace umbral::screening
