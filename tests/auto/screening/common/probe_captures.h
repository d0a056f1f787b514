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

inline Capture imageCapture(Modality modality, const cv::Mat& img, int ppi) {
    Capture c;
    c.modality = modality;
    c.image = png(img);
    c.width = img.cols;
    c.height = img.rows;
    c.ppi = ppi;
    return c;
}

inline Capture fingerCapture(FingerPosition p, const cv::Mat& img) {
    Capture c = imageCapture(Modality::Finger, img, 500);
    c.finger = p;
    return c;
}

inline Capture irisCapture(IrisSide s, const cv::Mat& img) {
    Capture c = imageCapture(Modality::Iris, img, 0);
    c.iris = s;
    return c;
}

} // namespace umbral::testing
