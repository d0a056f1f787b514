#pragma once

// Umbral's NFIQ 2-compatible fingerprint quality: one call from an image to the unified score,
// the actionable feedback, every native measure and advice for the traveller.
//
//   FingerQualityReport r = assessFingerQuality(readGrey8(path), {.ppi = 569});
//   r.score;                        // 0..100
//   namedValues(r.measures);        // NIST-named native measures
//   namedValues(r.feedback);        // NIST-named actionable feedback

#include "app/biometrics/fingerprint/quality/actionable_feedback.h"
#include "app/biometrics/fingerprint/quality/capture_advice.h"
#include "app/biometrics/fingerprint/quality/fingerprint_preparation.h"
#include "app/biometrics/fingerprint/quality/native_quality_measures.h"

#include <functional>
#include <vector>

namespace umbral::biometrics {

/// Finds minutiae in a prepared 500 ppi 8-bit image (padded with white to at least 196 x 196)
/// and returns their positions in that image.
using MinutiaeDetector = std::function<std::vector<MinutiaPosition>(const cv::Mat& grey500)>;

struct FingerQualityOptions {
    double ppi = 500.0;        ///< resolution of the input image
    MinutiaeDetector minutiae; ///< empty: the minutiae measures are not computed
};

struct FingerQualityReport {
    int score = 0; ///< unified quality score, 0..100
    NativeQualityMeasures measures;
    ActionableFeedback feedback;
    std::vector<CaptureAdvice> advice; ///< most important first; empty when good
    double sourcePpi = 500.0;
    bool resampled = false;         ///< input was not 500 ppi and was resampled to 500
    cv::Size sourceSize;            ///< input size
    cv::Rect trimmed;               ///< kept rectangle (500 ppi coordinates) after trimming
    bool paddedForMinutiae = false; ///< minutiae ran on a copy padded to 196 x 196
};

/// Prepares `image` (see prepareFingerprint), computes every native measure and the unified
/// score. Throws BiometricError for input that cannot be measured (wrong kind of image, outside
/// NIST's size limits, no fingerprint at all); the message says why.
FingerQualityReport assessFingerQuality(const cv::Mat& image,
                                        const FingerQualityOptions& options = {});

} // namespace umbral::biometrics
