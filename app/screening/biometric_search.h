#pragma once

// The biometric side of screening behind two small interfaces, so the matchers (and their
// galleries) can change without touching the decision or the alerts:
//   FingerprintSearch: 1:N fingerprint search, per finger position with an any-finger fallback;
//   IrisSearch: 1:N iris search per eye.
// Both are built from the stored watchlist (templates and codes, sealed at rest, unsealed when
// the gallery loads) and return, per listed person (the entry's storage ref), the comparisons
// that matter with their false-match rates and the person's fused rate
// (false_match_rates.h).

#include "app/core/capture.h"
#include "storage/watchlist_repository.h"

#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace umbral::screening {

struct FingerComparisonEvidence {
    FingerPosition probe = FingerPosition::Unknown;  ///< the traveler's finger
    FingerPosition listed = FingerPosition::Unknown; ///< the listed person's finger compared
    double score = 0.0;     ///< calibrated matcher score (FMR 10^(-score/20))
    double rate = 1.0;      ///< false-match rate of this best comparison, corrected for `comparisons`
    int comparisons = 1;    ///< templates this was the best of
    int pairedMinutiae = 0;
    bool anyFinger = false; ///< compared across positions (a position unknown on either side)
};

struct FingerCandidate {
    qint64 entryRef = 0;
    double fusedRate = 1.0; ///< Fisher fusion of the comparisons
    std::vector<FingerComparisonEvidence> comparisons;
};

struct IrisComparisonEvidence {
    IrisSide probe = IrisSide::Undefined;
    IrisSide listed = IrisSide::Undefined;
    double distance = 1.0; ///< normalised fractional Hamming distance
    int bitsCompared = 0;
    int rotation = 0;      ///< best rotation, in angular steps
    double rate = 1.0;
    int comparisons = 1;
};

struct IrisCandidate {
    qint64 entryRef = 0;
    double fusedRate = 1.0;
    std::vector<IrisComparisonEvidence> comparisons;
};

/// How a probe sample was used: "used" or why not (no minutiae, no eye found, an exception...).
struct ProbeNote {
    QString slot;    ///< Capture::slotKey()
    bool used = false;
    QString detail;  ///< minutiae or valid bits, or the reason
};

/// Reads the stored samples of one listed person (for the verification stage).
using SampleSource = std::function<std::vector<storage::WatchlistSample>(qint64 entryRef)>;

struct FingerSearchResult {
    std::vector<FingerCandidate> candidates; ///< best (lowest fused rate) first
    std::vector<ProbeNote> probes;
    qint64 comparisons = 0;
    double prepareMs = 0.0, searchMs = 0.0, verifyMs = 0.0;
};

struct IrisSearchResult {
    std::vector<IrisCandidate> candidates;
    std::vector<ProbeNote> probes;
    qint64 comparisons = 0;
    double prepareMs = 0.0, searchMs = 0.0;
};

class FingerprintSearch {
public:
    virtual ~FingerprintSearch() = default;
    /// Searches the traveler's fingers (exceptions and empty captures are skipped with a note).
    /// At most `maxCandidates` people are returned. Thread-safe.
    virtual FingerSearchResult search(const std::vector<Capture>& fingers, int maxCandidates,
                                      const SampleSource& source) const = 0;
    virtual std::size_t templateCount() const = 0;
    virtual std::size_t memoryBytes() const = 0;
    virtual QString description() const = 0;
};

class IrisSearch {
public:
    virtual ~IrisSearch() = default;
    virtual IrisSearchResult search(const std::vector<Capture>& irises, int maxCandidates) const = 0;
    virtual std::size_t templateCount() const = 0;
    virtual std::size_t memoryBytes() const = 0;
    virtual QString description() const = 0;
};

struct ScreeningSettings;

/// Builds the searches from the stored watchlist. A null result means the modality is not
/// screened (no samples, or no matcher).
struct BiometricBackends {
    std::function<std::unique_ptr<FingerprintSearch>(const storage::WatchlistRepository&, const ScreeningSettings&)> fingerprint;
    std::function<std::unique_ptr<IrisSearch>(const storage::WatchlistRepository&, const ScreeningSettings&)> iris;
};

/// The matchers compiled into this build: the Minutia Cylinder-Code matcher
/// (umbral_finger_matching) and the iris code matcher (umbral_iris).
BiometricBackends defaultBiometricBackends();

} // namespace umbral::screening
