// The simulated scanners and iris camera, driven through the TravelerScript: the same traveler
// seed gives the same images, impressions of one traveler vary, every quality profile moves the
// image the right way, previews behave like a placement, and a scripted (watchlisted) traveler
// can be reproduced from the generators alone.
#include "devices/api/device_manager.h"
#include "devices/simulated/simulated_backend.h"

#include <QSignalSpy>
#include <QtTest>
#include <opencv2/imgproc.hpp>

using namespace umbral;
using namespace umbral::devices;

Q_DECLARE_METATYPE(umbral::devices::IrisQualityProfile)

namespace {

// Tests do not wait for travelers to walk up: no landing or approach delays.
SimulatedBackend::Options fastOptions() {
    SimulatedBackend::Options options;
    options.finger.landing = std::chrono::milliseconds(0);
    options.slap.landing = std::chrono::milliseconds(0);
    options.iris.approach = std::chrono::milliseconds(0);
    options.finger.paced = false;
    options.iris.paced = false;
    return options;
}

struct Lane {
    DeviceManager manager;
    SimulatedBackend* backend = nullptr;
    std::shared_ptr<TravelerScript> script;
    explicit Lane(SimulatedBackend::Options options = fastOptions()) {
        backend = static_cast<SimulatedBackend*>(
            manager.addBackend(std::make_unique<SimulatedBackend>(options)));
        script = backend->script();
        manager.start();
    }
};

std::optional<Frame> captureOne(Device& device, const CaptureSpec& spec) {
    QSignalSpy done(&device, &Device::captureCompleted);
    QSignalSpy failed(&device, &Device::captureFailed);
    device.capture(spec);
    if (!QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 60000) ||
        done.isEmpty())
        return std::nullopt;
    return done.first().first().value<Frame>();
}

SimulatedTraveler traveler(std::uint64_t seed, const std::string& fingerProfile = "good",
                           IrisQualityProfile iris = IrisQualityProfile::Good) {
    SimulatedTraveler t;
    t.identitySeed = seed;
    t.fingerProfile = fingerProfile;
    t.irisProfile = iris;
    return t;
}

int differingPixels(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat diff;
    cv::compare(a, b, diff, cv::CMP_NE);
    return cv::countNonZero(diff);
}

// Mean absolute Laplacian: high-frequency energy.
double highFrequencyEnergy(const cv::Mat& grey) {
    cv::Mat lap;
    cv::Laplacian(grey, lap, CV_32F, 3);
    return cv::mean(cv::abs(lap))[0];
}

double fractionBelow(const cv::Mat& grey, int level) {
    return double(cv::countNonZero(grey < level)) / double(grey.total());
}

double meanGrey(const cv::Mat& grey) {
    return cv::mean(grey)[0];
}

} // namespace

