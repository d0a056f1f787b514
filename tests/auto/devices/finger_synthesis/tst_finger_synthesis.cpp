// Tests of the SFinGe-style fingerprint generator (devices/simulated/finger_synthesis.h).
// Images a person may look at are written to UMBRAL_TEST_OUTPUT/finger_synthesis/.

#include "devices/simulated/finger_synthesis.h"

#include <QDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace umbral::devices;

namespace {

using F = FrictionRidgePosition;

std::string outputDir() {
    const char* env = std::getenv("UMBRAL_TEST_OUTPUT");
    std::filesystem::path dir = env ? env : UMBRAL_TEST_OUTPUT;
    dir /= "finger_synthesis";
    std::filesystem::create_directories(dir);
    return dir.string();
}

void save(std::string name, const SyntheticCapture& capture) {
    std::replace(name.begin(), name.end(), ' ', '_');
    std::replace(name.begin(), name.end(), ':', '_');
    cv::Mat colour;
    cv::cvtColor(capture.image, colour, cv::COLOR_GRAY2BGR);
    for (const auto& f : capture.fingers) {
        cv::Point2f v[4];
        f.box.points(v);
        for (int k = 0; k < 4; ++k)
            cv::line(colour, v[k], v[(k + 1) % 4], cv::Scalar(0, 0, 255), 2);
        cv::putText(colour, std::to_string(static_cast<int>(f.position)), f.box.center,
                    cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(0, 140, 255), 2);
    }
    cv::imwrite(outputDir() + "/" + name + ".png", capture.image);
    cv::imwrite(outputDir() + "/" + name + "_boxes.png", colour);
}

cv::Mat boxMask(cv::Size size, const cv::RotatedRect& box) {
    cv::Mat mask(size, CV_8U, cv::Scalar(0));
    cv::Point2f v[4];
    box.points(v);
    std::vector<cv::Point> poly;
    for (const auto& p : v)
        poly.emplace_back(cvRound(p.x), cvRound(p.y));
    cv::fillConvexPoly(mask, poly, cv::Scalar(255));
    return mask;
}

double normalisedCorrelation(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat fa, fb;
    a.convertTo(fa, CV_32F);
    b.convertTo(fb, CV_32F);
    fa -= cv::mean(fa)[0];
    fb -= cv::mean(fb)[0];
    return fa.dot(fb) / std::sqrt(fa.dot(fa) * fb.dot(fb) + 1e-12);
}

/// Dominant ridge period (pixels) of a square patch, from the peak of its power spectrum.
double dominantPeriod(const cv::Mat& patch) {
    cv::Mat f;
    patch.convertTo(f, CV_32F);
    f -= cv::mean(f)[0];
    cv::Mat window;
    cv::createHanningWindow(window, f.size(), CV_32F);
    f = f.mul(window);
    cv::Mat spectrum;
    cv::dft(f, spectrum, cv::DFT_COMPLEX_OUTPUT);
    double best = 0, bestRadius = 0;
    const int n = f.rows;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const int fy = y <= n / 2 ? y : y - n, fx = x <= n / 2 ? x : x - n;
            const double r = std::hypot(fx, fy);
            if (r < 4)
                continue; // ignore the slow shading
            const cv::Vec2f c = spectrum.at<cv::Vec2f>(y, x);
            const double power = c[0] * c[0] + c[1] * c[1];
            if (power > best)
                best = power, bestRadius = r;
        }
    return n / bestRadius;
}

enum class Knob { Pressure, Dryness, Wetness, Noise, Blur, Motion, Contact, Contrast, Distortion };
enum class Metric {
    HighFrequencyEnergy, // mean |Laplacian| over the print
    MeanGrey,            // mean grey over the print
    DarkFraction,        // fraction of ridge (dark) pixels over the print
    RidgeFragments,      // connected pieces of ridge over the print
    ContactArea,         // the generator's own contact area
    ForegroundArea,      // blocks of the image with ridge texture
    BackgroundVariance,  // high-pass variance where no finger touches
    RidgeContrast,       // grey-level spread over the print
    DistanceFromRigid    // 1 - correlation with the same impression without distortion
};
enum class Direction { Increases, Decreases };

