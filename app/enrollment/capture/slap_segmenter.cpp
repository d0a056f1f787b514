// The slap segmenter of this build: umbral_finger_slap when CMake found it
// (UMBRAL_HAVE_FINGER_SLAP), otherwise none, and the station plans single fingers.
#include "app/enrollment/capture/frame_scoring.h"

#ifdef UMBRAL_HAVE_FINGER_SLAP
#include "app/biometrics/fingerprint/slap/slap_segmentation.h"
#endif

namespace umbral::enrollment {

SlapSegmenter defaultSlapSegmenter() {
#ifdef UMBRAL_HAVE_FINGER_SLAP
    return [](const cv::Mat& image, double ppi, FingerPosition slap, bool withCrops) {
        using biometrics::SlapKind;
        const SlapKind kind = slap == FingerPosition::PlainLeftFour ? SlapKind::LeftFour
                              : slap == FingerPosition::PlainThumbs ? SlapKind::Thumbs
                                                                    : SlapKind::RightFour;
        biometrics::SlapOptions options;
        options.ppi = ppi;
        options.makeCrops = withCrops;
        const biometrics::SlapSegmentation s = biometrics::segmentSlap(image, kind, options);
        SlapReading r;
        r.handMatches = s.handMatchesStatedKind;
        for (const auto& f : s.fingers)
            r.fingertips.push_back({f.position >= 1 && f.position <= 10 ? FingerPosition(f.position)
                                                                        : FingerPosition::Unknown,
                                    f.box, f.crop});
        return r;
    };
#else
    return {};
#endif
}

} // namespace umbral::enrollment
