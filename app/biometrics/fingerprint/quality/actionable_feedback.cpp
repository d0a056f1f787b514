#include "app/biometrics/fingerprint/quality/actionable_feedback.h"

namespace umbral::biometrics {

ActionableFeedback actionableFeedback(const NativeQualityMeasures& m) {
    ActionableFeedback f;
    f.uniformImage = m.sigma;
    f.emptyImageOrContrastTooLow = m.mu;
    if (m.minutiae)
        f.fingerprintImageWithMinutiae = m.minutiae->count;
    f.sufficientFingerprintForeground = m.roiPixels;
    return f;
}

std::vector<NamedMeasure> namedValues(const ActionableFeedback& f) {
    std::vector<NamedMeasure> out{{"UniformImage", f.uniformImage},
                                  {"EmptyImageOrContrastTooLow", f.emptyImageOrContrastTooLow}};
    if (f.fingerprintImageWithMinutiae)
        out.push_back({"FingerprintImageWithMinutiae", *f.fingerprintImageWithMinutiae});
    out.push_back({"SufficientFingerprintForeground", f.sufficientFingerprintForeground});
    return out;
}

} // namespace umbral::biometrics
