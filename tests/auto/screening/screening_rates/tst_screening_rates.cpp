// Biometric hit and false-alarm rates of screening, measured on many travelers at the configured
// false-match rates. The watchlist (imported from a signed package, so import is part of it):
//  - kListed identities of the demo generator (demoWatchlistEntry: the simulated scanner's and
//    camera's people, ten fingers and two irises each, from impressions of their own);
//  - FVC2002 DB1_B and DB4_B fingers 101-105, impression 1, finger position unknown.
// Presented:
//  - the listed synthetic identities again, from other impressions (ten fingers, two irises):
//    every one must be red and first;
//  - FVC impressions 2-8 of the listed fingers: found first by the fingerprint search, and the
//    share that raises an alert at the configured rates is measured;
//  - travelers who are NOT listed: kUnlisted other identities of the same generator (ten
//    fingers, two irises, names nobody on the list carries) and every impression of FVC fingers
//    106-110 of both sets: all must be green.
// The synthetic fingers of the generator are far less distinctive to the matcher than real ones
// (impostor median score about 26 where FVC2002 gives about 6): before screening measured the
// list's own impostor scores (ImpostorScoreTail), about one traveler in eight of the generator
// came back yellow or red against a list of 20 of its identities. This test fails then.
// UMBRAL_SCREENING_RATES_UNLISTED=N screens N unlisted synthetic travelers instead (a longer
// measurement; docs/screening.md has the numbers).
#include "app/screening/demo_watchlist.h"
#include "app/screening/screening_service.h"
#include "app/screening/watchlist_service.h"
#include "devices/simulated/simulated_traveler.h"
#include "tests/auto/common/temp_station.h"
#include "tests/auto/screening/common/package_files.h"
#include "tests/auto/screening/common/probe_captures.h"

#include <QtTest>
#include <atomic>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <thread>

using namespace umbral;
using namespace umbral::screening;
using namespace umbral::testing;

namespace {
constexpr int kListed = 12;
constexpr int kUnlisted = 30;
constexpr std::uint64_t kUnlistedSeeds = 60000; // far from the demo list's 1001 upwards

// What the simulated devices show of traveler `seed`: ten fingers and two eyes, impression
// `impression` (the demo list used impressions of its own).
std::vector<Capture> simulatedTraveler(std::uint64_t seed, std::uint64_t impression) {
    devices::FingerprintSynthesizer fingers(1);
    devices::IrisSynthesizer eyes(1);
    std::vector<Capture> caps;
    for (FingerPosition p : allSingleFingers()) {
        devices::CaptureRequest r;
        r.identitySeed = devices::fingerIdentity(seed);
        r.position = devices::toFrictionRidgePosition(p);
        r.impressionSeed = devices::mixSeeds({seed, impression, std::uint64_t(p)});
        caps.push_back(fingerCapture(p, fingers.capture(r).image));
    }
    for (IrisSide side : {IrisSide::Right, IrisSide::Left}) {
        const auto eye = side == IrisSide::Left ? devices::IrisEye::Left : devices::IrisEye::Right;
        const auto s = devices::impressionSettings(
            devices::IrisQualityProfile::Good,
            devices::mixSeeds({seed, impression, 100 + std::uint64_t(side)}));
        caps.push_back(irisCapture(side, eyes.render(devices::irisIdentity(seed, eye), s).image));
    }
    return caps;
}
// Invented names that nobody on the demo list carries.
Traveler unlistedTraveler(int k) {
    static const char* const surnames[] = {"LINDQVIST", "BAPTISTE", "RAHMAN",  "ESPOSITO",
                                           "KORHONEN",  "MENSAH",   "HORVATH", "PAPADOPOULOS"};
    static const char* const given[] = {"ELSA",  "JEAN LUC", "NADIA", "LUCA", "AINO",
                                        "KWAME", "ZSOFIA",   "NIKOS", "MARTA"};
    Traveler t;
    t.surname = QString::fromLatin1(surnames[k % 8]);
    t.givenNames = QString::fromLatin1(given[k % 9]);
    t.dateOfBirth = QStringLiteral("%1-%2-%3")
                        .arg(1940 + k % 60)
                        .arg(1 + k % 12, 2, 10, QLatin1Char('0'))
                        .arg(1 + k % 28, 2, 10, QLatin1Char('0'));
    t.sex = k % 2 ? QStringLiteral("F") : QStringLiteral("M");
    t.nationality = QStringLiteral("UTO");
    t.document.documentCode = QStringLiteral("P");
    t.document.issuingState = QStringLiteral("UTO");
    t.document.number = QStringLiteral("Q%1").arg(70000000 + k * 104729);
    return t;
}
template <typename F> void onTwoThreads(int n, F&& work) {
    std::atomic<int> next{0};
    auto run = [&] {
        for (int i = next++; i < n; i = next++)
            work(i);
    };
    std::thread other(run);
    run();
    other.join();
}
} // namespace

