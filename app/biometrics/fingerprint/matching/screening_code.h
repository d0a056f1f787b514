#pragma once

// The first stage of the 1:N search: a compact code of every minutia's neighbourhood (64 bits)
// and a fast score that looks for probe/gallery minutia pairs with similar neighbourhoods which
// also agree with each other geometrically. It ranks the whole gallery so that the full MCC
// matcher only re-scores a shortlist. Internal to umbral_finger_matching.

#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <cstdint>
#include <span>
#include <vector>

namespace umbral::biometrics::matching_detail {

/// Neighbourhood code of a minutia: the neighbours within a 140 x 140 px square turned with the
/// minutia, binned 4 x 4 in position and 4 ways (90 degrees) in relative direction; bit
/// ((u * 4 + v) * 4 + d) is set when some neighbour falls into that bin.
struct ScreeningMinutia {
    std::uint64_t code = 0;
    std::uint8_t ones = 0;      ///< popcount(code)
    std::uint8_t direction = 0; ///< absolute direction, 256 steps per turn
    float x = 0, y = 0;         ///< position, pixels
    float cosDir = 1, sinDir = 0;
};

/// Codes of the minutiae with at least two neighbours in the square, in the order given (the
/// extractor lists minutiae best quality first).
std::vector<ScreeningMinutia> screeningCodes(std::span<const Minutia> minutiae);

/// Where a gallery minutia is, read only for the few best pairs of a comparison.
struct ScreeningPlacement {
    float x, y, cosDir, sinDir;
};

/// One gallery fingerprint inside a ScreeningStore (pointers into its arrays).
struct ScreeningView {
    const std::uint64_t* code;
    const std::uint16_t* onesAndDirection; ///< ones | direction << 8
    const ScreeningPlacement* placement;
    std::size_t size;
};

/// Screening codes of many fingerprints back to back, structure of arrays: the scan over a
/// large gallery reads 10 bytes per minutia (code, ones, direction), not the whole record.
class ScreeningStore {
public:
    void reserve(std::size_t fingerprints, std::size_t minutiae);
    /// Appends one fingerprint; returns its index.
    std::size_t add(std::span<const ScreeningMinutia> codes);
    std::size_t size() const { return offsets_.size() - 1; }
    ScreeningView view(std::size_t fingerprint) const;

private:
    std::vector<std::uint64_t> code_;
    std::vector<std::uint16_t> onesAndDirection_;
    std::vector<ScreeningPlacement> placement_;
    std::vector<std::size_t> offsets_{0};
};

/// The probe side, prepared once per search: its best codes and the geometry of their pairs.
class ScreeningProbe {
public:
    explicit ScreeningProbe(std::span<const Minutia> minutiae);
    /// Screening score of one gallery fingerprint (higher = more alike; 0 when nothing agrees).
    /// Uses an AVX-512 build of the code comparison where the processor has one.
    float score(const ScreeningView& gallery) const;
    /// The same without the AVX-512 build (for the test that both agree).
    float scoreWithoutVectorUnits(const ScreeningView& gallery) const;
    bool empty() const { return codes_.empty(); }

    static constexpr std::size_t kMaxProbeCodes = 24;

private:
    struct PairGeometry {
        float distance;         ///< between the two probe minutiae
        float radialU, radialV; ///< unit vector to the second, in the first's frame
        float cosRel, sinRel;   ///< direction of the second relative to the first
    };
    float scoreFrom(const ScreeningView& gallery, bool vectorUnits) const;

    std::vector<ScreeningMinutia> codes_;
    std::vector<PairGeometry> pairs_; ///< kMaxProbeCodes x kMaxProbeCodes
    // The codes laid out as vector lanes (zero-padded to kMaxProbeCodes), and the Dice factor
    // 2 / (ones_probe + ones_gallery) per possible gallery popcount (65 rows of kMaxProbeCodes).
    std::vector<std::uint64_t> laneCode_, laneDirection_, diceRows_;
};

} // namespace umbral::biometrics::matching_detail
