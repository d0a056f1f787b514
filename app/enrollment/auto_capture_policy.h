#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace umbral::enrollment {

/// When to take a capture without the officer pressing a key.
struct AutoCaptureSettings {
    int threshold = 40; ///< every expected finger (or the iris) scores at least this (0-100)
    int framesHeld = 3; ///< ... on this many consecutive scored frames
};

/// The quality of one scored preview frame: one score per expected finger (fingers recorded as
/// exceptions are left out by the caller); nullopt for a finger not seen on the frame.
struct FrameScores {
    std::uint64_t sequence = 0;
    std::vector<std::optional<int>> scores;
};

/// The auto-capture policy: capture when quality has held above the threshold for k frames.
///
/// - Only newer frames count: a frame scored twice, or an older one arriving late, is ignored.
/// - The streak breaks on any frame where a finger is missing or below the threshold.
/// - Of the frames in the streak, the one whose weakest finger scores highest is the one to
///   keep (`bestOfStreak` says so as it arrives, so the caller keeps only that frame).
/// - After firing, the policy waits for the presentation to break (a frame on which a finger is
///   missing or below the threshold: the hand lifts, or a new placement lands) before it arms
///   again, so one steady presentation is never captured twice. restart() arms at once (the
///   officer asked for another attempt).
class AutoCapturePolicy {
public:
    enum class Verdict {
        WaitingForLift, ///< fired before: waits for the presentation to break
        Waiting,        ///< armed, quality below the threshold (or nothing to capture)
        Holding,        ///< above the threshold for `held` frames, not yet enough
        Capture,        ///< take the best frame of the streak now
        Ignored         ///< a frame not newer than the last one observed
    };
    struct Decision {
        Verdict verdict = Verdict::Waiting;
        int held = 0;              ///< consecutive frames above the threshold so far
        bool bestOfStreak = false; ///< this frame is the best of the current streak
    };

    explicit AutoCapturePolicy(AutoCaptureSettings settings = {}) { setSettings(settings); }

    Decision observe(const FrameScores& frame);

    /// Arms now, forgetting the streak (a new presentation asked for by the officer).
    void restart();
    /// Forgets the streak and waits for the presentation to break before arming (after any
    /// capture, automatic or manual).
    void requireLift();

    bool isArmed() const { return !waitingForLift_; }
    int held() const { return held_; }
    const AutoCaptureSettings& settings() const { return settings_; }
    void setSettings(const AutoCaptureSettings& settings);

private:
    AutoCaptureSettings settings_;
    std::optional<std::uint64_t> lastSequence_;
    bool waitingForLift_ = false;
    int held_ = 0;
    int bestWeakest_ = -1;
};

} // namespace umbral::enrollment
