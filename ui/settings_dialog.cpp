#include "ui/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QVBoxLayout>

namespace umbral::ui {

SettingsDialog::SettingsDialog(const UiSettings& settings, QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("settingsLanguage"));
    // Language names in their own language, so anyone can find theirs.
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    language_->setCurrentIndex(std::max(0, language_->findData(settings.language)));
    largeText_ = new QCheckBox(tr("&Large text"), this);
    largeText_->setObjectName(QStringLiteral("settingsLargeText"));
    largeText_->setChecked(settings.largeText);
    auto* form = new QFormLayout;
    form->addRow(tr("&Language"), language_);
    form->addRow(QString(), largeText_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

UiSettings SettingsDialog::settings() const {
    UiSettings s;
    s.language = language_->currentData().toString();
    s.largeText = largeText_->isChecked();
    return s;
}

} // namespace umbral::ui