void setKnob(FingerQuality& q, Knob knob, double value) {
    switch (knob) {
    case Knob::Pressure:
        q.pressure = value;
        break;
    case Knob::Dryness:
        q.dryness = value;
        break;
    case Knob::Wetness:
        q.wetness = value;
        break;
    case Knob::Noise:
        q.noise = value;
        break;
    case Knob::Blur:
        q.blur = value;
        break;
    case Knob::Motion:
        q.motion = value;
        break;
    case Knob::Contact:
        q.contact = value;
        break;
    case Knob::Contrast:
        q.contrast = value;
        break;
    case Knob::Distortion:
        q.distortion = value;
        break;
    }
}

double measure(Metric metric, const SyntheticCapture& c, const cv::Mat& printMask,
               const cv::Mat& rigidReference) {
    const cv::Mat& img = c.image;
    switch (metric) {
    case Metric::HighFrequencyEnergy: {
        cv::Mat lap;
        cv::Laplacian(img, lap, CV_32F);
        return cv::mean(cv::abs(lap), printMask)[0];
    }
    case Metric::MeanGrey:
        return cv::mean(img, printMask)[0];
    case Metric::DarkFraction: {
        cv::Mat dark = (img < 128) & printMask;
        return static_cast<double>(cv::countNonZero(dark)) / cv::countNonZero(printMask);
    }
    case Metric::RidgeFragments: {
        cv::Mat dark = (img < 128) & printMask;
        cv::Mat labels;
        return cv::connectedComponents(dark, labels, 8) - 1;
    }
    case Metric::ContactArea:
        return c.fingers.empty() ? 0.0 : c.fingers.front().contactAreaPx;
    case Metric::ForegroundArea: {
        int blocks = 0;
        for (int y = 0; y + 16 <= img.rows; y += 16)
            for (int x = 0; x + 16 <= img.cols; x += 16) {
                cv::Scalar mean, sd;
                cv::meanStdDev(img(cv::Rect(x, y, 16, 16)), mean, sd);
                blocks += sd[0] > 30.0 ? 1 : 0;
            }
        return blocks;
    }
    case Metric::BackgroundVariance: {
        cv::Mat background;
        cv::dilate(printMask, background, cv::Mat(), cv::Point(-1, -1), 25);
        background = background == 0;
        cv::Mat f, smooth;
        img.convertTo(f, CV_32F);
        cv::GaussianBlur(f, smooth, cv::Size(0, 0), 3.0);
        cv::Mat high = f - smooth;
        cv::Scalar mean, sd;
        cv::meanStdDev(high, mean, sd, background);
        return sd[0] * sd[0];
    }
    case Metric::RidgeContrast: {
        cv::Scalar mean, sd;
        cv::meanStdDev(img, mean, sd, printMask);
        return sd[0];
    }
    case Metric::DistanceFromRigid:
        return 1.0 - normalisedCorrelation(img, rigidReference);
    }
    return 0;
}

} // namespace

Q_DECLARE_METATYPE(Knob)
Q_DECLARE_METATYPE(Metric)
Q_DECLARE_METATYPE(Direction)

class TestFingerSynthesis : public QObject {
    Q_OBJECT

private:
    FingerprintSynthesizer synth_{64};

