#include "ui/supervisor/evidence_images.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace umbral::ui {

namespace {
constexpr int kHeading = 22; // band above the images for "Traveler" / "Listed person"
constexpr int kGap = 28;     // between the two images, for the joining lines to show

// Eight hues far apart; numbers beside the rings carry the pairing when colours do not.
const QColor kPairColours[] = {QColor(0xe6, 0x19, 0x4b), QColor(0x3c, 0xb4, 0x4b),
                               QColor(0x43, 0x63, 0xd8), QColor(0xf5, 0x82, 0x31),
                               QColor(0x91, 0x1e, 0xb4), QColor(0x00, 0x96, 0x88),
                               QColor(0xf0, 0x32, 0xe6), QColor(0x9a, 0x63, 0x24)};

void heading(QPainter& p, const QRect& box, const QString& text) {
    QFont f = p.font();
    f.setPixelSize(14);
    f.setBold(true);
    p.setFont(f);
    p.setPen(Qt::black);
    p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
}
} // namespace

QImage imageFromMat(const cv::Mat& mat) {
    if (mat.empty())
        return {};
    if (mat.type() == CV_8UC1)
        return QImage(mat.data, mat.cols, mat.rows, int(mat.step), QImage::Format_Grayscale8)
            .copy();
    if (mat.type() == CV_8UC3)
        return QImage(mat.data, mat.cols, mat.rows, int(mat.step), QImage::Format_BGR888).copy();
    return {};
}

QImage renderFingerComparison(const services::FingerEvidence& f, int h) {
    const double sp = f.probe.empty() ? 1.0 : double(h) / f.probe.rows;
    const cv::Size frame = f.candidateFrame.area() > 0 ? f.candidateFrame : f.probe.size();
    const double sc = frame.height > 0 ? double(h) / frame.height : 1.0;
    const int wp = f.probe.empty() ? h * 3 / 4 : int(std::lround(f.probe.cols * sp));
    const int wc = int(std::lround(frame.width * sc));
    QImage out(wp + kGap + wc, h + kHeading, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.setRenderHint(QPainter::Antialiasing);
    heading(p, QRect(0, 0, wp, kHeading), QObject::tr("Traveler"));
    heading(p, QRect(wp + kGap, 0, wc, kHeading), QObject::tr("Listed person"));
    const QRect probeBox(0, kHeading, wp, h), candBox(wp + kGap, kHeading, wc, h);
    if (!f.probe.empty())
        p.drawImage(probeBox, imageFromMat(f.probe));
    if (!f.candidate.empty()) {
        p.drawImage(candBox, imageFromMat(f.candidate));
    } else {
        // A template only: its frame, light grey, with the words saying there is no picture.
        p.fillRect(candBox, QColor(0xee, 0xee, 0xee));
        p.setPen(QColor(0x55, 0x55, 0x55));
        p.drawText(candBox.adjusted(6, 6, -6, -6),
                   Qt::AlignBottom | Qt::AlignHCenter | Qt::TextWordWrap,
                   QObject::tr("template only: no image"));
    }
    auto probePoint = [&](float x, float y) {
        return QPointF(probeBox.left() + x * sp, probeBox.top() + y * sp);
    };
    auto candPoint = [&](float x, float y) {
        return QPointF(candBox.left() + x * sc, candBox.top() + y * sc);
    };

    // Every minutia, unpaired ones faint.
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0x1e, 0x88, 0xe5, 150), 1.0));
    for (const auto& m : f.probeMinutiae)
        p.drawEllipse(probePoint(m.x, m.y), 3.0, 3.0);
    for (const auto& m : f.candidateMinutiae)
        p.drawEllipse(candPoint(m.x, m.y), 3.0, 3.0);

    // Matched pairs: a ring at both ends, the same number beside both, a line between them.
    QFont small = p.font();
    small.setPixelSize(11);
    small.setBold(true);
    p.setFont(small);
    for (std::size_t i = 0; i < f.pairs.size(); ++i) {
        const auto& pair = f.pairs[i];
        const QColor colour = kPairColours[i % std::size(kPairColours)];
        const QPointF a = probePoint(pair.ax, pair.ay), b = candPoint(pair.bx, pair.by);
        QColor line = colour;
        line.setAlpha(120);
        p.setPen(QPen(line, 1.2));
        p.drawLine(a, b);
        p.setPen(QPen(colour, 2.2));
        p.drawEllipse(a, 6.0, 6.0);
        p.drawEllipse(b, 6.0, 6.0);
        const QString n = QString::number(i + 1);
        for (const QPointF& at : {a, b}) {
            const QRectF label(at.x() + 6, at.y() - 16, 18, 13);
            p.fillRect(label, QColor(255, 255, 255, 200));
            p.drawText(label, Qt::AlignCenter, n);
        }
    }
    return out;
}

QImage renderIrisComparison(const services::IrisEvidence& e, int h) {
    const QImage probe = imageFromMat(e.probeOverlay), cand = imageFromMat(e.candidateOverlay);
    const int wp = probe.isNull() ? h * 4 / 3 : probe.width() * h / std::max(1, probe.height());
    const int wc = cand.isNull() ? h * 4 / 3 : cand.width() * h / std::max(1, cand.height());
    QImage out(wp + 12 + wc, h + kHeading, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    heading(p, QRect(0, 0, wp, kHeading), QObject::tr("Traveler"));
    heading(p, QRect(wp + 12, 0, wc, kHeading), QObject::tr("Listed person"));
    const QRect probeBox(0, kHeading, wp, h), candBox(wp + 12, kHeading, wc, h);
    for (const auto& [img, box] : {std::pair{probe, probeBox}, std::pair{cand, candBox}}) {
        if (!img.isNull()) {
            p.drawImage(box, img);
        } else {
            p.fillRect(box, QColor(0xee, 0xee, 0xee));
            p.setPen(QColor(0x55, 0x55, 0x55));
            p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap,
                       box == candBox ? QObject::tr("iris code only: no image")
                                      : QObject::tr("no image"));
        }
    }
    return out;
}

} // namespace umbral::ui