class TestSimulatedDevices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsTheLaneDevicesAndPicksOnePerRole() {
        Lane lane;
        QStringList ids;
        for (const DeviceInfo& info : lane.manager.devices())
            ids.append(info.id);
        QCOMPARE(ids, (QStringList{"sim:finger", "sim:slap", "sim:iris"}));
        QCOMPARE(lane.manager.pick(DeviceRole::FingerprintSlap)->id, QStringLiteral("sim:slap"));
        QCOMPARE(lane.manager.pick(DeviceRole::FingerprintSingle)->id,
                 QStringLiteral("sim:finger"));
        QCOMPARE(lane.manager.pick(DeviceRole::Iris)->id, QStringLiteral("sim:iris"));
        const DeviceInfo slap = *lane.manager.find(QStringLiteral("sim:slap"));
        QCOMPARE(slap.fingerprint->imageSize, QSize(1600, 1500));
        QVERIFY(slap.fingerprint->fourFingerSlap && slap.fingerprint->twoThumbs);
        const DeviceInfo iris = *lane.manager.find(QStringLiteral("sim:iris"));
        QCOMPARE(iris.iris->resolution, QSize(640, 480));
    }

    void theSameSeedGivesTheSameImage() {
        // Two stations, same script: bit-identical fingers and irises.
        std::vector<cv::Mat> fingers, irises;
        for (int station = 0; station < 2; ++station) {
            Lane lane;
            lane.script->present(traveler(4242));
            auto finger = lane.manager.device(QStringLiteral("sim:finger"));
            auto camera = lane.manager.device(QStringLiteral("sim:iris"));
            const auto f =
                captureOne(*finger, CaptureSpec::singleFinger(FingerPosition::LeftThumb));
            const auto i = captureOne(*camera, CaptureSpec::iris(IrisEye::Right));
            QVERIFY(f && i);
            QCOMPARE(f->image.size(), cv::Size(416, 560));
            QCOMPARE(i->image.size(), cv::Size(640, 480));
            fingers.push_back(f->image);
            irises.push_back(i->image);
        }
        QCOMPARE(differingPixels(fingers[0], fingers[1]), 0);
        QCOMPARE(differingPixels(irises[0], irises[1]), 0);
    }

    void impressionsOfOneTravelerVary() {
        Lane lane;
        lane.script->present(traveler(77));
        auto finger = lane.manager.device(QStringLiteral("sim:finger"));
        const auto first =
            captureOne(*finger, CaptureSpec::singleFinger(FingerPosition::RightIndex));
        const auto truthFirst = lane.script->lastCapture(QStringLiteral("sim:finger"));
        const auto second =
            captureOne(*finger, CaptureSpec::singleFinger(FingerPosition::RightIndex));
        const auto truthSecond = lane.script->lastCapture(QStringLiteral("sim:finger"));
        QVERIFY(first && second && truthFirst && truthSecond);
        // The same finger (identity), placed again: a different impression.
        QCOMPARE(truthFirst->identitySeed, truthSecond->identitySeed);
        QVERIFY(truthFirst->impressionSeed != truthSecond->impressionSeed);
        QVERIFY(differingPixels(first->image, second->image) > int(first->image.total() / 4));
        // Another traveler's same finger is another finger.
        lane.script->present(traveler(78));
        const auto other =
            captureOne(*finger, CaptureSpec::singleFinger(FingerPosition::RightIndex));
        QVERIFY(other);
        QVERIFY(lane.script->lastCapture(QStringLiteral("sim:finger"))->identitySeed !=
                truthFirst->identitySeed);
    }

    void fingerQualityProfilesMoveTheImageTheRightWay_data() {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("measure");
        QTest::addColumn<bool>("lower"); // the profile lowers the measure compared with "good"
        QTest::newRow("blur lowers high-frequency energy") << "blurred"
                                                           << "hf" << true;
        QTest::newRow("noise raises high-frequency energy") << "noisy"
                                                            << "hf" << false;
        QTest::newRow("light pressure: thinner ridges, fewer dark pixels") << "light"
                                                                           << "dark" << true;
        QTest::newRow("heavy pressure: wider ridges, more dark pixels") << "heavy"
                                                                        << "dark" << false;
        QTest::newRow("partial contact: smaller print") << "partial"
                                                        << "print" << true;
        QTest::newRow("dry skin: broken, faint ridges") << "dry"
                                                        << "dark" << true;
        QTest::newRow("wet skin: merged ridges") << "wet"
                                                 << "dark" << false;
    }
    void fingerQualityProfilesMoveTheImageTheRightWay() {
        QFETCH(QString, profile);
        QFETCH(QString, measure);
        QFETCH(bool, lower);
        const auto measureOf = [&](const cv::Mat& image) {
            if (measure == QLatin1String("hf"))
                return highFrequencyEnergy(image);
            if (measure == QLatin1String("dark"))
                return fractionBelow(image, 100);
            return fractionBelow(image, 200); // the print's area against the light platen
        };
        // The same traveler and placement number: only the profile differs.
        double good = 0, dialled = 0;
        for (const std::string& name : {std::string("good"), profile.toStdString()}) {
            Lane lane;
            lane.script->present(traveler(9001, name));
            auto finger = lane.manager.device(QStringLiteral("sim:finger"));
            const auto frame =
                captureOne(*finger, CaptureSpec::singleFinger(FingerPosition::RightMiddle));
            QVERIFY(frame);
            (name == "good" ? good : dialled) = measureOf(frame->image);
        }
        qInfo("%s: good %.4f, %s %.4f", qPrintable(measure), good, qPrintable(profile), dialled);
        QVERIFY2(lower ? dialled < good : dialled > good,
                 qPrintable(QStringLiteral("good %1, %2 %3").arg(good).arg(profile).arg(dialled)));
    }

    void irisQualityProfilesMoveTheImageTheRightWay_data() {
        QTest::addColumn<IrisQualityProfile>("profile");
        QTest::addColumn<QString>("measure");
        QTest::addColumn<bool>("lower");
        QTest::newRow("defocus lowers high-frequency energy")
            << IrisQualityProfile::Defocused << "hf" << true;
        QTest::newRow("motion blur lowers high-frequency energy")
            << IrisQualityProfile::MotionBlurred << "hf" << true;
        QTest::newRow("under-exposure darkens") << IrisQualityProfile::Dark << "mean" << true;
        QTest::newRow("over-exposure brightens")
            << IrisQualityProfile::Saturated << "mean" << false;
        QTest::newRow("too far: a smaller pupil in the frame")
            << IrisQualityProfile::TooFar << "pupil" << true;
        QTest::newRow("closed eye: no pupil to see")
            << IrisQualityProfile::EyeClosed << "pupil" << true;
    }
    void irisQualityProfilesMoveTheImageTheRightWay() {
        QFETCH(IrisQualityProfile, profile);
        QFETCH(QString, measure);
        QFETCH(bool, lower);
        const auto measureOf = [&](const cv::Mat& image) {
            if (measure == QLatin1String("hf"))
                return highFrequencyEnergy(image);
            if (measure == QLatin1String("mean"))
                return meanGrey(image);
            return fractionBelow(image, 40); // the near-black pupil
        };
        double good = 0, dialled = 0;
        for (IrisQualityProfile p : {IrisQualityProfile::Good, profile}) {
            Lane lane;
            lane.script->present(traveler(555, "good", p));
            auto camera = lane.manager.device(QStringLiteral("sim:iris"));
            const auto frame = captureOne(*camera, CaptureSpec::iris(IrisEye::Left));
            QVERIFY(frame);
            (p == IrisQualityProfile::Good ? good : dialled) = measureOf(frame->image);
        }
        QVERIFY2(lower ? dialled < good : dialled > good,
                 qPrintable(QStringLiteral("good %1, profile %2").arg(good).arg(dialled)));
    }

    void nobodyPresentedEndsInACaptureTimeoutAndFeedback() {
        Lane lane; // no traveler yet
        auto finger = lane.manager.device(QStringLiteral("sim:finger"));
        QSignalSpy feedback(finger.get(), &Device::feedbackChanged);
        QSignalSpy errors(finger.get(), &Device::errorOccurred);
        QSignalSpy failed(finger.get(), &Device::captureFailed);
        finger->capture(
            CaptureSpec::singleFinger(FingerPosition::RightIndex, std::chrono::milliseconds(100)));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<DeviceError>().code(),
                 DeviceErrorCode::CaptureTimeout);
        QCOMPARE(feedback.first().first().value<TravelerFeedback>(), TravelerFeedback::PlaceFinger);
        QCOMPARE(errors.count(), 0);
        // The traveler steps up while the scanner waits: the capture completes.
        QSignalSpy done(finger.get(), &Device::captureCompleted);
        finger->capture(
            CaptureSpec::singleFinger(FingerPosition::RightIndex, std::chrono::seconds(60)));
        QTRY_COMPARE(finger->state(), DeviceState::Capturing);
        lane.script->present(traveler(3));
        QVERIFY(done.wait(60000));
    }

    void fingerPreviewBehavesLikeAPlacement() {
        Lane lane;
        lane.script->present(traveler(31));
        auto finger = lane.manager.device(QStringLiteral("sim:finger"));
        auto box = finger->subscribe(64);
        QSignalSpy feedback(finger.get(), &Device::feedbackChanged);
        finger->startPreview(CaptureSpec::singleFinger(FingerPosition::LeftIndex));
        std::vector<cv::Mat> frames;
        while (frames.size() < 20) {
            const auto frame = box->waitTake(std::chrono::seconds(30));
            QVERIFY(frame);
            frames.push_back(frame->image);
        }
        finger->stop();
        QTRY_COMPARE(finger->state(), DeviceState::Idle);
        // The finger lands: its print grows from a small first touch to the settled contact.
        const double first = fractionBelow(frames.front(), 200);
        const double settled = fractionBelow(frames.back(), 200);
        QVERIFY2(first < settled, qPrintable(QStringLiteral("%1 vs %2").arg(first).arg(settled)));
        QList<TravelerFeedback> said;
        for (const auto& args : feedback)
            said.append(args.first().value<TravelerFeedback>());
        QVERIFY(said.contains(TravelerFeedback::HoldStill));
        QVERIFY(said.indexOf(TravelerFeedback::HoldStill) <
                said.lastIndexOf(TravelerFeedback::None));
    }

    void irisPreviewComesIntoFocus() {
        Lane lane;
        lane.script->present(traveler(32));
        auto camera = lane.manager.device(QStringLiteral("sim:iris"));
        auto box = camera->subscribe(64);
        QSignalSpy feedback(camera.get(), &Device::feedbackChanged);
        camera->startPreview(CaptureSpec::iris(IrisEye::Right));
        std::vector<cv::Mat> frames;
        while (frames.size() < 20) {
            const auto frame = box->waitTake(std::chrono::seconds(30));
            QVERIFY(frame);
            frames.push_back(frame->image);
        }
        camera->stop();
        QTRY_COMPARE(camera->state(), DeviceState::Idle);
        QVERIFY(highFrequencyEnergy(frames.front()) < highFrequencyEnergy(frames.back()));
        QCOMPARE(feedback.first().first().value<TravelerFeedback>(), TravelerFeedback::MoveCloser);
    }

    void absentFingersAreLeftOutOfSlaps() {
        Lane lane;
        SimulatedTraveler t = traveler(64);
        t.absentFingers = {FingerPosition::LeftIndex};
        lane.script->present(t);
        auto slap = lane.manager.device(QStringLiteral("sim:slap"));
        const auto frame =
            captureOne(*slap, CaptureSpec::fingerprint(FingerprintImpression::LeftSlap,
                                                       std::chrono::seconds(60)));
        QVERIFY(frame);
        QCOMPARE(frame->image.size(), cv::Size(1600, 1500));
        const auto truth = lane.script->lastCapture(QStringLiteral("sim:slap"));
        QVERIFY(truth);
        QCOMPARE(truth->fingers.size(), std::size_t(3));
        for (const SyntheticFinger& f : truth->fingers)
            QVERIFY(f.position != FrictionRidgePosition::LeftIndex);
        // The missing finger alone is never presented.
        auto finger = lane.manager.device(QStringLiteral("sim:finger"));
        QSignalSpy failed(finger.get(), &Device::captureFailed);
        finger->capture(
            CaptureSpec::singleFinger(FingerPosition::LeftIndex, std::chrono::milliseconds(100)));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<DeviceError>().code(),
                 DeviceErrorCode::CaptureTimeout);
    }

    void aScriptedTravelerIsReproducibleFromTheGenerators() {
        // The demo enrolls its watchlist from the generators; a watchlisted traveler presented
        // at the lane must be the same person. Fingers: the capture is exactly the generator's
        // image for the recorded seeds. Irises: the identity is the documented mapping.
        const std::uint64_t watchlisted = 0xBADC0FFEE;
        Lane lane;
        lane.script->present(traveler(watchlisted, "dry"));
        auto finger = lane.manager.device(QStringLiteral("sim:finger"));
        const auto frame =
            captureOne(*finger, CaptureSpec::singleFinger(FingerPosition::RightRing));
        const auto truth = lane.script->lastCapture(QStringLiteral("sim:finger"));
        QVERIFY(frame && truth);
        QCOMPARE(truth->identitySeed, fingerIdentity(watchlisted));
        FingerprintSynthesizer generator;
        const CaptureRequest request = [&] {
            PreviewTiming timing;
            CaptureRequest target;
            target.identitySeed = fingerIdentity(watchlisted);
            target.position = FrictionRidgePosition::RightRing;
            target.impressionSeed = truth->impressionSeed;
            target.quality = FingerQuality::profile("dry");
            return PlacementPreview(generator, target, timing).requestForFrame(int(truth->frame));
        }();
        QCOMPARE(differingPixels(frame->image, generator.capture(request).image), 0);

        auto camera = lane.manager.device(QStringLiteral("sim:iris"));
        QVERIFY(captureOne(*camera, CaptureSpec::iris(IrisEye::Left)));
        QCOMPARE(lane.script->lastCapture(QStringLiteral("sim:iris"))->identitySeed,
                 irisIdentity(watchlisted, IrisEye::Left));
        QVERIFY(irisIdentity(watchlisted, IrisEye::Left) !=
                irisIdentity(watchlisted, IrisEye::Right));
    }

    void simulatedUnplugEndsInRemoved() {
        Lane lane;
        auto camera = lane.manager.device(QStringLiteral("sim:iris"));
        camera->startPreview();
        QTRY_COMPARE(camera->state(), DeviceState::Previewing);
        QSignalSpy errors(camera.get(), &Device::errorOccurred);
        QSignalSpy removed(&lane.manager, &DeviceManager::deviceRemoved);
        lane.backend->unplug(QStringLiteral("sim:iris"));
        QTRY_COMPARE(camera->state(), DeviceState::Disconnected);
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().value<DeviceError>().code(), DeviceErrorCode::Removed);
        QCOMPARE(removed.count(), 1);
        QVERIFY(!lane.manager.pick(DeviceRole::Iris));
        lane.backend->plug(QStringLiteral("sim:iris"));
        QCOMPARE(lane.manager.pick(DeviceRole::Iris)->id, QStringLiteral("sim:iris"));
    }

    void anUnknownProfileIsRefusedByTheScript() {
        TravelerScript script;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, script.present(traveler(1, "sweaty")));
        QVERIFY(!script.traveler());
    }
};

QTEST_GUILESS_MAIN(TestSimulatedDevices)
#include "tst_simulated_devices.moc"