    CaptureRequest steadyRequest(std::uint64_t identity, F position) const {
        CaptureRequest r;
        r.identitySeed = identity;
        r.position = position;
        r.impressionSeed = 3;
        r.placement = Placement{{4.0, -6.0}, 5.0, 0.5};
        return r;
    }

private slots:
    void sameSeedGivesIdenticalImage_data() {
        QTest::addColumn<int>("position");
        QTest::newRow("right index") << static_cast<int>(F::RightIndex);
        QTest::newRow("left thumb") << static_cast<int>(F::LeftThumb);
        QTest::newRow("right slap") << static_cast<int>(F::PlainRightFour);
    }
    void sameSeedGivesIdenticalImage() {
        QFETCH(int, position);
        CaptureRequest r;
        r.identitySeed = 4242;
        r.position = static_cast<F>(position);
        r.impressionSeed = 7;
        r.quality = FingerQuality::profile("poor");
        // Two generators share nothing: the result depends on the request alone.
        FingerprintSynthesizer other(8);
        const SyntheticCapture a = synth_.capture(r);
        const SyntheticCapture b = other.capture(r);
        QCOMPARE(a.image.size(), b.image.size());
        QCOMPARE(cv::norm(a.image, b.image, cv::NORM_INF), 0.0);
        QCOMPARE(a.fingers.size(), b.fingers.size());
        for (size_t i = 0; i < a.fingers.size(); ++i) {
            QCOMPARE(static_cast<int>(a.fingers[i].position),
                     static_cast<int>(b.fingers[i].position));
            QCOMPARE(a.fingers[i].box.center, b.fingers[i].box.center);
            QCOMPARE(a.fingers[i].box.size, b.fingers[i].box.size);
        }
        // And a rebuilt master is the same master.
        const auto m1 = synth_.master(4242, F::RightIndex);
        const auto m2 = other.master(4242, F::RightIndex);
        QCOMPARE(cv::norm(m1->ridges, m2->ridges, cv::NORM_INF), 0.0);
    }

    void differentIdentitiesAreDifferentFingers() {
        const auto a = synth_.master(1001, F::RightMiddle);
        const auto b = synth_.master(1002, F::RightMiddle);
        const cv::Rect centre(a->ridges.cols / 2 - 96, a->ridges.rows / 2 - 96, 192, 192);
        const cv::Rect centreB(b->ridges.cols / 2 - 96, b->ridges.rows / 2 - 96, 192, 192);
        const double ncc = normalisedCorrelation(a->ridges(centre), b->ridges(centreB));
        QVERIFY2(std::abs(ncc) < 0.3, qPrintable(QString("impostor ridges correlate %1").arg(ncc)));
        // The fingers of one person differ from each other too.
        const auto c = synth_.master(1001, F::LeftMiddle);
        const cv::Rect centreC(c->ridges.cols / 2 - 96, c->ridges.rows / 2 - 96, 192, 192);
        QVERIFY(std::abs(normalisedCorrelation(a->ridges(centre), c->ridges(centreC))) < 0.3);
    }

    void mastersAreCachedAndShared() {
        const auto a = synth_.master(77, F::LeftRing);
        const auto b = synth_.master(77, F::LeftRing);
        QCOMPARE(a.get(), b.get());
        FingerprintSynthesizer small(2);
        small.master(1, F::RightThumb);
        small.master(2, F::RightThumb);
        small.master(3, F::RightThumb);
        QCOMPARE(small.cachedMasterCount(), std::size_t{2});
    }

    void singularPointsMatchThePatternClass() {
        int classesSeen = 0;
        bool seen[5] = {};
        for (std::uint64_t id = 200; id < 212; ++id) {
            const auto m = synth_.master(id, static_cast<F>(1 + id % 10));
            seen[static_cast<int>(m->pattern)] = true;
            switch (m->pattern) {
            case FingerPatternClass::Arch:
                QCOMPARE(m->cores.size() + m->deltas.size(), std::size_t{0});
                break;
            case FingerPatternClass::TentedArch:
            case FingerPatternClass::LeftLoop:
            case FingerPatternClass::RightLoop:
                QCOMPARE(m->cores.size(), std::size_t{1});
                QCOMPARE(m->deltas.size(), std::size_t{1});
                break;
            case FingerPatternClass::Whorl:
                QCOMPARE(m->cores.size(), std::size_t{2});
                QCOMPARE(m->deltas.size(), std::size_t{2});
                break;
            }
            // Loops: the delta lies on the side the loop does not open to.
            if (m->pattern == FingerPatternClass::RightLoop)
                QVERIFY(m->deltas[0].x < m->cores[0].x);
            if (m->pattern == FingerPatternClass::LeftLoop)
                QVERIFY(m->deltas[0].x > m->cores[0].x);
        }
        for (bool s : seen)
            classesSeen += s ? 1 : 0;
        QVERIFY2(classesSeen >= 2, "twelve fingers all of one pattern class");
    }

