#include "ui/officer/result_page.h"

#include "ui/officer/labels.h"
#include "ui/officer/ui_helpers.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace umbral::ui {

ResultPage::ResultPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("resultPage"));
    setAutoFillBackground(true);
    band_ = new QLabel(this);
    band_->setObjectName(QStringLiteral("resultBand"));
    band_->setAlignment(Qt::AlignCenter);
    setScaledFont(band_, 5.0, true);
    instruction_ = new QLabel(this);
    instruction_->setObjectName(QStringLiteral("resultInstruction"));
    instruction_->setAlignment(Qt::AlignCenter);
    instruction_->setWordWrap(true);
    setScaledFont(instruction_, 2.4, true);
    details_ = new QLabel(this);
    details_->setObjectName(QStringLiteral("resultDetails"));
    details_->setAlignment(Qt::AlignCenter);
    details_->setWordWrap(true);
    setScaledFont(details_, 1.6, true);
    reference_ = new QLabel(this);
    reference_->setAlignment(Qt::AlignCenter);
    reference_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    acknowledge_ = makeButton(tr("I have called the supervisor: &acknowledge"),
                              QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    acknowledge_->setObjectName(QStringLiteral("acknowledgeResult"));
    setScaledFont(acknowledge_, 1.4, true);
    acknowledge_->setMinimumHeight(64);
    next_ = makeButton(tr("&Next traveler"), QKeySequence(Qt::CTRL | Qt::Key_N), this);
    next_->setObjectName(QStringLiteral("nextTraveler"));
    setScaledFont(next_, 1.4, true);
    next_->setMinimumHeight(64);
    connect(acknowledge_, &QPushButton::clicked, this, &ResultPage::acknowledged);
    connect(next_, &QPushButton::clicked, this, &ResultPage::nextTraveler);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 30, 40, 30);
    layout->addStretch();
    layout->addWidget(band_);
    layout->addSpacing(20);
    layout->addWidget(instruction_);
    layout->addSpacing(12);
    layout->addWidget(details_);
    layout->addStretch();
    layout->addWidget(reference_);
    layout->addWidget(acknowledge_, 0, Qt::AlignHCenter);
    layout->addWidget(next_, 0, Qt::AlignHCenter);
}

void ResultPage::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitLabels();
}

// Word-wrapped labels in a stretched layout can be given too little height: ask for what the
// text needs at the page's width.
void ResultPage::fitLabels() {
    const int width = std::max(400, this->width() - 100);
    for (QLabel* l : {band_, instruction_, details_})
        l->setMinimumHeight(
            l->fontMetrics()
                .boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, l->text())
                .height() +
            8);
}

QString ResultPage::bandText() const {
    return band_->text();
}
QString ResultPage::instructionText() const {
    return instruction_->text();
}

void ResultPage::showResult(const enrollment::SubmissionResult& r, bool isAcknowledged) {
    const auto& s = r.screening;
    QString symbol, instruction, details;
    QColor background, foreground = Qt::white;
    bool mustAcknowledge = false;
    if (!s.error.isEmpty()) {
        symbol = QStringLiteral("?");
        instruction = tr(
            "Screening did not run. The encounter is stored. Keep the traveler here and call the "
            "supervisor.");
        background = QColor(0x4a, 0x14, 0x8c);
        mustAcknowledge = true;
    } else if (!s.screened) {
        symbol = QStringLiteral("\u26A0");
        instruction =
            tr("Stored and queued. No watchlist is loaded at this station: the traveler was NOT "
               "screened. Tell the supervisor.");
        background = QColor(0x37, 0x47, 0x4f);
    } else {
        switch (s.band) {
        case Band::Green:
            symbol = QStringLiteral("\u2714");
            instruction = tr("No watchlist match. Continue with the traveler.");
            background = QColor(0x1b, 0x5e, 0x20);
            break;
        case Band::Yellow:
            symbol = QStringLiteral("\u25B2");
            instruction = tr("Possible watchlist match. Refer the traveler to secondary "
                             "inspection. A supervisor will "
                             "review the alert.");
            background = QColor(0xf9, 0xa8, 0x25);
            foreground = QColor(0x1a, 0x1a, 0x1a);
            break;
        case Band::Red:
            symbol = QStringLiteral("\u2716");
            instruction = tr("Watchlist hit. DO NOT TELL THE TRAVELER.\nCall the supervisor now.");
            background = QColor(0xb7, 0x1c, 0x1c);
            mustAcknowledge = true;
            break;
        case Band::Pending:
            symbol = QStringLiteral("?");
            instruction = tr("Screening did not run. The encounter is stored. Keep the traveler "
                             "here and call the "
                             "supervisor.");
            background = QColor(0x4a, 0x14, 0x8c);
            mustAcknowledge = true;
            break;
        }
    }
    const QString word =
        !s.screened || !s.error.isEmpty() ? bandWord(Band::Pending) : bandWord(s.band);
    band_->setText(QStringLiteral("%1 %2").arg(symbol, word));
    instruction_->setText(instruction);
    if (s.category)
        details += tr("Category: %1").arg(categoryName(*s.category));
    if (s.alertId > 0)
        details += (details.isEmpty() ? QString() : QStringLiteral("   ·   ")) +
                   tr("Alert number %1").arg(s.alertId);
    if (!s.error.isEmpty())
        details +=
            (details.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Reason: %1").arg(s.error);
    details_->setText(details);
    details_->setVisible(!details.isEmpty());
    reference_->setText(tr("Encounter %1 · transaction %2").arg(r.encounterId, r.tcn));
    QPalette pal = palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, foreground);
    setPalette(pal);
    for (QLabel* l : {band_, instruction_, details_, reference_})
        l->setStyleSheet(QStringLiteral("color: %1;").arg(foreground.name()));
    fitLabels();
    acknowledge_->setVisible(mustAcknowledge && !isAcknowledged);
    next_->setVisible(!mustAcknowledge || isAcknowledged);
    if (acknowledge_->isVisible())
        acknowledge_->setFocus();
    else
        next_->setFocus();
}

} // namespace umbral::ui