class TestScreeningRates : public QObject {
    Q_OBJECT

    const Actor admin{0, QStringLiteral("cli:test-admin"), Role::Administrator};
    const Actor officer{0, QStringLiteral("cli:test-officer"), Role::Officer};
    TempStation st_;
    QTemporaryDir files_;
    ScreeningSettings settings_;
    std::unique_ptr<ScreeningService> screening_;

    ScreeningResult screen(const Traveler& t, const std::vector<Capture>& caps) {
        return screening_->screenTraveler(officer, t, caps);
    }
    // The lowest fused rate any listed person reached, per modality (1 when nobody came close).
    std::pair<double, double> closest(const std::vector<Capture>& caps) {
        const auto engine = screening_->engine();
        std::vector<Capture> fingers, irises;
        for (const Capture& c : caps)
            (c.modality == Modality::Finger ? fingers : irises).push_back(c);
        const auto source = [this](qint64 ref) { return st_.store->watchlist().samples(ref); };
        const FingerSearchResult f = engine->fingerprints()->search(fingers, 5, source);
        const IrisSearchResult i =
            irises.empty() ? IrisSearchResult{} : engine->irises()->search(irises, 5);
        return {f.candidates.empty() ? 1.0 : f.candidates.front().fusedRate,
                i.candidates.empty() ? 1.0 : i.candidates.front().fusedRate};
    }

private slots:
    void initTestCase() {
        st_.open();
        const SigningKey key = SigningKey::generate();
        settings_.trustedKeys << QStringLiteral("test:") + key.publicKey().hex();
        // The configuration under test: the shipped defaults, except a yellow fingerprint rate a
        // list of this size can afford (22 people x 1e-6 = 2e-5 expected false yellows per
        // traveler): ten times looser than the default, so it makes false alarms MORE likely,
        // and gives a single real finger a better chance to alert. (At 1e-5, 150 unlisted
        // synthetic travelers came as close as 1.2e-5: the fused rates of synthetic impostors
        // are still somewhat optimistic at the extreme, see docs/screening.md.)
        settings_.fingerYellowFmr = 1e-6;
        settings_.fingerRedFmr = 1e-9;
        std::vector<PackageRecord> records(static_cast<std::size_t>(kListed));
        onTwoThreads(kListed,
                     [&](int i) { records[std::size_t(i)] = upsert(demoWatchlistEntry(i)); });
        for (const char* db : {"db1b", "db4b"})
            for (int f = 101; f <= 105; ++f) {
                const cv::Mat img = cv::imread(fvc(db, f, 1).toStdString(), cv::IMREAD_GRAYSCALE);
                QVERIFY2(!img.empty(), qPrintable(fvc(db, f, 1)));
                WatchlistEntry e =
                    person(QStringLiteral("FVC-%1-%2").arg(QLatin1String(db)).arg(f),
                           QStringLiteral("FINGER, LATENT %1").arg(f), QStringLiteral("1970"));
                e.fingers.push_back({FingerPosition::Unknown, png(img), false, 500});
                records.push_back(upsert(e));
            }
        writePackage(files_.filePath("list.uwl"), packageHeader("RATES", 1, qint64(records.size())),
                     records, key);
        WatchlistService(*st_.store, settings_).import(admin, files_.filePath("list.uwl"));
        screening_ = std::make_unique<ScreeningService>(*st_.store, settings_);
        QCOMPARE(screening_->engine()->people(), kListed + 10);
        QVERIFY(screening_->engine()->fingerprints() && screening_->engine()->irises());
        qInfo("%s", qPrintable(screening_->engine()->fingerprints()->description()));
    }

