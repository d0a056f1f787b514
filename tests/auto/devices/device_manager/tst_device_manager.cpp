// DeviceManager: devices from every backend, arrivals and removals, shared Device objects,
// and the choice of a device per role.
#include "tests/auto/devices/support/fake_driver.h"

#include "devices/api/device_manager.h"

#include <QSignalSpy>
#include <QtTest>

using namespace umbral::devices;
using namespace umbral::devices::testing;

namespace {

struct Station {
    DeviceManager manager;
    FakeBackend* usb = nullptr;
    FakeBackend* simulated = nullptr;
    Station() {
        usb = static_cast<FakeBackend*>(
            manager.addBackend(std::make_unique<FakeBackend>(Backend::Usb)));
        simulated = static_cast<FakeBackend*>(
            manager.addBackend(std::make_unique<FakeBackend>(Backend::Simulated)));
    }
};

QStringList idsOf(const QList<DeviceInfo>& infos) {
    QStringList ids;
    for (const DeviceInfo& info : infos)
        ids.append(info.id);
    return ids;
}

} // namespace

class TestDeviceManager : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startReportsEveryPresentDeviceOfEveryBackend() {
        Station station;
        station.usb->plug(fakeScannerInfo(QStringLiteral("usb:1-7"), Backend::Usb));
        station.simulated->plug(
            fakeScannerInfo(QStringLiteral("sim:slap"), Backend::Simulated, true));
        station.simulated->plug(fakeIrisInfo(QStringLiteral("sim:iris")));
        QSignalSpy arrived(&station.manager, &DeviceManager::deviceArrived);
        station.manager.start();
        QCOMPARE(arrived.count(), 3); // before start() returned
        QCOMPARE(idsOf(station.manager.devices()),
                 (QStringList{"usb:1-7", "sim:slap", "sim:iris"}));
    }

    void arrivalAndRemovalReachTheManager() {
        Station station;
        station.manager.start();
        QSignalSpy arrived(&station.manager, &DeviceManager::deviceArrived);
        QSignalSpy removed(&station.manager, &DeviceManager::deviceRemoved);
        station.usb->plug(fakeScannerInfo(QStringLiteral("usb:1-7"), Backend::Usb));
        QCOMPARE(arrived.count(), 1);
        QCOMPARE(arrived.at(0).at(0).value<DeviceInfo>().id, QStringLiteral("usb:1-7"));
        QVERIFY(station.manager.find(QStringLiteral("usb:1-7")).has_value());
        station.usb->unplug(QStringLiteral("usb:1-7"));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("usb:1-7"));
        QVERIFY(!station.manager.find(QStringLiteral("usb:1-7")).has_value());
    }

    void devicesAreSharedWhileHeld() {
        Station station;
        station.simulated->plug(fakeScannerInfo(QStringLiteral("sim:finger")));
        station.manager.start();
        auto first = station.manager.device(QStringLiteral("sim:finger"));
        auto second = station.manager.device(QStringLiteral("sim:finger"));
        QVERIFY(first);
        QCOMPARE(first.get(), second.get());
        QVERIFY(station.manager.fingerprintScanner(QStringLiteral("sim:finger")));
        QVERIFY(!station.manager.irisCamera(QStringLiteral("sim:finger")));
        QVERIFY(!station.manager.device(QStringLiteral("sim:nothing")));
    }

    void removalReachesALiveDeviceAtOnce() {
        Station station;
        station.usb->plug(fakeScannerInfo(QStringLiteral("usb:1-7"), Backend::Usb));
        station.manager.start();
        auto device = station.manager.device(QStringLiteral("usb:1-7"));
        QSignalSpy errors(device.get(), &Device::errorOccurred);
        device->open();
        QTRY_COMPARE(device->state(), DeviceState::Idle);
        station.usb->unplug(QStringLiteral("usb:1-7"));
        QVERIFY(device->isRemoved());
        QTRY_COMPARE(device->state(), DeviceState::Disconnected);
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).value<DeviceError>().code(), DeviceErrorCode::Removed);
        // Plugged in again: a fresh Device, usable again.
        station.usb->plug(fakeScannerInfo(QStringLiteral("usb:1-7"), Backend::Usb));
        auto again = station.manager.device(QStringLiteral("usb:1-7"));
        QVERIFY(again && again.get() != device.get());
        again->open();
        QTRY_COMPARE(again->state(), DeviceState::Idle);
    }

    void picksADevicePerRole_data() {
        QTest::addColumn<bool>("demoMode");
        QTest::addColumn<QString>("slap");
        QTest::addColumn<QString>("single");
        QTest::addColumn<QString>("iris");
        QTest::newRow("real hardware first") << false << "sim:slap"
                                             << "usb:1-7"
                                             << "sim:iris";
        QTest::newRow("demo mode: simulated first") << true << "sim:slap"
                                                    << "sim:slap"
                                                    << "sim:iris";
    }
    void picksADevicePerRole() {
        QFETCH(bool, demoMode);
        QFETCH(QString, slap);
        QFETCH(QString, single);
        QFETCH(QString, iris);
        Station station;
        station.simulated->plug(
            fakeScannerInfo(QStringLiteral("sim:slap"), Backend::Simulated, true));
        station.simulated->plug(fakeIrisInfo(QStringLiteral("sim:iris")));
        station.usb->plug(fakeScannerInfo(QStringLiteral("usb:1-7"), Backend::Usb)); // single only
        station.manager.start();
        if (demoMode)
            station.manager.setBackendPreference({Backend::Simulated, Backend::Usb});
        QCOMPARE(station.manager.pick(DeviceRole::FingerprintSlap)->id, slap);
        QCOMPARE(station.manager.pick(DeviceRole::FingerprintSingle)->id, single);
        QCOMPARE(station.manager.pick(DeviceRole::Iris)->id, iris);
    }

    void aPreferredDeviceWinsWhilePresentAndSuitable() {
        Station station;
        station.usb->plug(fakeScannerInfo(QStringLiteral("usb:1-7"), Backend::Usb));
        station.simulated->plug(fakeScannerInfo(QStringLiteral("sim:finger")));
        station.manager.start();
        QCOMPARE(station.manager.pick(DeviceRole::FingerprintSingle)->id,
                 QStringLiteral("usb:1-7"));
        station.manager.setPreferredDevice(DeviceRole::FingerprintSingle,
                                           QStringLiteral("sim:finger"));
        QCOMPARE(station.manager.pick(DeviceRole::FingerprintSingle)->id,
                 QStringLiteral("sim:finger"));
        station.simulated->unplug(QStringLiteral("sim:finger"));
        QCOMPARE(station.manager.pick(DeviceRole::FingerprintSingle)->id,
                 QStringLiteral("usb:1-7"));
        // An iris camera preferred for a fingerprint role is not suitable and is ignored.
        station.simulated->plug(fakeIrisInfo(QStringLiteral("sim:iris")));
        station.manager.setPreferredDevice(DeviceRole::FingerprintSingle,
                                           QStringLiteral("sim:iris"));
        QCOMPARE(station.manager.pick(DeviceRole::FingerprintSingle)->id,
                 QStringLiteral("usb:1-7"));
    }

    void noSuitableDeviceMeansNoPick() {
        Station station;
        station.usb->plug(fakeScannerInfo(QStringLiteral("usb:1-7"), Backend::Usb));
        station.manager.start();
        QVERIFY(!station.manager.pick(DeviceRole::FingerprintSlap).has_value());
        QVERIFY(!station.manager.pick(DeviceRole::Iris).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDeviceManager)
#include "tst_device_manager.moc"
