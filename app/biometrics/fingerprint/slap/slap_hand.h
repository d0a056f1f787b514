#pragma once

// Which hand a 4-finger slap shows and which finger is which (internal to umbral_finger_slap).

#include "app/biometrics/fingerprint/slap/slap_segmentation.h"

#include <opencv2/core.hpp>

#include <vector>

namespace umbral::biometrics::slap_detail {

/// What the hand reading needs of one fingertip (any consistent pixel units).
struct FingertipShape {
    cv::RotatedRect box; ///< width across, height along, angle clockwise from up
};

struct HandReading {
    Hand hand = Hand::Unknown;
    bool fromImage = false; ///< the geometry decided, not the stated kind
    bool matchesStated = true;
    std::vector<int> positions; ///< FGP code per fingertip (0 = cannot tell), same order
};

/// Reads the hand and finger positions of a 4-finger slap from its fingertips (left to right)
/// by fitting a hand template: the little finger is the narrowest and its tip stands lowest, the
/// middle finger's tip highest, fingers sit side by side about a finger and a gap apart (a
/// missing finger leaves a double gap). `stated` decides when the geometry does not.
HandReading readFourFingerHand(const std::vector<FingertipShape>& tips, SlapKind stated);

/// Positions on a two-thumb image: the left thumb lies on the left. `imageWidth` places a lone
/// thumb.
HandReading readThumbs(const std::vector<FingertipShape>& tips, double imageWidth);

} // namespace umbral::biometrics::slap_detail
