// Watchlist and screening on a generated watchlist (default 100 000 people):
//   bench_screening [ENTRIES] [WORK_DIR] [import-only]
// 1. writes a signed full package: invented biographic data (names with accents, particles, two
//    surnames, aliases, partial dates, documents) and, per person, 10 ISO/IEC 19794-2
//    fingerprint templates and 2 iris codes. The templates are real extracted templates
//    (FVC2002 DB1_B and DB4_B) moved, rotated, thinned and jittered, so they have real
//    minutia statistics; the iris codes have random bits under realistic masks. One person is
//    a synthetic identity of the demo generator (the "listed traveler").
// 2. imports it into a new station (entries per second);
// 3. builds the screening engine (time, memory);
// 4. biographic search alone, 500 travelers (half of them listed, misspelled);
// 5. screening of whole encounters: 10 fingers, 2 irises and biographic data, for the listed
//    traveler (another impression) and for a traveler who is not listed.
#include "app/biometrics/fingerprint/minutiae/iso19794_2.h"
#include "app/biometrics/iris/iris_code.h"
#include "app/screening/demo_watchlist.h"
#include "app/screening/screening_service.h"
#include "app/screening/watchlist_service.h"
#include "devices/simulated/simulated_traveler.h"
#include "storage/station_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>
#include <random>

using namespace umbral;
using namespace umbral::screening;

