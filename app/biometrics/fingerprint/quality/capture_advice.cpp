#include "app/biometrics/fingerprint/quality/capture_advice.h"

#include <cmath>

namespace umbral::biometrics {

std::string adviceText(CaptureAdvice a) {
    switch (a) {
    case CaptureAdvice::PlaceFinger:
        return "place the finger on the glass";
    case CaptureAdvice::PressHarder:
        return "press harder";
    case CaptureAdvice::FingerTooDry:
        return "finger too dry";
    case CaptureAdvice::FingerTooWet:
        return "finger too wet: dry it and press lighter";
    case CaptureAdvice::CentreFinger:
        return "centre the finger";
    case CaptureAdvice::PlaceAgain:
        return "lift the finger and place it again";
    }
    return "";
}

std::vector<CaptureAdvice> captureAdvice(const NativeQualityMeasures& m, int score,
                                         cv::Size imageSize) {
    using namespace advice_thresholds;
    std::vector<CaptureAdvice> advice;
    const ActionableFeedback f = actionableFeedback(m);
    if (f.isUniform() || f.isEmptyOrContrastTooLow() || m.roiPixels == 0) {
        advice.push_back(CaptureAdvice::PlaceFinger);
        return advice;
    }
    // Where the print is: a foreground centred far from the middle of the capture area, running
    // off one edge, means the finger is not on the middle of the glass.
    if (m.roiBounds.area() > 0 && imageSize.area() > 0) {
        const double cx = m.roiBounds.x + m.roiBounds.width / 2.0;
        const double cy = m.roiBounds.y + m.roiBounds.height / 2.0;
        const double dx = std::abs(cx - imageSize.width / 2.0) / imageSize.width;
        const double dy = std::abs(cy - imageSize.height / 2.0) / imageSize.height;
        if (dx > kOffCentre || dy > kOffCentre)
            advice.push_back(CaptureAdvice::CentreFinger);
    }
    const bool poorClarity = m.lcs.mean < kPoorClarity;
    const bool faint = poorClarity && m.roiMean > kLightForeground;
    // Light pressure and dry skin both leave faint, broken ridges; the contact area tells them
    // apart (a light touch also touches less of the finger).
    if (f.hasInsufficientForeground() || (faint && m.roiPixels < kSmallContact))
        advice.push_back(CaptureAdvice::PressHarder);
    else if (faint)
        advice.push_back(CaptureAdvice::FingerTooDry);
    else if (poorClarity && m.roiMean < kDarkForeground)
        advice.push_back(CaptureAdvice::FingerTooWet);
    if (advice.empty() && score < kLowScore)
        advice.push_back(CaptureAdvice::PlaceAgain);
    return advice;
}

} // namespace umbral::biometrics
