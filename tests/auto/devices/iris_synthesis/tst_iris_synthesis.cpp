// The synthetic eye generator: deterministic, its truth agrees with its pixels, and each knob
// moves the image the way the physical cause would.
#include "devices/simulated/iris_synthesis.h"

#include <QTest>
#include <opencv2/imgproc.hpp>

using namespace umbral::devices;

namespace {

// Variance of the Laplacian: high-frequency energy, falls with any blur.
double highFrequencyEnergy(const cv::Mat& img) {
    cv::Mat lap;
    cv::Laplacian(img, lap, CV_32F, 3);
    cv::Scalar mean, dev;
    cv::meanStdDev(lap, mean, dev);
    return dev[0] * dev[0];
}

// Mean squared derivative along a direction (degrees from +x toward +y).
double directionalEnergy(const cv::Mat& img, double angleDeg) {
    cv::Mat gx, gy;
    cv::Sobel(img, gx, CV_32F, 1, 0);
    cv::Sobel(img, gy, CV_32F, 0, 1);
    const double c = std::cos(angleDeg * CV_PI / 180.0);
    const double s = std::sin(angleDeg * CV_PI / 180.0);
    cv::Mat d = c * gx + s * gy;
    return cv::mean(d.mul(d))[0];
}

double darkShare(const cv::Mat& img) { // share of pupil-dark pixels
    cv::Mat dark = img < 40;
    return cv::countNonZero(dark) / static_cast<double>(img.total());
}

double saturatedShare(const cv::Mat& img) {
    return cv::countNonZero(img >= 250) / static_cast<double>(img.total());
}

double usableShare(const SyntheticEye& eye) {
    return cv::countNonZero(eye.truth.usableIrisMask) / static_cast<double>(eye.image.total());
}

// Aspect (height / width) of the largest dark blob: the pupil seen by the camera.
double pupilAspect(const cv::Mat& img) {
    cv::Mat dark = img < 45;
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(dark, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
    double best = 0;
    cv::Rect box;
    for (const auto& c : contours)
        if (cv::contourArea(c) > best) {
            best = cv::contourArea(c);
            box = cv::boundingRect(c);
        }
    return box.width > 0 ? static_cast<double>(box.height) / box.width : 0.0;
}

IrisImpressionSettings clean() {
    IrisImpressionSettings s;
    s.noiseSigma = 1.0;
    s.lashDensity = 0.2;
    s.impressionSeed = 3;
    return s;
}

} // namespace

class TestIrisSynthesis : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameImage() {
        IrisSynthesizer a;
        IrisSynthesizer b;
        const auto s = impressionSettings(IrisQualityProfile::Good, 11);
        const cv::Mat ia = a.render(5, s).image;
        const cv::Mat ib = b.render(5, s).image;
        QCOMPARE(ia.size(), cv::Size(640, 480));
        QCOMPARE(ia.type(), CV_8UC1);
        QCOMPARE(cv::norm(ia, ib, cv::NORM_INF), 0.0);
        // Rendering other identities in between (cache eviction) changes nothing.
        IrisSynthesizer small(1);
        small.render(6, s);
        small.render(7, s);
        QCOMPARE(cv::norm(small.render(5, s).image, ia, cv::NORM_INF), 0.0);
    }

    void impressionsAndIdentitiesDiffer() {
        IrisSynthesizer syn;
        const cv::Mat t5 = syn.irisTexture(5);
        const cv::Mat t6 = syn.irisTexture(6);
        cv::Mat corr;
        cv::matchTemplate(t5, t6, corr, cv::TM_CCOEFF_NORMED);
        QVERIFY2(corr.at<float>(0, 0) < 0.3, "two identities must not share a pattern");
        const auto a = syn.render(5, impressionSettings(IrisQualityProfile::Good, 1)).image;
        const auto b = syn.render(5, impressionSettings(IrisQualityProfile::Good, 2)).image;
        QVERIFY(cv::norm(a, b, cv::NORM_L1) / a.total() > 2.0);
    }

