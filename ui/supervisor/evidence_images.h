#pragma once

// Pictures of the evidence, drawn with QPainter into QImages (safe off the UI thread, so they
// are made on the worker with the evidence): probe and candidate side by side at one height,
// headed by who is who; every minutia as a small ring, each matched pair in its own colour
// with a line joining the two and a number beside both ends (so pairs can be told apart
// without colour); irises with their segmentation drawn.

#include "app/services/alert_evidence.h"

#include <QImage>

namespace umbral::ui {

/// An 8-bit grey or BGR cv::Mat as a QImage (a deep copy).
QImage imageFromMat(const cv::Mat& mat);

QImage renderFingerComparison(const services::FingerEvidence& finger, int imageHeight = 300);
QImage renderIrisComparison(const services::IrisEvidence& iris, int imageHeight = 200);

} // namespace umbral::ui
