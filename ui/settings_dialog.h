#pragma once

#include "ui/ui_settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace umbral::ui {

/// The desktop settings: language (English, Español) and large text.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(const UiSettings& settings, QWidget* parent = nullptr);
    UiSettings settings() const;

private:
    QComboBox* language_;
    QCheckBox* largeText_;
};

} // namespace umbral::ui
