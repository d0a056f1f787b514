// 1:N search: real prints are found among distractors, the screening agrees with the exhaustive
// search, results do not depend on the thread count, options are honoured, unusable templates
// are never returned.

#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/matching/finger_gallery.h"
#include "app/biometrics/fingerprint/matching/screening_code.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <random>

using namespace umbral::biometrics;

namespace {

QString dataPath(const QString& relative) {
    const QByteArray env = qgetenv("UMBRAL_SHARED_DATA");
    const QString root =
        env.isEmpty() ? QStringLiteral(UMBRAL_SHARED_DATA) : QString::fromLocal8Bit(env);
    return root + QLatin1Char('/') + relative;
}

std::vector<Minutia> load(const char* set, int finger, int impression) {
    const QString file = QStringLiteral("fingerprints/%1/%2_%3.tif")
                             .arg(QLatin1String(set))
                             .arg(finger)
                             .arg(impression);
    return extractMinutiae(readGrey8(dataPath(file).toStdString())).minutiae;
}

// Key of an enrolled DB1_B print: finger * 10 + impression; distractors count from 900 000.
std::uint64_t keyOf(int finger, int impression) {
    return std::uint64_t(finger * 10 + impression);
}
int fingerOfKey(std::uint64_t key) {
    return key < 900000 ? static_cast<int>(key / 10) : -1;
}

// A distractor: a DB4_B print turned, shifted, thinned out and jittered.
std::vector<Minutia> perturbed(const std::vector<Minutia>& in, std::mt19937& rng) {
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    std::normal_distribution<float> jitter(0.0f, 2.0f);
    const float turnDeg = (u(rng) - 0.5f) * 60.0f, turn = turnDeg * 3.14159265f / 180.0f;
    const float tx = (u(rng) - 0.5f) * 80.0f, ty = (u(rng) - 0.5f) * 80.0f;
    std::vector<Minutia> out;
    for (Minutia m : in) {
        if (u(rng) < 0.2f)
            continue;
        const float x = m.x - 150.0f, y = m.y - 190.0f;
        m.x = std::max(0.0f, 150.0f + x * std::cos(turn) + y * std::sin(turn) + tx + jitter(rng));
        m.y = std::max(0.0f, 190.0f - x * std::sin(turn) + y * std::cos(turn) + ty + jitter(rng));
        m.angleDeg = std::fmod(m.angleDeg + turnDeg + 720.0f, 360.0f);
        out.push_back(m);
    }
    return out;
}

} // namespace

class TestFingerGallery : public QObject {
    Q_OBJECT

    FingerGallery gallery_;
    std::map<std::uint64_t, FingerMatchTemplate> enrolled_;
    std::vector<std::pair<int, FingerMatchTemplate>> probes_; // finger id, template

private slots:
    void initTestCase() {
        // Enrolled: impressions 1-4 of the DB1_B fingers; probes: impressions 5-8. Distractors:
        // 1 500 perturbed copies of DB4_B prints (other fingers than any DB1_B probe).
        std::mt19937 rng(5);
        std::vector<std::vector<Minutia>> db4;
        for (int f = 101; f <= 110; ++f)
            for (int i = 1; i <= 8; ++i)
                db4.push_back(load("fvc2002-db4b", f, i));
        gallery_.reserve(1540);
        for (int f = 101; f <= 110; ++f) {
            for (int i = 1; i <= 4; ++i) {
                const FingerMatchTemplate t(load("fvc2002-db1b", f, i));
                enrolled_.emplace(keyOf(f, i), t);
                gallery_.add(keyOf(f, i), t);
            }
            for (int i = 5; i <= 8; ++i)
                probes_.emplace_back(f, FingerMatchTemplate(load("fvc2002-db1b", f, i)));
        }
        for (int k = 0; k < 1500; ++k)
            gallery_.add(900000 + std::uint64_t(k),
                         FingerMatchTemplate(perturbed(db4[std::size_t(k) % db4.size()], rng)));
        QCOMPARE(gallery_.size(), std::size_t(1540));
    }

