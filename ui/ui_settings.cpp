#include "ui/ui_settings.h"

#include "ui/officer/ui_helpers.h"

#include <QApplication>
#include <QSettings>
#include <QTranslator>
#include <QWidget>

namespace umbral::ui {

UiSettings UiSettings::load(const QString& file) {
    UiSettings s;
    QSettings ini(file, QSettings::IniFormat);
    s.language = ini.value("ui/language", s.language).toString();
    s.largeText = ini.value("ui/large_text", s.largeText).toBool();
    return s;
}

void UiSettings::save(const QString& file) const {
    QSettings ini(file, QSettings::IniFormat);
    ini.setValue("ui/language", language);
    ini.setValue("ui/large_text", largeText);
    ini.sync();
}

bool installLanguage(const QString& language) {
    // One translator for the application, replaced when the officer changes the language.
    static QTranslator* current = nullptr;
    if (current) {
        QCoreApplication::removeTranslator(current);
        delete current;
        current = nullptr;
    }
    auto* t = new QTranslator(qApp);
    if (!t->load(QStringLiteral(":/i18n/umbral_%1.qm")
                     .arg(language.isEmpty() ? QStringLiteral("en") : language))) {
        delete t;
        return language.isEmpty() ||
               language == QLatin1String("en"); // English needs no translation
    }
    QCoreApplication::installTranslator(t);
    current = t;
    return true;
}

void applyStationStyle(bool largeText) {
    static double baseSize = 0;
    QFont f = QApplication::font();
    // Read from across a desk: never below 12 points, 1.4 times that in large-text mode.
    if (baseSize <= 0)
        baseSize = std::max(12.0, f.pointSizeF());
    f.setPointSizeF(largeText ? baseSize * 1.4 : baseSize);
    QApplication::setFont(f);
    // Focus must be visible from across a desk: a thick frame, not a dotted line.
    qApp->setStyleSheet(QStringLiteral(
        "QPushButton { border: 2px solid #7a7a7a; border-radius: 5px; padding: 6px 14px; "
        "background: #f4f4f4; }"
        "QPushButton:hover { background: #e8e8e8; }"
        "QPushButton:pressed { background: #d0d0d0; }"
        "QPushButton:disabled { color: #8a8a8a; border-color: #c4c4c4; }"
        "QPushButton:focus { border: 4px solid #0b57d0; background: #e3edfd; }"
        "QLineEdit, QPlainTextEdit, QComboBox { border: 2px solid #7a7a7a; border-radius: 3px; "
        "padding: 3px; background: white; }"
        "QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus { border: 4px solid #0b57d0; }"
        "QListWidget, QTableWidget { border: 2px solid #b0b0b0; }"
        "QListWidget:focus, QTableWidget:focus { border: 4px solid #0b57d0; }"
        "QListWidget::item:selected { background: #0b57d0; color: white; }"
        "QCheckBox:focus { border: 3px solid #0b57d0; background: #e3edfd; padding: 2px; }"
        // Solid fills for progress bars, scroll bars and table headers: the default style paints
        // their gradients and stripes through Qt's global thread pool and the UI thread waits
        // for it, which on a busy two-core station (screening, scoring) stalled it.
        "QProgressBar { border: 2px solid #7a7a7a; border-radius: 3px; background: #f4f4f4; "
        "text-align: center; min-height: 22px; }"
        "QProgressBar::chunk { background: #0b57d0; }"
        "QScrollBar:vertical { background: #e4e4e4; width: 16px; margin: 0; border: none; }"
        "QScrollBar:horizontal { background: #e4e4e4; height: 16px; margin: 0; border: none; }"
        "QScrollBar::handle { background: #8a8a8a; border-radius: 4px; }"
        "QScrollBar::handle:vertical { min-height: 28px; margin: 2px; }"
        "QScrollBar::handle:horizontal { min-width: 28px; margin: 2px; }"
        "QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; }"
        "QScrollBar::add-page, QScrollBar::sub-page { background: none; }"
        "QHeaderView::section { background: #e8e8e8; border: none; "
        "border-right: 1px solid #b0b0b0; border-bottom: 1px solid #b0b0b0; padding: 3px; }"));
    for (QWidget* w : QApplication::topLevelWidgets())
        refreshScaledFonts(w);
}

} // namespace umbral::ui
