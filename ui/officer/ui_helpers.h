#pragma once

#include <QString>

class QLabel;
class QWidget;
class QPushButton;
class QKeySequence;

namespace umbral::ui {

/// A label whose font is the application font scaled by `scale` (bold). The scale is kept as a
/// property so refreshScaledFonts() can follow a change of the application font (large text).
QLabel* makeHeading(const QString& text, QWidget* parent, double scale = 1.5);
/// Gives `widget` the application font scaled by `scale` and remembers the scale.
void setScaledFont(QWidget* widget, double scale, bool bold = false);
/// Re-applies the remembered scales below `root` (after the application font changed).
void refreshScaledFonts(QWidget* root);
/// A push button with a shortcut shown in its text ("Capture now  [F5]") and its tooltip.
QPushButton* makeButton(const QString& text, const QKeySequence& shortcut, QWidget* parent);

} // namespace umbral::ui
