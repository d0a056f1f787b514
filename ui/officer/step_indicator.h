#pragma once

#include "app/enrollment/encounter_workflow.h"

#include <QPointer>
#include <QWidget>
#include <vector>

class QLabel;

namespace umbral::ui {

/// The steps of the encounter across the top: number, name, a symbol and a word for its state
/// (done, current, open, locked) and the key that opens it (Alt+1 ... Alt+4).
class StepIndicator : public QWidget {
    Q_OBJECT

public:
    explicit StepIndicator(QWidget* parent = nullptr);
    void bind(enrollment::EncounterWorkflow* workflow);
    QString text() const;

private:
    void refresh();
    QPointer<enrollment::EncounterWorkflow> workflow_;
    std::vector<QLabel*> labels_;
};

} // namespace umbral::ui
