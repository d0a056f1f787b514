#pragma once

#include "app/enrollment/capture/frame_scoring.h"
#include "app/enrollment/capture/preview_pump.h"

#include <QImage>
#include <QWidget>
#include <optional>
#include <vector>

namespace umbral::ui {

/// The live preview of a capture screen: the newest device frame (already scaled off the UI
/// thread) with the quality overlays drawn on it: one box per finger, numbered, coloured and
/// labelled with its score and word; or the iris segmentation (pupil, limbus, eyelids). Paints
/// only; it holds no device. Records the frame-to-screen latency of every frame it paints.
class LivePreview : public QWidget {
    Q_OBJECT

public:
    explicit LivePreview(QWidget* parent = nullptr);

    void showFrame(const enrollment::PreviewImage& image);
    void setFingerOverlay(const enrollment::FingerFrameQuality& quality, int threshold);
    void setIrisOverlay(const enrollment::IrisFrameQuality& quality, int threshold);
    void clearOverlay();
    /// A message over an empty preview ("Scanner disconnected").
    void setMessage(const QString& message);
    /// Forgets the frame (a new presentation begins).
    void clear();

    /// Milliseconds from the device producing a frame to this widget painting it, for every
    /// frame painted since the last call (drained).
    std::vector<double> takeLatencies();
    quint64 framesPainted() const { return painted_; }

    QSize sizeHint() const override { return {640, 520}; }

Q_SIGNALS:
    /// The area frames are shown in changed: frames should be prepared at this size.
    void displaySizeChanged(int width, int height);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QRectF imageRect() const;
    /// True when the frame was scaled for a display area of `fit` (so it paints 1:1).
    bool fitsExactly(QSize fit) const;

    enrollment::PreviewImage frame_;
    QImage image_;
    bool framePending_ = false;
    std::optional<enrollment::FingerFrameQuality> fingers_;
    std::optional<enrollment::IrisFrameQuality> iris_;
    int threshold_ = 40;
    QString message_;
    std::vector<double> latencies_;
    quint64 painted_ = 0;
};

} // namespace umbral::ui