    void listedSyntheticIdentitiesAreFound() {
        std::vector<std::vector<Capture>> travelers(static_cast<std::size_t>(kListed));
        onTwoThreads(kListed, [&](int i) {
            travelers[std::size_t(i)] = simulatedTraveler(demoListedTravelerSeed(i), 5);
        });
        int red = 0, fingerRed = 0, irisRed = 0;
        double worstFinger = -100.0, worstIris = -100.0; // log10 of the weakest genuine fused rate
        for (int i = 0; i < kListed; ++i) {
            const ScreeningResult r = screen(Traveler{}, travelers[std::size_t(i)]);
            QVERIFY(!r.outcome.candidates.empty());
            const ScreeningCandidate& top = r.outcome.candidates.front();
            QCOMPARE(top.person.entryId, QStringLiteral("DEMO-%1").arg(i + 1));
            red += r.band() == Band::Red;
            QVERIFY(top.finger && top.iris);
            fingerRed += top.finger->fusedRate <= settings_.fingerRedFmr;
            irisRed += top.iris->fusedRate <= settings_.irisRedFmr;
            worstFinger = std::max(worstFinger, std::log10(top.finger->fusedRate));
            worstIris = std::max(worstIris, std::log10(top.iris->fusedRate));
            for (std::size_t k = 1; k < r.outcome.candidates.size(); ++k)
                QCOMPARE(r.outcome.candidates[k].band, Band::Green);
        }
        qInfo("listed synthetic identities, another impression: %d of %d red; fingerprints alone "
              "red %d, irises alone red %d; "
              "weakest genuine fused rate: fingerprints 1e%.1f, irises 1e%.1f",
              red, kListed, fingerRed, irisRed, worstFinger, worstIris);
        QCOMPARE(red, kListed);
        QCOMPARE(fingerRed, kListed); // ten fingers are a match on their own
        QCOMPARE(irisRed, kListed);   // and so are two eyes
    }

    void listedFvcImpressionsAreFound() {
        int probes = 0, first = 0, alerted = 0, wrong = 0;
        for (const char* db : {"db1b", "db4b"})
            for (int f = 101; f <= 105; ++f)
                for (int i = 2; i <= 8; ++i) {
                    const cv::Mat img =
                        cv::imread(fvc(db, f, i).toStdString(), cv::IMREAD_GRAYSCALE);
                    const std::vector<Capture> caps{fingerCapture(FingerPosition::RightIndex, img)};
                    const QString mate = QStringLiteral("FVC-%1-%2").arg(QLatin1String(db)).arg(f);
                    ++probes;
                    // Found: the fingerprint search ranks the mate first (whatever its band).
                    const FingerSearchResult s =
                        screening_->engine()->fingerprints()->search(caps, 1, {});
                    if (!s.candidates.empty()) {
                        const auto listed =
                            st_.store->watchlist().loadByRef(s.candidates.front().entryRef);
                        first += listed && listed->entry.id == mate;
                    }
                    // Alerted: screening at the configured rates names the mate first.
                    const ScreeningResult r = screen(Traveler{}, caps);
                    alerted += r.band() != Band::Green &&
                               r.outcome.candidates.front().person.entryId == mate;
                    for (const auto& c : r.outcome.candidates)
                        wrong += c.person.entryId != mate && c.band != Band::Green;
                }
        qInfo("FVC2002 DB1_B and DB4_B, %d other impressions of 10 listed fingers: found first %d "
              "(%.0f %%), "
              "alerted at the configured rates %d (%.0f %%), alerts on someone else %d",
              probes, first, 100.0 * first / probes, alerted, 100.0 * alerted / probes, wrong);
        QCOMPARE(wrong, 0);
        QVERIFY2(first * 10 >= probes * 9,
                 "at least 90 % of the other impressions must find their finger first");
        QVERIFY2(alerted * 2 >= probes,
                 "at least half must alert on their finger at the configured rates");
    }