    void ridgePeriodIsThatOfAdultSkinAt500ppi() {
        for (std::uint64_t id : {31u, 32u, 33u}) {
            const auto m = synth_.master(id, F::RightIndex);
            const cv::Rect centre(m->ridges.cols / 2 - 64, m->ridges.rows / 2 - 64, 128, 128);
            const double masterPeriod = dominantPeriod(m->ridges(centre));
            QVERIFY2(masterPeriod > 7.5 && masterPeriod < 11.5,
                     qPrintable(QString("master period %1 px").arg(masterPeriod)));
            const SyntheticCapture c = synth_.capture(steadyRequest(id, F::RightIndex));
            const cv::Point ctr = c.fingers.front().box.center;
            const double imagePeriod =
                dominantPeriod(c.image(cv::Rect(ctr.x - 64, ctr.y - 64, 128, 128)));
            QVERIFY2(imagePeriod > 7.5 && imagePeriod < 11.5,
                     qPrintable(QString("image period %1 px").arg(imagePeriod)));
        }
    }

    void impressionsVaryAsConfigured() {
        CaptureRequest r;
        r.identitySeed = 55;
        r.position = F::LeftIndex;
        r.range.maxOffsetPx = 35;
        r.range.maxRotationDeg = 9;
        std::vector<double> xs;
        for (std::uint64_t s = 0; s < 8; ++s) {
            r.impressionSeed = s;
            const Placement p = FingerprintSynthesizer::placementFor(r);
            QVERIFY(std::hypot(p.offset.x, p.offset.y) <= 35.0 + 1e-9);
            QVERIFY(std::abs(p.rotationDeg) <= 9.0 + 1e-9);
            xs.push_back(p.offset.x);
        }
        const auto [lo, hi] = std::minmax_element(xs.begin(), xs.end());
        QVERIFY2(*hi - *lo > 15.0, "impressions do not move");

        // The finger goes where the placement says: moving the placement by (dx, dy) moves the
        // rendered print's box by the same amount, and the box turns with the rotation.
        r.quality.distortion = 0.0;
        r.impressionSeed = 1;
        r.placement = Placement{{0.0, 0.0}, 0.0, 0.5};
        const SyntheticCapture a = synth_.capture(r);
        r.placement = Placement{{30.0, -20.0}, 0.0, 0.5};
        const SyntheticCapture b = synth_.capture(r);
        const cv::Point2f shift = b.fingers[0].box.center - a.fingers[0].box.center;
        QVERIFY2(std::abs(shift.x - 30.0f) < 3.0f && std::abs(shift.y + 20.0f) < 3.0f,
                 qPrintable(QString("box moved by %1, %2").arg(shift.x).arg(shift.y)));
        r.placement = Placement{{0.0, 0.0}, 11.0, 0.5};
        const SyntheticCapture turned = synth_.capture(r);
        QCOMPARE(turned.fingers[0].box.angle, 11.0f);

        // Genuine impressions of one finger are more alike than impressions of two fingers:
        // same placement, different impression seeds (contact edge, distortion, noise).
        r.placement = Placement{{0.0, 0.0}, 0.0, 0.5};
        r.quality.distortion = 0.2;
        r.impressionSeed = 2;
        const SyntheticCapture g1 = synth_.capture(r);
        r.impressionSeed = 3;
        const SyntheticCapture g2 = synth_.capture(r);
        r.identitySeed = 56;
        const SyntheticCapture i1 = synth_.capture(r);
        const cv::Rect core(128, 200, 160, 160);
        const double genuine = normalisedCorrelation(g1.image(core), g2.image(core));
        const double impostor = normalisedCorrelation(g1.image(core), i1.image(core));
        QVERIFY2(genuine > 0.5 && std::abs(impostor) < 0.25,
                 qPrintable(QString("genuine %1 impostor %2").arg(genuine).arg(impostor)));
    }

