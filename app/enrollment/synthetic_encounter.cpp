#include "app/enrollment/synthetic_encounter.h"

#include <QStringList>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <vector>

namespace umbral::enrollment {

namespace {

QByteArray png(const cv::Mat& image) {
    std::vector<uchar> buf;
    cv::imencode(".png", image, buf, {cv::IMWRITE_PNG_COMPRESSION, 1});
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

// Ridges as a sine of a distorted radius around a core: looks like a whorl, costs little.
cv::Mat fingerImage(std::mt19937_64& rng) {
    std::uniform_real_distribution<float> u(0.f, 1.f);
    const int w = 400, h = 500;
    const float cx = 160 + 80 * u(rng), cy = 200 + 100 * u(rng), period = 8.5f + 2 * u(rng);
    const float wx = 0.004f + 0.004f * u(rng), wy = 0.004f + 0.004f * u(rng);
    cv::Mat img(h, w, CV_8U);
    std::normal_distribution<float> noise(0.f, 12.f);
    for (int y = 0; y < h; ++y) {
        auto* row = img.ptr<uchar>(y);
        for (int x = 0; x < w; ++x) {
            const float dx = (x - cx) * (1 + wx * std::sin(0.02f * y)), dy = (y - cy) * (1 + wy * std::cos(0.02f * x));
            const float r = std::sqrt(dx * dx + 1.4f * dy * dy);
            const float ellipse = ((x - 200.f) * (x - 200.f)) / (180.f * 180.f) +
                                  ((y - 250.f) * (y - 250.f)) / (235.f * 235.f);
            const float v = ellipse < 1.f ? 128 + 90 * std::sin(6.2831853f * r / period) + noise(rng) : 245 + noise(rng) / 4;
            row[x] = cv::saturate_cast<uchar>(v);
        }
    }
    return img;
}

cv::Mat irisImage(std::mt19937_64& rng) {
    std::uniform_real_distribution<float> u(0.f, 1.f);
    cv::Mat img(480, 640, CV_8U, cv::Scalar(170));
    const cv::Point c(300 + int(40 * u(rng)), 230 + int(20 * u(rng)));
    const int iris = 110 + int(15 * u(rng)), pupil = 35 + int(15 * u(rng));
    cv::circle(img, c, iris, cv::Scalar(95), cv::FILLED, cv::LINE_AA);
    for (int k = 0; k < 180; ++k) {
        const double a = 2 * CV_PI * u(rng);
        const cv::Point p0(c.x + int(pupil * std::cos(a)), c.y + int(pupil * std::sin(a)));
        const cv::Point p1(c.x + int(iris * std::cos(a)), c.y + int(iris * std::sin(a)));
        cv::line(img, p0, p1, cv::Scalar(70 + 50 * u(rng)), 1, cv::LINE_AA);
    }
    cv::circle(img, c, pupil, cv::Scalar(20), cv::FILLED, cv::LINE_AA);
    cv::circle(img, c + cv::Point(8, -8), 5, cv::Scalar(255), cv::FILLED);
    cv::GaussianBlur(img, img, cv::Size(3, 3), 0.8);
    return img;
}

} // namespace

Encounter makeSyntheticEncounter(std::uint64_t seed, const QString& lane) {
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + 1);
    static const QStringList surnames{"GARCIA", "NGUYEN", "OKAFOR", "IVANOVA", "SILVA", "MULLER", "KHAN", "TANAKA"};
    static const QStringList given{"ANA MARIA", "JOHN", "CHIDI", "OLGA", "PEDRO", "LENA", "AMIR", "YUKI"};
    Encounter e;
    e.id = Encounter::newId();
    e.lane = lane;
    e.createdAt = QDateTime::currentDateTimeUtc();
    e.traveler.surname = surnames[int(rng() % surnames.size())];
    e.traveler.givenNames = given[int(rng() % given.size())];
    e.traveler.dateOfBirth = QStringLiteral("%1-%2-%3")
                                 .arg(1950 + int(rng() % 55))
                                 .arg(1 + int(rng() % 12), 2, 10, QLatin1Char('0'))
                                 .arg(1 + int(rng() % 28), 2, 10, QLatin1Char('0'));
    e.traveler.sex = (rng() & 1) ? QStringLiteral("F") : QStringLiteral("M");
    e.traveler.nationality = QStringLiteral("UTO");
    e.traveler.document.documentCode = QStringLiteral("P");
    e.traveler.document.issuingState = QStringLiteral("UTO");
    e.traveler.document.nationality = QStringLiteral("UTO");
    e.traveler.document.number = QStringLiteral("S%1").arg(qulonglong(rng() % 100000000ULL), 8, 10, QLatin1Char('0'));
    e.traveler.document.expiry = QStringLiteral("301231");
    for (FingerPosition p : allSingleFingers()) {
        Capture c;
        c.modality = Modality::Finger;
        c.finger = p;
        const cv::Mat img = fingerImage(rng);
        c.image = png(img);
        c.width = img.cols;
        c.height = img.rows;
        c.ppi = 500;
        c.quality = 40 + int(rng() % 50);
        c.deviceId = QStringLiteral("synthetic");
        c.capturedAt = e.createdAt;
        e.captures.push_back(std::move(c));
    }
    for (IrisSide side : {IrisSide::Right, IrisSide::Left}) {
        Capture c;
        c.modality = Modality::Iris;
        c.iris = side;
        const cv::Mat img = irisImage(rng);
        c.image = png(img);
        c.width = img.cols;
        c.height = img.rows;
        c.ppi = 0;
        c.quality = 50 + int(rng() % 40);
        c.deviceId = QStringLiteral("synthetic");
        c.capturedAt = e.createdAt;
        e.captures.push_back(std::move(c));
    }
    return e;
}

} // namespace umbral::enrollment