namespace {
double rssMiB() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

QByteArray png(const cv::Mat& m) {
    std::vector<uchar> buf;
    cv::imencode(".png", m, buf);
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

const char* const kCommonSurnames[] = {
    "GARCÍA", "MARTÍNEZ", "LÓPEZ", "GONZÁLEZ", "RODRÍGUEZ", "FERNÁNDEZ", "PÉREZ", "SÁNCHEZ", "RAMÍREZ", "TORRES",
    "NGUYEN", "TRAN", "LE", "PHAM", "KHAN", "ALI", "AHMED", "HUSSAIN", "HASSAN", "MOHAMMED", "SMITH", "JOHNSON",
    "WILLIAMS", "BROWN", "JONES", "MÜLLER", "SCHMIDT", "SCHNEIDER", "FISCHER", "WEBER", "IVANOV", "SMIRNOV",
    "KUZNETSOV", "POPOV", "PETROVA", "SILVA", "SANTOS", "OLIVEIRA", "SOUZA", "COSTA", "OKAFOR", "OKONKWO", "ADEYEMI",
    "MENSAH", "WANG", "LI", "ZHANG", "LIU", "CHEN", "KIM", "PARK", "TANAKA", "SUZUKI", "KOWALSKI", "NOWAK", "ROSSI",
    "RUSSO", "DUBOIS", "MARTIN", "DE LA CRUZ", "DEL RÍO", "VAN DER BERG", "O'BRIEN", "YILMAZ", "KAYA", "ŞAHIN"};
const char* const kGivenNames[] = {
    "MARÍA", "JOSÉ", "JUAN", "ANA", "LUIS", "CARMEN", "MOHAMMED", "FATIMA", "AHMED", "AISHA", "JOHN", "MARY", "JAMES",
    "LINDA", "WEI", "LI NA", "HIROSHI", "YUKI", "OLGA", "IVAN", "SERGEI", "ANNA", "PEDRO", "JOÃO", "CHIDI", "NGOZI",
    "AMIR", "LEILA", "HANS", "JÜRGEN", "SØREN", "AGNIESZKA", "PIOTR", "GIULIA", "MARCO", "PIERRE", "CAMILLE", "EMRE"};
const char* const kSyllables[] = {"KA", "RO", "MI", "SA", "TO", "LE", "NA", "VI", "DO", "RA", "GU", "ZE", "BA", "LI",
                                  "MO", "PE", "SU", "TI", "NO", "GA", "FE", "HU", "JA", "YO", "KHA", "SHI", "DRA", "BEL",
                                  "MAR", "TIN", "VAN", "OS", "AN", "EL", "IR", "UL", "ZA", "CHE", "RAN", "DOR"};
const char* const kStates[] = {"UTO", "ESP", "MEX", "NGA", "VNM", "PAK", "DEU", "RUS", "BRA", "CHN", "JPN", "POL",
                               "ITA", "FRA", "TUR", "GBR", "USA", "IND", "EGY", "COL"};

template <typename T, std::size_t N> const char* pick(std::mt19937_64& rng, const T (&a)[N]) { return a[rng() % N]; }

QString inventedWord(std::mt19937_64& rng) {
    QString w;
    const int n = 2 + int(rng() % 3);
    for (int i = 0; i < n; ++i)
        w += QLatin1String(pick(rng, kSyllables));
    return w;
}

QString surname(std::mt19937_64& rng) {
    QString s = rng() % 10 < 4 ? QString::fromUtf8(pick(rng, kCommonSurnames)) : inventedWord(rng);
    if (rng() % 10 < 3)
        s += QLatin1Char(' ') + (rng() % 2 ? QString::fromUtf8(pick(rng, kCommonSurnames)) : inventedWord(rng));
    return s;
}
QString given(std::mt19937_64& rng) {
    QString g = rng() % 10 < 7 ? QString::fromUtf8(pick(rng, kGivenNames)) : inventedWord(rng);
    if (rng() % 10 < 3)
        g += QLatin1Char(' ') + QString::fromUtf8(pick(rng, kGivenNames));
    return g;
}

// A template with the statistics of a real one: a pool template moved, rotated, thinned and
// jittered, plus a few spurious minutiae.
QByteArray variedTemplate(const std::vector<std::vector<biometrics::Minutia>>& pool, std::mt19937_64& rng, int position) {
    const auto& src = pool[rng() % pool.size()];
    std::uniform_real_distribution<float> u(-1.f, 1.f);
    const float angle = u(rng) * 3.14159f, c = std::cos(angle), s = std::sin(angle);
    const float dx = 200 + 40 * u(rng), dy = 250 + 40 * u(rng);
    biometrics::FingerMinutiaeView v;
    v.fingerPosition = position;
    for (const auto& m : src) {
        if (rng() % 100 < 15)
            continue;
        biometrics::Minutia n = m;
        const float x = m.x - 200, y = m.y - 200;
        n.x = std::clamp(dx + c * x - s * y + 3 * u(rng), 0.f, 799.f);
        n.y = std::clamp(dy + s * x + c * y + 3 * u(rng), 0.f, 799.f);
        n.angleDeg = std::fmod(m.angleDeg - angle * 57.2958f + 10 * u(rng) + 720.f, 360.f);
        v.minutiae.push_back(n);
    }
    for (int k = int(rng() % 4); k > 0; --k)
        v.minutiae.push_back({float(100 + rng() % 300), float(100 + rng() % 400), float(rng() % 360), biometrics::MinutiaType::RidgeEnding, 30});
    if (v.minutiae.size() > 255)
        v.minutiae.resize(255);
    biometrics::FingerMinutiaeRecord r;
    r.imageWidth = 800;
    r.imageHeight = 800;
    r.views.push_back(std::move(v));
    const auto bytes = biometrics::writeFingerMinutiaeRecord(r);
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

QByteArray randomIrisCode(std::mt19937_64& rng) {
    biometrics::IrisTemplate t;
    for (auto& w : t.code)
        w = rng();
    // About 70 % of the bits usable, the occluded ones in runs (lids), as real masks have.
    for (int i = 0; i < biometrics::kIrisCodeWords; ++i)
        t.mask[std::size_t(i)] = (i % 8 < 6) ? ~0ull : (rng() | rng());
    const auto bytes = t.serialise();
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

// A misspelling: one letter changed, or the two surnames swapped, or accents dropped.
QString misspell(QString name, std::mt19937_64& rng) {
    switch (rng() % 3) {
    case 0: {
        const int i = 1 + int(rng() % std::max<qsizetype>(1, name.indexOf(QLatin1Char(',')) - 1));
        if (i < name.size() && name[i].isLetter())
            name[i] = name[i] == QLatin1Char('A') ? QLatin1Char('E') : QLatin1Char('A');
        return name;
    }
    case 1:
        return name.normalized(QString::NormalizationForm_D).remove(QRegularExpression(QStringLiteral("\\p{Mn}")));
    default:
        return name;
    }
}

struct Stats {
    double median, p95, max;
};
Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, std::size_t(double(v.size()) * 0.95))], v.back()};
}

