#include "app/enrollment/capture/frame_scoring.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/fingerprint/quality/finger_quality.h"
#include "app/biometrics/fingerprint/quality/preview_quality.h"
#include "app/biometrics/iris/iris_quality.h"
#include "app/biometrics/iris/iris_segmentation.h"

#include <chrono>
#include <opencv2/imgcodecs.hpp>

namespace umbral::enrollment {

namespace {

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

std::vector<Advice> advices(const std::vector<biometrics::CaptureAdvice>& in) {
    std::vector<Advice> out;
    for (auto a : in)
        out.push_back(adviceFrom(a));
    return out;
}

bool contains(const std::vector<FingerPosition>& v, FingerPosition f) {
    return std::find(v.begin(), v.end(), f) != v.end();
}

// Which fingertip of a slap reading is `finger`: by the position the segmenter told; when it
// could not tell, by order (left to right, as the plan lists the slap's fingers).
const SlapReading::Fingertip* fingertipFor(const SlapReading& reading,
                                           const PlannedImpression& impression,
                                           const std::vector<FingerPosition>& presented,
                                           FingerPosition finger) {
    for (const auto& t : reading.fingertips)
        if (t.finger == finger)
            return &t;
    const bool anyKnown =
        std::any_of(reading.fingertips.begin(), reading.fingertips.end(),
                    [](const auto& t) { return t.finger != FingerPosition::Unknown; });
    if (anyKnown || reading.fingertips.size() != presented.size())
        return nullptr;
    std::size_t k = 0;
    for (FingerPosition f : impression.fingers) {
        if (!contains(presented, f))
            continue;
        if (f == finger)
            return &reading.fingertips[k];
        ++k;
    }
    return nullptr;
}

} // namespace

QByteArray encodePng(const cv::Mat& grey) {
    std::vector<uchar> buf;
    cv::imencode(".png", grey, buf, {cv::IMWRITE_PNG_COMPRESSION, 1});
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

FrameScores FingerFrameQuality::scores() const {
    FrameScores s;
    s.sequence = frame.sequence;
    for (const FingerReading& f : fingers)
        s.scores.push_back(f.score);
    return s;
}

FingerFrameQuality scoreFingerFrame(const devices::Frame& frame,
                                    const PlannedImpression& impression,
                                    const std::vector<FingerPosition>& presented,
                                    const SlapSegmenter& segmenter) {
    const auto start = std::chrono::steady_clock::now();
    FingerFrameQuality q;
    q.frame = frame;
    q.impression = impression.impression;
    const double ppi = frame.ppi > 0 ? frame.ppi : 500;
    try {
        if (!impression.isSlap()) {
            const auto scored = biometrics::scorePreviewFrame(frame.image, ppi);
            FingerReading r;
            r.finger = impression.impression;
            if (!scored.empty()) {
                r.box = scored.front().region;
                r.score = scored.front().score;
                r.advice = advices(scored.front().advice);
            }
            if (contains(presented, r.finger))
                q.fingers.push_back(r);
        } else {
            SlapReading reading;
            if (segmenter)
                reading = segmenter(frame.image, ppi, impression.impression, false);
            q.handMatches = reading.handMatches;
            std::vector<FingerPosition> found;
            std::vector<cv::RotatedRect> boxes;
            for (FingerPosition f : impression.fingers) {
                if (!contains(presented, f))
                    continue;
                if (const auto* tip = fingertipFor(reading, impression, presented, f)) {
                    found.push_back(f);
                    boxes.push_back(tip->box);
                }
            }
            const auto scored = boxes.empty()
                                    ? std::vector<biometrics::PreviewFingerQuality>{}
                                    : biometrics::scorePreviewFrame(frame.image, ppi, boxes);
            for (FingerPosition f : impression.fingers) {
                if (!contains(presented, f))
                    continue;
                FingerReading r;
                r.finger = f;
                const auto it = std::find(found.begin(), found.end(), f);
                if (it == found.end()) {
                    r.advice = {Advice::PlaceFinger};
                } else {
                    const auto& s = scored[std::size_t(it - found.begin())];
                    r.box = s.region;
                    r.score = s.score;
                    r.advice = advices(s.advice);
                }
                q.fingers.push_back(r);
            }
        }
    } catch (const biometrics::BiometricError&) {
        // A frame of the wrong kind: nothing scored, the finger readings stay empty.
        q.fingers.clear();
        for (FingerPosition f : impression.fingers)
            if (contains(presented, f))
                q.fingers.push_back({f, {}, std::nullopt, {Advice::PlaceFinger}});
    }
    q.scoringMs = msSince(start);
    return q;
}

FingerCaptureOutcome processFingerCapture(const devices::Frame& frame,
                                          const PlannedImpression& impression,
                                          const std::vector<FingerPosition>& presented,
                                          const SlapSegmenter& segmenter) {
    FingerCaptureOutcome out;
    out.impression = impression.impression;
    const double ppi = frame.ppi > 0 ? frame.ppi : 500;
    const QDateTime at =
        frame.capturedAtUtc.isValid() ? frame.capturedAtUtc : QDateTime::currentDateTimeUtc();
    auto makeCapture = [&](FingerPosition position, const cv::Mat& image, int ppiOfImage,
                           int quality) {
        Capture c;
        c.modality = Modality::Finger;
        c.finger = position;
        c.image = encodePng(image);
        c.width = image.cols;
        c.height = image.rows;
        c.ppi = ppiOfImage;
        c.quality = quality;
        c.deviceId = frame.deviceId;
        c.capturedAt = at;
        return c;
    };
    auto assess = [](const cv::Mat& image, double atPpi) {
        try {
            return biometrics::assessFingerQuality(image, {atPpi, {}}).score;
        } catch (const biometrics::BiometricError&) {
            return 0; // a finger was seen but cannot be measured: kept, to be retried
        }
    };
    try {
        if (!impression.isSlap()) {
            if (contains(presented, impression.impression))
                out.captures.push_back(makeCapture(impression.impression, frame.image, int(ppi),
                                                   assess(frame.image, ppi)));
            return out;
        }
        if (!segmenter) {
            out.error = QStringLiteral("this station cannot segment slaps");
            return out;
        }
        const SlapReading reading = segmenter(frame.image, ppi, impression.impression, true);
        out.handMatches = reading.handMatches;
        int weakest = 100;
        for (FingerPosition f : impression.fingers) {
            if (!contains(presented, f))
                continue;
            const auto* tip = fingertipFor(reading, impression, presented, f);
            if (!tip || tip->crop.empty()) {
                out.missing.push_back(f);
                continue;
            }
            const int score = assess(tip->crop, 500);
            weakest = std::min(weakest, score);
            out.captures.push_back(makeCapture(f, tip->crop, 500, score));
        }
        if (!out.captures.empty())
            out.captures.insert(out.captures.begin(),
                                makeCapture(impression.impression, frame.image, int(ppi), weakest));
    } catch (const biometrics::BiometricError& e) {
        out.captures.clear();
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

FrameScores IrisFrameQuality::scores() const {
    FrameScores s;
    s.sequence = frame.sequence;
    if (assessed)
        s.scores.push_back(acceptable ? score : 0);
    else
        s.scores.push_back(std::nullopt);
    return s;
}

IrisFrameQuality scoreIrisFrame(const devices::Frame& frame, IrisSide eye) {
    const auto start = std::chrono::steady_clock::now();
    IrisFrameQuality q;
    q.frame = frame;
    q.eye = eye;
    try {
        // Segmented here and handed to the assessment, so the screen can draw the segmentation
        // (the one-argument assessIrisQuality does not return it).
        std::optional<biometrics::IrisSegmentation> segmentation;
        try {
            segmentation = biometrics::segmentIris(frame.image);
        } catch (const biometrics::IrisSegmentationError&) {
        }
        const biometrics::IrisQualityReport r =
            segmentation ? biometrics::assessIrisQuality(frame.image, *segmentation)
                         : biometrics::assessIrisQuality(frame.image);
        q.assessed = r.assessed;
        q.score = r.assessed ? r.overallScore : 0;
        q.acceptable = r.assessed && r.acceptable;
        for (auto f : r.feedback)
            q.advice.push_back(adviceFrom(f));
        if (r.assessed && segmentation) {
            q.pupil = segmentation->pupil;
            q.limbus = segmentation->limbus;
            q.upperLid = segmentation->upperLid;
            q.lowerLid = segmentation->lowerLid;
        }
        if (r.assessed) {
            for (const auto& m : r.metrics) {
                const auto& spec = biometrics::metricSpec(m.metric);
                q.metrics.push_back({QString::fromLatin1(spec.key), QString::fromLatin1(spec.name),
                                     QString::fromLatin1(spec.unit), m.value, m.pass});
            }
        }
        if (!r.assessed && q.advice.empty())
            q.advice.push_back(Advice::LookAtCamera);
    } catch (const biometrics::BiometricError&) {
        q.assessed = false;
        q.advice = {Advice::LookAtCamera};
    }
    q.scoringMs = msSince(start);
    return q;
}

IrisCaptureOutcome processIrisCapture(const devices::Frame& frame, IrisSide eye) {
    IrisCaptureOutcome out;
    out.quality = scoreIrisFrame(frame, eye);
    if (!out.quality.assessed) {
        out.error = QStringLiteral("no eye to measure on the capture");
        return out;
    }
    Capture c;
    c.modality = Modality::Iris;
    c.iris = eye;
    c.image = encodePng(frame.image);
    c.width = frame.image.cols;
    c.height = frame.image.rows;
    c.ppi = 0;
    c.quality = out.quality.score;
    c.deviceId = frame.deviceId;
    c.capturedAt =
        frame.capturedAtUtc.isValid() ? frame.capturedAtUtc : QDateTime::currentDateTimeUtc();
    out.capture = std::move(c);
    return out;
}

} // namespace umbral::enrollment
