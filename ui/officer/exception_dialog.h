#pragma once

#include "app/enrollment/encounter_workflow.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace umbral::ui {

/// Records (or clears) an exception for a finger or an eye: which one, why (amputated,
/// bandaged, unable to capture, refused, other) and the officer's reason, which is required.
class ExceptionDialog : public QDialog {
    Q_OBJECT

public:
    /// `slotKeys`: the fingers or eyes to choose from, the first preselected.
    ExceptionDialog(enrollment::EncounterWorkflow& workflow, const QStringList& slotKeys,
                    QWidget* parent = nullptr);

    QComboBox* slotBox() const { return slot_; }
    QComboBox* kindBox() const { return kind_; }
    QLineEdit* reasonEdit() const { return reason_; }

private:
    void record();
    void clearException();
    void update();

    enrollment::EncounterWorkflow& workflow_;
    QComboBox* slot_;
    QComboBox* kind_;
    QLineEdit* reason_;
    QLabel* error_;
    QPushButton* record_;
    QPushButton* clear_;
};

} // namespace umbral::ui
