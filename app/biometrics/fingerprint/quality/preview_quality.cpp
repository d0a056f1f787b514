#include "app/biometrics/fingerprint/quality/preview_quality.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/quality/finger_quality.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace umbral::biometrics {

cv::Mat uprightFingerImage(const cv::Mat& frame, double ppi, const cv::RotatedRect& region) {
    // One affine warp does rotation, crop and resampling: output pixel (u, v) of the upright
    // 500 ppi image maps back to the frame through the box's centre and angle. Outside the frame
    // is white, the colour of an empty platen.
    const double scale = 500.0 / ppi;
    const int width = std::max(1, static_cast<int>(std::lround(region.size.width * scale)));
    const int height = std::max(1, static_cast<int>(std::lround(region.size.height * scale)));
    const double a = region.angle * M_PI / 180.0;
    const double c = std::cos(a) / scale, s = std::sin(a) / scale;
    // frame = centre + R(angle) * ((u, v) - outCentre) / scale
    const double ox = (width - 1) / 2.0, oy = (height - 1) / 2.0;
    cv::Matx23d toFrame(c, -s, region.center.x - c * ox + s * oy, s, c,
                        region.center.y - s * ox - c * oy);
    cv::Mat out;
    cv::warpAffine(frame, out, toFrame, cv::Size(width, height),
                   cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, cv::Scalar(255));
    return out;
}

namespace {

bool runsOffFrame(const cv::RotatedRect& region, cv::Size frame) {
    cv::Point2f corners[4];
    region.points(corners);
    for (const cv::Point2f& p : corners)
        if (p.x < 1 || p.y < 1 || p.x > frame.width - 2 || p.y > frame.height - 2)
            return true;
    return false;
}

PreviewFingerQuality scoreRegion(const cv::Mat& image500, const cv::RotatedRect& region,
                                 bool wholeFrame, bool offFrame) {
    PreviewFingerQuality q;
    q.region = region;
    try {
        const FingerQualityReport r = assessFingerQuality(image500, {});
        q.score = r.score;
        q.feedback = r.feedback;
        for (CaptureAdvice a : r.advice)
            // Within a segmented box the print is centred by construction; only the whole
            // frame, or a box running off it, says where the finger is on the glass.
            if (wholeFrame || a != CaptureAdvice::CentreFinger)
                q.advice.push_back(a);
    } catch (const BiometricError& e) {
        if (e.code() != BiometricErrorCode::NoSignal && e.code() != BiometricErrorCode::TooSmall &&
            e.code() != BiometricErrorCode::TooLarge)
            throw;
        q.advice.push_back(CaptureAdvice::PlaceFinger);
    }
    if (offFrame &&
        std::find(q.advice.begin(), q.advice.end(), CaptureAdvice::CentreFinger) == q.advice.end())
        q.advice.push_back(CaptureAdvice::CentreFinger);
    return q;
}

} // namespace

std::vector<PreviewFingerQuality> scorePreviewFrame(const cv::Mat& frame, double ppi,
                                                    std::span<const cv::RotatedRect> fingers) {
    requireGrey8(frame, "preview frame");
    if (!(ppi >= 100.0 && ppi <= 5000.0))
        throw BiometricError(BiometricErrorCode::BadResolution,
                             "preview frame resolution " + std::to_string(ppi) +
                                 " ppi is outside 100..5000 ppi");
    std::vector<PreviewFingerQuality> out;
    if (fingers.empty()) {
        const cv::RotatedRect whole(
            cv::Point2f(frame.cols / 2.0f, frame.rows / 2.0f),
            cv::Size2f(static_cast<float>(frame.cols), static_cast<float>(frame.rows)), 0.0f);
        out.push_back(scoreRegion(resampleToPpi(frame, ppi, 500.0), whole, true, false));
        return out;
    }
    for (const cv::RotatedRect& region : fingers)
        out.push_back(scoreRegion(uprightFingerImage(frame, ppi, region), region, false,
                                  runsOffFrame(region, frame.size())));
    return out;
}

} // namespace umbral::biometrics
