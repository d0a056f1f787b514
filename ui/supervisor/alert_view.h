#pragma once

#include "app/core/user.h"
#include "app/services/adjudication_service.h"
#include "app/services/alert_evidence.h"
#include "ui/admin/workspace_services.h"

#include <QImage>
#include <QWidget>
#include <optional>

class QGridLayout;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTableWidget;

namespace umbral::ui {

/// One alert, for a supervisor to decide: the alert and its encounter at the top; the
/// traveler beside the listed person for every biographic field (with each field's
/// similarity), every fingerprint (matched minutiae drawn) and every iris (segmentation drawn,
/// distance); and on the right the decision: its history, whether this supervisor may decide
/// and why not, a mandatory reason, and Confirm / Dismiss / Escalate.
///
/// Opening is audited by the service; the evidence is computed on a worker thread from the
/// captures and the listed person's samples.
class AlertView : public QWidget {
    Q_OBJECT
public:
    AlertView(const Actor& actor, const WorkspaceServices& services, QWidget* parent = nullptr);

    void showAlert(qint64 alertId);
    qint64 alertId() const { return alertId_; }

    // What is on screen, for tests.
    bool caseShown() const { return case_.has_value(); }
    bool evidenceShown() const { return evidenceShown_; }
    const std::optional<services::AlertCase>& alertCase() const { return case_; }
    const services::AlertEvidence& evidence() const { return evidence_; }
    QString headerText() const;
    QString eligibilityText() const;
    QString outcomeText() const;
    QString historyText() const;
    int biographicRows() const;
    QString biographicCell(int row, int column) const;
    /// The pictures of the evidence (for screenshots and checks).
    const std::vector<QImage>& fingerImages() const { return fingerImages_; }
    const std::vector<QImage>& irisImages() const { return irisImages_; }
    /// The whole evidence column, not only what the scroll area shows.
    QWidget* evidenceContent() const;
    void setReason(const QString& reason);
    bool canDecide(storage::AlertDecision decision) const;
    void decide(storage::AlertDecision decision);

signals:
    void backRequested();
    void caseLoaded();
    void evidenceLoaded();
    void decided(qint64 alertId, AlertState state, bool awaitingSecond);
    void decisionRefused(const QString& why);

private:
    struct Rendered {
        services::AlertEvidence evidence;
        std::vector<QImage> fingers;
        std::vector<QImage> irises;
    };
    void clear();
    void showCase(const services::AlertCase& c);
    void showBiographic(const services::AlertEvidence& evidence);
    void showEvidence(const Rendered& r);
    void updateDecisionButtons();

    Actor actor_;
    WorkspaceServices services_;
    qint64 alertId_ = 0;
    quint64 generation_ = 0; ///< discards results of an alert no longer shown
    std::optional<services::AlertCase> case_;
    services::AlertEvidence evidence_;
    std::vector<QImage> fingerImages_, irisImages_;
    bool evidenceShown_ = false;

    QScrollArea* scroll_;
    QWidget* content_;
    QLabel* banner_;
    QLabel* header_;
    QGroupBox* biographicBox_;
    QTableWidget* biographic_;
    QLabel* biographicScore_;
    QGroupBox* fingerBox_;
    QGridLayout* fingerGrid_;
    QGroupBox* irisBox_;
    QGridLayout* irisGrid_;
    QLabel* evidenceStatus_;
    QLabel* history_;
    QLabel* eligibility_;
    QPlainTextEdit* reason_;
    QLabel* reasonHint_;
    QPushButton* confirm_;
    QPushButton* dismiss_;
    QPushButton* escalate_;
    QLabel* outcome_;
};

} // namespace umbral::ui
