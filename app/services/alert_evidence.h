#pragma once

// The evidence a supervisor weighs, computed again from the data themselves when an alert is
// opened: the traveler's captures against the listed person's samples, with the biometric
// algorithms the screening used. Stored evidence JSON says what the screening found; this says
// why, in a form that can be drawn: the matched minutiae of each finger, the segmentation of
// each iris, the similarity of each biographic field.
//
// Pure computation (OpenCV, the biometric libraries, the biographic matcher): no storage, no
// widgets. Runs on a worker thread; a finger or an iris that cannot be compared is reported
// with the reason, never an exception.

#include "app/biometrics/fingerprint/matching/finger_matcher.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"
#include "app/core/encounter.h"
#include "app/core/watchlist_entry.h"
#include "storage/watchlist_repository.h"

#include <QString>
#include <opencv2/core.hpp>
#include <vector>

namespace umbral::services {

/// One biographic field, the traveler's value beside the listed person's.
struct BiographicFieldEvidence {
    QString field; ///< "Name", "Date of birth", "Nationality", "Sex", "Document"
    QString traveler;
    QString listed;
    double similarity = -1.0; ///< [0, 1]; -1 when unknown on either side (not counted)
    QString relation;         ///< in words: "exact", "day and month swapped", "different", ...
};

/// One finger position compared.
struct FingerEvidence {
    FingerPosition position = FingerPosition::Unknown;       ///< the traveler's finger
    FingerPosition listedPosition = FingerPosition::Unknown; ///< the listed finger compared
    cv::Mat probe;           ///< 8-bit grey at 500 ppi (the minutiae's frame)
    cv::Mat candidate;       ///< 8-bit grey at 500 ppi; empty when the list holds only a template
    cv::Size candidateFrame; ///< the candidate's frame (its image or its template's declared size)
    std::vector<biometrics::Minutia> probeMinutiae;
    std::vector<biometrics::Minutia> candidateMinutiae;
    std::vector<biometrics::MatchedMinutiaPair> pairs; ///< a = probe, b = candidate
    double score = 0.0;                                ///< calibrated: FMR about 10^(-score/20)
    int pairedMinutiae = 0;
    QString candidateSource; ///< "image" or "ISO/IEC 19794-2 template"
    QString problem;         ///< why it could not be compared; empty when it was
};

/// One eye compared.
struct IrisEvidence {
    IrisSide side = IrisSide::Undefined;
    cv::Mat probeOverlay;     ///< BGR: the image with its segmentation drawn
    cv::Mat candidateOverlay; ///< BGR; empty when the list holds only an iris code
    double distance = 1.0;    ///< normalised fractional Hamming distance (about 0.5 unrelated)
    double threshold = 0.0;   ///< the 1:1 decision threshold: at or below is a match
    int bitsCompared = 0;
    QString candidateSource; ///< "image" or "iris code"
    QString problem;
};

struct AlertEvidence {
    std::vector<BiographicFieldEvidence> biographic;
    double biographicScore = 0.0;
    std::vector<FingerEvidence> fingers;
    std::vector<IrisEvidence> irises;
};

/// A traveler's finger and the listed finger it was compared with (the same position, or
/// another one when the screening fell back to any finger: hands swapped, a finger skipped).
struct FingerPairing {
    FingerPosition probe = FingerPosition::Unknown;
    FingerPosition listed = FingerPosition::Unknown;
};

/// Compares the encounter with the listed person. `samples` are the person's stored samples
/// (WatchlistRepository::samples). Fingers are compared as `pairings` says, or, when it is
/// empty, position by position; irises side by side; what only one side holds is left out.
AlertEvidence buildAlertEvidence(const Encounter& encounter, const WatchlistEntry& listed,
                                 const std::vector<storage::WatchlistSample>& samples,
                                 const std::vector<FingerPairing>& pairings = {});

/// The finger pairings the screening compared, from an alert's stored evidence JSON
/// ("fingerprint" -> "comparisons" -> "probe"/"listed"); empty when it names none.
std::vector<FingerPairing> fingerPairingsFromEvidence(const QByteArray& evidenceJson);
/// The screening's reasons for the band, one sentence each ("reasons"), from the same JSON.
QStringList screeningReasonsFromEvidence(const QByteArray& evidenceJson);

/// "about 1 in 22 000" for a calibrated fingerprint score.
QString falseMatchRateWords(double score);

} // namespace umbral::services
