// Tests of slap segmentation (app/biometrics/fingerprint/slap) against synthetic slaps whose
// finger boxes the generator knows (devices/simulated/finger_synthesis.h).
// Annotated images and a summary are written to UMBRAL_TEST_OUTPUT/finger_slap/.

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/fingerprint/slap/slap_segmentation.h"
#include "app/interchange/an2k_images.h"
#include "app/interchange/an2k_io.h"
#include "devices/simulated/finger_synthesis.h"

#include <QTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace umbral;
using biometrics::BiometricError;
using biometrics::BiometricErrorCode;
using biometrics::Hand;
using biometrics::SlapKind;
using devices::FrictionRidgePosition;
using F = FrictionRidgePosition;

namespace {

std::string outputDir() {
    const char* env = std::getenv("UMBRAL_TEST_OUTPUT");
    std::filesystem::path dir = env ? env : UMBRAL_TEST_OUTPUT;
    dir /= "finger_slap";
    std::filesystem::create_directories(dir);
    return dir.string();
}

std::string sharedData() {
    const char* env = std::getenv("UMBRAL_SHARED_DATA");
    return env ? env : UMBRAL_SHARED_DATA;
}

SlapKind kindOf(F slap) {
    switch (slap) {
    case F::PlainRightFour:
        return SlapKind::RightFour;
    case F::PlainLeftFour:
        return SlapKind::LeftFour;
    default:
        return SlapKind::Thumbs;
    }
}

/// The segmented box that overlaps a true box most, and that overlap.
double bestOverlap(const cv::RotatedRect& truth, const biometrics::SlapSegmentation& seg,
                   int* position = nullptr) {
    double best = 0;
    for (const auto& f : seg.fingers) {
        const double iou = biometrics::rotatedBoxIoU(truth, f.box);
        if (iou > best) {
            best = iou;
            if (position)
                *position = f.position;
        }
    }
    return best;
}

void saveAnnotated(const std::string& name, const devices::SyntheticCapture& c,
                   const biometrics::SlapSegmentation& seg) {
    cv::Mat colour;
    cv::cvtColor(c.image, colour, cv::COLOR_GRAY2BGR);
    auto draw = [&](const cv::RotatedRect& box, const cv::Scalar& ink) {
        cv::Point2f v[4];
        box.points(v);
        for (int k = 0; k < 4; ++k)
            cv::line(colour, v[k], v[(k + 1) % 4], ink, 3);
    };
    for (const auto& f : c.fingers)
        draw(f.box, cv::Scalar(0, 180, 0));
    for (const auto& f : seg.fingers) {
        draw(f.box, cv::Scalar(0, 0, 255));
        cv::putText(colour, std::to_string(f.position), f.box.center, cv::FONT_HERSHEY_SIMPLEX, 2.0,
                    cv::Scalar(255, 0, 0), 3);
    }
    cv::resize(colour, colour, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    cv::imwrite(outputDir() + "/" + name + ".png", colour);
}

} // namespace

class TestFingerSlap : public QObject {
    Q_OBJECT

private:
    devices::FingerprintSynthesizer synth_{96};

