#include "ui/supervisor/alert_view.h"

#include "storage/station_store.h"
#include "ui/admin/service_executor.h"
#include "ui/supervisor/alert_queue_model.h"
#include "ui/supervisor/evidence_images.h"

#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace umbral::ui {

namespace {

QString similarityWords(double s) {
    if (s < 0)
        return QObject::tr("not compared");
    return QStringLiteral("%1 %").arg(int(std::lround(s * 100)));
}

QString when(const QDateTime& t) {
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString decisionVerb(const storage::AlertDecisionRecord& r) {
    const QString chose = storage::toKey(r.decision);
    if (r.effect == storage::DecisionEffect::Proposed)
        return QObject::tr("proposed to %1").arg(chose);
    if (r.stateAfter == AlertState::Escalated && r.decision != storage::AlertDecision::Escalate)
        return QObject::tr("chose to %1, disagreeing with the first supervisor: escalated")
            .arg(chose);
    return toKey(r.stateAfter);
}

void clearLayout(QLayout* layout) {
    while (QLayoutItem* item = layout->takeAt(0)) {
        if (QWidget* w = item->widget())
            w->deleteLater();
        delete item;
    }
}

// A wrapped caption exactly as wide as its picture and tall enough for every line: the grid
// sizes its cells from size hints, which for a wrapped label assume some other width, and a
// cell made too short lets the caption slide up over the bottom of the picture.
void fitUnder(QLabel* words, int width) {
    words->setFixedWidth(width);
    words->setMinimumHeight(words->heightForWidth(width));
}

QLabel* caption(QWidget* parent, const QString& text) {
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

AlertView::AlertView(const Actor& actor, const WorkspaceServices& services, QWidget* parent)
    : QWidget(parent), actor_(actor), services_(services) {
    setObjectName(QStringLiteral("alertView"));

    auto* back = new QPushButton(tr("← Back to the &queue"), this);
    back->setObjectName(QStringLiteral("backToQueue"));
    back->setToolTip(tr("Back to the alert queue (Esc)"));
    auto* esc = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr,
                              Qt::WidgetWithChildrenShortcut);
    connect(esc, &QShortcut::activated, this, &AlertView::backRequested);
    connect(back, &QPushButton::clicked, this, &AlertView::backRequested);

    banner_ = new QLabel(this);
    banner_->setObjectName(QStringLiteral("alertBanner"));
    banner_->setMargin(8);
    QFont bf = banner_->font();
    bf.setPointSizeF(bf.pointSizeF() * 1.5);
    bf.setBold(true);
    banner_->setFont(bf);

    // The evidence column.
    content_ = new QWidget;
    content_->setObjectName(QStringLiteral("alertEvidence"));
    header_ = caption(content_, {});
    header_->setObjectName(QStringLiteral("alertHeader"));
    header_->setTextFormat(Qt::RichText);

    auto* bioBox = new QGroupBox(tr("Biographic data"), content_);
    biographicBox_ = bioBox;
    biographic_ = new QTableWidget(0, 4, bioBox);
    biographic_->setObjectName(QStringLiteral("biographicTable"));
    biographic_->setHorizontalHeaderLabels(
        {tr("Field"), tr("Traveler"), tr("Listed person"), tr("Similarity — how")});
    biographic_->verticalHeader()->hide();
    biographic_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    biographic_->setSelectionMode(QAbstractItemView::NoSelection);
    biographic_->setFocusPolicy(Qt::TabFocus);
    biographic_->setWordWrap(true);
    biographic_->horizontalHeader()->setStretchLastSection(true);
    biographic_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    biographic_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    biographicScore_ = caption(bioBox, {});
    auto* bioLayout = new QVBoxLayout(bioBox);
    bioLayout->addWidget(biographic_);
    bioLayout->addWidget(biographicScore_);

    evidenceStatus_ = caption(content_, {});
    evidenceStatus_->setObjectName(QStringLiteral("evidenceStatus"));
    fingerBox_ = new QGroupBox(tr("Fingerprints — matched minutiae joined and numbered"), content_);
    fingerGrid_ = new QGridLayout(fingerBox_);
    irisBox_ = new QGroupBox(tr("Irises — pupil, limbus and eyelids as segmented"), content_);
    irisGrid_ = new QGridLayout(irisBox_);

    auto* contentLayout = new QVBoxLayout(content_);
    contentLayout->addWidget(header_);
    contentLayout->addWidget(bioBox);
    contentLayout->addWidget(evidenceStatus_);
    contentLayout->addWidget(fingerBox_);
    contentLayout->addWidget(irisBox_);
    contentLayout->addStretch();
    scroll_ = new QScrollArea(this);
    scroll_->setObjectName(QStringLiteral("evidenceScroll"));
    scroll_->setWidget(content_);
    scroll_->setWidgetResizable(true);
    scroll_->setFocusPolicy(Qt::StrongFocus); // arrow keys and Page Up/Down scroll the evidence

    // The decision panel.
    auto* decisionBox = new QGroupBox(tr("Decision"), this);
    decisionBox->setObjectName(QStringLiteral("decisionPanel"));
    decisionBox->setFixedWidth(400);
    history_ = caption(decisionBox, {});
    history_->setObjectName(QStringLiteral("decisionHistory"));
    eligibility_ = caption(decisionBox, {});
    eligibility_->setObjectName(QStringLiteral("decisionEligibility"));
    QFont ef = eligibility_->font();
    ef.setBold(true);
    eligibility_->setFont(ef);
    reason_ = new QPlainTextEdit(decisionBox);
    reason_->setObjectName(QStringLiteral("decisionReason"));
    reason_->setTabChangesFocus(true);
    reason_->setPlaceholderText(tr("What you compared and why you decide so. Required."));
    reason_->setMaximumHeight(120);
    auto* reasonLabel = new QLabel(tr("&Reason (required, at least %1 characters):")
                                       .arg(services_.adjudication.minReasonLength),
                                   decisionBox);
    reasonLabel->setWordWrap(true);
    reasonLabel->setBuddy(reason_);
    reasonHint_ = caption(decisionBox, {});
    reasonHint_->setObjectName(QStringLiteral("reasonHint"));
    confirm_ = new QPushButton(tr("&Confirm — it is the listed person"), decisionBox);
    confirm_->setObjectName(QStringLiteral("confirmAlert"));
    dismiss_ = new QPushButton(tr("&Dismiss — not the listed person"), decisionBox);
    dismiss_->setObjectName(QStringLiteral("dismissAlert"));
    escalate_ = new QPushButton(tr("&Escalate — refer upwards"), decisionBox);
    escalate_->setObjectName(QStringLiteral("escalateAlert"));
    outcome_ = caption(decisionBox, {});
    outcome_->setObjectName(QStringLiteral("decisionOutcome"));
    auto* decisionLayout = new QVBoxLayout(decisionBox);
    decisionLayout->addWidget(history_);
    decisionLayout->addWidget(eligibility_);
    decisionLayout->addWidget(reasonLabel);
    decisionLayout->addWidget(reason_);
    decisionLayout->addWidget(reasonHint_);
    decisionLayout->addWidget(confirm_);
    decisionLayout->addWidget(dismiss_);
    decisionLayout->addWidget(escalate_);
    decisionLayout->addWidget(outcome_);
    decisionLayout->addStretch();

    auto* top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(banner_, 1);
    auto* body = new QHBoxLayout;
    body->addWidget(scroll_, 1);
    body->addWidget(decisionBox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(body, 1);

    connect(reason_, &QPlainTextEdit::textChanged, this, &AlertView::updateDecisionButtons);
    connect(confirm_, &QPushButton::clicked, this,
            [this] { decide(storage::AlertDecision::Confirm); });
    connect(dismiss_, &QPushButton::clicked, this,
            [this] { decide(storage::AlertDecision::Dismiss); });
    connect(escalate_, &QPushButton::clicked, this,
            [this] { decide(storage::AlertDecision::Escalate); });
    setTabOrder(back, scroll_);
    setTabOrder(scroll_, reason_);
    setTabOrder(reason_, confirm_);
    setTabOrder(confirm_, dismiss_);
    setTabOrder(dismiss_, escalate_);
    clear();
}

void AlertView::clear() {
    case_.reset();
    evidence_ = {};
    fingerImages_.clear();
    irisImages_.clear();
    evidenceShown_ = false;
    banner_->setText(tr("Loading the alert…"));
    banner_->setStyleSheet(QString());
    header_->clear();
    biographic_->setRowCount(0);
    biographicBox_->hide();
    biographicScore_->clear();
    clearLayout(fingerGrid_);
    clearLayout(irisGrid_);
    fingerBox_->hide();
    irisBox_->hide();
    evidenceStatus_->clear();
    history_->clear();
    eligibility_->clear();
    reason_->clear();
    outcome_->clear();
    updateDecisionButtons();
}

void AlertView::showAlert(qint64 alertId) {
    alertId_ = alertId;
    const quint64 generation = ++generation_;
    clear();
    services_.executor->run<services::AlertCase>(
        this,
        [store = services_.store, settings = services_.adjudication, actor = actor_, alertId] {
            return services::AdjudicationService(*store, settings).open(actor, alertId);
        },
        [this, generation](const ServiceOutcome<services::AlertCase>& o) {
            if (generation != generation_)
                return;
            if (!o.value) {
                banner_->setText(tr("Error: the alert could not be opened: %1").arg(o.error));
                return;
            }
            showCase(*o.value);
        });
}

void AlertView::showCase(const services::AlertCase& c) {
    const bool firstLoad = !case_ || case_->alert.id != c.alert.id;
    case_ = c;
    const Alert& a = c.alert;
    const bool red = a.band == Band::Red;
    // The band in words, large; the colour repeats it.
    banner_->setText(tr("%1 ALERT #%2 — %3, severity %4 — %5")
                         .arg(bandWords(a.band))
                         .arg(a.id)
                         .arg(categoryWords(a.category))
                         .arg(a.severity)
                         .arg(stateWords(c.summary)));
    banner_->setStyleSheet(red ? QStringLiteral("background: #b71c1c; color: white;")
                               : QStringLiteral("background: #fdd835; color: black;"));
    const Encounter& e = c.encounter;
    QString header = tr("<b>Listed person</b> %1 on list %2 · screening strength %3 · raised %4<br>"
                        "<b>Encounter</b> %5 · lane %6 · enrolled by %7 on %8")
                         .arg(a.watchlistEntryId.toHtmlEscaped(), a.listId.toHtmlEscaped())
                         .arg(a.score, 0, 'f', 2)
                         .arg(when(a.createdAt), e.id, e.lane.toHtmlEscaped(),
                              e.officerName.toHtmlEscaped(), when(e.createdAt));
    if (const QStringList reasons = services::screeningReasonsFromEvidence(a.evidenceJson);
        !reasons.isEmpty())
        header += tr("<br><b>Why %1</b> %2.")
                      .arg(bandWords(a.band), reasons.join(QStringLiteral("; ")).toHtmlEscaped());
    if (c.listed && !c.listed->entry.handlingInstructions.isEmpty())
        header +=
            tr("<br><b>Handling</b> %1").arg(c.listed->entry.handlingInstructions.toHtmlEscaped());
    if (!c.listed)
        header += tr("<br><b>The listed person is no longer on the station's watchlist</b>: only "
                     "the stored scores "
                     "remain.");
    header_->setText(header);

    // History and what this supervisor may do.
    QStringList lines;
    for (const auto& d : c.history)
        lines << tr("%1 — %2 %3: “%4”").arg(when(d.decidedAt), d.actor, decisionVerb(d), d.reason);
    history_->setText(lines.isEmpty() ? tr("No decision yet.")
                                      : tr("History:\n") + lines.join(QLatin1Char('\n')));
    const auto& el = c.eligibility;
    if (!el.allowed)
        eligibility_->setText(tr("You cannot decide on this alert: %1.").arg(el.whyNot));
    else if (el.pendingProposal)
        eligibility_->setText(
            tr("First decision, by %1: %2. You are the second supervisor: the same decision makes "
               "it "
               "final, a different one escalates the alert.")
                .arg(el.pendingProposal->actor, storage::toKey(el.pendingProposal->decision)));
    else if (el.firstOfTwo)
        eligibility_->setText(tr(
            "A red alert needs two supervisors here: your confirm or dismiss is recorded and waits "
            "for a second supervisor."));
    else
        eligibility_->setText(tr("You may decide on this alert."));
    updateDecisionButtons();
    emit caseLoaded();

    if (!firstLoad || !c.listed) {
        if (!c.listed)
            evidenceStatus_->setText(tr(
                "No biometric comparison: the listed person's samples are not on this station."));
        return;
    }
    // The comparison is pure computation: any worker will do, not the database thread. The
    // biographic fields come first (milliseconds), the images after (a second or two).
    evidenceStatus_->setText(tr("Comparing the fingerprints and irises…"));
    const quint64 generation = generation_;
    auto* bioWatcher = new QFutureWatcher<services::AlertEvidence>(this);
    connect(bioWatcher, &QFutureWatcher<services::AlertEvidence>::finished, this,
            [this, bioWatcher, generation] {
                const services::AlertEvidence bio = bioWatcher->result();
                bioWatcher->deleteLater();
                if (generation == generation_ && !evidenceShown_)
                    showBiographic(bio);
            });
    bioWatcher->setFuture(QtConcurrent::run([encounter = c.encounter, listed = c.listed->entry] {
        return services::buildAlertEvidence(encounter, listed, {});
    }));
    auto* watcher = new QFutureWatcher<Rendered>(this);
    connect(watcher, &QFutureWatcher<Rendered>::finished, this, [this, watcher, generation] {
        const Rendered r = watcher->result();
        watcher->deleteLater();
        if (generation == generation_)
            showEvidence(r);
    });
    watcher->setFuture(
        QtConcurrent::run([encounter = c.encounter, listed = c.listed->entry, samples = c.samples,
                           pairings = services::fingerPairingsFromEvidence(c.alert.evidenceJson)] {
            Rendered r;
            r.evidence = services::buildAlertEvidence(encounter, listed, samples, pairings);
            for (const auto& f : r.evidence.fingers)
                r.fingers.push_back(renderFingerComparison(f, 270));
            for (const auto& i : r.evidence.irises)
                r.irises.push_back(renderIrisComparison(i, 150));
            return r;
        }));
}

void AlertView::showBiographic(const services::AlertEvidence& evidence) {
    const auto& bio = evidence.biographic;
    biographic_->setRowCount(int(bio.size()));
    for (int i = 0; i < int(bio.size()); ++i) {
        const auto& f = bio[std::size_t(i)];
        const QStringList cells{f.field, f.traveler, f.listed,
                                similarityWords(f.similarity) + QStringLiteral(" — ") + f.relation};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]); // the whole text, should the column be too narrow
            biographic_->setItem(i, c, item);
        }
    }
    biographic_->resizeColumnsToContents();
    biographic_->resizeRowsToContents();
    int height = biographic_->horizontalHeader()->height() + 4;
    for (int i = 0; i < biographic_->rowCount(); ++i)
        height += biographic_->rowHeight(i);
    biographic_->setFixedHeight(height);
    biographicBox_->setVisible(!bio.empty());
    biographicScore_->setText(
        tr("Biographic score: %1 (weighted over the fields known on both sides).")
            .arg(similarityWords(evidence.biographicScore)));
}

