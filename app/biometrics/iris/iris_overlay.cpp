#include "app/biometrics/iris/iris_overlay.h"

#include "app/biometrics/common/grey_image.h"

#include <opencv2/imgproc.hpp>

namespace umbral::biometrics {

namespace {

void tint(cv::Mat& bgr, const cv::Mat& mask, const cv::Scalar& colour, double alpha) {
    if (mask.empty())
        return;
    cv::Mat layer(bgr.size(), bgr.type(), colour);
    cv::Mat mixed;
    cv::addWeighted(bgr, 1.0 - alpha, layer, alpha, 0.0, mixed);
    mixed.copyTo(bgr, mask);
}

void drawEllipse(cv::Mat& bgr, const IrisEllipse& e, const cv::Scalar& colour) {
    if (!e.valid())
        return;
    cv::ellipse(
        bgr,
        cv::RotatedRect(
            cv::Point2f(static_cast<float>(e.centre.x), static_cast<float>(e.centre.y)),
            cv::Size2f(static_cast<float>(2 * e.semiAxisA), static_cast<float>(2 * e.semiAxisB)),
            static_cast<float>(e.angleDeg)),
        colour, 1, cv::LINE_AA);
    cv::drawMarker(bgr, cv::Point(cvRound(e.centre.x), cvRound(e.centre.y)), colour,
                   cv::MARKER_CROSS, 8, 1);
}

void drawLid(cv::Mat& bgr, const EyelidBoundary& lid, const IrisEllipse& limbus,
             const cv::Scalar& colour) {
    if (!lid.present)
        return;
    const double reach = 1.3 * std::max(limbus.semiAxisA, limbus.semiAxisB);
    std::vector<cv::Point> pts;
    for (double x = limbus.centre.x - reach; x <= limbus.centre.x + reach; x += 2.0)
        pts.emplace_back(cvRound(x), cvRound(lid.yAt(x)));
    cv::polylines(bgr, pts, false, colour, 1, cv::LINE_AA);
}

} // namespace

cv::Mat drawIrisSegmentation(const cv::Mat& grey, const IrisSegmentation& seg) {
    requireGrey8(grey, "iris image");
    cv::Mat bgr;
    cv::cvtColor(grey, bgr, cv::COLOR_GRAY2BGR);
    tint(bgr, seg.usableMask, cv::Scalar(0, 200, 0), 0.3);
    // Lashes and reflections matter only where they cover the iris.
    cv::Mat annulus = cv::Mat::zeros(grey.size(), CV_8U);
    if (seg.limbus.valid()) {
        auto fill = [&](const IrisEllipse& e, int value) {
            cv::ellipse(annulus,
                        cv::RotatedRect(cv::Point2f(static_cast<float>(e.centre.x),
                                                    static_cast<float>(e.centre.y)),
                                        cv::Size2f(static_cast<float>(2 * e.semiAxisA),
                                                   static_cast<float>(2 * e.semiAxisB)),
                                        static_cast<float>(e.angleDeg)),
                        cv::Scalar(value), cv::FILLED);
        };
        fill(seg.limbus, 255);
        fill(seg.pupil, 0);
    }
    for (const auto& [mask, colour] : {std::pair{seg.lashMask, cv::Scalar(255, 80, 0)},
                                       std::pair{seg.specularMask, cv::Scalar(255, 0, 255)}}) {
        if (mask.empty())
            continue;
        cv::Mat shown;
        cv::bitwise_and(mask, annulus, shown);
        tint(bgr, shown, colour, 0.6);
    }
    drawEllipse(bgr, seg.pupil, cv::Scalar(0, 0, 255));
    drawEllipse(bgr, seg.limbus, cv::Scalar(0, 255, 0));
    drawLid(bgr, seg.upperLid, seg.limbus, cv::Scalar(0, 255, 255));
    drawLid(bgr, seg.lowerLid, seg.limbus, cv::Scalar(0, 200, 255));
    return bgr;
}

} // namespace umbral::biometrics
