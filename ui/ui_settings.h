#pragma once

#include <QString>

namespace umbral::ui {

/// The desktop's own settings in umbral.conf: the language (en, es) and large text.
struct UiSettings {
    QString language = QStringLiteral("en");
    bool largeText = false;

    static UiSettings load(const QString& settingsFile);
    void save(const QString& settingsFile) const;
};

/// Installs the translation for `language` ("en": none, "es": Spanish from the embedded .qm
/// files). Returns false when no translation for it is built in.
bool installLanguage(const QString& language);
/// The station's look: visible focus on every control (a thick blue frame), and the
/// application font at 1.4 times its size in large-text mode.
void applyStationStyle(bool largeText);

} // namespace umbral::ui
