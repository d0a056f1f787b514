#include "app/biometrics/fingerprint/quality/fingerprint_preparation.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/quality/local_regions.h"

#include <cstdint>
#include <string>

namespace umbral::biometrics {

namespace {

constexpr double kNearWhite = 250.0; // NIST's MU_THRESHOLD for the frame

double rowMean(const cv::Mat& img, int y) {
    const std::uint8_t* row = img.ptr<std::uint8_t>(y);
    unsigned sum = 0;
    for (int x = 0; x < img.cols; ++x)
        sum += row[x];
    return static_cast<double>(sum) / img.cols;
}

double columnMean(const cv::Mat& img, int x) {
    unsigned sum = 0;
    for (int y = 0; y < img.rows; ++y)
        sum += img.at<std::uint8_t>(y, x);
    return static_cast<double>(sum) / img.rows;
}

std::string sizeText(cv::Size s) {
    return std::to_string(s.width) + "x" + std::to_string(s.height);
}

int localRegionsThatFit(int length) {
    int n = 0;
    for (int p = detail::kWindowBorder;
         p < length - (detail::kLocalRegion + detail::kWindowBorder - 1); p += detail::kLocalRegion)
        ++n;
    return n;
}

} // namespace

PreparedFingerprint prepareFingerprint(const cv::Mat& image, double ppi) {
    requireGrey8(image, "fingerprint image");
    if (!(ppi >= 100.0 && ppi <= 5000.0))
        throw BiometricError(BiometricErrorCode::BadResolution,
                             "fingerprint resolution " + std::to_string(ppi) +
                                 " ppi is outside 100..5000 ppi");
    PreparedFingerprint p;
    p.sourcePpi = ppi;
    p.sourceSize = image.size();
    const cv::Mat at500 = resampleToPpi(image, ppi, 500.0);
    p.resampled = at500.data != image.data || at500.size() != image.size();

    // Trim the near-white frame: rows first over the full width, then columns over the full
    // height, exactly like NIST (which decides columns on the untrimmed rows too).
    int top = 0, bottom = at500.rows - 1;
    while (top < at500.rows && rowMean(at500, top) > kNearWhite)
        ++top;
    if (top >= at500.rows)
        throw BiometricError(BiometricErrorCode::NoSignal,
                             "no fingerprint: every image row is near white (mean above 250)");
    while (bottom >= top && rowMean(at500, bottom) > kNearWhite)
        --bottom;
    int left = 0, right = at500.cols - 1;
    while (left < at500.cols && columnMean(at500, left) > kNearWhite)
        ++left;
    if (left >= at500.cols)
        throw BiometricError(BiometricErrorCode::NoSignal,
                             "no fingerprint: every image column is near white (mean above 250)");
    while (right >= left && columnMean(at500, right) > kNearWhite)
        --right;
    if (right <= left || bottom <= top)
        throw BiometricError(BiometricErrorCode::NoSignal,
                             "no fingerprint: nothing but a line is left after trimming the white "
                             "frame");
    p.trimmed = cv::Rect(left, top, right - left + 1, bottom - top + 1);
    p.image = at500(p.trimmed);

    const std::string sizes = sizeText(p.trimmed.size()) + " pixels at 500 ppi after trimming";
    if (p.trimmed.width > kMaxFingerprintWidth)
        throw BiometricError(BiometricErrorCode::TooLarge,
                             "fingerprint image too wide: " + sizes + ", at most " +
                                 std::to_string(kMaxFingerprintWidth) + " wide");
    if (p.trimmed.height > kMaxFingerprintHeight)
        throw BiometricError(BiometricErrorCode::TooLarge,
                             "fingerprint image too high: " + sizes + ", at most " +
                                 std::to_string(kMaxFingerprintHeight) + " high");
    const int regions =
        localRegionsThatFit(p.trimmed.width) * localRegionsThatFit(p.trimmed.height);
    if (regions < 10)
        throw BiometricError(BiometricErrorCode::TooSmall,
                             "fingerprint image too small: " + sizes + " hold " +
                                 std::to_string(regions) +
                                 " local regions of 32 x 32, NFIQ 2 needs at least 10");
    p.paddedForMinutiae =
        p.trimmed.width < kMinutiaeMinimumSide || p.trimmed.height < kMinutiaeMinimumSide;
    return p;
}

cv::Mat paddedForMinutiae(const cv::Mat& prepared) {
    if (prepared.cols >= kMinutiaeMinimumSide && prepared.rows >= kMinutiaeMinimumSide)
        return prepared;
    cv::Mat padded(std::max(prepared.rows, kMinutiaeMinimumSide),
                   std::max(prepared.cols, kMinutiaeMinimumSide), CV_8UC1, cv::Scalar(255));
    prepared.copyTo(padded(cv::Rect(0, 0, prepared.cols, prepared.rows)));
    return padded;
}

} // namespace umbral::biometrics