    devices::CaptureRequest slapRequest(std::uint64_t identity, F slap,
                                        std::uint64_t impression) const {
        devices::CaptureRequest r;
        r.identitySeed = identity;
        r.position = slap;
        r.impressionSeed = impression;
        return r;
    }

private slots:
    // The Must-show of the slap segmentation: 200 synthetic slaps from the simulated scanner's
    // generator, across quality settings (every named profile, the phalanges below the
    // fingertips from none to full, one finger missing in one slap of seven), right and left
    // 4-finger slaps and two thumbs. A slap counts as right when the number of fingertips is
    // right and every true finger box is overlapped at IoU 0.8 or more by a segmented one.
    void twoHundredSyntheticSlapsAcrossQualitySettings() {
        const std::vector<std::string> profiles = devices::FingerQuality::profileNames();
        const F kinds[3] = {F::PlainRightFour, F::PlainLeftFour, F::PlainThumbs};
        const int total = 200;
        int right = 0, countRight = 0, overCounted = 0, handRight = 0, handTold = 0,
            fourFingerSlaps = 0, positionsRight = 0, fingers = 0;
        std::vector<double> overlaps;
        std::ofstream summary(outputDir() + "/two_hundred_slaps.txt");
        for (int k = 0; k < total; ++k) {
            // Ten identities, twenty slaps each in a row (their masters stay cached), the kinds
            // and quality profiles cycling under them.
            devices::CaptureRequest r = slapRequest(300000 + k / 20, kinds[k % 3], 777 + k);
            const std::string profile = profiles[static_cast<size_t>(k) % profiles.size()];
            r.quality = devices::FingerQuality::profile(profile);
            r.lowerPhalanxContact = (k * 37 % 11) / 10.0;
            const auto all = devices::fingersOf(r.position);
            if (k % 7 == 3)
                r.absentFingers = {all[static_cast<size_t>(k / 7) % all.size()]};
            const devices::SyntheticCapture c = synth_.capture(r);
            const auto seg = biometrics::segmentSlap(c.image, kindOf(r.position));

            const bool countOk = seg.fingerCount() == static_cast<int>(c.fingers.size());
            countRight += countOk ? 1 : 0;
            overCounted += seg.fingerCount() > static_cast<int>(c.fingers.size()) ? 1 : 0;
            double worst = 1.0;
            for (const auto& truth : c.fingers) {
                int position = 0;
                const double iou = bestOverlap(truth.box, seg, &position);
                overlaps.push_back(iou);
                worst = std::min(worst, iou);
                ++fingers;
                positionsRight += position == static_cast<int>(truth.position) ? 1 : 0;
            }
            const bool ok = countOk && worst >= 0.8;
            right += ok ? 1 : 0;
            summary << "slap " << k << " fgp " << static_cast<int>(r.position) << " profile "
                    << profile << " fingers " << c.fingers.size() << " found " << seg.fingerCount()
                    << " worst IoU " << worst << (ok ? "" : "  FAIL") << "\n";
            if (!ok || k < 3)
                saveAnnotated("slap_" + std::to_string(k) + (ok ? "" : "_fail"), c, seg);

            // Which hand, from the image alone, on full 4-finger slaps.
            if (r.position != F::PlainThumbs && r.absentFingers.empty()) {
                ++fourFingerSlaps;
                const auto blind = biometrics::segmentSlap(c.image, SlapKind::FourUnknownHand);
                const Hand truthHand = r.position == F::PlainRightFour ? Hand::Right : Hand::Left;
                handTold += blind.hand != Hand::Unknown ? 1 : 0;
                handRight += blind.hand == truthHand ? 1 : 0;
            }
        }
        std::sort(overlaps.begin(), overlaps.end());
        const double rate = static_cast<double>(right) / total;
        const QString line =
            QString("%1 of %2 slaps right (%3 %), count right %4, over-counted %5, "
                    "finger IoU median %6 / 5th percentile %7, positions right "
                    "%8 of %9, hand from the image alone: %10 right and %11 told "
                    "of %12 full 4-finger slaps")
                .arg(right)
                .arg(total)
                .arg(100.0 * rate, 0, 'f', 1)
                .arg(countRight)
                .arg(overCounted)
                .arg(overlaps[overlaps.size() / 2], 0, 'f', 3)
                .arg(overlaps[overlaps.size() / 20], 0, 'f', 3)
                .arg(positionsRight)
                .arg(fingers)
                .arg(handRight)
                .arg(handTold)
                .arg(fourFingerSlaps);
        summary << line.toStdString() << "\n";
        qInfo().noquote() << line;
        QVERIFY2(rate >= 0.95, qPrintable(line));
        // A slap is never reported with more fingers than it has.
        QCOMPARE(overCounted, 0);
        // The hand, when the image decides it, is rarely wrong.
        QVERIFY2(handTold - handRight <= fourFingerSlaps / 20, qPrintable(line));
    }