    void eachQualityKnobMovesTheImageTheRightWay_data() {
        QTest::addColumn<Knob>("knob");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<Metric>("metric");
        QTest::addColumn<Direction>("direction");
        QTest::newRow("blur lowers high-frequency energy")
            << Knob::Blur << 0.0 << 0.9 << Metric::HighFrequencyEnergy << Direction::Decreases;
        QTest::newRow("motion lowers high-frequency energy")
            << Knob::Motion << 0.0 << 0.9 << Metric::HighFrequencyEnergy << Direction::Decreases;
        QTest::newRow("pressure darkens the print")
            << Knob::Pressure << 0.25 << 0.9 << Metric::MeanGrey << Direction::Decreases;
        QTest::newRow("pressure widens ridges")
            << Knob::Pressure << 0.25 << 0.9 << Metric::DarkFraction << Direction::Increases;
        QTest::newRow("pressure grows the contact area")
            << Knob::Pressure << 0.1 << 0.95 << Metric::ContactArea << Direction::Increases;
        QTest::newRow("dryness breaks ridges")
            << Knob::Dryness << 0.0 << 0.8 << Metric::RidgeFragments << Direction::Increases;
        QTest::newRow("dryness lightens the print")
            << Knob::Dryness << 0.0 << 0.8 << Metric::MeanGrey << Direction::Increases;
        QTest::newRow("wetness fills valleys")
            << Knob::Wetness << 0.0 << 0.8 << Metric::DarkFraction << Direction::Increases;
        QTest::newRow("wetness merges ridges")
            << Knob::Wetness << 0.0 << 0.8 << Metric::RidgeFragments << Direction::Decreases;
        QTest::newRow("partial contact lowers the contact area")
            << Knob::Contact << 1.0 << 0.4 << Metric::ContactArea << Direction::Decreases;
        QTest::newRow("partial contact lowers the foreground area")
            << Knob::Contact << 1.0 << 0.4 << Metric::ForegroundArea << Direction::Decreases;
        QTest::newRow("noise raises local variance")
            << Knob::Noise << 0.0 << 0.9 << Metric::BackgroundVariance << Direction::Increases;
        QTest::newRow("low contrast flattens ridges")
            << Knob::Contrast << 1.0 << 0.3 << Metric::RidgeContrast << Direction::Decreases;
        QTest::newRow("distortion bends the print away from the rigid placement")
            << Knob::Distortion << 0.0 << 1.0 << Metric::DistanceFromRigid << Direction::Increases;
    }
    void eachQualityKnobMovesTheImageTheRightWay() {
        QFETCH(Knob, knob);
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(Metric, metric);
        QFETCH(Direction, direction);
        for (const auto& [identity, position] :
             {std::pair{11ull, F::RightIndex}, std::pair{12ull, F::LeftThumb}}) {
            CaptureRequest r = steadyRequest(identity, position);
            setKnob(r.quality, knob, low);
            const SyntheticCapture a = synth_.capture(r);
            setKnob(r.quality, knob, high);
            const SyntheticCapture b = synth_.capture(r);
            QCOMPARE(a.fingers.size(), std::size_t{1});
            // Measure both over the same place: the print as rendered with the low setting.
            const cv::Mat mask = boxMask(a.image.size(), a.fingers.front().box);
            CaptureRequest rigid = r;
            rigid.quality.distortion = 0.0;
            const cv::Mat reference = synth_.capture(rigid).image;
            const double ma = measure(metric, a, mask, reference);
            const double mb = measure(metric, b, mask, reference);
            const QString what = QString("%1 -> %2 (identity %3)").arg(ma).arg(mb).arg(identity);
            if (direction == Direction::Increases)
                QVERIFY2(mb > ma * 1.05 + 1e-9, qPrintable(what));
            else
                QVERIFY2(mb < ma * 0.95, qPrintable(what));
            if (identity == 11) {
                save(std::string("knob_") + QTest::currentDataTag() + "_low", a);
                save(std::string("knob_") + QTest::currentDataTag() + "_high", b);
            }
        }
    }

    void namedProfilesAreDistinct() {
        const auto names = FingerQuality::profileNames();
        QVERIFY(names.size() >= 8);
        CaptureRequest r = steadyRequest(99, F::RightMiddle);
        cv::Mat good;
        for (const auto& name : names) {
            r.quality = FingerQuality::profile(name);
            const SyntheticCapture c = synth_.capture(r);
            save("profile_" + name, c);
            if (name == "good")
                good = c.image;
            else
                QVERIFY2(cv::norm(c.image, good, cv::NORM_L1) > 0, name.c_str());
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, FingerQuality::profile("sticky"));
    }

