// Iris codes and matching: genuine and impostor synthetic pairs separate completely at good
// quality, rotation is found, the popcount kernel agrees with a bit-by-bit count, templates
// survive a file round trip and malformed files are refused, 1:N search finds the mate.
#include "app/biometrics/iris/iris_matching.h"
#include "devices/simulated/iris_synthesis.h"

#include <QFile>
#include <QTest>
#include <QTextStream>
#include <random>

using namespace umbral::biometrics;
using umbral::devices::IrisQualityProfile;
using umbral::devices::IrisSynthesizer;

namespace {

constexpr int kIdentities = 50;
constexpr int kImpressions = 4;

QString outputPath(const QString& name) {
    const QByteArray env = qgetenv("UMBRAL_TEST_OUTPUT");
    return (env.isEmpty() ? QString(UMBRAL_TEST_OUTPUT) : QString::fromLocal8Bit(env)) + "/" + name;
}

IrisTemplate randomTemplate(std::mt19937_64& rng, double maskShare) {
    IrisTemplate t;
    std::bernoulli_distribution masked(maskShare);
    for (int w = 0; w < kIrisCodeWords; ++w) {
        t.code[w] = rng();
        std::uint64_t m = 0;
        for (int b = 0; b < 64; ++b)
            if (!masked(rng))
                m |= std::uint64_t{1} << b;
        t.mask[w] = m;
    }
    return t;
}

// Bit-by-bit reference: the reference pattern lies `shift` steps further round than the probe.
void naiveCount(const IrisTemplate& probe, const IrisTemplate& ref, int shift, int& differing,
                int& compared) {
    differing = 0;
    compared = 0;
    for (int r = 0; r < kIrisCodeRings; ++r)
        for (int j = 0; j < kIrisCodeAngles; ++j)
            for (int p = 0; p < 2; ++p) {
                const int pj = ((j - shift) % kIrisCodeAngles + kIrisCodeAngles) % kIrisCodeAngles;
                if (!probe.maskBit(r, pj, p) || !ref.maskBit(r, j, p))
                    continue;
                ++compared;
                differing += probe.bit(r, pj, p) != ref.bit(r, j, p) ? 1 : 0;
            }
}

} // namespace

class TestIrisMatching : public QObject {
    Q_OBJECT

    std::vector<IrisTemplate> templates_; // kIdentities x kImpressions, good quality
    std::vector<int> identity_;

private slots:
    void initTestCase() {
        IrisSynthesizer synth(2);
        for (int i = 0; i < kIdentities; ++i)
            for (int k = 0; k < kImpressions; ++k) {
                const auto eye = synth.render(
                    70000 + static_cast<std::uint64_t>(i),
                    umbral::devices::impressionSettings(IrisQualityProfile::Good,
                                                        100 * static_cast<std::uint64_t>(i) + k));
                templates_.push_back(encodeIris(eye.image));
                identity_.push_back(i);
            }
    }

    void codesHaveAtLeast2048BitsEach() {
        static_assert(kIrisCodeBits >= 2048);
        QCOMPARE(static_cast<int>(sizeof(IrisTemplate::code) * 8), kIrisCodeBits);
        QCOMPARE(static_cast<int>(sizeof(IrisTemplate::mask) * 8), kIrisCodeBits);
        for (const auto& t : templates_)
            QVERIFY2(t.validBits() > 800, qPrintable(QString::number(t.validBits())));
    }