void AlertView::showEvidence(const Rendered& r) {
    evidence_ = r.evidence;
    fingerImages_ = r.fingers;
    irisImages_ = r.irises;

    showBiographic(r.evidence);

    for (int i = 0; i < int(r.evidence.fingers.size()); ++i) {
        const auto& f = r.evidence.fingers[std::size_t(i)];
        auto* cell = new QWidget(fingerBox_);
        auto* v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        auto* picture = new QLabel(cell);
        picture->setObjectName(QStringLiteral("finger-%1").arg(toKey(f.position)));
        picture->setPixmap(QPixmap::fromImage(r.fingers[std::size_t(i)]));
        picture->setFixedSize(picture->pixmap().size()); // never cropped by the layout
        QString text = f.listedPosition == f.position
                           ? tr("<b>%1</b>: ").arg(toKey(f.position))
                           : tr("<b>%1</b> against the listed %2 (any-finger search): ")
                                 .arg(toKey(f.position), toKey(f.listedPosition));
        if (!f.problem.isEmpty())
            text += tr("not compared — %1").arg(f.problem.toHtmlEscaped());
        else
            text += tr("score %1 (%2), %3 matched minutiae drawn; listed sample: %4")
                        .arg(f.score, 0, 'f', 0)
                        .arg(services::falseMatchRateWords(f.score))
                        .arg(f.pairs.size())
                        .arg(f.candidateSource);
        auto* words = caption(cell, text);
        words->setTextFormat(Qt::RichText);
        fitUnder(words, picture->pixmap().width());
        v->addWidget(picture);
        v->addWidget(words);
        fingerGrid_->addWidget(cell, i / 2, i % 2, Qt::AlignTop | Qt::AlignLeft);
    }
    fingerBox_->setVisible(!r.evidence.fingers.empty());

    for (int i = 0; i < int(r.evidence.irises.size()); ++i) {
        const auto& e = r.evidence.irises[std::size_t(i)];
        auto* cell = new QWidget(irisBox_);
        auto* v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        auto* picture = new QLabel(cell);
        picture->setObjectName(QStringLiteral("iris-%1").arg(toKey(e.side)));
        picture->setPixmap(QPixmap::fromImage(r.irises[std::size_t(i)]));
        picture->setFixedSize(picture->pixmap().size());
        QString text = tr("<b>%1 iris</b>: ").arg(toKey(e.side));
        if (!e.problem.isEmpty())
            text += tr("not compared — %1").arg(e.problem.toHtmlEscaped());
        else
            text += tr("distance %1 — %2 (match at or below %3; unrelated eyes about 0.5), %4 bits "
                       "compared; listed "
                       "sample: %5")
                        .arg(e.distance, 0, 'f', 3)
                        .arg(e.distance <= e.threshold ? tr("<b>MATCH</b>") : tr("no match"))
                        .arg(e.threshold, 0, 'f', 3)
                        .arg(e.bitsCompared)
                        .arg(e.candidateSource);
        auto* words = caption(cell, text);
        words->setTextFormat(Qt::RichText);
        fitUnder(words, picture->pixmap().width());
        v->addWidget(picture);
        v->addWidget(words);
        irisGrid_->addWidget(cell, 0, i, Qt::AlignTop | Qt::AlignLeft);
    }
    irisBox_->setVisible(!r.evidence.irises.empty());

    if (r.evidence.fingers.empty() && r.evidence.irises.empty())
        evidenceStatus_->setText(
            tr("No fingerprint or iris in common to compare: the alert rests on the biographic "
               "data."));
    else
        evidenceStatus_->setText(tr("%1 fingers and %2 irises compared from the images.")
                                     .arg(r.evidence.fingers.size())
                                     .arg(r.evidence.irises.size()));
    evidenceShown_ = true;
    emit evidenceLoaded();
}