    void truthAgreesWithPixels() {
        IrisSynthesizer syn;
        for (std::uint64_t seed = 0; seed < 8; ++seed) {
            auto s = impressionSettings(IrisQualityProfile::Good, seed);
            s.specularCount = 0;
            const auto eye = syn.render(100 + seed, s, {true});
            const auto& t = eye.truth;
            QVERIFY(t.eyeOpen);
            // Dark just inside the pupil, much brighter just outside the limbus on the sides.
            const cv::Point2d p = t.pupil.pointAt(0.0) - cv::Point2d(3, 0);
            QVERIFY2(eye.image.at<uchar>(cv::Point(p)) < 40,
                     "pupil boundary is not where the truth says");
            const cv::Point2d inIris = t.pupil.pointAt(0.0) + cv::Point2d(4, 0);
            QVERIFY(eye.image.at<uchar>(cv::Point(inIris)) > 45);
            double outside = 0;
            double inside = 0;
            for (double a : {0.0, CV_PI}) {
                const cv::Point2d dir(std::cos(a), std::sin(a));
                outside += eye.image.at<uchar>(cv::Point(t.limbus.pointAt(a) + 5.0 * dir));
                inside += eye.image.at<uchar>(cv::Point(t.limbus.pointAt(a) - 6.0 * dir));
            }
            QVERIFY2(outside > inside + 40, "limbus is not where the truth says");
            // The usable iris lies inside the limbus and outside the pupil.
            QVERIFY(cv::countNonZero(t.usableIrisMask) >
                    0.5 * CV_PI *
                        (t.limbus.meanRadius() * t.limbus.meanRadius() -
                         t.pupil.meanRadius() * t.pupil.meanRadius()));
            cv::Mat outsideLimbus = t.usableIrisMask.clone();
            cv::ellipse(
                outsideLimbus,
                cv::RotatedRect(cv::Point2f(t.limbus.centre),
                                cv::Size2f(2 * t.limbus.semiAxisA + 2, 2 * t.limbus.semiAxisB + 2),
                                static_cast<float>(t.limbus.angleDeg)),
                cv::Scalar(0), cv::FILLED);
            QCOMPARE(cv::countNonZero(outsideLimbus), 0);
        }
    }

    void knobMovesImage_data() {
        QTest::addColumn<QString>("knob");
        QTest::newRow("defocus lowers high-frequency energy") << "defocus";
        QTest::newRow("motion blur lowers energy along the motion most") << "motion";
        QTest::newRow("upper lid hides iris") << "upperLid";
        QTest::newRow("lower lid hides iris") << "lowerLid";
        QTest::newRow("lashes hide iris") << "lashes";
        QTest::newRow("dilation enlarges the dark pupil") << "dilation";
        QTest::newRow("low illumination darkens the frame") << "dark";
        QTest::newRow("high illumination saturates the frame") << "bright";
        QTest::newRow("speculars add saturated spots") << "specular";
        QTest::newRow("noise adds high-frequency energy") << "noise";
        QTest::newRow("off-axis gaze flattens the pupil") << "gaze";
        QTest::newRow("distance shrinks the eye") << "distance";
        QTest::newRow("closing the eye hides the pupil") << "closed";
    }