    void slapsHaveTheirFingersInOrder_data() {
        QTest::addColumn<int>("slap");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("right slap: index to little") << 13 << QList<int>{2, 3, 4, 5};
        QTest::newRow("left slap: little to index") << 14 << QList<int>{10, 9, 8, 7};
        QTest::newRow("thumbs: left then right") << 15 << QList<int>{6, 1};
    }
    void slapsHaveTheirFingersInOrder() {
        QFETCH(int, slap);
        QFETCH(QList<int>, expected);
        CaptureRequest r;
        r.identitySeed = 8080;
        r.position = static_cast<F>(slap);
        r.impressionSeed = 5;
        const SyntheticCapture c = synth_.capture(r);
        save("slap_" + std::to_string(slap), c);
        QCOMPARE(c.image.size(), cv::Size(1600, 1500));
        QCOMPARE(c.ppi, 500.0);
        QCOMPARE(static_cast<int>(c.fingers.size()), static_cast<int>(expected.size()));
        float lastX = -1;
        cv::Mat union_(c.image.size(), CV_8U, cv::Scalar(0));
        for (size_t i = 0; i < c.fingers.size(); ++i) {
            QCOMPARE(static_cast<int>(c.fingers[i].position), expected[static_cast<int>(i)]);
            QVERIFY(c.fingers[i].box.center.x > lastX);
            lastX = c.fingers[i].box.center.x;
            const cv::Rect bounds = c.fingers[i].box.boundingRect();
            QVERIFY((bounds & cv::Rect(0, 0, 1600, 1500)) == bounds);
            // A fingertip at 500 ppi: 9-24 mm wide (a lightly pressed little finger is
            // narrow), taller than wide.
            QVERIFY(c.fingers[i].box.size.width > 180 && c.fingers[i].box.size.width < 480);
            QVERIFY(c.fingers[i].box.size.height > c.fingers[i].box.size.width * 0.95);
            union_ |= boxMask(c.image.size(), c.fingers[i].box);
        }
        // The boxes hold the fingertips: without the phalanges below them, nearly every ridge
        // pixel lies inside one; with them, the boxes stay where they were.
        r.lowerPhalanxContact = 0.0;
        const SyntheticCapture tips = synth_.capture(r);
        QCOMPARE(tips.fingers.size(), c.fingers.size());
        for (size_t i = 0; i < c.fingers.size(); ++i)
            QCOMPARE(tips.fingers[i].box.center, c.fingers[i].box.center);
        QVERIFY(cv::countNonZero((c.image < 100) & (union_ == 0)) >
                2 * cv::countNonZero((tips.image < 100) & (union_ == 0)));
        cv::dilate(union_, union_, cv::Mat(), cv::Point(-1, -1), 4);
        const cv::Mat ridges = tips.image < 100;
        const double inside =
            cv::countNonZero(ridges & union_) / static_cast<double>(cv::countNonZero(ridges));
        QVERIFY2(inside > 0.98,
                 qPrintable(QString("%1 of ridge pixels inside the boxes").arg(inside)));
    }

