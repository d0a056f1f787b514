#pragma once

// FingerprintSearch on the Minutia Cylinder-Code matcher and its 1:N gallery
// (umbral_finger_matching: finger_gallery.h ranks the whole gallery with screening codes and
// re-scores a shortlist with the full matcher).
//
// Two stages:
//  1. Gallery search: the traveler's fingers against the in-memory galleries, which hold, per
//     listed person, the fingers at the configured positions (index fingers and thumbs by
//     default; positions in order of preference), falling back to two other fingers for a person
//     who has none of those on file, plus every finger of unknown position. A finger is compared
//     with the gallery fingers of the same position; any-finger fallback: a finger of unknown
//     position (either side) is compared with every finger, and a traveler with none of the
//     configured fingers (amputations, bandages) is compared across positions.
//  2. Verification: the people with the lowest fused rate after stage 1 (at most `shortlist`,
//     and only those at or below `verifyRate`: the others cannot become a possible match) are
//     compared on every finger they have on file, read from storage, and their fused rate
//     recomputed.
// False-match rates: the larger of the matcher's calibrated rate and the rate measured on
// impostor pairs of the watchlist's own templates, per gallery group (ImpostorScoreTail,
// false_match_rates.h; the group of the listed finger compared): the
// matcher's calibration holds for prints like FVC2002's, not necessarily for every population
// (the demo generator's synthetic fingers are far less distinctive to it).
// Comparisons run on all cores. Probe fingerprints are extracted in parallel too.

#include "app/biometrics/fingerprint/matching/finger_gallery.h"
#include "app/biometrics/fingerprint/matching/finger_matcher.h"
#include "app/screening/biometric_search.h"
#include "app/screening/false_match_rates.h"

#include <array>
#include <unordered_map>

namespace umbral::screening {

class MccFingerprintGallery : public FingerprintSearch {
public:
    struct Options {
        std::vector<FingerPosition> positions{FingerPosition::RightIndex, FingerPosition::LeftIndex};
        int shortlist = 20;   ///< people verified on every finger after stage 1 ...
        double verifyRate = 1e-5; ///< ... among those whose stage-1 fused rate is at most this
        unsigned threads = 0; ///< 0: all cores
        int perFinger = 100;  ///< candidates each traveler finger takes from a gallery
        biometrics::GallerySearchOptions gallery; ///< the 1:N search's own knobs (shortlist share, exhaustive)
        int impostorPairs = 4000; ///< impostor pairs of the gallery's own templates compared at load (0: none)
    };

    explicit MccFingerprintGallery(Options options);

    /// Every ISO/IEC 19794-2 template of the stored watchlist, chosen as described above.
    static std::unique_ptr<MccFingerprintGallery> load(const storage::WatchlistRepository& repo, Options options);

    /// Adds the fingers of one listed person (the selection of the gallery applies).
    void addPerson(qint64 entryRef, const std::vector<std::pair<FingerPosition, biometrics::FingerMatchTemplate>>& fingers);
    /// The positions of a person's fingers the gallery holds (besides unknown ones), given the
    /// positions they have on file.
    std::vector<FingerPosition> choosePositions(const std::vector<FingerPosition>& onFile) const;
    /// Measures the population's impostor scores: up to `impostorPairs` comparisons of fingers
    /// of different people from `sample` (same position first; any positions when those are too
    /// few, as in a list of two people). load() calls it with a fixed-seed sample of every
    /// stored finger.
    struct SampledFinger {
        qint64 ref;
        FingerPosition position;
        biometrics::FingerMatchTemplate finger;
    };
    void calibrate(const std::vector<SampledFinger>& sample);
    /// The whole sample's tail, and the one for templates of a gallery group (index = ANSI/NIST
    /// code, 0 unknown): measured on the sampled pairs with a finger of that group, or the whole
    /// sample's when the group had too few.
    const ImpostorScoreTail& impostorTail() const { return impostors_; }
    const ImpostorScoreTail& impostorTail(FingerPosition listed) const;

    FingerSearchResult search(const std::vector<Capture>& fingers, int maxCandidates,
                              const SampleSource& source) const override;
    std::size_t templateCount() const override;
    std::size_t memoryBytes() const override;
    QString description() const override;

    /// A probe finger prepared for comparison (exposed for tests and benchmarks).
    struct Probe {
        FingerPosition position = FingerPosition::Unknown;
        biometrics::FingerMatchTemplate finger;
    };
    /// Extracts the traveler's fingers (in parallel). Unusable captures get a note.
    std::vector<Probe> prepare(const std::vector<Capture>& fingers, std::vector<ProbeNote>& notes) const;
    /// Both stages on prepared probes.
    FingerSearchResult searchPrepared(const std::vector<Probe>& probes, int maxCandidates,
                                      const SampleSource& source) const;

private:
    unsigned threads() const;
    /// Stage 1: the 1:N galleries; result.candidates = the shortlist, lowest fused rate first.
    void stageOne(const std::vector<Probe>& probes, int maxCandidates, FingerSearchResult& result) const;
    /// Stage 2: every finger on file of the shortlisted people close enough to matter.
    void verify(const std::vector<Probe>& probes, int maxCandidates, const SampleSource& source,
                FingerSearchResult& result) const;

    Options options_;
    std::array<biometrics::FingerGallery, 11> galleries_; ///< index = ANSI/NIST code, 0 unknown
    /// Templates a person has in a gallery, where more than one (key: ref * 16 + group).
    std::unordered_map<qint64, int> multiplicity_;
    std::size_t encodedBytes_ = 0;
    ImpostorScoreTail impostors_;
    std::array<ImpostorScoreTail, 11> groupImpostors_;
};

/// Parses a stored ISO/IEC 19794-2 template into a comparable fingerprint (first view).
/// Throws BiometricError (MalformedTemplate) for a bad record.
biometrics::FingerMatchTemplate fingerTemplateFromIso(const QByteArray& record);

} // namespace umbral::screening