    // 50 identities x 4 impressions: every genuine pair closer than every impostor pair, with the
    // decision threshold between them for galleries from 1 to a million.
    void genuineAndImpostorSeparate() {
        std::vector<double> genuine;
        std::vector<double> impostor;
        for (std::size_t a = 0; a < templates_.size(); ++a)
            for (std::size_t b = a + 1; b < templates_.size(); ++b) {
                const double d = compareIrisTemplates(templates_[a], templates_[b]).distance;
                (identity_[a] == identity_[b] ? genuine : impostor).push_back(d);
            }
        QCOMPARE(genuine.size(), std::size_t{kIdentities * kImpressions * (kImpressions - 1) / 2});
        const double genuineMax = *std::max_element(genuine.begin(), genuine.end());
        const double impostorMin = *std::min_element(impostor.begin(), impostor.end());
        const double t1 = irisDecisionThreshold(1);
        const double t1M = irisDecisionThreshold(1000000);
        qInfo("genuine %zu pairs: max %.3f; impostor %zu pairs: min %.3f; threshold 1:1 %.3f, "
              "1:1e6 %.3f",
              genuine.size(), genuineMax, impostor.size(), impostorMin, t1, t1M);
        QVERIFY(genuineMax < impostorMin);
        QVERIFY(genuineMax < t1M);
        QVERIFY(t1 < impostorMin);

        // Histogram (bins of 0.02) for docs/iris.md.
        QFile csv(outputPath("iris_distance_histogram.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QTextStream out(&csv);
        out << "bin_start,genuine,impostor\n";
        for (int bin = 0; bin < 30; ++bin) {
            const double lo = 0.02 * bin;
            auto count = [&](const std::vector<double>& v) {
                return std::count_if(v.begin(), v.end(),
                                     [&](double d) { return d >= lo && d < lo + 0.02; });
            };
            const auto g = count(genuine);
            const auto i = count(impostor);
            out << QString::number(lo, 'f', 2) << "," << g << "," << i << "\n";
            if (g || i)
                qInfo("%.2f-%.2f  genuine %4ld  impostor %5ld", lo, lo + 0.02, static_cast<long>(g),
                      static_cast<long>(i));
        }
    }

    void rotationIsFound() {
        IrisSynthesizer synth;
        auto s = umbral::devices::impressionSettings(IrisQualityProfile::Good, 5);
        s.torsionDeg = 0.0;
        const IrisTemplate straight = encodeIris(synth.render(123, s).image);
        s.torsionDeg = 4 * kIrisCodeAngleStepDeg; // the eye rolled by four code steps
        s.impressionSeed = 6;
        const IrisTemplate rolled = encodeIris(synth.render(123, s).image);
        const IrisComparison c = compareIrisTemplates(straight, rolled);
        QVERIFY2(std::abs(c.shift - 4) <= 1, qPrintable(QString::number(c.shift)));
        QVERIFY(c.distance < 0.25);
        // Without the rotation search the same pair looks unrelated.
        QVERIFY(compareIrisTemplates(straight, rolled, 0).distance > 0.35);
    }

    void kernelAgreesWithBitByBitCount() {
        std::mt19937_64 rng(42);
        QVERIFY(QString(irisPopcountPath()) == "popcnt" ||
                QString(irisPopcountPath()) == "portable");
        __builtin_cpu_init();
        if (__builtin_cpu_supports("popcnt"))
            QCOMPARE(QString(irisPopcountPath()), QString("popcnt"));
        for (int trial = 0; trial < 20; ++trial) {
            const IrisTemplate a = randomTemplate(rng, 0.3);
            IrisTemplate b = randomTemplate(rng, 0.3);
            if (trial % 2) // half the pairs nearly identical, rotated
                for (int w = 0; w < kIrisCodeWords; ++w)
                    b.code[w] = a.code[w] ^ (rng() & rng() & rng());
            const int maxShift = trial % 3 == 0 ? 0 : kDefaultMaxShift;
            const IrisComparison c = compareIrisTemplates(a, b, maxShift);
            double best = 2.0;
            int bestShift = 0;
            int bestCompared = 0;
            for (int s = -maxShift; s <= maxShift; ++s) {
                int differing = 0;
                int compared = 0;
                naiveCount(a, b, s, differing, compared);
                const double d =
                    normaliseHammingDistance(static_cast<double>(differing) / compared, compared);
                if (d < best - 1e-12) {
                    best = d;
                    bestShift = s;
                    bestCompared = compared;
                }
            }
            QVERIFY2(std::abs(c.distance - best) < 1e-6,
                     qPrintable(QString("%1 vs %2").arg(c.distance).arg(best)));
            QCOMPARE(c.shift, bestShift);
            QCOMPARE(c.bitsCompared, bestCompared);
        }
        // Nothing in common: no comparison, distance 1.
        IrisTemplate empty;
        QCOMPARE(compareIrisTemplates(empty, empty).bitsCompared, 0);
        QCOMPARE(compareIrisTemplates(empty, empty).distance, 1.0);
    }

    void fewerBitsComparedPullTowardChance() {
        QVERIFY(normaliseHammingDistance(0.2, 200) >
                normaliseHammingDistance(0.2, kTypicalBitsCompared));
        QVERIFY(normaliseHammingDistance(0.2, 2000) <
                normaliseHammingDistance(0.2, kTypicalBitsCompared));
        QCOMPARE(normaliseHammingDistance(0.2, kTypicalBitsCompared), 0.2);
        QCOMPARE(normaliseHammingDistance(0.5, 300), 0.5);
    }

    void thresholdTightensWithGallerySize() {
        double previous = 1.0;
        for (const std::size_t n :
             {std::size_t{1}, std::size_t{100}, std::size_t{10000}, std::size_t{1000000}}) {
            const double t = irisDecisionThreshold(n);
            qInfo("gallery %8zu: threshold %.3f", n, t);
            QVERIFY(t < previous);
            QVERIFY(t > 0.2 && t < 0.45);
            previous = t;
        }
        IrisDecisionPolicy lenient;
        lenient.searchFalseMatchProbability = 1e-2;
        QVERIFY(irisDecisionThreshold(1, lenient) > irisDecisionThreshold(1));
    }

    void templateFileRoundTrip() {
        const IrisTemplate& t = templates_.front();
        const std::vector<std::uint8_t> bytes = t.serialise();
        const IrisTemplate back = IrisTemplate::deserialise(bytes);
        QVERIFY(back.code == t.code);
        QVERIFY(back.mask == t.mask);
        QCOMPARE(compareIrisTemplates(t, back).distance, 0.0);

        auto refused = [](std::vector<std::uint8_t> b) {
            try {
                IrisTemplate::deserialise(b);
                return false;
            } catch (const BiometricError& e) {
                return e.code() == BiometricErrorCode::MalformedTemplate;
            }
        };
        QVERIFY(refused({}));
        QVERIFY(refused(std::vector<std::uint8_t>(bytes.begin(), bytes.end() - 1)));
        auto badMagic = bytes;
        badMagic[0] = 'X';
        QVERIFY(refused(badMagic));
        auto badVersion = bytes;
        badVersion[6] = 99;
        QVERIFY(refused(badVersion));
        auto longer = bytes;
        longer.push_back(0);
        QVERIFY(refused(longer));
    }

    void encodingIsDeterministic() {
        IrisSynthesizer synth;
        const auto image =
            synth.render(9, umbral::devices::impressionSettings(IrisQualityProfile::Good, 9)).image;
        const IrisTemplate a = encodeIris(image);
        const IrisTemplate b = encodeIris(image);
        QVERIFY(a.code == b.code);
        QVERIFY(a.mask == b.mask);
    }

    void gallerySearchFindsTheMate() {
        // Gallery: the first impression of each identity; probes: the others.
        IrisGallery gallery;
        for (int i = 0; i < kIdentities; ++i)
            QCOMPARE(gallery.add(templates_[static_cast<std::size_t>(i * kImpressions)]),
                     std::size_t(i));
        QCOMPARE(gallery.size(), std::size_t{kIdentities});
        const double threshold = irisDecisionThreshold(gallery.size());
        for (int i = 0; i < kIdentities; ++i)
            for (int k = 1; k < kImpressions; ++k) {
                const IrisTemplate& probe =
                    templates_[static_cast<std::size_t>(i * kImpressions + k)];
                const auto hits = gallery.search(probe, threshold, 5);
                QCOMPARE(hits.size(), std::size_t{1});
                QCOMPARE(hits.front().index, std::size_t(i));
                const auto parallel = gallery.search(probe, threshold, 5, kDefaultMaxShift, 3);
                QCOMPARE(parallel.size(), hits.size());
                QCOMPARE(parallel.front().comparison.distance, hits.front().comparison.distance);
            }
        // compareAll agrees with one-to-one comparison.
        const auto all = gallery.compareAll(templates_[1]);
        for (int i = 0; i < kIdentities; ++i)
            QCOMPARE(all[static_cast<std::size_t>(i)].distance,
                     compareIrisTemplates(templates_[1],
                                          templates_[static_cast<std::size_t>(i * kImpressions)])
                         .distance);
    }
};

QTEST_APPLESS_MAIN(TestIrisMatching)
#include "tst_iris_matching.moc"
