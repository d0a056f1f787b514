// Writes the udev rule for every USB id in the driver tables (devices/usb/udev_rules.h).
// Usage: umbral_udev_rules <output file>
#include "devices/usb/udev_rules.h"

#include <QFile>
#include <QSaveFile>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <output file>\n", argv[0]);
        return 2;
    }
    QSaveFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) ||
        file.write(umbral::devices::udevRules().toUtf8()) < 0 || !file.commit()) {
        std::fprintf(stderr, "cannot write %s: %s\n", argv[1], qPrintable(file.errorString()));
        return 1;
    }
    return 0;
}
