#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/minutiae/false_minutiae.h"
#include "app/biometrics/fingerprint/minutiae/gabor_enhancement.h"
#include "app/biometrics/fingerprint/minutiae/orientation_field.h"
#include "app/biometrics/fingerprint/minutiae/ridge_frequency.h"
#include "app/biometrics/fingerprint/minutiae/ridge_skeleton.h"
#include "app/biometrics/fingerprint/minutiae/segmentation.h"
#include "app/biometrics/fingerprint/minutiae/skeleton_minutiae.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace umbral::biometrics {

using namespace minutiae_detail;

namespace {

constexpr int kBlockSize = 8;
constexpr int kMinSide = 64;
constexpr int kMaxSide = 4096;
// Orientation smoothing: a Gaussian of 2 blocks (16 px, under two ridge periods) removes the
// noise of creases and pores but still follows the curvature around a core.
constexpr double kOrientationSmoothingBlocks = 2.0;

// Zero local mean, unit local deviation (window of about two ridge periods): equal contrast
// everywhere before filtering, so a dark, over-inked region does not drown a faint one.
cv::Mat normaliseLocally(const cv::Mat& grey) {
    cv::Mat f, mean, meanSq;
    grey.convertTo(f, CV_32F);
    const cv::Size window(17, 17);
    cv::blur(f, mean, window, cv::Point(-1, -1), cv::BORDER_REFLECT);
    cv::blur(f.mul(f), meanSq, window, cv::Point(-1, -1), cv::BORDER_REFLECT);
    cv::Mat variance = cv::max(meanSq - mean.mul(mean), 16.0); // floor: 4 grey levels
    cv::Mat deviation;
    cv::sqrt(variance, deviation);
    cv::Mat out;
    cv::divide(f - mean, deviation, out);
    return out;
}

cv::Mat pixelField(const cv::Mat& block, cv::Size imageSize, int blockSize) {
    cv::Mat up;
    cv::resize(block, up, cv::Size(block.cols * blockSize, block.rows * blockSize), 0, 0,
               cv::INTER_LINEAR);
    return up(cv::Rect(0, 0, imageSize.width, imageSize.height)).clone();
}

int minutiaQuality(const cv::Mat& coherence, const cv::Mat& borderDistance, cv::Point2f p,
                   int blockSize, int borderMargin) {
    const int bx = std::clamp(static_cast<int>(p.x) / blockSize, 0, coherence.cols - 1);
    const int by = std::clamp(static_cast<int>(p.y) / blockSize, 0, coherence.rows - 1);
    // Clarity of the ridge flow around the minutia (3 x 3 blocks), discounted near the edge of
    // the print where ridges are often cut or smeared.
    float c = 0.0f;
    int k = 0;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const int y = by + dy, x = bx + dx;
            if (y >= 0 && y < coherence.rows && x >= 0 && x < coherence.cols) {
                c += coherence.at<float>(y, x);
                ++k;
            }
        }
    c /= static_cast<float>(std::max(k, 1));
    const float clarity = std::clamp((c - 0.1f) / 0.6f, 0.0f, 1.0f);
    const int px = std::clamp(static_cast<int>(p.x), 0, borderDistance.cols - 1);
    const int py = std::clamp(static_cast<int>(p.y), 0, borderDistance.rows - 1);
    const float edge = std::clamp(
        borderDistance.at<float>(py, px) / (3.0f * static_cast<float>(borderMargin)), 0.0f, 1.0f);
    const float q = 100.0f * std::sqrt(clarity) * (0.5f + 0.5f * edge);
    return std::clamp(static_cast<int>(std::lround(q)), 1, 100);
}

} // namespace

float isoDegreesToImageRadians(float angleDeg) {
    // ISO counts counter-clockwise as viewed, with y pointing down in the image: negate.
    return std::remainder(-angleDeg * static_cast<float>(CV_PI) / 180.0f,
                          2.0f * static_cast<float>(CV_PI));
}

float imageRadiansToIsoDegrees(float angleRad) {
    float d = -angleRad * 180.0f / static_cast<float>(CV_PI);
    d = std::fmod(d, 360.0f);
    if (d < 0.0f)
        d += 360.0f;
    if (d >= 360.0f)
        d -= 360.0f;
    return d;
}

