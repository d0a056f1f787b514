#pragma once

// Synthetic fingerprints in the manner of SFinGe (R. Cappelli, D. Maio, D. Maltoni): the image
// source of Umbral's simulated fingerprint scanners, and a supplier of slaps with known finger
// boxes for tests of slap segmentation.
//
// Two stages, as in SFinGe:
//   1. A MASTER print per (identity seed, finger position): the fingertip's shape, an
//      orientation field from core and delta positions (zero-pole model, Sherlock & Monro) for
//      one of five pattern classes, a ridge-period map, and ridges grown at 500 ppi by
//      iterated space-variant Gabor filtering from random seeds. Masters are deterministic
//      and expensive (about 0.1-0.3 s); the synthesizer caches them.
//   2. IMPRESSIONS of masters: placement (translation, rotation), elastic distortion, contact
//      region and pressure (ridge width by morphology), dryness or wetness, blur, motion,
//      noise and contrast. Single fingers, 4-finger slaps (FGP 13, 14) and two thumbs (FGP 15).
//      Impressions are cheap (a 416x560 finger in a few milliseconds).
//
// Determinism: the same request gives the same pixels, on any machine and any thread; there is
// no global state (no cv::theRNG, no std:: distributions). Impressions of one identity seed and
// finger are genuine pairs; different identity seeds are impostors.
//
// Geometry: every image comes with one rotated box per finger (cv::RotatedRect in image
// pixels) drawn from the contact region the generator itself rendered, with the finger's
// ANSI/NIST position, so tests have ground truth.
//
// Conventions: images are 8-bit grey at 500 ppi, dark ridges on a light background (as an
// optical live scanner or an inked card gives them), seen as an inked print on paper: in a right
// slap the index is leftmost and the little finger rightmost; in a thumbs image the left thumb
// is on the left. Angles are in degrees, clockwise in image coordinates (y down), 0 = finger
// pointing straight up; this is also cv::RotatedRect's convention with size = (width across the
// finger, height along it).
//
// Thread safety: FingerprintSynthesizer may be shared between threads (the master cache is
// locked); a PlacementPreview belongs to one thread.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace umbral::devices {

/// Friction ridge generalized position (ANSI/NIST-ITL 1-2011, Table 8): the codes used here.
enum class FrictionRidgePosition : std::uint8_t {
    Unknown = 0,
    RightThumb = 1,
    RightIndex = 2,
    RightMiddle = 3,
    RightRing = 4,
    RightLittle = 5,
    LeftThumb = 6,
    LeftIndex = 7,
    LeftMiddle = 8,
    LeftRing = 9,
    LeftLittle = 10,
    PlainRightFour = 13, ///< right 4-finger slap: index, middle, ring, little (left to right)
    PlainLeftFour = 14,  ///< left 4-finger slap: little, ring, middle, index (left to right)
    PlainThumbs = 15     ///< both thumbs: left thumb on the left, right thumb on the right
};

/// True for the single-finger codes 1-10.
bool isSingleFinger(FrictionRidgePosition position) noexcept;
/// True for 13, 14 and 15.
bool isMultiFinger(FrictionRidgePosition position) noexcept;
/// The fingers of a slap code, left to right as they appear in the image; {position} for a
/// single finger.
std::vector<FrictionRidgePosition> fingersOf(FrictionRidgePosition position);
/// "right index", "left 4-finger slap"...
std::string toString(FrictionRidgePosition position);

/// Henry/NIST pattern classes. Left and right are as seen in the image: a right loop's ridges
/// enter and leave on the right and its delta is on the left (an ulnar loop of a right hand).
enum class FingerPatternClass : std::uint8_t { Arch, TentedArch, LeftLoop, RightLoop, Whorl };
std::string toString(FingerPatternClass pattern);

/// The fixed characteristics of one finger of one identity (stage 1). Immutable once built.
/// All images share one canvas at 500 ppi; points are canvas pixel coordinates.
struct MasterFingerprint {
    std::uint64_t identitySeed = 0;
    FrictionRidgePosition position = FrictionRidgePosition::Unknown;
    FingerPatternClass pattern = FingerPatternClass::Arch;
    cv::Mat ridges;      ///< CV_32F in [-1, 1]: > 0 on ridge, < 0 in valley
    cv::Mat silhouette;  ///< CV_8U, 255 inside the fingertip's skin that can touch the glass
    cv::Mat orientation; ///< CV_32F ridge direction in radians [0, pi), y down
    cv::Mat ridgePeriod; ///< CV_32F ridge-to-ridge distance in pixels
    std::vector<cv::Point2f> cores;
    std::vector<cv::Point2f> deltas;
    cv::Point2f padCentre; ///< centre of the silhouette's bounding box
    cv::Size2f padSize;    ///< silhouette width (across) and height (along the finger)
};

