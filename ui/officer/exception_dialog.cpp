#include "ui/officer/exception_dialog.h"

#include "app/core/errors.h"
#include "ui/officer/labels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace umbral::ui {

ExceptionDialog::ExceptionDialog(enrollment::EncounterWorkflow& workflow,
                                 const QStringList& slotKeys, QWidget* parent)
    : QDialog(parent), workflow_(workflow) {
    setObjectName(QStringLiteral("exceptionDialog"));
    setWindowTitle(tr("Record an exception"));
    slot_ = new QComboBox(this);
    slot_->setObjectName(QStringLiteral("exceptionSlot"));
    for (const QString& key : slotKeys)
        slot_->addItem(slotName(key), key);
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("exceptionKind"));
    for (CaptureException e :
         {CaptureException::Amputated, CaptureException::Bandaged, CaptureException::UnableToPrint,
          CaptureException::Refused, CaptureException::Other})
        kind_->addItem(exceptionName(e), int(e));
    reason_ = new QLineEdit(this);
    reason_->setObjectName(QStringLiteral("exceptionReason"));
    reason_->setPlaceholderText(
        tr("Required: what you saw (e.g. \"amputated at the second joint\")"));
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b01e1e; font-weight: bold;"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Finger or eye"), slot_);
    form->addRow(tr("&Exception"), kind_);
    form->addRow(tr("&Reason"), reason_);
    auto* buttons = new QDialogButtonBox(this);
    record_ = buttons->addButton(tr("Record exception"), QDialogButtonBox::AcceptRole);
    record_->setObjectName(QStringLiteral("recordExceptionButton"));
    clear_ = buttons->addButton(tr("C&lear exception"), QDialogButtonBox::ResetRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    record_->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(record_, &QPushButton::clicked, this, &ExceptionDialog::record);
    connect(clear_, &QPushButton::clicked, this, &ExceptionDialog::clearException);
    connect(slot_, &QComboBox::currentIndexChanged, this, &ExceptionDialog::update);
    connect(reason_, &QLineEdit::textChanged, this, &ExceptionDialog::update);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons);
    update();
    reason_->setFocus();
}

void ExceptionDialog::update() {
    const auto& s = workflow_.captures().slot(slot_->currentData().toString());
    clear_->setVisible(s.hasException());
    record_->setEnabled(!reason_->text().trimmed().isEmpty());
    if (s.hasException() && reason_->text().isEmpty()) {
        kind_->setCurrentIndex(std::max(0, kind_->findData(int(s.exception))));
        reason_->setText(s.exceptionReason);
    }
}

void ExceptionDialog::record() {
    try {
        workflow_.setException(slot_->currentData().toString(),
                               CaptureException(kind_->currentData().toInt()), reason_->text());
        accept();
    } catch (const Error& e) {
        error_->setText(tr("\u2716 %1").arg(e.message()));
    }
}

void ExceptionDialog::clearException() {
    workflow_.clearException(slot_->currentData().toString());
    accept();
}

} // namespace umbral::ui
