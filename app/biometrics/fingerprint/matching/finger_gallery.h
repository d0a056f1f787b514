#pragma once

// 1:N fingerprint search over an in-memory gallery (a watchlist loaded from storage), spread over
// all cores.
//
// Two stages: a screening score (screening_code.h: 64-bit neighbourhood codes plus a geometric
// agreement check, a few microseconds per gallery fingerprint) ranks the whole gallery, then the
// full matcher (finger_matcher.h) re-scores the best-ranked share of it (2 % by default, at least
// 100) and the candidates come out with calibrated 1:1 scores. Measured on FVC2002 DB1_B and
// DB4_B (docs/fingerprint-matching.md), a 2 % shortlist keeps about 97 % of the mated
// comparisons the full matcher scores above FMR 0.1 % and 98 % of those above FMR 0.01 %; a
// larger share keeps more and costs more; `exhaustive` skips the screening when every comparison
// must be the full one.

#include "app/biometrics/fingerprint/matching/finger_matcher.h"

#include <cstdint>
#include <vector>

namespace umbral::biometrics {

struct GalleryCandidate {
    std::uint64_t key = 0;   ///< the key the fingerprint was added with
    double score = 0.0;      ///< calibrated 1:1 score (finger_matcher.h)
    double similarity = 0.0; ///< raw 1:1 similarity
};

struct GallerySearchOptions {
    std::size_t maxCandidates = 10; ///< best candidates returned, best first
    double minScore = 0.0;          ///< candidates below this calibrated score are dropped
    double shortlistShare = 0.02;   ///< share of the gallery the full matcher re-scores
    std::size_t minShortlist = 100; ///< ... but at least this many
    unsigned threads = 0;           ///< 0: every core (std::thread::hardware_concurrency)
    bool exhaustive = false;        ///< full matcher on every fingerprint (slow, no screening)
};

/// An in-memory gallery. Build it once (add), then search it from any number of threads at the
/// same time; adding while searching is not allowed.
class FingerGallery {
public:
    FingerGallery();
    ~FingerGallery();
    FingerGallery(FingerGallery&&) noexcept;
    FingerGallery& operator=(FingerGallery&&) noexcept;

    void reserve(std::size_t fingerprints);
    /// Adds a fingerprint under the caller's key (e.g. watchlist entry and finger position).
    /// Unusable templates (too few minutiae) are accepted and never returned.
    void add(std::uint64_t key, const FingerMatchTemplate& fingerprint);
    std::size_t size() const;

    /// The best candidates for `probe`, best first. Empty for an unusable probe.
    std::vector<GalleryCandidate> search(const FingerMatchTemplate& probe,
                                         const GallerySearchOptions& options = {}) const;

private:
    struct Data;
    std::unique_ptr<Data> data_;
};

} // namespace umbral::biometrics
