// The udev rule that ships (generated into the build tree by installer/udev) grants uaccess to
// every USB id of every driver table, and to nothing else.
#include "devices/usb/udev_rules.h"
#include "devices/usb/usb_session.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace umbral::devices;

class TestUdevRule : public QObject {
    Q_OBJECT

    QStringList ruleLines;

private Q_SLOTS:
    void initTestCase() {
        QFile file(QStringLiteral(UMBRAL_BINARY_DIR "/installer/") +
                   QString::fromLatin1(kUdevRuleFileName));
        QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.fileName()));
        for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n')))
            if (!line.trimmed().isEmpty() && !line.startsWith(QLatin1Char('#')))
                ruleLines.append(line);
    }

    void everyIdOfEveryDriverTableHasItsRule() {
        int ids = 0;
        for (const UsbDriverEntry& driver : usbDrivers()) {
            QVERIFY(!driver.ids.empty());
            for (const UsbId& id : driver.ids) {
                ++ids;
                const QString vendor = QStringLiteral("ATTR{idVendor}==\"%1\"")
                                           .arg(id.vendorId, 4, 16, QLatin1Char('0'));
                const QString product = QStringLiteral("ATTR{idProduct}==\"%1\"")
                                            .arg(id.productId, 4, 16, QLatin1Char('0'));
                int matching = 0;
                for (const QString& line : ruleLines)
                    if (line.contains(vendor) && line.contains(product))
                        ++matching;
                QVERIFY2(matching == 1, qPrintable(vendor + QLatin1Char(' ') + product));
            }
        }
        QCOMPARE(ruleLines.size(), ids); // no rule for a device no driver serves
    }

    void theNb1010IsCovered() {
        QVERIFY(
            ruleLines.join(QLatin1Char('\n'))
                .contains(QStringLiteral("ATTR{idVendor}==\"298d\", ATTR{idProduct}==\"1010\"")));
    }

    void everyRuleGrantsSeatAccessToUsbDevicesOnly() {
        const QRegularExpression shape(QStringLiteral(
            R"(^SUBSYSTEM=="usb", ENV\{DEVTYPE\}=="usb_device", ATTR\{idVendor\}=="[0-9a-f]{4}", ATTR\{idProduct\}=="[0-9a-f]{4}", TAG\+="uaccess"$)"));
        for (const QString& line : ruleLines)
            QVERIFY2(shape.match(line).hasMatch(), qPrintable(line));
    }

    void theShippedFileIsWhatTheTablesSayNow() {
        // A stale generated file (tables changed, rule not regenerated) fails here.
        QStringList expected;
        for (const QString& line : udevRules().split(QLatin1Char('\n')))
            if (!line.trimmed().isEmpty() && !line.startsWith(QLatin1Char('#')))
                expected.append(line);
        QCOMPARE(ruleLines, expected);
    }
};

QTEST_GUILESS_MAIN(TestUdevRule)
#include "tst_udev_rule.moc"