    void missingFingersAreNotCounted_data() {
        QTest::addColumn<int>("slap");
        QTest::addColumn<int>("absent");
        QTest::newRow("right slap without index") << 13 << 2;
        QTest::newRow("right slap without middle") << 13 << 3;
        QTest::newRow("right slap without little") << 13 << 5;
        QTest::newRow("left slap without ring") << 14 << 9;
        QTest::newRow("left slap without index") << 14 << 7;
        QTest::newRow("thumbs without right thumb") << 15 << 1;
    }
    void missingFingersAreNotCounted() {
        QFETCH(int, slap);
        QFETCH(int, absent);
        devices::CaptureRequest r =
            slapRequest(4100 + static_cast<std::uint64_t>(absent), static_cast<F>(slap), 9);
        r.absentFingers = {static_cast<F>(absent)};
        r.lowerPhalanxContact = 0.8; // phalanges under the fingertips must not pass for fingers
        const devices::SyntheticCapture c = synth_.capture(r);
        const auto seg = biometrics::segmentSlap(c.image, kindOf(r.position));
        QCOMPARE(seg.fingerCount(), seg.expectedFingers - 1);
        QVERIFY(!seg.complete());
        for (const auto& f : seg.fingers)
            QVERIFY2(f.position != absent, "a finger that is not there was named");
        for (const auto& truth : c.fingers)
            QVERIFY(bestOverlap(truth.box, seg) >= 0.8);
    }

    void fullSlapNamesEveryFinger_data() {
        QTest::addColumn<int>("slap");
        QTest::addColumn<QList<int>>("positions");
        QTest::newRow("right slap") << 13 << QList<int>{2, 3, 4, 5};
        QTest::newRow("left slap") << 14 << QList<int>{10, 9, 8, 7};
        QTest::newRow("two thumbs") << 15 << QList<int>{6, 1};
    }
    void fullSlapNamesEveryFinger() {
        QFETCH(int, slap);
        QFETCH(QList<int>, positions);
        const devices::SyntheticCapture c =
            synth_.capture(slapRequest(5150, static_cast<F>(slap), 2));
        const auto seg = biometrics::segmentSlap(c.image, kindOf(static_cast<F>(slap)));
        QVERIFY(seg.complete());
        QCOMPARE(seg.fingerCount(), static_cast<int>(positions.size()));
        for (int i = 0; i < seg.fingerCount(); ++i) {
            const auto& f = seg.fingers[static_cast<size_t>(i)];
            QCOMPARE(f.position, positions[i]);
            // The crop is the box turned upright, at 500 ppi, and holds ridges.
            QCOMPARE(f.crop.cols, cvRound(f.box.size.width));
            QCOMPARE(f.crop.rows, cvRound(f.box.size.height));
            QVERIFY(f.ridgeCoverage > 0.6);
            cv::Scalar mean, sd;
            cv::meanStdDev(f.crop, mean, sd);
            QVERIFY(sd[0] > 30.0);
        }
        QCOMPARE(static_cast<int>(seg.hand), static_cast<int>(slap == 13   ? Hand::Right
                                                              : slap == 14 ? Hand::Left
                                                                           : Hand::Both));
    }

    // Each fingertip gets a score on request, and the scores follow the print: fingertips of
    // good slaps score clearly above those of poor ones (same identities, same placements).
    void everyFingerIsScoredAndTheScoresFollowThePrint() {
        biometrics::SlapOptions options;
        options.scoreFingers = true;
        options.makeCrops = false;
        double sum[2] = {0, 0};
        int n[2] = {0, 0};
        const char* profiles[2] = {"good", "poor"};
        for (int p = 0; p < 2; ++p) {
            for (std::uint64_t id = 0; id < 3; ++id) {
                devices::CaptureRequest r = slapRequest(8100 + id, F::PlainRightFour, 11);
                r.quality = devices::FingerQuality::profile(profiles[p]);
                const devices::SyntheticCapture c = synth_.capture(r);
                const auto seg = biometrics::segmentSlap(c.image, SlapKind::RightFour, options);
                QCOMPARE(seg.fingerCount(), 4);
                for (const auto& f : seg.fingers) {
                    QVERIFY2(f.score.has_value(), profiles[p]);
                    QVERIFY(*f.score >= 0 && *f.score <= 100);
                    sum[p] += *f.score;
                    ++n[p];
                }
            }
        }
        const double good = sum[0] / n[0], poor = sum[1] / n[1];
        qInfo("mean fingertip score: good slaps %.1f, poor slaps %.1f", good, poor);
        QVERIFY2(good > poor + 10.0, qPrintable(QString("good %1, poor %2").arg(good).arg(poor)));
        // Without the option nothing is scored (the preview path scores the boxes itself).
        const auto plain = biometrics::segmentSlap(
            synth_.capture(slapRequest(8100, F::PlainRightFour, 11)).image, SlapKind::RightFour);
        for (const auto& f : plain.fingers)
            QVERIFY(!f.score.has_value());
    }

