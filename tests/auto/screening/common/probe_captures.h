#pragma once

// Probe captures for screening tests: an image as the station stores it (PNG bytes in a
// Capture), and the path of an FVC2002 impression in the shared reference data.
#include "app/core/capture.h"

#include <QByteArray>
#include <QString>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <vector>

namespace umbral::testing {

inline QByteArray png(const cv::Mat& m) {
    std::vector<uchar> buf;
    cv::imencode(".png", m, buf);
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

/// ../shared/data/fingerprints/fvc2002-<db>/<finger>_<impression>.tif
inline QString fvc(const char* db, int finger, int impression) {
    return QStringLiteral("%1/fingerprints/fvc2002-%2/%3_%4.tif")
        .arg(QStringLiteral(UMBRAL_SHARED_DATA))
        .arg(QString::fromLatin1(db))
        .arg(finger)
        .arg(impression);
}

inline Capture fingerCapture(FingerPosition p, const cv::Mat& img) {
    Capture c;
    c.modality = Modality::Finger;
    c.finger = p;
    c.image = png(img);
    c.width = img.cols;
    c.height = img.rows;
    c.ppi = 500;
    return c;
}

inline Capture irisCapture(IrisSide s, const cv::Mat& img) {
    Capture c;
    c.modality = Modality::Iris;
    c.iris = s;
    c.image = png(img);
    c.width = img.cols;
    c.height = img.rows;
    c.ppi = 0;
    return c;
}

} // namespace umbral::testing