/// Dials of one impression. Every knob is in [0, 1] and moves the image one way only; the
/// defaults give a good live-scan impression. A device or a test dials them.
struct FingerQuality {
    double pressure =
        0.55;              ///< 0 feather touch .. 1 pressed hard: ridge width and contact area grow
    double dryness = 0.0;  ///< dry skin: ridges break into fragments, turn faint, white specks
    double wetness = 0.0;  ///< wet or oily skin: ridges widen and merge, valleys fill, dark smears
    double noise = 0.15;   ///< sensor grain and speckle: raises local variance everywhere
    double blur = 0.0;     ///< defocus: Gaussian blur up to sigma 3 px
    double motion = 0.0;   ///< the finger slid during exposure: directional blur up to 14 px
    double contact = 1.0;  ///< fraction of the pad in contact: 1 full, 0.3 only a sliver touches
    double contrast = 1.0; ///< ridge/valley contrast: 1 nominal, 0 washed out to nothing
    double distortion = 0.3; ///< elastic (non-linear) skin distortion from lateral force

    /// Named profiles for demos and tests: "good", "light", "heavy", "dry", "wet", "blurred",
    /// "moving", "partial", "noisy", "poor". Throws std::invalid_argument on an unknown name.
    static FingerQuality profile(const std::string& name);
    /// The names accepted by profile().
    static std::vector<std::string> profileNames();
    /// Linear blend: t = 0 gives a, t = 1 gives b (used by previews as pressure settles).
    static FingerQuality blend(const FingerQuality& a, const FingerQuality& b, double t);
};

/// Where the finger (or, for slaps and thumbs, the hand) lands.
struct Placement {
    cv::Point2d offset{0.0, 0.0}; ///< pixels from the image centre to the pad (or hand) centre
    double rotationDeg = 0.0;     ///< clockwise; 0 = pointing straight up
    double spread = 0.5;          ///< slaps: 0 fingers pressed together .. 1 spread wide
};

/// Ranges from which a placement is drawn when the request does not fix one.
struct PlacementRange {
    double maxOffsetPx = 30.0;
    double maxRotationDeg = 12.0;
    double minSpread = 0.15;
    double maxSpread = 0.9;
};

/// What to capture. `position` selects the kind: 1-10 one finger, 13/14/15 slaps and thumbs.
struct CaptureRequest {
    std::uint64_t identitySeed = 1; ///< who: the same seed is the same person
    FrictionRidgePosition position = FrictionRidgePosition::RightIndex;
    std::uint64_t impressionSeed = 0; ///< which impression: placement, distortion, contact edge
    std::uint32_t frame = 0;          ///< sensor noise of this frame (previews: fresh per frame)
    FingerQuality quality{};
    cv::Size imageSize{};               ///< empty: defaultImageSize(position)
    std::optional<Placement> placement; ///< fixed placement; otherwise drawn from `range`
    PlacementRange range{};
    /// Slaps: fingers of the slap that do not touch the glass (missing, bandaged, lifted).
    std::vector<FrictionRidgePosition> absentFingers;
    /// Slaps: each finger's quality varies around `quality` by this much (0 = identical).
    double perFingerVariation = 0.1;
    /// Slaps and thumbs: how much of the phalanx below each fingertip touches the glass and
    /// shows under the flexion crease (0 none .. 1 all of it), as on real slap scanners. It is
    /// not part of any finger's box.
    double lowerPhalanxContact = 0.5;
};

/// One finger in a synthetic image, as the generator rendered it.
struct SyntheticFinger {
    FrictionRidgePosition position = FrictionRidgePosition::Unknown;
    /// Box around the finger's rendered contact region (the distal phalanx), aligned with the
    /// finger axis: size.width across the finger, size.height along it, angle clockwise.
    cv::RotatedRect box;
    double contactAreaPx = 0.0; ///< pixels of the contact region
};

/// A synthetic capture: the image and its known geometry.
struct SyntheticCapture {
    cv::Mat image; ///< CV_8U, dark ridges on light background
    double ppi = 500.0;
    FrictionRidgePosition position = FrictionRidgePosition::Unknown;
    Placement placement;                  ///< the placement used (drawn or given)
    std::vector<SyntheticFinger> fingers; ///< left to right in the image; absent fingers omitted
};

