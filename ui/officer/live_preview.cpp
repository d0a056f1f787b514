#include "ui/officer/live_preview.h"

#include "ui/officer/labels.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace umbral::ui {

LivePreview::LivePreview(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("livePreview"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 260);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Live preview"));
}

void LivePreview::showFrame(const enrollment::PreviewImage& image) {
    frame_ = image;
    // The pixels stay owned by the cv::Mat held in frame_; the QImage only wraps them.
    // Already in the screen's format (the preview pump converts it), so painting is a copy.
    image_ = QImage(frame_.image.data, frame_.image.cols, frame_.image.rows, int(frame_.image.step),
                    QImage::Format_RGB32);
    framePending_ = true;
    message_.clear();
    // Both capture pages share one preview pump, which scales to the size it was last given;
    // a frame that does not fit this widget means the other page set it: ask again.
    const QSize fit(width() - 8, height() - 8);
    if (frame_.scale < 1.0 && !fitsExactly(fit)) // a frame at full size cannot fit better
        emit displaySizeChanged(fit.width(), fit.height());
    update();
}

bool LivePreview::fitsExactly(QSize fit) const {
    // Aspect-fitted by the pump: one side equals the fit, the other is within it.
    const bool widthFits =
        std::abs(image_.width() - fit.width()) < 2 && image_.height() <= fit.height() + 1;
    const bool heightFits =
        std::abs(image_.height() - fit.height()) < 2 && image_.width() <= fit.width() + 1;
    return widthFits || heightFits;
}

void LivePreview::setFingerOverlay(const enrollment::FingerFrameQuality& quality, int threshold) {
    fingers_ = quality;
    fingers_->frame.image = cv::Mat(); // the overlay needs geometry, not a second copy of pixels
    iris_.reset();
    threshold_ = threshold;
    update();
}

void LivePreview::setIrisOverlay(const enrollment::IrisFrameQuality& quality, int threshold) {
    iris_ = quality;
    iris_->frame.image = cv::Mat();
    fingers_.reset();
    threshold_ = threshold;
    update();
}

void LivePreview::clearOverlay() {
    fingers_.reset();
    iris_.reset();
    update();
}

void LivePreview::setMessage(const QString& message) {
    message_ = message;
    update();
}

void LivePreview::clear() {
    frame_ = {};
    image_ = QImage();
    framePending_ = false;
    clearOverlay();
}

void LivePreview::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    emit displaySizeChanged(width() - 8, height() - 8);
}

std::vector<double> LivePreview::takeLatencies() {
    std::vector<double> out;
    out.swap(latencies_);
    return out;
}

