#pragma once

// ISO/IEC 19794-2:2005 finger minutiae record format ("FMR\0", version " 20\0"), the record
// format of clause 7 (not the card formats):
//
//   record header, 24 bytes       format id "FMR\0" | version " 20\0" | record length (4 bytes)
//                                 | capture equipment: certification (4 bits), device type (12)
//                                 | image width, height (2 + 2, pixels)
//                                 | x, y resolution (2 + 2, pixels per centimetre)
//                                 | number of finger views (1) | reserved 0 (1)
//   per finger view, 4 bytes      finger position (1) | view number (4 bits), impression type (4)
//                                 | finger quality 0-100 (1) | number of minutiae (1)
//   per minutia, 6 bytes          type (2 bits: 01 ending, 10 bifurcation, 00 other), x (14)
//                                 | reserved (2), y (14) | angle (1, units of 360/256 degrees,
//                                 counter-clockwise from the x axis) | quality 0-100 (1)
//   per view, after its minutiae  extended data block length (2) | the block itself
//
// All multi-byte values are big-endian. Writing is strict (valid values only); reading is
// lenient about what other producers put in descriptive fields (an image size in the header that
// differs from the image, an unknown device, extended data we do not interpret) and strict about
// structure: a truncated or malformed record is refused with a BiometricError
// (MalformedTemplate) saying where it broke.

#include "app/biometrics/fingerprint/minutiae/minutiae.h"

#include <cstdint>
#include <span>
#include <vector>

namespace umbral::biometrics {

struct FingerMinutiaeView {
    int fingerPosition = 0; ///< ISO/IEC 19794-2 finger position code: 0 unknown, 1-5 right thumb
                            ///< to little, 6-10 left thumb to little
    int viewNumber = 0;     ///< 0-15
    int impressionType = 0; ///< 0 live-scan plain, 1 live-scan rolled, 2 non-live plain, ...
    int fingerQuality = 0;  ///< 0-100
    /// Minutiae in the record's pixel frame. Angles are multiples of 360/256 degrees once read.
    std::vector<Minutia> minutiae;
    std::vector<std::uint8_t> extendedData; ///< the extended data block, kept uninterpreted
};

struct FingerMinutiaeRecord {
    int captureEquipmentCertification = 0;            ///< 4 bits
    int captureDeviceTypeId = 0;                      ///< 12 bits, 0 = unreported
    int imageWidth = 0, imageHeight = 0;              ///< pixels, as the producer declared them
    int xResolutionPpcm = 197, yResolutionPpcm = 197; ///< pixels per centimetre (500 ppi = 197)
    std::vector<FingerMinutiaeView> views;
};

/// The maximum number of minutiae of one view (one byte counts them).
inline constexpr std::size_t kMaxIsoMinutiaePerView = 255;

/// A one-view record of an extraction at 500 ppi. Keeps the 255 best-quality minutiae if there
/// are more (the extraction lists them best first).
FingerMinutiaeRecord makeFingerMinutiaeRecord(const MinutiaeExtraction& extraction,
                                              int fingerPosition = 0, int fingerQuality = 0,
                                              int impressionType = 0);

/// Encodes a record. Throws BiometricError (MalformedTemplate) for values that do not fit the
/// format (more than 255 minutiae in a view or 255 views, coordinates above 16383, quality above
/// 100, extended data above 65535 bytes...).
std::vector<std::uint8_t> writeFingerMinutiaeRecord(const FingerMinutiaeRecord& record);

/// Decodes a record. Throws BiometricError (MalformedTemplate) for a buffer that is not an
/// ISO/IEC 19794-2:2005 finger minutiae record or is truncated.
FingerMinutiaeRecord readFingerMinutiaeRecord(std::span<const std::uint8_t> bytes);

/// The minutiae of one view in the 500 ppi frame the matcher works in (scaled by the record's
/// resolution; a resolution of 0, which some producers write for "unknown", is taken as 500 ppi).
std::vector<Minutia> minutiaeAt500Ppi(const FingerMinutiaeRecord& record, std::size_t view = 0);

} // namespace umbral::biometrics
