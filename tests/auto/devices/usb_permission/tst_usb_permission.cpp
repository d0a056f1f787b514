// A USB device node the station may not open: the error says so and names the udev rule that
// grants access (installer/70-umbral-scanners.rules), instead of a bare "access denied".
#include "tests/auto/devices/support/nb1010_testbed.h"

#include "devices/api/device_manager.h"
#include "devices/usb/usb_backend.h"

#include <QSignalSpy>
#include <QtTest>

using namespace umbral::devices;
using namespace umbral::devices::testing;

class TestUsbPermission : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aNodeWithoutPermissionNamesTheUdevRule() {
        Nb1010Testbed bed;
        bed.plug();
        bed.denyAccess();
        {
            DeviceManager manager;
            manager.addBackend(std::make_unique<UsbBackend>());
            manager.start();
            // Listing needs no access to the node: the scanner is visible.
            QCOMPARE(manager.devices().size(), 1);
            auto scanner = manager.fingerprintScanner(QStringLiteral("usb:1-7"));
            QVERIFY(scanner);
            QSignalSpy errors(scanner.get(), &Device::errorOccurred);
            QSignalSpy failed(scanner.get(), &Device::captureFailed);
            scanner->captureFingers(FingerprintImpression::SingleFinger, std::chrono::seconds(5));
            QVERIFY(errors.wait(5000));
            const DeviceError error = errors.first().first().value<DeviceError>();
            QCOMPARE(error.code(), DeviceErrorCode::AccessDenied);
            QVERIFY2(error.message().contains(QStringLiteral("70-umbral-scanners.rules")),
                     qPrintable(error.message()));
            QVERIFY2(error.message().contains(QStringLiteral("/dev/bus/usb/001/003")),
                     qPrintable(error.message()));
            QVERIFY2(error.message().contains(QStringLiteral("298d:1010")),
                     qPrintable(error.message()));
            QTRY_COMPARE(failed.count(), 1);
            QTRY_COMPARE(scanner->state(), DeviceState::Error);
        }
        bed.restorePrivileges();
    }
};

QTEST_GUILESS_MAIN(TestUsbPermission)
#include "tst_usb_permission.moc"
