#include "ui/officer/ui_helpers.h"

#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>

namespace umbral::ui {

namespace {
constexpr const char* kScale = "umbralFontScale";
constexpr const char* kBold = "umbralFontBold";
} // namespace

void setScaledFont(QWidget* widget, double scale, bool bold) {
    widget->setProperty(kScale, scale);
    widget->setProperty(kBold, bold);
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * scale);
    f.setBold(bold);
    widget->setFont(f);
}

QLabel* makeHeading(const QString& text, QWidget* parent, double scale) {
    auto* label = new QLabel(text, parent);
    setScaledFont(label, scale, true);
    label->setWordWrap(true);
    return label;
}

void refreshScaledFonts(QWidget* root) {
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        const QVariant scale = w->property(kScale);
        if (scale.isValid())
            setScaledFont(w, scale.toDouble(), w->property(kBold).toBool());
    }
}

QPushButton* makeButton(const QString& text, const QKeySequence& shortcut, QWidget* parent) {
    auto* b = new QPushButton(
        QStringLiteral("%1   [%2]").arg(text, shortcut.toString(QKeySequence::NativeText)), parent);
    b->setShortcut(shortcut);
    b->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                shortcut.toString(QKeySequence::NativeText)));
    b->setMinimumHeight(40);
    return b;
}

} // namespace umbral::ui