    void theWrongHandIsNoticed() {
        // A left hand on the platen when the station asked for the right one.
        const devices::SyntheticCapture c = synth_.capture(slapRequest(6161, F::PlainLeftFour, 1));
        const auto seg = biometrics::segmentSlap(c.image, SlapKind::RightFour);
        QCOMPARE(seg.fingerCount(), 4);
        QVERIFY(seg.handFromImage);
        QCOMPARE(static_cast<int>(seg.hand), static_cast<int>(Hand::Left));
        QVERIFY(!seg.handMatchesStatedKind);
        QCOMPARE(seg.fingers.back().position, 7); // left index, rightmost
    }

    void otherResolutionsAreResampled() {
        const devices::SyntheticCapture c = synth_.capture(slapRequest(7272, F::PlainRightFour, 3));
        cv::Mat at1000;
        cv::resize(c.image, at1000, cv::Size(), 1.6, 1.6, cv::INTER_CUBIC); // 800 ppi
        biometrics::SlapOptions options;
        options.ppi = 800.0;
        const auto seg = biometrics::segmentSlap(at1000, SlapKind::RightFour, options);
        QCOMPARE(seg.resampledFrom, 800.0);
        QVERIFY(seg.complete());
        QCOMPARE(seg.fingerCount(), 4);
        for (const auto& truth : c.fingers) {
            const cv::RotatedRect scaled(truth.box.center * 1.6f, truth.box.size * 1.6f,
                                         truth.box.angle);
            QVERIFY(bestOverlap(scaled, seg) >= 0.8);
        }
        // Crops are at 500 ppi whatever the input.
        QVERIFY(std::abs(seg.fingers[0].crop.cols - seg.fingers[0].box.size.width / 1.6) < 3);
    }

    void aBlankPlatenHasNoFingers() {
        cv::Mat blank(1500, 1600, CV_8U);
        cv::RNG rng(5);
        for (const double noise : {2.0, 6.0, 12.0, 25.0}) {
            rng.fill(blank, cv::RNG::NORMAL, 235, noise);
            const auto seg = biometrics::segmentSlap(blank, SlapKind::RightFour);
            QCOMPARE(seg.fingerCount(), 0);
            QVERIFY(!seg.complete());
        }
    }