/// The generator. Holds an LRU cache of master prints; otherwise stateless.
class FingerprintSynthesizer {
public:
    /// `masterCacheCapacity` masters (about 1.5 MB each) are kept.
    explicit FingerprintSynthesizer(std::size_t masterCacheCapacity = 48);
    ~FingerprintSynthesizer();
    FingerprintSynthesizer(const FingerprintSynthesizer&) = delete;
    FingerprintSynthesizer& operator=(const FingerprintSynthesizer&) = delete;

    /// The master print of one finger (1-10) of one identity, built on first use and cached.
    /// Throws std::invalid_argument for a position that is not a single finger.
    std::shared_ptr<const MasterFingerprint> master(std::uint64_t identitySeed,
                                                    FrictionRidgePosition finger) const;

    /// Renders one capture. Throws std::invalid_argument for an unknown position, a slap
    /// position with absentFingers outside it, or an image size too small for the kind.
    /// Same as exposeFrame(renderOptics(request).optics, request) with the geometry kept.
    SyntheticCapture capture(const CaptureRequest& request) const;

    /// A capture as the scanner's optics form it, before the sensor adds its noise: `optics`
    /// is CV_32F grey levels; `capture` carries the geometry (its image is empty).
    struct OpticalCapture {
        cv::Mat optics;
        SyntheticCapture capture;
    };
    /// The expensive part of capture(): fingers placed, distorted and rendered.
    OpticalCapture renderOptics(const CaptureRequest& request) const;
    /// The sensor's exposure of `optics` (taken from `request`'s scene): grain and speckle of
    /// frame request.frame, 8-bit. Cheap next to renderOptics.
    static cv::Mat exposeFrame(const cv::Mat& optics, const CaptureRequest& request);

    /// 416x560 for a single finger, 1600x1500 for slaps and thumbs (500 ppi).
    static cv::Size defaultImageSize(FrictionRidgePosition position);

    /// The placement `request` will use (its own, or the one drawn from impressionSeed).
    static Placement placementFor(const CaptureRequest& request);

    std::size_t cachedMasterCount() const;

private:
    std::shared_ptr<const MasterFingerprint> lowerPhalanx(std::uint64_t identitySeed,
                                                          FrictionRidgePosition finger) const;
    std::shared_ptr<const MasterFingerprint>
    cached(std::uint64_t identitySeed, int part,
           const std::function<MasterFingerprint()>& build) const;
    struct Cache;
    std::unique_ptr<Cache> cache_;
};

/// Timing of a simulated placement: the finger lands, contact spreads, pressure settles.
struct PreviewTiming {
    int landingFrames = 8;  ///< frames from first touch to full contact
    int settlingFrames = 6; ///< frames while pressure and motion settle
    double startPressure = 0.15;
    double startContact = 0.25;
    double startMotion = 0.6;
    double driftPx = 25.0; ///< the finger slides this far while landing
};

/// A sequence of preview frames like a real placement: frame 0 is the first touch (a small,
/// light, smeared contact), then contact spreads and pressure rises until, after
/// landingFrames + settlingFrames, every frame shows the request's target quality (with fresh
/// sensor noise per frame and tiny tremor). The sequence is deterministic.
///
/// Once settled the fingers no longer change on the glass, only tremble: the first settled
/// frame's optical image is rendered once and every later frame is that image moved by the
/// frame's tremor (a sub-pixel shift of the whole platen) and exposed with its own sensor noise.
/// A 1600x1500 slap frame costs a few milliseconds that way instead of a full render (about
/// 70 ms), which is what lets a demo station render a 20 fps slap preview and still score it on
/// two cores. A capture is still rendered in full (FingerprintSynthesizer::capture).
class PlacementPreview {
public:
    PlacementPreview(const FingerprintSynthesizer& synthesizer, CaptureRequest target,
                     PreviewTiming timing = {});
    /// Renders the next frame.
    SyntheticCapture nextFrame();
    /// Index of the frame nextFrame() will render next.
    int frameIndex() const noexcept { return frame_; }
    /// True once frames show the target quality.
    bool settled() const noexcept;
    /// The request frame `index` is rendered from (exposed for tests and for devices that
    /// render on another thread).
    CaptureRequest requestForFrame(int index) const;

private:
    const FingerprintSynthesizer& synthesizer_;
    CaptureRequest target_;
    PreviewTiming timing_;
    Placement finalPlacement_;
    int frame_ = 0;
    // The first settled frame, before sensor noise, and the placement it was rendered with.
    cv::Mat settledOptics_;
    SyntheticCapture settledGeometry_;
    cv::Point2d settledOffset_;
};

} // namespace umbral::devices
