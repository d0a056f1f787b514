#pragma once

// 1:1 fingerprint comparison: Minutia Cylinder-Code (bit-based) with Local Similarity Sort and
// Relaxation (LSS-R), Cappelli, Ferrara and Maltoni, IEEE TPAMI 32(12), 2010.
//
// Scores are calibrated to false-match rates (score_calibration.h): a score s corresponds to an
// impostor comparison reaching s with probability about 10^(-s / 20); so 40 is FMR 1 %, 60 is
// 0.1 %, 80 is 0.01 %. The measured table is in docs/fingerprint-matching.md.

#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace umbral::biometrics {

namespace matching_detail {
struct CylinderSet;
struct TemplateData;
} // namespace matching_detail

/// A fingerprint prepared for comparison: its minutiae encoded as cylinder codes. Build it once
/// (at enrolment, when a gallery is loaded) and compare it many times. Immutable; copies share
/// the encoded data; safe to use from several threads at once.
class FingerMatchTemplate {
public:
    FingerMatchTemplate();
    /// Minutiae as produced by extractMinutiae or read from an ISO/IEC 19794-2 record
    /// (coordinates in pixels at 500 ppi, ISO directions).
    explicit FingerMatchTemplate(std::span<const Minutia> minutiae);

    int minutiaCount() const;
    /// Minutiae with enough neighbours to carry a cylinder (the ones that can be paired).
    int cylinderCount() const;
    /// Why comparisons with this template are meaningless (score 0), or empty when they are not.
    std::string unusableReason() const;

    /// The minutiae the template was built from.
    const std::vector<Minutia>& minutiae() const;
    /// Encoded data, for the gallery search.
    const matching_detail::CylinderSet& cylinders() const;

private:
    std::shared_ptr<const matching_detail::TemplateData> data_;
};

/// Fewest minutiae with a cylinder for a template to be comparable at all.
inline constexpr int kMinComparableCylinders = 4;

struct FingerComparison {
    double score = 0.0; ///< calibrated score, 0 (nothing alike) upwards; see the top of this file
    double similarity = 0.0; ///< raw LSS-R similarity in [0, 1]
    int pairedMinutiae = 0;  ///< minutia pairs that make the score
    std::string reason; ///< why the score is 0 without comparing (unusable template), else empty
};

/// Compares two fingerprints. Symmetric up to rounding; thread-safe.
FingerComparison compareFingers(const FingerMatchTemplate& a, const FingerMatchTemplate& b);

/// The minutia pairs behind a comparison, for display (indices into the cylinder-carrying
/// minutiae of each template, with their positions).
struct MatchedMinutiaPair {
    float ax, ay, bx, by;
    float similarity;
};
std::vector<MatchedMinutiaPair> matchedPairs(const FingerMatchTemplate& a,
                                             const FingerMatchTemplate& b);

} // namespace umbral::biometrics
