#include "ui/officer/step_indicator.h"

#include "app/enrollment/encounter_captures.h"
#include "ui/officer/labels.h"
#include "ui/officer/ui_helpers.h"

#include <QHBoxLayout>
#include <QLabel>

namespace umbral::ui {

using enrollment::EncounterStep;

namespace {
constexpr EncounterStep kSteps[] = {EncounterStep::Document, EncounterStep::Fingerprints,
                                    EncounterStep::Irises, EncounterStep::Review,
                                    EncounterStep::Submit};
}

StepIndicator::StepIndicator(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("stepIndicator"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (std::size_t i = 0; i < std::size(kSteps); ++i) {
        auto* l = new QLabel(this);
        setScaledFont(l, 1.05, false);
        l->setAlignment(Qt::AlignCenter);
        l->setMinimumHeight(44);
        l->setWordWrap(true); // narrow screens: two lines rather than a wider window
        l->setMinimumWidth(60);
        layout->addWidget(l, 1);
        labels_.push_back(l);
    }
}

void StepIndicator::bind(enrollment::EncounterWorkflow* workflow) {
    if (workflow_)
        disconnect(workflow_, nullptr, this, nullptr);
    workflow_ = workflow;
    if (workflow)
        connect(workflow, &enrollment::EncounterWorkflow::changed, this, &StepIndicator::refresh);
    refresh();
}

QString StepIndicator::text() const {
    QStringList parts;
    for (QLabel* l : labels_)
        parts << l->text();
    return parts.join(QStringLiteral(" | "));
}

void StepIndicator::refresh() {
    if (!workflow_)
        return;
    int fingers = 0;
    for (FingerPosition f : allSingleFingers())
        fingers += workflow_->captures().isDone(enrollment::slotKey(f));
    int eyes = 0;
    for (IrisSide e : {IrisSide::Right, IrisSide::Left})
        eyes += workflow_->captures().isDone(enrollment::slotKey(e));
    for (std::size_t i = 0; i < labels_.size(); ++i) {
        const EncounterStep step = kSteps[i];
        const bool current = workflow_->step() == step;
        QString state;
        bool done = false;
        switch (step) {
        case EncounterStep::Document:
            done = workflow_->document().isComplete();
            state = done ? tr("done") : tr("to do");
            break;
        case EncounterStep::Fingerprints:
            done = fingers == 10;
            state = tr("%1 of 10").arg(fingers);
            break;
        case EncounterStep::Irises:
            done = eyes == 2;
            state = tr("%1 of 2").arg(eyes);
            break;
        case EncounterStep::Review:
            state = workflow_->canEnter(EncounterStep::Submit) ? tr("ready") : tr("to check");
            break;
        default:
            state = QString();
            break;
        }
        const bool locked = !current && !workflow_->canEnter(step);
        const QString symbol = current  ? QStringLiteral("\u25B6")
                               : done   ? QStringLiteral("\u2714")
                               : locked ? QStringLiteral("\u25CB")
                                        : QStringLiteral("\u25CB");
        QString text = QStringLiteral("%1 %2. %3").arg(symbol).arg(i + 1).arg(stepName(step));
        if (!state.isEmpty())
            text += QStringLiteral(" — ") + state;
        if (current)
            text += tr(" (now)");
        labels_[i]->setText(text);
        labels_[i]->setToolTip(step == EncounterStep::Submit ? tr("Ctrl+Enter on Review")
                                                             : tr("Alt+%1").arg(i + 1));
        QString style = QStringLiteral("padding: 4px; border-bottom: 4px solid %1; color: %2;");
        if (current)
            style = style.arg(QStringLiteral("#0b57d0"), QStringLiteral("#0b2e6b")) +
                    QStringLiteral("font-weight: bold; background: #e3edfd;");
        else if (done)
            style = style.arg(QStringLiteral("#1b6e34"), QStringLiteral("#1b6e34"));
        else
            style = style.arg(QStringLiteral("#bbbbbb"),
                              locked ? QStringLiteral("#777777") : QStringLiteral("#1a1a1a"));
        if (labels_[i]->styleSheet() != style) // style sheets are costly to apply
            labels_[i]->setStyleSheet(style);
    }
}

} // namespace umbral::ui