QRectF LivePreview::imageRect() const {
    if (image_.isNull())
        return {};
    const QSizeF size =
        QSizeF(image_.size())
            .scaled(QSizeF(rect().adjusted(4, 4, -4, -4).size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size);
}

void LivePreview::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(0x20, 0x20, 0x20));
    const QRectF target = imageRect();
    if (!image_.isNull()) {
        // Frames arrive scaled to this widget (the preview pump does it off the UI thread): then
        // the image is drawn 1:1, the cheapest way to paint it.
        if (std::abs(target.width() - image_.width()) < 2 &&
            std::abs(target.height() - image_.height()) < 2) {
            p.drawImage(target.topLeft(), image_);
        } else {
            // Only until the pump delivers frames of this size (or when the device's frames are
            // smaller than the widget). No smooth transform: Qt smooth-scales on its global
            // thread pool and the UI thread would wait for it.
            p.drawImage(target, image_);
        }
        // Frame pixels -> widget pixels.
        const double s = frame_.scale * target.width() / image_.width();
        auto map = [&](double x, double y) {
            return QPointF(target.left() + x * s, target.top() + y * s);
        };
        p.setRenderHint(QPainter::Antialiasing);
        QFont labelFont = font();
        labelFont.setBold(true);
        labelFont.setPointSizeF(labelFont.pointSizeF() * 1.15);
        p.setFont(labelFont);
        if (fingers_) {
            int number = 0;
            for (const auto& f : fingers_->fingers) {
                ++number;
                if (f.box.size.area() <= 0)
                    continue;
                const QualityLevel level = qualityLevel(f.score, threshold_);
                const QColor colour = qualityColour(level);
                cv::Point2f corners[4];
                f.box.points(corners);
                QPolygonF poly;
                for (const auto& c : corners)
                    poly << map(c.x, c.y);
                p.setPen(QPen(Qt::white, 7));
                p.drawPolygon(poly);
                p.setPen(QPen(colour, 4));
                p.drawPolygon(poly);
                // The label: the finger's number, its score and word, on a solid plate. On a
                // slap the fingers stand close, so their plates carry number, score and symbol
                // only (the word is in the list beside the preview) and do not cover each other.
                const QString text =
                    fingers_->fingers.size() > 1
                        ? QStringLiteral("%1 %2 %3")
                              .arg(number)
                              .arg(f.score ? QString::number(*f.score) : QStringLiteral("-"))
                              .arg(qualitySymbol(level))
                        : QStringLiteral("%1  %2").arg(number).arg(qualityLabel(f.score, threshold_));
                const QRectF bound = poly.boundingRect();
                QRectF plate = p.fontMetrics().boundingRect(text);
                plate.adjust(-6, -3, 6, 3);
                plate.moveCenter(QPointF(bound.center().x(), bound.top() - plate.height() / 2 - 2));
                if (plate.top() < target.top())
                    plate.moveTop(bound.top() + 4);
                p.fillRect(plate, colour);
                p.setPen(Qt::white);
                p.drawText(plate, Qt::AlignCenter, text);
            }
        }
        if (iris_ && iris_->assessed) {
            auto drawEllipse = [&](const biometrics::IrisEllipse& e, const QColor& c) {
                if (!e.valid())
                    return;
                QPainterPath path;
                for (int k = 0; k <= 72; ++k) {
                    const cv::Point2d pt = e.pointAt(k * 2 * M_PI / 72);
                    if (k == 0)
                        path.moveTo(map(pt.x, pt.y));
                    else
                        path.lineTo(map(pt.x, pt.y));
                }
                p.setPen(QPen(Qt::black, 5));
                p.drawPath(path);
                p.setPen(QPen(c, 3));
                p.drawPath(path);
            };
            drawEllipse(iris_->limbus, QColor(0x4c, 0xd9, 0x64));
            drawEllipse(iris_->pupil, QColor(0xff, 0x5a, 0x5a));
            for (const auto* lid : {&iris_->upperLid, &iris_->lowerLid}) {
                if (!lid->present || !iris_->limbus.valid())
                    continue;
                QPainterPath path;
                const double r = iris_->limbus.meanRadius() * 1.2, cx = iris_->limbus.centre.x;
                for (int k = 0; k <= 40; ++k) {
                    const double x = cx - r + 2 * r * k / 40;
                    const QPointF pt = map(x, lid->yAt(x));
                    if (k == 0)
                        path.moveTo(pt);
                    else
                        path.lineTo(pt);
                }
                p.setPen(QPen(QColor(0xff, 0xd5, 0x4f), 3, Qt::DashLine));
                p.drawPath(path);
            }
            const QString text = qualityLabel(iris_->score, threshold_);
            QRectF plate = p.fontMetrics().boundingRect(text);
            plate.adjust(-8, -4, 8, 4);
            plate.moveTopLeft(target.topLeft() + QPointF(8, 8));
            p.fillRect(plate, qualityColour(qualityLevel(iris_->score, threshold_)));
            p.setPen(Qt::white);
            p.drawText(plate, Qt::AlignCenter, text);
        }
    }
    if (!message_.isEmpty()) {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.6);
        f.setBold(true);
        p.setFont(f);
        QRectF box = rect().adjusted(30, 0, -30, 0);
        QRectF textRect = p.fontMetrics().boundingRect(
            box.toRect(), Qt::AlignCenter | Qt::TextWordWrap, message_);
        textRect.adjust(-16, -12, 16, 12);
        p.fillRect(textRect, QColor(0, 0, 0, 200));
        p.setPen(Qt::white);
        p.drawText(textRect, Qt::AlignCenter | Qt::TextWordWrap, message_);
    }
    if (hasFocus()) {
        p.setPen(QPen(QColor(0x4d, 0x9f, 0xff), 4));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(2, 2, -2, -2));
    }
    if (framePending_) {
        framePending_ = false;
        ++painted_;
        latencies_.push_back(std::chrono::duration<double, std::milli>(
                                 std::chrono::steady_clock::now() - frame_.frameTime)
                                 .count());
        if (latencies_.size() > 100000)
            latencies_.erase(latencies_.begin(), latencies_.begin() + 50000);
    }
}

} // namespace umbral::ui
