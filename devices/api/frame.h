#pragma once

#include "devices/api/capture_spec.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <chrono>
#include <cstdint>
#include <opencv2/core.hpp>
#include <optional>

namespace umbral::devices {

/// Whether a frame is a live preview or the result of a capture request.
enum class FrameKind { Preview, Capture };

/// One image from a device: what travels from a device thread to the consumers.
/// `image` is always 8-bit single-channel (CV_8UC1) and owned by the frame (drivers never hand
/// out views into their own buffers), so a frame may be kept and shared across threads.
struct Frame {
    cv::Mat image;                                   ///< CV_8UC1
    int ppi = 0;                                     ///< pixels per inch (iris cameras: 0)
    std::chrono::steady_clock::time_point timestamp; ///< when the device thread produced it
    QDateTime capturedAtUtc;                         ///< wall-clock time, for records
    std::uint64_t sequence = 0; ///< per device, increasing by one for every frame it produces
    QString deviceId;
    FrameKind kind = FrameKind::Preview;
    std::optional<CaptureSpec> request; ///< set on FrameKind::Capture frames

    bool isValid() const { return !image.empty(); }
};

} // namespace umbral::devices

Q_DECLARE_METATYPE(umbral::devices::Frame)
