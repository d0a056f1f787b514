#include "app/enrollment/auto_capture_policy.h"

#include <algorithm>

namespace umbral::enrollment {

AutoCapturePolicy::Decision AutoCapturePolicy::observe(const FrameScores& frame) {
    if (lastSequence_ && frame.sequence <= *lastSequence_)
        return {Verdict::Ignored, held_, false};
    lastSequence_ = frame.sequence;

    // The weakest expected finger decides; a finger not seen counts as below any threshold.
    int weakest = frame.scores.empty() ? -1 : 101;
    for (const std::optional<int>& s : frame.scores)
        weakest = std::min(weakest, s.value_or(-1));
    const bool good = weakest >= settings_.threshold;
    if (waitingForLift_) {
        if (!good)
            waitingForLift_ = false;
        return {waitingForLift_ ? Verdict::WaitingForLift : Verdict::Waiting, 0, false};
    }
    // Nothing expected (every finger of the presentation is an exception) never captures.
    if (!good) {
        held_ = 0;
        bestWeakest_ = -1;
        return {Verdict::Waiting, 0, false};
    }
    ++held_;
    // The first frame of a streak is its best so far; later ones must beat it strictly, so of
    // equal frames the earliest is kept (less time for the finger to slide).
    const bool best = weakest > bestWeakest_;
    if (best)
        bestWeakest_ = weakest;
    if (held_ >= settings_.framesHeld) {
        const int held = held_;
        requireLift();
        return {Verdict::Capture, held, best};
    }
    return {Verdict::Holding, held_, best};
}

void AutoCapturePolicy::restart() {
    waitingForLift_ = false;
    held_ = 0;
    bestWeakest_ = -1;
}

void AutoCapturePolicy::requireLift() {
    waitingForLift_ = true;
    held_ = 0;
    bestWeakest_ = -1;
}

void AutoCapturePolicy::setSettings(const AutoCaptureSettings& settings) {
    settings_ = settings;
    settings_.framesHeld = std::max(1, settings_.framesHeld);
    held_ = 0;
    bestWeakest_ = -1;
}

} // namespace umbral::enrollment