std::vector<Capture> travelerCaptures(std::uint64_t seed, std::uint64_t impression) {
    std::vector<Capture> caps;
    devices::FingerprintSynthesizer fingers(2);
    for (FingerPosition p : allSingleFingers()) {
        devices::CaptureRequest r;
        r.identitySeed = devices::fingerIdentity(seed);
        r.position = devices::toFrictionRidgePosition(p);
        r.impressionSeed = impression + std::uint64_t(p);
        const cv::Mat img = fingers.capture(r).image;
        Capture c;
        c.modality = Modality::Finger;
        c.finger = p;
        c.image = png(img);
        c.ppi = 500;
        caps.push_back(c);
    }
    devices::IrisSynthesizer eyes(2);
    for (IrisSide side : {IrisSide::Right, IrisSide::Left}) {
        const auto eye = side == IrisSide::Left ? devices::IrisEye::Left : devices::IrisEye::Right;
        Capture c;
        c.modality = Modality::Iris;
        c.iris = side;
        c.image = png(eyes.render(devices::irisIdentity(seed, eye), devices::impressionSettings(devices::IrisQualityProfile::Good, impression)).image);
        caps.push_back(c);
    }
    return caps;
}
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    QTemporaryDir tmp;
    const QString work = argc > 2 ? QString::fromLocal8Bit(argv[2]) : tmp.path();
    QDir().mkpath(work);
    std::printf("watchlist of %d people, work directory %s\n", n, qPrintable(work));
    std::mt19937_64 rng(20261128);

    // ---- 1. the package -------------------------------------------------------------------
    std::vector<std::vector<biometrics::Minutia>> pool;
    for (const char* db : {"db1b", "db4b"})
        for (int f = 101; f <= 110; ++f)
            for (int i = 1; i <= 8; ++i) {
                const cv::Mat img = cv::imread(QStringLiteral("%1/fingerprints/fvc2002-%2/%3_%4.tif").arg(UMBRAL_SHARED_DATA)
                                                   .arg(db).arg(f).arg(i).toStdString(), cv::IMREAD_GRAYSCALE);
                pool.push_back(biometrics::extractMinutiae(img).minutiae);
            }
    const int listedIndex = n / 2;
    const WatchlistEntry listed = demoWatchlistEntry(0);
    const QString packageFile = work + QStringLiteral("/bench-%1.uwl").arg(n);
    const SigningKey key = SigningKey::fromSeed(QByteArray(32, 'b'));
    std::vector<std::pair<QString, QString>> listedNames; // for the biographic probes
    std::vector<QString> listedDobs;
    QElapsedTimer t;
    t.start();
    {
        PackageHeader h;
        h.listId = QStringLiteral("BENCH");
        h.version = 1;
        h.issuer = QStringLiteral("benchmark");
        h.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        h.expiresAt = h.createdAt.addDays(30);
        h.records = n;
        QFile f(packageFile);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        PackageWriter w(f, h, key);
        for (int i = 0; i < n; ++i) {
            WatchlistEntry e;
            if (i == listedIndex) {
                e = listed;
                e.fingers.erase(std::remove_if(e.fingers.begin(), e.fingers.end(), [](const auto& s) { return !s.isTemplate; }), e.fingers.end());
                e.irises.erase(std::remove_if(e.irises.begin(), e.irises.end(), [](const auto& s) { return !s.isCode; }), e.irises.end());
            } else {
                e.id = QStringLiteral("B%1").arg(i);
                e.category = static_cast<WatchlistCategory>(rng() % 4);
                e.severity = 1 + int(rng() % 5);
                e.names << surname(rng) + QStringLiteral(", ") + given(rng);
                if (rng() % 10 < 3)
                    e.names << misspell(e.names.front(), rng);
                e.dateOfBirth = QStringLiteral("%1-%2-%3").arg(1940 + rng() % 65).arg(1 + rng() % 12, 2, 10, QLatin1Char('0')).arg(1 + rng() % 28, 2, 10, QLatin1Char('0'));
                if (rng() % 10 == 0)
                    e.dateOfBirth = e.dateOfBirth.left(4);
                e.nationality = QString::fromLatin1(pick(rng, kStates));
                e.sex = rng() % 2 ? QStringLiteral("F") : QStringLiteral("M");
                e.documents.push_back({QStringLiteral("%1%2").arg(QChar('A' + int(rng() % 26))).arg(rng() % 100000000, 8, 10, QLatin1Char('0')), e.nationality, QStringLiteral("P")});
                e.handlingInstructions = QStringLiteral("Refer to secondary inspection.");
                for (FingerPosition p : allSingleFingers())
                    e.fingers.push_back({p, variedTemplate(pool, rng, int(p)), true, 500});
                e.irises.push_back({IrisSide::Right, randomIrisCode(rng), true});
                e.irises.push_back({IrisSide::Left, randomIrisCode(rng), true});
                if (i % 200 == 0) {
                    listedNames.emplace_back(e.names.front().section(',', 0, 0), e.names.front().section(',', 1).trimmed());
                    listedDobs.push_back(e.dateOfBirth);
                }
            }
            w.add({RecordOp::Upsert, e});
        }
        w.finish();
    }
    std::printf("package: %.1f s to generate, %.1f MB\n", double(t.elapsed()) / 1000, double(QFileInfo(packageFile).size()) / 1e6);

    // ---- 2. import --------------------------------------------------------------------------
    storage::StationPaths paths;
    paths.dataDir = work + QStringLiteral("/station-data");
    paths.configDir = work + QStringLiteral("/station-config");
    QDir(paths.dataDir).removeRecursively();
    QDir(paths.configDir).removeRecursively();
    storage::StationStore store(paths, storage::StationStore::Open::CreateIfMissing, storage::StationStore::Schema::MigrateForward);
    ScreeningSettings settings;
    settings.trustedKeys << QStringLiteral("bench:") + key.publicKey().hex();
    const Actor admin{0, QStringLiteral("bench"), Role::Administrator};
    const Actor officer{0, QStringLiteral("bench"), Role::Officer};
    const double rssStart = rssMiB();
    t.restart();
    const ImportResult imported = WatchlistService(store, settings).import(admin, packageFile);
    const double importS = double(t.elapsed()) / 1000;
    std::printf("import: %lld entries in %.1f s = %.0f entries/s (goal >= 5000/s); database %.1f MB\n",
                imported.upserts, importS, double(imported.upserts) / importS,
                double(QFileInfo(paths.databaseFile()).size() + QFileInfo(paths.databaseFile() + "-wal").size()) / 1e6);

    if (argc > 3 && QByteArray(argv[3]) == "import-only")
        return 0;

    // ---- 3. engine ---------------------------------------------------------------------------
    ScreeningService service(store, settings);
    const double rssBefore = rssMiB();
    t.restart();
    const auto engine = service.engine();
    const double buildS = double(t.elapsed()) / 1000;
    const double rssAfter = rssMiB();
    std::printf("engine: built in %.1f s; process RSS %.0f MiB -> %.0f MiB (+%.0f MiB); engine's own estimate %.0f MiB "
                "(biographic %.0f MiB, fingerprints %.0f MiB in %zu templates, irises %.0f MiB in %zu codes); "
                "vocabulary %d tokens\n",
                buildS, rssBefore, rssAfter, rssAfter - rssBefore, double(engine->memoryBytes()) / 1048576.0,
                double(engine->biographic().memoryBytes()) / 1048576.0,
                engine->fingerprints() ? double(engine->fingerprints()->memoryBytes()) / 1048576.0 : 0.0,
                engine->fingerprints() ? engine->fingerprints()->templateCount() : 0,
                engine->irises() ? double(engine->irises()->memoryBytes()) / 1048576.0 : 0.0,
                engine->irises() ? engine->irises()->templateCount() : 0, engine->biographic().vocabularySize());
    Q_UNUSED(rssStart);

    // ---- 4. biographic search alone ------------------------------------------------------------
    std::vector<double> bioMs;
    int found = 0, asked = 0;
    BiographicSearchOptions bo;
    bo.minScore = settings.biographicReport;
    for (int i = 0; i < 500; ++i) {
        Traveler tr;
        const bool isListed = i % 2 == 0 && !listedNames.empty();
        if (isListed) {
            const auto& [s, g] = listedNames[std::size_t(i / 2) % listedNames.size()];
            tr.surname = misspell(s + QStringLiteral(","), rng).section(',', 0, 0);
            tr.givenNames = g;
            tr.dateOfBirth = listedDobs[std::size_t(i / 2) % listedDobs.size()];
        } else {
            tr.surname = surname(rng);
            tr.givenNames = given(rng);
            tr.dateOfBirth = QStringLiteral("1977-07-07");
        }
        tr.nationality = QStringLiteral("UTO");
        const BiographicProbe probe = BiographicProbe::fromTraveler(tr);
        QElapsedTimer s;
        s.start();
        const auto result = engine->biographic().search(probe, bo);
        bioMs.push_back(double(s.nsecsElapsed()) / 1e6);
        if (isListed) {
            ++asked;
            found += !result.empty() && result.front().comparison.score >= settings.biographicYellow;
        }
    }
    const Stats b = stats(bioMs);
    std::printf("biographic search: median %.2f ms, p95 %.2f ms, max %.2f ms over 500 travelers (goal <= 20 ms); "
                "listed and misspelled found at yellow: %d of %d\n", b.median, b.p95, b.max, found, asked);

    // ---- 5. whole encounters ---------------------------------------------------------------------
    const auto source = [&](qint64 ref) { return store.watchlist().samples(ref); };
    for (const auto& [label, seed] : {std::pair<const char*, std::uint64_t>{"listed traveler", demoListedTravelerSeed(0)},
                                      std::pair<const char*, std::uint64_t>{"unlisted traveler", 555555}}) {
        const std::vector<Capture> caps = travelerCaptures(seed, 4242);
        Traveler tr = seed == demoListedTravelerSeed(0) ? demoTraveler(0) : Traveler{};
        if (seed != demoListedTravelerSeed(0)) {
            tr.surname = QStringLiteral("NOBODY");
            tr.givenNames = QStringLiteral("IN PARTICULAR");
            tr.dateOfBirth = QStringLiteral("1988-08-08");
        }
        std::vector<ScreeningOutcome> runs;
        for (int r = 0; r < 3; ++r)
            runs.push_back(engine->screen(tr, caps, source));
        std::vector<double> total;
        for (const auto& o : runs)
            total.push_back(o.timings.totalMs);
        const ScreeningOutcome& o = runs[1];
        std::printf("screening, %s (10 fingers, 2 irises, biographic): band %s, top %s; total median %.0f ms (goal <= 1000 ms): "
                    "biographic %.1f, finger extraction %.0f, finger gallery search %.0f (%lld comparisons), finger verification %.0f, "
                    "iris encoding %.0f, iris search %.0f (%lld comparisons) ms\n",
                    label, qPrintable(toKey(o.band)), o.candidates.empty() ? "-" : qPrintable(o.candidates.front().person.entryId),
                    stats(total).median, o.timings.biographicMs, o.timings.fingerPrepareMs, o.timings.fingerSearchMs,
                    o.fingerComparisons, o.timings.fingerVerifyMs, o.timings.irisPrepareMs, o.timings.irisSearchMs, o.irisComparisons);
    }
    std::printf("process RSS at the end %.0f MiB\n", rssMiB());
    return 0;
}