void AlertView::updateDecisionButtons() {
    const int have = int(reason_->toPlainText().trimmed().size());
    const int need = services_.adjudication.minReasonLength;
    const bool allowed = case_ && case_->eligibility.allowed;
    reason_->setEnabled(allowed);
    if (!allowed)
        reasonHint_->clear();
    else if (have < need)
        reasonHint_->setText(
            tr("%1 more characters needed before you can decide.").arg(need - have));
    else
        reasonHint_->setText(tr("Reason given."));
    const bool ready = allowed && have >= need;
    confirm_->setEnabled(ready);
    dismiss_->setEnabled(ready);
    escalate_->setEnabled(ready && case_->alert.state != AlertState::Escalated);
}

bool AlertView::canDecide(storage::AlertDecision d) const {
    switch (d) {
    case storage::AlertDecision::Confirm:
        return confirm_->isEnabled();
    case storage::AlertDecision::Dismiss:
        return dismiss_->isEnabled();
    case storage::AlertDecision::Escalate:
        return escalate_->isEnabled();
    }
    return false;
}

void AlertView::decide(storage::AlertDecision decision) {
    if (!case_)
        return;
    const QString reason = reason_->toPlainText();
    const qint64 id = case_->alert.id;
    for (QPushButton* b : {confirm_, dismiss_, escalate_})
        b->setEnabled(false);
    outcome_->setText(tr("Recording your decision…"));
    services_.executor->run<services::DecisionOutcome>(
        this,
        [store = services_.store, settings = services_.adjudication, actor = actor_, id, decision,
         reason] {
            return services::AdjudicationService(*store, settings)
                .decide(actor, id, decision, reason);
        },
        [this, id](const ServiceOutcome<services::DecisionOutcome>& o) {
            if (!o.value) {
                outcome_->setText(tr("Refused: %1").arg(o.error));
                updateDecisionButtons();
                emit decisionRefused(o.error);
                return;
            }
            const auto& d = *o.value;
            outcome_->setText(
                d.awaitingSecond ? tr("Recorded as decision #%1: it waits for a second supervisor.")
                                       .arg(d.record.id)
                                 : tr("Recorded as decision #%1: the alert is now %2.")
                                       .arg(d.record.id)
                                       .arg(toKey(d.state)));
            reason_->clear();
            emit decided(id, d.state, d.awaitingSecond);
            // Show the alert as it is now (history, state, who may decide next).
            const QString outcome = outcome_->text();
            const quint64 generation = generation_;
            services_.executor->run<services::AlertCase>(
                this,
                [store = services_.store, settings = services_.adjudication, actor = actor_, id] {
                    return services::AdjudicationService(*store, settings).open(actor, id);
                },
                [this, generation, outcome](const ServiceOutcome<services::AlertCase>& again) {
                    if (generation != generation_ || !again.value)
                        return;
                    showCase(*again.value);
                    outcome_->setText(outcome);
                });
        });
}

QString AlertView::headerText() const {
    return banner_->text() + QLatin1Char('\n') + header_->text();
}
QString AlertView::eligibilityText() const {
    return eligibility_->text();
}
QString AlertView::outcomeText() const {
    return outcome_->text();
}
QString AlertView::historyText() const {
    return history_->text();
}
int AlertView::biographicRows() const {
    return biographic_->rowCount();
}

QString AlertView::biographicCell(int row, int column) const {
    const auto* item = biographic_->item(row, column);
    return item ? item->text() : QString();
}

QWidget* AlertView::evidenceContent() const {
    return content_;
}

void AlertView::setReason(const QString& reason) {
    reason_->setPlainText(reason);
}

} // namespace umbral::ui