MinutiaeExtraction extractMinutiae(const cv::Mat& grey500ppi,
                                   const MinutiaeExtractionOptions& options) {
    requireGrey8(grey500ppi, "fingerprint image");
    cv::Mat grey;
    try {
        grey = resampleToPpi(grey500ppi, options.ppi, 500.0);
    } catch (const cv::Exception& e) {
        throw BiometricError(BiometricErrorCode::Internal,
                             std::string("resampling failed: ") + e.what());
    }
    if (grey.cols < kMinSide || grey.rows < kMinSide)
        throw BiometricError(BiometricErrorCode::TooSmall,
                             "fingerprint image is " + std::to_string(grey.cols) + " x " +
                                 std::to_string(grey.rows) + " px at 500 ppi; at least " +
                                 std::to_string(kMinSide) + " x " + std::to_string(kMinSide) +
                                 " is needed");
    if (grey.cols > kMaxSide || grey.rows > kMaxSide)
        throw BiometricError(BiometricErrorCode::TooLarge,
                             "fingerprint image is " + std::to_string(grey.cols) + " x " +
                                 std::to_string(grey.rows) +
                                 " px at 500 ppi; a single finger is "
                                 "expected (at most " +
                                 std::to_string(kMaxSide) + " px a side)");
    if (!grey.isContinuous())
        grey = grey.clone();

    MinutiaeExtraction result;
    result.imageSize = grey.size();
    result.ppi = 500.0;
    result.blockSize = kBlockSize;

    try {
        const BlockMoments moments = computeBlockMoments(grey, kBlockSize);
        const cv::Mat blockMask = segmentForeground(moments);
        result.foreground = blockMask;
        result.foregroundMask = pixelMask(blockMask, grey.size(), kBlockSize);
        result.foregroundFraction = static_cast<double>(cv::countNonZero(result.foregroundMask)) /
                                    static_cast<double>(grey.total());
        result.skeleton = cv::Mat::zeros(grey.size(), CV_8U);
        if (result.foregroundFraction == 0.0) {
            result.orientation = cv::Mat::zeros(blockMask.size(), CV_32F);
            result.coherence = cv::Mat::zeros(blockMask.size(), CV_32F);
            result.ridgePeriod = cv::Mat::zeros(blockMask.size(), CV_32F);
            return result;
        }

        const OrientationField field =
            estimateOrientation(moments, blockMask, kOrientationSmoothingBlocks);
        const cv::Mat normalised = normaliseLocally(grey);
        const cv::Mat blockPeriod = estimateRidgePeriod(normalised, field, blockMask, kBlockSize);
        const cv::Mat theta = pixelOrientation(field, grey.size(), kBlockSize);
        const cv::Mat period = pixelField(blockPeriod, grey.size(), kBlockSize);

        const RidgeEnhancement enhanced =
            enhanceRidges(normalised, theta, period, result.foregroundMask);
        const cv::Mat binary = binariseRidges(enhanced, result.foregroundMask, 24);
        result.skeleton = thinRidges(binary);

        std::vector<SkeletonNode> nodes = findSkeletonMinutiae(result.skeleton, theta);
        removeFalseMinutiae(nodes, result.foregroundMask, period, options.borderMargin);

        cv::Mat framed, borderDistance;
        cv::copyMakeBorder(result.foregroundMask, framed, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
        cv::distanceTransform(framed, borderDistance, cv::DIST_L2, 3);
        borderDistance = borderDistance(cv::Rect(1, 1, grey.cols, grey.rows));

        for (const SkeletonNode& node : nodes) {
            if (node.removed)
                continue;
            Minutia m;
            m.x = node.position.x;
            m.y = node.position.y;
            m.angleDeg = imageRadiansToIsoDegrees(node.direction);
            m.type = node.type;
            m.quality = minutiaQuality(field.coherence, borderDistance, node.position, kBlockSize,
                                       options.borderMargin);
            result.minutiae.push_back(m);
        }
        std::stable_sort(result.minutiae.begin(), result.minutiae.end(),
                         [](const Minutia& a, const Minutia& b) { return a.quality > b.quality; });

        // Report the orientation in the ISO sense (counter-clockwise as viewed).
        result.orientation.create(field.theta.size(), CV_32F);
        for (int r = 0; r < field.theta.rows; ++r)
            for (int c = 0; c < field.theta.cols; ++c) {
                const float t = field.theta.at<float>(r, c);
                result.orientation.at<float>(r, c) =
                    t > 0.0f ? static_cast<float>(CV_PI) - t : 0.0f;
            }
        result.coherence = field.coherence;
        result.ridgePeriod = cv::Mat::zeros(blockPeriod.size(), CV_32F);
        blockPeriod.copyTo(result.ridgePeriod, blockMask);
    } catch (const cv::Exception& e) {
        throw BiometricError(BiometricErrorCode::Internal,
                             std::string("minutiae extraction failed: ") + e.what());
    }
    return result;
}

} // namespace umbral::biometrics
