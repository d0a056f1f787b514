#include "app/biometrics/fingerprint/slap/slap_segmentation.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/quality/preview_quality.h"
#include "app/biometrics/fingerprint/slap/slap_fingers.h"
#include "app/biometrics/fingerprint/slap/slap_foreground.h"
#include "app/biometrics/fingerprint/slap/slap_hand.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace umbral::biometrics {

using namespace slap_detail;

std::string toString(Hand hand) {
    switch (hand) {
    case Hand::Right:
        return "right";
    case Hand::Left:
        return "left";
    case Hand::Both:
        return "both";
    case Hand::Unknown:
        break;
    }
    return "unknown";
}

double rotatedBoxIoU(const cv::RotatedRect& a, const cv::RotatedRect& b) {
    const double areaA = static_cast<double>(a.size.area()),
                 areaB = static_cast<double>(b.size.area());
    if (areaA <= 0 || areaB <= 0)
        return 0.0;
    std::vector<cv::Point2f> overlap;
    const int kind = cv::rotatedRectangleIntersection(a, b, overlap);
    if (kind == cv::INTERSECT_NONE || overlap.size() < 3)
        return 0.0;
    std::vector<cv::Point2f> hull;
    cv::convexHull(overlap, hull);
    const double inter = cv::contourArea(hull);
    return inter / (areaA + areaB - inter);
}

namespace {

cv::RotatedRect scaleBox(const cv::RotatedRect& box, double factor) {
    return cv::RotatedRect(box.center * static_cast<float>(factor),
                           box.size * static_cast<float>(factor), box.angle);
}

/// The fingertip cut out of the 500 ppi image, turned so the tip points up.
cv::Mat uprightCrop(const cv::Mat& grey500, const cv::RotatedRect& box) {
    const cv::Size size(std::max(1, cvRound(box.size.width)),
                        std::max(1, cvRound(box.size.height)));
    cv::Mat m = cv::getRotationMatrix2D(box.center, box.angle, 1.0);
    m.at<double>(0, 2) += size.width / 2.0 - box.center.x;
    m.at<double>(1, 2) += size.height / 2.0 - box.center.y;
    cv::Mat crop;
    cv::warpAffine(grey500, crop, m, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
    return crop;
}

double coverage(const cv::Mat& mask, const cv::RotatedRect& maskBox) {
    cv::Mat inBox(mask.size(), CV_8U, cv::Scalar(0));
    cv::Point2f v[4];
    maskBox.points(v);
    std::vector<cv::Point> poly;
    for (const auto& p : v)
        poly.emplace_back(cvRound(p.x), cvRound(p.y));
    cv::fillConvexPoly(inBox, poly, cv::Scalar(255));
    const int area = cv::countNonZero(inBox);
    return area > 0 ? cv::countNonZero(inBox & mask) / static_cast<double>(area) : 0.0;
}

} // namespace

SlapSegmentation segmentSlap(const cv::Mat& image, SlapKind stated, const SlapOptions& options) {
    requireGrey8(image, "slap image");
    SlapSegmentation result;
    result.statedKind = stated;
    result.expectedFingers = stated == SlapKind::Thumbs ? 2 : 4;
    result.resampledFrom = options.ppi;
    if (!(options.ppi > 100.0 && options.ppi < 2000.0))
        throw BiometricError(BiometricErrorCode::BadResolution, "slap image: resolution " +
                                                                    std::to_string(options.ppi) +
                                                                    " ppi is not plausible");
    const double toInch = 1.0 / options.ppi;
    if (image.cols * toInch < 0.8 || image.rows * toInch < 0.6)
        throw BiometricError(BiometricErrorCode::TooSmall,
                             "slap image: " + std::to_string(image.cols) + "x" +
                                 std::to_string(image.rows) +
                                 " px is smaller than a slap (at least 0.8 x 0.6 inch)");
    if (image.cols * toInch > 4.0 || image.rows * toInch > 4.0)
        throw BiometricError(BiometricErrorCode::TooLarge,
                             "slap image: " + std::to_string(image.cols) + "x" +
                                 std::to_string(image.rows) +
                                 " px is larger than any slap scanner (4 x 4 inch)");
    try {
        const cv::Mat grey = resampleToPpi(image, options.ppi, 500.0);
        const double toInput = static_cast<double>(image.cols) / grey.cols;
        const RidgeTexture texture = ridgeTexture(grey);
        std::vector<FingertipRegion> tips =
            findFingertips(texture.mask, stated == SlapKind::Thumbs);
        // More fingertips than the slap holds: keep those standing highest along the hand
        // (fingertips are above anything else a hand leaves on the platen: phalanges, palm).
        if (static_cast<int>(tips.size()) > result.expectedFingers) {
            const double axis = handAxisOf(tips) * CV_PI / 180.0;
            auto top = [&](const FingertipRegion& t) {
                return t.box.center.x * std::sin(axis) - t.box.center.y * std::cos(axis) +
                       t.box.size.height / 2;
            };
            std::sort(tips.begin(), tips.end(),
                      [&](const auto& a, const auto& b) { return top(a) > top(b); });
            tips.resize(static_cast<size_t>(result.expectedFingers));
            std::sort(tips.begin(), tips.end(),
                      [](const auto& a, const auto& b) { return a.box.center.x < b.box.center.x; });
        }
        // The texture map averages energy over about 18 px (500 ppi), which spreads each region
        // by about half that on every side: draw the box back by as much.
        const float spread = 10.0f;
        std::vector<FingertipShape> shapes;
        for (const auto& t : tips) {
            cv::RotatedRect box = scaleBox(t.box, 1.0 / RidgeTexture::kScale);
            box.size.width = std::max(8.0f, box.size.width - spread);
            box.size.height = std::max(8.0f, box.size.height - spread);
            shapes.push_back({box});
        }
        const HandReading reading = stated == SlapKind::Thumbs ? readThumbs(shapes, grey.cols)
                                                               : readFourFingerHand(shapes, stated);
        result.hand = reading.hand;
        result.handFromImage = reading.fromImage;
        result.handMatchesStatedKind = reading.matchesStated;
        for (size_t i = 0; i < tips.size(); ++i) {
            SegmentedFinger f;
            f.position = reading.positions[i];
            f.box = scaleBox(shapes[i].box, toInput);
            f.ridgeCoverage = coverage(texture.mask, tips[i].box);
            if (options.makeCrops)
                f.crop = uprightCrop(grey, shapes[i].box);
            result.fingers.push_back(std::move(f));
        }
        // The score of each fingertip is the preview path's: the same regions the capture
        // screen scores, so a slap's per-finger scores agree with what the traveller was shown.
        if (options.scoreFingers && !shapes.empty()) {
            std::vector<cv::RotatedRect> boxes;
            for (const auto& s : shapes)
                boxes.push_back(s.box);
            const auto scored = scorePreviewFrame(grey, 500.0, boxes);
            for (size_t i = 0; i < scored.size() && i < result.fingers.size(); ++i)
                result.fingers[i].score = scored[i].score;
        }
    } catch (const cv::Exception& e) {
        throw BiometricError(BiometricErrorCode::Internal,
                             std::string("slap segmentation: ") + e.what());
    }
    return result;
}

} // namespace umbral::biometrics