    void knobMovesImage() {
        QFETCH(QString, knob);
        IrisSynthesizer syn;
        const std::uint64_t id = 21;
        IrisImpressionSettings base = clean();
        IrisImpressionSettings more = base;
        const RenderOptions withMask{true};
        auto img = [&](const IrisImpressionSettings& s) { return syn.render(id, s, withMask); };
        if (knob == "defocus") {
            more.defocusSigmaPx = 3.0;
            QVERIFY(highFrequencyEnergy(img(more).image) <
                    0.5 * highFrequencyEnergy(img(base).image));
        } else if (knob == "motion") {
            more.motionBlurPx = 14.0;
            more.motionBlurAngleDeg = 0.0;
            const cv::Mat b = img(base).image;
            const cv::Mat m = img(more).image;
            const double alongRatio = directionalEnergy(m, 0.0) / directionalEnergy(b, 0.0);
            const double acrossRatio = directionalEnergy(m, 90.0) / directionalEnergy(b, 90.0);
            QVERIFY(alongRatio < 0.6);
            QVERIFY(alongRatio < 0.7 * acrossRatio);
        } else if (knob == "upperLid") {
            more.upperLidCover = 0.45;
            QVERIFY(usableShare(img(more)) < 0.8 * usableShare(img(base)));
        } else if (knob == "lowerLid") {
            more.lowerLidCover = 0.35;
            QVERIFY(usableShare(img(more)) < 0.8 * usableShare(img(base)));
        } else if (knob == "lashes") {
            base.lashDensity = 0.0;
            more.lashDensity = 1.0;
            QVERIFY(usableShare(img(more)) < 0.97 * usableShare(img(base)));
        } else if (knob == "dilation") {
            base.pupilIrisRatio = 0.3;
            more.pupilIrisRatio = 0.6;
            QVERIFY(darkShare(img(more).image) > 2.5 * darkShare(img(base).image));
        } else if (knob == "dark") {
            more.illumination = 0.1;
            QVERIFY(cv::mean(img(more).image)[0] < 0.2 * cv::mean(img(base).image)[0]);
        } else if (knob == "bright") {
            more.illumination = 4.0;
            QVERIFY(saturatedShare(img(more).image) > 0.5);
            QVERIFY(saturatedShare(img(base).image) < 0.01);
        } else if (knob == "specular") {
            base.specularCount = 0;
            more.specularCount = 3;
            QVERIFY(saturatedShare(img(base).image) == 0.0);
            QVERIFY(saturatedShare(img(more).image) * 640 * 480 > 3 * 40);
        } else if (knob == "noise") {
            base.noiseSigma = 0.0;
            more.noiseSigma = 8.0;
            QVERIFY(highFrequencyEnergy(img(more).image) >
                    2.0 * highFrequencyEnergy(img(base).image));
        } else if (knob == "gaze") {
            more.gazeYawDeg = 35.0;
            const double frontal = pupilAspect(img(base).image);
            const double turned = pupilAspect(img(more).image);
            QVERIFY2(std::abs(frontal - 1.0) < 0.08, qPrintable(QString::number(frontal)));
            QVERIFY2(turned > 1.12, qPrintable(QString::number(turned))); // narrower than tall
            QCOMPARE(std::round(img(more).truth.gazeAngleDeg), 35.0);
        } else if (knob == "distance") {
            more.irisRadiusPx = 60.0;
            QVERIFY(darkShare(img(more).image) < 0.35 * darkShare(img(base).image));
            QVERIFY(usableShare(img(more)) < 0.35 * usableShare(img(base)));
        } else if (knob == "closed") {
            const auto closed = img(impressionSettings(IrisQualityProfile::EyeClosed, 1));
            QVERIFY(!closed.truth.eyeOpen);
            QCOMPARE(cv::countNonZero(closed.truth.usableIrisMask), 0);
            cv::Mat dark = closed.image < 40;
            cv::morphologyEx(dark, dark, cv::MORPH_OPEN,
                             cv::getStructuringElement(cv::MORPH_ELLIPSE, {9, 9}));
            QCOMPARE(cv::countNonZero(dark), 0); // no pupil-sized dark region
        } else {
            QFAIL("unknown knob");
        }
    }

    void profilesDegradeWhatTheySay() {
        IrisSynthesizer syn;
        const auto good = syn.render(3, impressionSettings(IrisQualityProfile::Good, 4), {true});
        const auto closed =
            syn.render(3, impressionSettings(IrisQualityProfile::EyeClosed, 4), {true});
        const auto squint =
            syn.render(3, impressionSettings(IrisQualityProfile::Squinting, 4), {true});
        const auto far = syn.render(3, impressionSettings(IrisQualityProfile::TooFar, 4));
        QVERIFY(!closed.truth.eyeOpen);
        QVERIFY(usableShare(squint) < 0.7 * usableShare(good));
        QVERIFY(2.0 * far.truth.limbus.meanRadius() < 150.0);
        QVERIFY(2.0 * good.truth.limbus.meanRadius() >= 210.0);
        for (int p = 0; p <= static_cast<int>(IrisQualityProfile::EyeClosed); ++p) {
            const auto profile = static_cast<IrisQualityProfile>(p);
            IrisQualityProfile back = IrisQualityProfile::Good;
            QVERIFY(profileFromName(profileName(profile), back));
            QCOMPARE(back, profile);
        }
        IrisQualityProfile unused;
        QVERIFY(!profileFromName("no-such-profile", unused));
    }

    void absurdSettingsAreClamped() {
        IrisSynthesizer syn;
        IrisImpressionSettings s;
        s.irisRadiusPx = -5;
        s.pupilIrisRatio = 3.0;
        s.defocusSigmaPx = std::nan("");
        s.motionBlurPx = 1e9;
        s.specularCount = 99;
        const auto eye = syn.render(1, s);
        QCOMPARE(eye.image.size(), cv::Size(640, 480));
        QVERIFY(eye.truth.pupil.meanRadius() < eye.truth.limbus.meanRadius());
    }
};

QTEST_APPLESS_MAIN(TestIrisSynthesis)
#include "tst_iris_synthesis.moc"