    void absentFingersAreLeftOut() {
        CaptureRequest r;
        r.identitySeed = 8080;
        r.position = F::PlainLeftFour;
        r.impressionSeed = 5;
        const SyntheticCapture full = synth_.capture(r);
        r.absentFingers = {F::LeftRing};
        const SyntheticCapture three = synth_.capture(r);
        save("slap_14_without_ring", three);
        QCOMPARE(three.fingers.size(), std::size_t{3});
        for (const auto& f : three.fingers)
            QVERIFY(f.position != F::LeftRing);
        // The other fingers are where they were.
        QCOMPARE(three.fingers[0].box.center, full.fingers[0].box.center);
        QCOMPARE(three.fingers[2].box.center, full.fingers[3].box.center);
        // And where the ring finger was, the glass is empty.
        const cv::Mat ring = boxMask(full.image.size(), full.fingers[1].box);
        QVERIFY(cv::countNonZero((three.image < 100) & ring) < 0.01 * cv::countNonZero(ring));

        r.absentFingers = {F::RightRing};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, synth_.capture(r));
    }

    void badRequestsAreRefused() {
        CaptureRequest r;
        r.position = static_cast<F>(11);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, synth_.capture(r));
        r.position = F::Unknown;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, synth_.capture(r));
        r.position = F::PlainThumbs;
        r.imageSize = cv::Size(300, 300);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, synth_.capture(r));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, synth_.master(1, F::PlainRightFour));
    }

    void previewLandsAndSettles() {
        CaptureRequest target;
        target.identitySeed = 321;
        target.position = F::RightIndex;
        target.impressionSeed = 4;
        PreviewTiming timing;
        PlacementPreview preview(synth_, target, timing);
        const int total = timing.landingFrames + timing.settlingFrames;
        std::vector<double> area;
        std::vector<cv::Mat> frames;
        while (!preview.settled()) {
            const SyntheticCapture f = preview.nextFrame();
            area.push_back(f.fingers.empty() ? 0.0 : f.fingers.front().contactAreaPx);
            frames.push_back(f.image);
        }
        QCOMPARE(static_cast<int>(area.size()), total);
        const SyntheticCapture steady1 = preview.nextFrame();
        const SyntheticCapture steady2 = preview.nextFrame();
        cv::imwrite(outputDir() + "/preview_first.png", frames.front());
        cv::imwrite(outputDir() + "/preview_middle.png",
                    frames[static_cast<size_t>(timing.landingFrames / 2)]);
        cv::imwrite(outputDir() + "/preview_settled.png", steady1.image);
        // Contact spreads while the finger lands: the first touch is small, the settled
        // finger shows the target's contact.
        QVERIFY(area.front() < 0.5 * steady1.fingers.front().contactAreaPx);
        for (int i = 1; i < timing.landingFrames; ++i)
            QVERIFY2(area[static_cast<size_t>(i)] >= area[static_cast<size_t>(i) - 1] * 0.97,
                     qPrintable(QString("frame %1 lost contact").arg(i)));
        const SyntheticCapture still = synth_.capture(target);
        QVERIFY(
            std::abs(steady1.fingers.front().contactAreaPx - still.fingers.front().contactAreaPx) <
            0.03 * still.fingers.front().contactAreaPx);
        // Settled frames differ by sensor noise only.
        QVERIFY(cv::norm(steady1.image, steady2.image, cv::NORM_L1) > 0);
        QVERIFY(normalisedCorrelation(steady1.image, steady2.image) > 0.9);
        // The sequence is reproducible.
        PlacementPreview again(synth_, target, timing);
        QCOMPARE(cv::norm(again.nextFrame().image, frames.front(), cv::NORM_INF), 0.0);
    }

    // Settled frames are the first settled frame's optics moved by the tremor, not full renders:
    // they must still show what a full render of the same frame shows, with the fingers where
    // the full render puts them, and keep changing (noise and tremor) from frame to frame.
    void settledSlapFramesMatchFullRenders() {
        CaptureRequest target;
        target.identitySeed = 77;
        target.position = F::PlainRightFour;
        target.impressionSeed = 9;
        PreviewTiming timing;
        timing.landingFrames = 2;
        timing.settlingFrames = 1;
        PlacementPreview preview(synth_, target, timing);
        while (!preview.settled())
            preview.nextFrame();
        preview.nextFrame(); // the first settled frame: rendered in full
        cv::Mat previous;
        for (int k = 0; k < 4; ++k) {
            const int index = preview.frameIndex();
            const SyntheticCapture reused = preview.nextFrame();
            const SyntheticCapture full = synth_.capture(preview.requestForFrame(index));
            QCOMPARE(reused.image.size(), full.image.size());
            QVERIFY2(normalisedCorrelation(reused.image, full.image) > 0.9,
                     qPrintable(QString("frame %1").arg(index)));
            QCOMPARE(reused.fingers.size(), full.fingers.size());
            for (size_t i = 0; i < full.fingers.size(); ++i) {
                QVERIFY(reused.fingers[i].position == full.fingers[i].position);
                QVERIFY(cv::norm(reused.fingers[i].box.center - full.fingers[i].box.center) < 1.5);
            }
            if (!previous.empty())
                QVERIFY(cv::norm(reused.image, previous, cv::NORM_L1) > 0);
            previous = reused.image;
        }
    }
};

QTEST_APPLESS_MAIN(TestFingerSynthesis)
#include "tst_finger_synthesis.moc"
