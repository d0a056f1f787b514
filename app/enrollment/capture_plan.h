#pragma once

#include "app/core/finger_position.h"

#include <QString>
#include <vector>

namespace umbral::enrollment {

/// What the fingerprint scanner in use can capture (the part of the device's capabilities the
/// plan depends on; kept here so the workflow does not depend on the device layer).
struct ScannerCapabilities {
    bool singleFinger = false;
    bool fourFingerSlap = false;
    bool twoThumbs = false;
};

/// One presentation the traveler makes: a slap (FGP 13/14/15) or a single finger, and the
/// fingers it yields, left to right as they appear in the image.
struct PlannedImpression {
    FingerPosition impression = FingerPosition::Unknown;
    std::vector<FingerPosition> fingers;

    bool isSlap() const { return umbral::isSlap(impression); }
};

/// The order of fingerprint presentations for one scanner:
///  - a slap scanner (four fingers and two thumbs): right four, left four, both thumbs (4-4-2);
///  - a slap scanner without a two-thumb mode: right four, left four, right thumb, left thumb;
///  - a single-finger scanner: the ten fingers one by one in ANSI/NIST order (right thumb ..
///    left little);
///  - no scanner able to capture: an empty plan.
class CapturePlan {
public:
    CapturePlan() = default;
    explicit CapturePlan(std::vector<PlannedImpression> impressions)
        : impressions_(std::move(impressions)) {}

    static CapturePlan forScanner(const ScannerCapabilities& capabilities);

    const std::vector<PlannedImpression>& impressions() const { return impressions_; }
    int size() const { return int(impressions_.size()); }
    bool isEmpty() const { return impressions_.empty(); }
    const PlannedImpression& at(int index) const { return impressions_.at(std::size_t(index)); }
    /// The index of the impression that captures `finger`; -1 when none does.
    int impressionOf(FingerPosition finger) const;
    /// "4-4-2 slaps", "4-4-1-1", "10 single fingers" (English, for logs and the status line).
    QString describe() const;

    bool operator==(const CapturePlan& other) const;

private:
    std::vector<PlannedImpression> impressions_;
};

} // namespace umbral::enrollment
