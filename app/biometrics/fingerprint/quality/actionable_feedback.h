#pragma once

// NFIQ 2's four actionable quality feedback values and NIST's thresholds
// (ISO/IEC 29794-4:2024; NIST nfiq2_qualitymeasures_impl.cpp).

#include "app/biometrics/fingerprint/quality/native_quality_measures.h"

#include <optional>
#include <vector>

namespace umbral::biometrics {

namespace feedback_thresholds {
inline constexpr double kUniformImage = 1.0;                        ///< sigma below: uniform
inline constexpr double kEmptyImageOrContrastTooLow = 250.0;        ///< Mu above: empty
inline constexpr double kFingerprintImageWithMinutiae = 5.0;        ///< minutiae below: too few
inline constexpr double kSufficientFingerprintForeground = 50000.0; ///< ROI pixels below: too small
} // namespace feedback_thresholds

struct ActionableFeedback {
    double uniformImage = 0.0;                          ///< grey-level standard deviation
    double emptyImageOrContrastTooLow = 0.0;            ///< mean grey level (Mu)
    std::optional<double> fingerprintImageWithMinutiae; ///< minutiae count, when minutiae ran
    double sufficientFingerprintForeground = 0.0;       ///< foreground pixels

    bool isUniform() const { return uniformImage < feedback_thresholds::kUniformImage; }
    bool isEmptyOrContrastTooLow() const {
        return emptyImageOrContrastTooLow > feedback_thresholds::kEmptyImageOrContrastTooLow;
    }
    bool hasTooFewMinutiae() const {
        return fingerprintImageWithMinutiae &&
               *fingerprintImageWithMinutiae < feedback_thresholds::kFingerprintImageWithMinutiae;
    }
    bool hasInsufficientForeground() const {
        return sufficientFingerprintForeground <
               feedback_thresholds::kSufficientFingerprintForeground;
    }
};

ActionableFeedback actionableFeedback(const NativeQualityMeasures& m);

/// The feedback values under NIST's names, in NIST's output order (FingerprintImageWithMinutiae
/// left out when minutiae did not run).
std::vector<NamedMeasure> namedValues(const ActionableFeedback& f);

} // namespace umbral::biometrics