    void unlistedSyntheticTravelersAreGreen() {
        bool ok = false;
        const int n = qEnvironmentVariableIntValue("UMBRAL_SCREENING_RATES_UNLISTED", &ok);
        const int count = ok && n > 0 ? n : kUnlisted;
        std::vector<std::vector<Capture>> travelers(static_cast<std::size_t>(count));
        onTwoThreads(count, [&](int k) {
            travelers[std::size_t(k)] = simulatedTraveler(kUnlistedSeeds + std::uint64_t(k), 1);
        });
        int yellow = 0, red = 0;
        double closestFinger = 1.0, closestIris = 1.0;
        for (int k = 0; k < count; ++k) {
            const ScreeningResult r = screen(unlistedTraveler(k), travelers[std::size_t(k)]);
            QVERIFY(r.outcome.fingerprintsScreened && r.outcome.irisesScreened);
            yellow += r.band() == Band::Yellow;
            red += r.band() == Band::Red;
            if (r.band() != Band::Green)
                qWarning("unlisted traveler %d: %s on %s: %s", k, qPrintable(toKey(r.band())),
                         qPrintable(r.outcome.candidates.front().person.entryId),
                         qPrintable(r.outcome.candidates.front().reasons.join("; ")));
            const auto [f, i] = closest(travelers[std::size_t(k)]);
            closestFinger = std::min(closestFinger, f);
            closestIris = std::min(closestIris, i);
        }
        qInfo("%d unlisted synthetic travelers (10 fingers, 2 irises) against %d listed people: "
              "yellow %d, red %d; "
              "closest anyone came: fingerprints fused rate %.2g (yellow at %.0g), irises %.2g "
              "(yellow at %.0g)",
              count, kListed + 10, yellow, red, closestFinger, settings_.fingerYellowFmr,
              closestIris, settings_.irisYellowFmr);
        QCOMPARE(yellow + red, 0);
    }

    void demoStationTravelersAreGreen() {
        // The demo control panel's travelers who are not listed (enrollment/demo_travelers:
        // seeds 3001-3004). Seed 3001 screened yellow against the first demo identity in 3 of 5
        // officer-desktop runs before the list's impostor scores were measured (and here, without
        // the measurement, seed 3002 is yellow or red on DEMO-2 in 4 of 5). Three presentations
        // each.
        std::vector<std::vector<Capture>> presentations(12);
        onTwoThreads(12, [&](int k) {
            presentations[std::size_t(k)] =
                simulatedTraveler(3001 + std::uint64_t(k / 3), 11 + std::uint64_t(k % 3));
        });
        int notGreen = 0;
        for (int k = 0; k < 12; ++k) {
            const ScreeningResult r =
                screen(unlistedTraveler(k / 3), presentations[std::size_t(k)]);
            if (r.band() != Band::Green)
                qWarning("demo traveler %d, presentation %d: %s on %s", 3001 + k / 3, k % 3,
                         qPrintable(toKey(r.band())),
                         qPrintable(r.outcome.candidates.front().person.entryId));
            notGreen += r.band() != Band::Green;
        }
        QCOMPARE(notGreen, 0);
    }

    void unlistedFvcFingersAreGreen() {
        int probes = 0, notGreen = 0;
        double closestFinger = 1.0;
        for (const char* db : {"db1b", "db4b"})
            for (int f = 106; f <= 110; ++f)
                for (int i = 1; i <= 8; ++i) {
                    const cv::Mat img =
                        cv::imread(fvc(db, f, i).toStdString(), cv::IMREAD_GRAYSCALE);
                    const std::vector<Capture> caps{fingerCapture(FingerPosition::RightIndex, img)};
                    const ScreeningResult r = screen(Traveler{}, caps);
                    ++probes;
                    notGreen += r.band() != Band::Green;
                    closestFinger = std::min(closestFinger, closest(caps).first);
                }
        qInfo("%d impressions of 10 unlisted FVC fingers: not green %d; closest fused rate %.2g",
              probes, notGreen, closestFinger);
        QCOMPARE(notGreen, 0);
    }
};

QTEST_GUILESS_MAIN(TestScreeningRates)
#include "tst_screening_rates.moc"
