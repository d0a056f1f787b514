#pragma once

// Watchlist and screening configuration, read from umbral.conf (INI) in the configuration
// directory. Thresholds are configuration, not code; the defaults below are the documented
// starting point (docs/screening.md explains each and how it was chosen).
//
//   [watchlist]
//   trusted_keys=ministry-2026:<64 hex>, backup:<64 hex>   ; Ed25519 public keys of issuers
//   demo_mode=false           ; true only on a demo station: trusts the published demo key
//   max_age_days=7            ; a watchlist older than this is reported as stale
//   [screening]
//   finger_red_fmr=1e-9       ; fused fingerprint false-match rate per listed person for red
//   finger_yellow_fmr=1e-7    ; ... for yellow (expected false alarms per traveler: list size x rate)
//   iris_red_fmr=1e-9         ; iris false-match rate per listed person for red
//   iris_yellow_fmr=1e-7
//   biographic_yellow=0.80    ; biographic score from which a person is a possible match
//   biographic_report=0.70    ; candidates below this are not reported at all
//   document_match_red=true   ; an exact document number match is red
//   corroborated_red=true     ; two independent possible matches (e.g. fingerprint and name) are red
//   finger_gallery_positions=right-index,left-index
//   finger_shortlist=20       ; people whose every finger is compared after the gallery search
//   max_candidates=10         ; candidates reported (and alerts raised) per screening

#include "app/core/finger_position.h"
#include "app/screening/package_signing.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace umbral::screening {

struct ScreeningSettings {
    // [watchlist]
    QStringList trustedKeys;
    bool demoMode = false;
    int maxAgeDays = 7;
    // [screening]
    double fingerRedFmr = 1e-9;
    double fingerYellowFmr = 1e-7;
    double irisRedFmr = 1e-9;
    double irisYellowFmr = 1e-7;
    double biographicYellow = 0.80;
    double biographicReport = 0.70;
    bool documentMatchRed = true;
    bool corroboratedRed = true;
    std::vector<FingerPosition> fingerGalleryPositions{FingerPosition::RightIndex, FingerPosition::LeftIndex};
    int fingerShortlist = 20;
    int maxCandidates = 10;

    /// Missing keys keep the defaults. Throws umbral::Error(InvalidInput) naming the key when a
    /// value is out of range or does not parse: a station must not screen with a threshold it
    /// did not mean.
    static ScreeningSettings load(const QString& settingsFile);
    /// Writes the values (used by demo setup and tests).
    void save(const QString& settingsFile) const;
    /// The trusted keys ([watchlist] trusted_keys and, in demo mode, the demo key).
    TrustedKeys trusted() const;
};

} // namespace umbral::screening
