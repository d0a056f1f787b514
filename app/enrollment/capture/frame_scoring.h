#pragma once

// Scoring of device frames for the capture screens, and turning a captured frame into the
// encounter's captures. Pure functions of a frame: they run on the quality worker's thread.

#include "app/biometrics/iris/iris_geometry.h"
#include "app/core/capture.h"
#include "app/enrollment/auto_capture_policy.h"
#include "app/enrollment/capture/traveler_advice.h"
#include "app/enrollment/capture_plan.h"
#include "devices/api/frame.h"

#include <QMetaType>
#include <functional>
#include <optional>
#include <vector>

namespace umbral::enrollment {

/// The fingertips a slap (or two-thumb) image shows.
struct SlapReading {
    struct Fingertip {
        FingerPosition finger = FingerPosition::Unknown; ///< Unknown when it cannot be told
        cv::RotatedRect box;                             ///< in image pixels
        cv::Mat crop; ///< the fingertip upright at 500 ppi (when crops were asked for)
    };
    std::vector<Fingertip> fingertips;
    bool handMatches = true; ///< false: the image shows the other hand than the slap asked for
};

/// Finds the fingertips of a slap. An empty function means this build cannot segment slaps
/// (the station then plans single fingers).
using SlapSegmenter = std::function<SlapReading(const cv::Mat& image, double ppi,
                                                FingerPosition slap, bool withCrops)>;

/// The segmenter of umbral_finger_slap when it is built in, else an empty function.
SlapSegmenter defaultSlapSegmenter();

/// The quality of one finger on a preview frame.
struct FingerReading {
    FingerPosition finger = FingerPosition::Unknown;
    cv::RotatedRect box;        ///< where it lies on the frame (frame pixels)
    std::optional<int> score;   ///< NFIQ 2-compatible 0-100; nullopt when not seen
    std::vector<Advice> advice; ///< most important first; empty when good
};

/// One scored fingerprint preview frame.
struct FingerFrameQuality {
    quint64 watch = 0;    ///< which watch of the quality worker produced it
    devices::Frame frame; ///< the frame scored (pixels shared, not copied)
    FingerPosition impression = FingerPosition::Unknown;
    std::vector<FingerReading> fingers; ///< one per presented finger, in plan order
    bool handMatches = true;
    double scoringMs = 0.0;

    /// The scores the auto-capture policy needs (plan order).
    FrameScores scores() const;
};

/// Scores `frame` as a presentation of `impression` showing `presented` fingers (the others are
/// exceptions). Never throws for what is on the glass.
FingerFrameQuality scoreFingerFrame(const devices::Frame& frame,
                                    const PlannedImpression& impression,
                                    const std::vector<FingerPosition>& presented,
                                    const SlapSegmenter& segmenter);

/// The captures a captured fingerprint frame yields.
struct FingerCaptureOutcome {
    quint64 watch = 0;
    FingerPosition impression = FingerPosition::Unknown;
    std::vector<Capture> captures;       ///< the slap image (slaps) and every finger found
    std::vector<FingerPosition> missing; ///< presented fingers the capture does not show
    bool handMatches = true;
    QString error; ///< set when the frame could not be used at all
};

/// Full quality assessment of each finger (NFIQ 2-compatible unified score), PNG images: the
/// slap image itself and an upright 500 ppi image per fingertip, or the single finger's image.
FingerCaptureOutcome processFingerCapture(const devices::Frame& frame,
                                          const PlannedImpression& impression,
                                          const std::vector<FingerPosition>& presented,
                                          const SlapSegmenter& segmenter);

/// One ISO/IEC 29794-6 metric for the screen.
struct IrisMetricReading {
    QString key;  ///< "usable_iris_area"
    QString name; ///< "usable iris area" (English)
    QString unit;
    double value = 0.0;
    bool pass = false;
};

/// One scored iris preview frame (or capture).
struct IrisFrameQuality {
    quint64 watch = 0;
    devices::Frame frame;
    IrisSide eye = IrisSide::Undefined;
    bool assessed = false;   ///< false: no eye to measure on the frame
    int score = 0;           ///< overall 0-100 (0 when not assessed)
    bool acceptable = false; ///< every metric passes for enrollment
    std::vector<Advice> advice;
    biometrics::IrisEllipse pupil;
    biometrics::IrisEllipse limbus;
    biometrics::EyelidBoundary upperLid;
    biometrics::EyelidBoundary lowerLid;
    std::vector<IrisMetricReading> metrics;
    double scoringMs = 0.0;

    /// For the auto-capture policy: the overall score when every metric passes, 0 when some
    /// metric fails, nothing when no eye is seen.
    FrameScores scores() const;
};

IrisFrameQuality scoreIrisFrame(const devices::Frame& frame, IrisSide eye);

/// The capture a captured iris frame yields.
struct IrisCaptureOutcome {
    quint64 watch = 0;
    std::optional<Capture> capture;
    IrisFrameQuality quality;
    QString error;
};
IrisCaptureOutcome processIrisCapture(const devices::Frame& frame, IrisSide eye);

/// Lossless PNG of an 8-bit grey image.
QByteArray encodePng(const cv::Mat& grey);

} // namespace umbral::enrollment

Q_DECLARE_METATYPE(umbral::enrollment::FingerFrameQuality)
Q_DECLARE_METATYPE(umbral::enrollment::IrisFrameQuality)
Q_DECLARE_METATYPE(umbral::enrollment::FingerCaptureOutcome)
Q_DECLARE_METATYPE(umbral::enrollment::IrisCaptureOutcome)
