#pragma once

#include "app/enrollment/encounter_workflow.h"

#include <QDate>
#include <QPointer>
#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace umbral::ui {

/// The Document step: the machine-readable zone (typed, or sent by a keyboard-wedge passport
/// reader, which types the zone followed by Enter), the verdict on every check digit, and the
/// form filled from the zone and correctable by the officer. A damaged zone or a corrected form
/// needs the officer's "I have checked the data page".
class DocumentPage : public QWidget {
    Q_OBJECT

public:
    explicit DocumentPage(std::function<QDate()> today, QWidget* parent = nullptr);
    void bind(enrollment::EncounterWorkflow* workflow);
    void focusMrz();
    /// The zone's verdict as shown (for tests): one line per check digit and finding.
    QString verdictText() const;
    /// The workflow's English names of missing fields, in the officer's language.
    static QStringList translatedMissing(const QStringList& fields);

Q_SIGNALS:
    /// A clean zone was just completed (a reader finished sending): the officer may go on.
    void zoneCompleted();

private:
    void mrzEdited();
    void formEdited();
    void refresh();

    std::function<QDate()> today_;
    QPointer<enrollment::EncounterWorkflow> workflow_;
    QPlainTextEdit* mrz_;
    QLabel* mrzState_;
    QLabel* verdict_;
    QLineEdit* surname_;
    QLineEdit* given_;
    QLineEdit* code_;
    QLineEdit* issuer_;
    QLineEdit* number_;
    QLineEdit* nationality_;
    QLineEdit* birth_;
    QComboBox* sex_;
    QLineEdit* expiry_;
    QCheckBox* confirm_;
    QLabel* missing_;
    bool refreshing_ = false;
};

} // namespace umbral::ui
