#include "app/biometrics/fingerprint/quality/finger_quality.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/fingerprint/quality/unified_quality_score.h"

namespace umbral::biometrics {

FingerQualityReport assessFingerQuality(const cv::Mat& image, const FingerQualityOptions& options) {
    try {
        const PreparedFingerprint prepared = prepareFingerprint(image, options.ppi);
        FingerQualityReport r;
        r.sourcePpi = prepared.sourcePpi;
        r.resampled = prepared.resampled;
        r.sourceSize = prepared.sourceSize;
        r.trimmed = prepared.trimmed;
        r.paddedForMinutiae = prepared.paddedForMinutiae;
        std::vector<MinutiaPosition> minutiae;
        if (options.minutiae) {
            // Minutiae found in the white padding are not minutiae of the print (NIST drops them).
            for (const MinutiaPosition& p : options.minutiae(paddedForMinutiae(prepared.image)))
                if (p.x >= 0 && p.y >= 0 && p.x < prepared.image.cols && p.y < prepared.image.rows)
                    minutiae.push_back(p);
        }
        r.measures = options.minutiae
                         ? computeNativeQualityMeasures(prepared.image,
                                                        std::span<const MinutiaPosition>(minutiae))
                         : computeNativeQualityMeasures(prepared.image);
        r.score = unifiedQualityScore(r.measures);
        r.feedback = actionableFeedback(r.measures);
        r.advice = captureAdvice(r.measures, r.score, prepared.image.size());
        return r;
    } catch (const cv::Exception& e) {
        throw BiometricError(BiometricErrorCode::Internal,
                             std::string("fingerprint quality: OpenCV error: ") + e.what());
    }
}

} // namespace umbral::biometrics