    // NIST's sample slaps (valid1.8.an2: right four, left four, two thumbs, real live-scan
    // prints, WSQ at 500 ppi). NIST gives no finger boxes for them (their 14.021 fields hold
    // placeholders), so this checks what holds for any slap: the count, the hand told from the
    // image, every finger named, and boxes that hold one fingertip each (a distal phalanx is
    // about 1.2-1.6 of its width long; with the next phalanx a box would be 2.5 or more) and do
    // not overlap.
    void nistsRealSlapsAreSegmented() {
        const std::string file = sharedData() + "/ansi-nist/valid1.8.an2";
        std::ifstream in(file, std::ios::binary);
        if (!in)
            QSKIP("NIST's valid1.8.an2 is not in the shared data");
        const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
        const interchange::Transaction t = interchange::readTransaction(bytes);
        biometrics::SlapOptions options;
        options.scoreFingers = true;
        int slaps = 0;
        for (const auto& record : t.records) {
            if (record.type != 14)
                continue;
            const int fgp = std::atoi(record.text(13).c_str());
            const cv::Mat image = interchange::decodeRecordImage(record);
            const SlapKind kind = kindOf(static_cast<F>(fgp));
            const auto seg = biometrics::segmentSlap(image, kind, options);
            saveAnnotated("nist_fgp_" + std::to_string(fgp),
                          {image, 500.0, static_cast<F>(fgp), {}, {}}, seg);
            QVERIFY2(seg.complete(),
                     qPrintable(QString("FGP %1: %2 fingers").arg(fgp).arg(seg.fingerCount())));
            const std::vector<int> expected = fgp == 13   ? std::vector<int>{2, 3, 4, 5}
                                              : fgp == 14 ? std::vector<int>{10, 9, 8, 7}
                                                          : std::vector<int>{6, 1};
            for (size_t i = 0; i < expected.size(); ++i) {
                const auto& f = seg.fingers[i];
                QCOMPARE(f.position, expected[i]);
                QVERIFY(f.score.has_value());
                if (kind != SlapKind::Thumbs) {
                    const double ratio = f.box.size.height / f.box.size.width;
                    QVERIFY2(ratio > 0.9 && ratio < 1.75,
                             qPrintable(QString("FGP %1 finger %2: box %3 x %4")
                                            .arg(fgp)
                                            .arg(f.position)
                                            .arg(f.box.size.width)
                                            .arg(f.box.size.height)));
                }
                for (size_t j = i + 1; j < seg.fingers.size(); ++j)
                    QVERIFY(biometrics::rotatedBoxIoU(f.box, seg.fingers[j].box) < 0.1);
            }
            if (kind != SlapKind::Thumbs) {
                const auto blind = biometrics::segmentSlap(image, SlapKind::FourUnknownHand);
                QCOMPARE(static_cast<int>(blind.hand),
                         static_cast<int>(fgp == 13 ? Hand::Right : Hand::Left));
                QVERIFY(seg.handFromImage);
                QVERIFY(seg.handMatchesStatedKind);
            }
            ++slaps;
        }
        QCOMPARE(slaps, 3);
    }

    void badInputIsRefusedWithAReason_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << 0 << static_cast<int>(BiometricErrorCode::EmptyImage);
        QTest::newRow("colour") << 1 << static_cast<int>(BiometricErrorCode::NotGrey);
        QTest::newRow("16-bit") << 2 << static_cast<int>(BiometricErrorCode::UnsupportedDepth);
        QTest::newRow("tiny") << 3 << static_cast<int>(BiometricErrorCode::TooSmall);
        QTest::newRow("huge") << 4 << static_cast<int>(BiometricErrorCode::TooLarge);
        QTest::newRow("absurd resolution")
            << 5 << static_cast<int>(BiometricErrorCode::BadResolution);
    }
    void badInputIsRefusedWithAReason() {
        QFETCH(int, kind);
        QFETCH(int, code);
        cv::Mat image;
        biometrics::SlapOptions options;
        switch (kind) {
        case 1:
            image = cv::Mat(1500, 1600, CV_8UC3, cv::Scalar(200, 200, 200));
            break;
        case 2:
            image = cv::Mat(1500, 1600, CV_16U, cv::Scalar(40000));
            break;
        case 3:
            image = cv::Mat(120, 200, CV_8U, cv::Scalar(230));
            break;
        case 4:
            image = cv::Mat(2500, 2500, CV_8U, cv::Scalar(230));
            break;
        case 5:
            image = cv::Mat(1500, 1600, CV_8U, cv::Scalar(230));
            options.ppi = 5.0;
            break;
        default:
            break;
        }
        try {
            biometrics::segmentSlap(image, SlapKind::RightFour, options);
            QFAIL("accepted");
        } catch (const BiometricError& e) {
            QCOMPARE(static_cast<int>(e.code()), code);
            QVERIFY(std::string(e.what()).size() > 10);
        }
    }
};

QTEST_APPLESS_MAIN(TestFingerSlap)
#include "tst_finger_slap.moc"