    void realPrintsAreFound() {
        GallerySearchOptions options;
        options.shortlistShare = 0.02; // 31 of 1 540
        options.minShortlist = 10;
        int hits = 0, agree = 0;
        for (const auto& [finger, probe] : probes_) {
            const auto screened = gallery_.search(probe, options);
            GallerySearchOptions all = options;
            all.exhaustive = true;
            const auto exhaustive = gallery_.search(probe, all);
            QVERIFY(!exhaustive.empty());
            hits += !screened.empty() && fingerOfKey(screened.front().key) == finger;
            agree += !screened.empty() && screened.front().key == exhaustive.front().key;
            // Whatever the screening kept carries its exact 1:1 score.
            if (!screened.empty() && enrolled_.count(screened.front().key))
                QCOMPARE(screened.front().score,
                         compareFingers(probe, enrolled_.at(screened.front().key)).score);
        }
        qInfo("rank-1 with screening: %d of %zu probes; same first candidate as exhaustive: %d",
              hits, probes_.size(), agree);
        QVERIFY(hits >= 38); // of 40
        QVERIFY(agree >= 38);
    }

    void screeningBuildsAgree() {
        // The screening picks an AVX-512 build where the processor has one; the plain build must
        // give the same scores (on machines without AVX-512 this compares it with itself).
        using namespace matching_detail;
        ScreeningStore store;
        for (const auto& [key, t] : enrolled_)
            store.add(screeningCodes(t.minutiae()));
        int nonZero = 0;
        for (const auto& [finger, probe] : probes_) {
            const ScreeningProbe screening(probe.minutiae());
            for (std::size_t i = 0; i < store.size(); ++i) {
                const float fast = screening.score(store.view(i));
                QCOMPARE(fast, screening.scoreWithoutVectorUnits(store.view(i)));
                nonZero += fast > 0.0f;
            }
        }
        QVERIFY(nonZero > 100);
    }

    void sameResultOnAnyNumberOfThreads() {
        GallerySearchOptions one, two;
        one.threads = 1;
        two.threads = 2;
        one.maxCandidates = two.maxCandidates = 20;
        for (std::size_t p = 0; p < probes_.size(); p += 7) {
            const auto a = gallery_.search(probes_[p].second, one);
            const auto b = gallery_.search(probes_[p].second, two);
            QCOMPARE(a.size(), b.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                QCOMPARE(a[i].key, b[i].key);
                QCOMPARE(a[i].score, b[i].score);
            }
        }
    }

    void optionsAreHonoured() {
        GallerySearchOptions options;
        options.maxCandidates = 5;
        const auto top = gallery_.search(probes_.front().second, options);
        QCOMPARE(top.size(), std::size_t(5));
        for (std::size_t i = 1; i < top.size(); ++i)
            QVERIFY(top[i - 1].similarity >= top[i].similarity);
        options.minScore = top[2].score;
        options.maxCandidates = 50;
        const auto strong = gallery_.search(probes_.front().second, options);
        QVERIFY(strong.size() >= 3);
        for (const auto& c : strong)
            QVERIFY(c.score >= options.minScore);
    }

    void unusableTemplatesAreNeverReturned() {
        FingerGallery small;
        std::vector<Minutia> two = {{10, 10, 0, MinutiaType::RidgeEnding, 50},
                                    {40, 40, 90, MinutiaType::Bifurcation, 50}};
        small.add(1, FingerMatchTemplate(two));
        small.add(2, FingerMatchTemplate());
        small.add(3, probes_.front().second);
        const auto found = small.search(probes_.front().second);
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().key, std::uint64_t(3));
        QVERIFY(small.search(FingerMatchTemplate(two)).empty());
        QVERIFY(FingerGallery().search(probes_.front().second).empty());
    }
};

QTEST_GUILESS_MAIN(TestFingerGallery)
#include "tst_finger_gallery.moc"
