#pragma once

#include "devices/api/frame_mailbox.h"

#include <QMetaType>
#include <QThread>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace umbral::enrollment {

/// A preview frame made ready for the screen: scaled down and converted to the screen's 32-bit
/// pixel format off the UI thread, so that painting it is a plain copy. (Qt's raster engine
/// converts any other format while painting, splitting the work over its global thread pool
/// and making the UI thread wait for it: on a busy two-core station that wait was the longest
/// stall of the UI thread.)
struct PreviewImage {
    quint64 watch = 0;
    cv::Mat image;      ///< CV_8UC4, B G R 255 (QImage::Format_RGB32), at most the size asked
                        ///< for, aspect ratio kept
    double scale = 1.0; ///< image pixels per frame pixel (overlays in frame pixels scale by it)
    cv::Size frameSize; ///< the device frame's size
    std::uint64_t sequence = 0;
    std::chrono::steady_clock::time_point frameTime; ///< when the device produced the frame
    QString deviceId;
};

/// The live preview's own consumer of a device's frames (separate from the quality worker, so
/// slow scoring never makes the preview skip): the newest frame, scaled to fit the preview's
/// size with area averaging, is emitted as previewReady (queued to the owner's thread).
class PreviewPump : public QThread {
    Q_OBJECT

public:
    explicit PreviewPump(QObject* parent = nullptr);
    ~PreviewPump() override;

    /// Shows the frames of `mailbox` from now on (nullptr: none), fitted into `fit` pixels.
    void watch(std::shared_ptr<devices::FrameMailbox> mailbox, quint64 watch);
    void setFit(cv::Size fit);

Q_SIGNALS:
    void previewReady(const umbral::enrollment::PreviewImage& image);

protected:
    void run() override;

private:
    struct Wake {
        std::mutex mutex;
        std::condition_variable condition;
        bool frameWaiting = false;
    };
    std::shared_ptr<Wake> wake_ = std::make_shared<Wake>();
    std::shared_ptr<devices::FrameMailbox> mailbox_;
    quint64 watch_ = 0;
    cv::Size fit_{800, 600};
    bool abort_ = false;
};

} // namespace umbral::enrollment

Q_DECLARE_METATYPE(umbral::enrollment::PreviewImage)
