#pragma once

// From a ridge-texture mask to fingertip regions (internal to umbral_finger_slap).

#include <opencv2/core.hpp>

#include <vector>

namespace umbral::biometrics::slap_detail {

/// One fingertip in mask coordinates.
struct FingertipRegion {
    std::vector<cv::Point> pixels;
    double angleDeg = 0.0;     ///< finger axis, clockwise from pointing up
    bool axisFromShape = true; ///< false: the shape did not show the axis; the hand's was used
    double elongation = 1.0;   ///< spread along the axis over spread across
    cv::RotatedRect box;       ///< extent across and along the axis (mask coordinates)
};

/// Sizes at mask resolution the search relies on (a fingertip at 250 ppi).
struct FingertipScale {
    double minWidth = 70;  ///< narrowest plausible fingertip print
    double maxWidth = 240; ///< widest single fingertip print (a pressed thumb)
    double minArea = 1800; ///< smaller regions are specks or smudges
};

/// Finds the fingertips in `mask` (CV_8U): regions are split where two fingers touch, cut at a
/// flexion crease, and regions that lie below a fingertip along its axis (the next phalanx) are
/// set aside. Returned left to right. `thumbs`: the image holds two thumbs, which lean towards
/// each other, rather than fingers of one hand, which fan out.
std::vector<FingertipRegion> findFingertips(const cv::Mat& mask, bool thumbs,
                                            const FingertipScale& scale = {});

/// The hand's axis: the median axis of the fingertips whose shape shows it (0 when none does).
double handAxisOf(const std::vector<FingertipRegion>& tips);

/// The box of `pixels` across and along an axis at `angleDeg` (robust to a few stray pixels).
cv::RotatedRect boxAlong(const std::vector<cv::Point>& pixels, double angleDeg);

} // namespace umbral::biometrics::slap_detail
