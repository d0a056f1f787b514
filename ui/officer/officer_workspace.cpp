#include "ui/officer/officer_workspace.h"

#include "app/core/errors.h"
#include "app/enrollment/encounter_captures.h"
#include "devices/api/device_manager.h"
#include "ui/officer/demo_panel.h"
#include "ui/officer/device_strip.h"
#include "ui/officer/document_page.h"
#include "ui/officer/exception_dialog.h"
#include "ui/officer/fingerprint_page.h"
#include "ui/officer/iris_page.h"
#include "ui/officer/labels.h"
#include "ui/officer/result_page.h"
#include "ui/officer/review_page.h"
#include "ui/officer/step_indicator.h"
#include "ui/officer/ui_helpers.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace umbral::ui {

using enrollment::CaptureSession;
using enrollment::EncounterStep;
using enrollment::EncounterWorkflow;

namespace {
QShortcut* shortcut(QWidget* parent, const QKeySequence& keys) {
    auto* s = new QShortcut(keys, parent);
    s->setContext(Qt::WidgetWithChildrenShortcut);
    return s;
}
} // namespace

OfficerWorkspace::OfficerWorkspace(const Actor& actor, OfficerEnvironment env, QWidget* parent)
    : QWidget(parent), actor_(actor), env_(std::move(env)) {
    setObjectName(QStringLiteral("officerWorkspace"));
    session_ = std::make_unique<CaptureSession>(*env_.devices, env_.settings, env_.segmenter);

    steps_ = new StepIndicator(this);
    pages_ = new QStackedWidget(this);

    waiting_ = new QWidget(this);
    {
        auto* l = new QVBoxLayout(waiting_);
        l->addStretch();
        l->addWidget(makeHeading(tr("Looking for an encounter in progress…"), waiting_, 1.4), 0,
                     Qt::AlignCenter);
        l->addStretch();
    }
    resume_ = new QWidget(this);
    resume_->setObjectName(QStringLiteral("resumePrompt"));
    {
        resumeText_ = new QLabel(resume_);
        resumeText_->setWordWrap(true);
        setScaledFont(resumeText_, 1.3, false);
        auto* resume =
            makeButton(tr("&Resume it"), QKeySequence(Qt::CTRL | Qt::Key_Return), resume_);
        resume->setObjectName(QStringLiteral("resumeDraft"));
        auto* discard = makeButton(tr("&Discard it and start a new traveler"),
                                   QKeySequence(Qt::CTRL | Qt::Key_Delete), resume_);
        discard->setObjectName(QStringLiteral("discardDraft"));
        connect(resume, &QPushButton::clicked, this, &OfficerWorkspace::resumeDraft);
        connect(discard, &QPushButton::clicked, this, &OfficerWorkspace::discardDraft);
        auto* l = new QVBoxLayout(resume_);
        l->addStretch();
        l->addWidget(makeHeading(tr("An encounter was in progress"), resume_, 1.8));
        l->addWidget(resumeText_);
        l->addSpacing(16);
        l->addWidget(resume, 0, Qt::AlignLeft);
        l->addWidget(discard, 0, Qt::AlignLeft);
        l->addStretch(2);
        l->setContentsMargins(60, 20, 60, 20);
    }
    document_ = new DocumentPage(env_.today, this);
    fingerprints_ = new FingerprintPage(env_.settings.finger.threshold, this);
    irises_ = new IrisPage(env_.settings.iris.threshold, this);
    review_ = new ReviewPage(env_.settings.finger.threshold, env_.settings.iris.threshold, this);
    submitting_ = new QWidget(this);
    submitting_->setObjectName(QStringLiteral("submittingPage"));
    {
        auto* bar = new QProgressBar(submitting_);
        bar->setRange(0, 0);
        auto* l = new QVBoxLayout(submitting_);
        l->addStretch();
        l->addWidget(makeHeading(tr("Submitting…"), submitting_, 2.0), 0, Qt::AlignCenter);
        auto* text = new QLabel(
            tr("The encounter is being stored and screened against the watchlist. Keep the "
               "traveler at the desk."),
            submitting_);
        setScaledFont(text, 1.3);
        text->setWordWrap(true);
        text->setAlignment(Qt::AlignCenter);
        l->addWidget(text);
        l->addWidget(bar);
        l->addStretch();
        l->setContentsMargins(80, 20, 80, 20);
    }
    result_ = new ResultPage(this);
    for (QWidget* page :
         {waiting_, resume_, static_cast<QWidget*>(document_), static_cast<QWidget*>(fingerprints_),
          static_cast<QWidget*>(irises_), static_cast<QWidget*>(review_), submitting_,
          static_cast<QWidget*>(result_)})
        pages_->addWidget(page);

    fingerprints_->connectSession(session_.get());
    irises_->connectSession(session_.get());

    navigation_ = new QWidget(this);
    back_ = makeButton(tr("\u25C0 &Back"), QKeySequence(Qt::Key_PageUp), navigation_);
    back_->setObjectName(QStringLiteral("stepBack"));
    next_ = makeButton(tr("&Next \u25B6"), QKeySequence(Qt::Key_PageDown), navigation_);
    next_->setObjectName(QStringLiteral("stepNext"));
    navHint_ = new QLabel(navigation_);
    navHint_->setObjectName(QStringLiteral("navigationHint"));
    navHint_->setWordWrap(true);
    auto* keys = new QPushButton(tr("Keys [F1]"), navigation_);
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    keys->setObjectName(QStringLiteral("showKeys"));
    {
        auto* l = new QHBoxLayout(navigation_);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(back_);
        l->addWidget(navHint_, 1);
        l->addWidget(keys);
        l->addWidget(next_);
    }
    connect(back_, &QPushButton::clicked, this, [this] {
        if (workflow_)
            workflow_->back();
    });
    connect(next_, &QPushButton::clicked, this, [this] {
        if (!workflow_)
            return;
        if (workflow_->step() == EncounterStep::Review)
            submit();
        else
            workflow_->next();
    });
    connect(keys, &QPushButton::clicked, this, &OfficerWorkspace::showKeys);

    strip_ = new DeviceStrip(*env_.devices, session_.get(), this);

    auto* centre = new QVBoxLayout;
    centre->addWidget(steps_);
    centre->addWidget(pages_, 1);
    centre->addWidget(navigation_);
    auto* body = new QHBoxLayout;
    body->addLayout(centre, 1);
    if (env_.demoBackend) {
        demo_ = new DemoPanel(*env_.demoBackend, this);
        demo_->setMaximumWidth(340);
        body->addWidget(demo_);
        connect(demo_, &DemoPanel::passportScanned, this, [this](const QString& mrz) {
            if (!workflow_ || workflow_->step() == EncounterStep::Result ||
                workflow_->isSubmitting())
                return;
            workflow_->goTo(EncounterStep::Document);
            workflow_->setMrz(mrz, env_.today());
            document_->bind(workflow_.get());
        });
        connect(shortcut(this, QKeySequence(Qt::Key_F12)), &QShortcut::activated, this,
                &OfficerWorkspace::toggleDemo);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(body, 1);
    layout->addWidget(strip_);

    // Keys for the steps.
    const EncounterStep stepKeys[] = {EncounterStep::Document, EncounterStep::Fingerprints,
                                      EncounterStep::Irises, EncounterStep::Review};
    for (int i = 0; i < 4; ++i)
        connect(shortcut(this, QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i))),
                &QShortcut::activated, this, [this, step = stepKeys[i]] {
                    if (workflow_)
                        workflow_->goTo(step);
                });
    connect(document_, &DocumentPage::zoneCompleted, this, [this] { next_->setFocus(); });
    connect(fingerprints_, &FingerprintPage::exceptionRequested, this,
            &OfficerWorkspace::openException);
    connect(irises_, &IrisPage::exceptionRequested, this, &OfficerWorkspace::openException);
    connect(review_, &ReviewPage::openSlot, this, &OfficerWorkspace::openSlot);
    connect(review_, &ReviewPage::submitRequested, this, &OfficerWorkspace::submit);
    connect(result_, &ResultPage::acknowledged, this, [this] {
        if (!workflow_ || !workflow_->result())
            return;
        workflow_->acknowledgeResult();
        env_.writer->recordAcknowledgement(actor_, workflow_->encounterId(),
                                           workflow_->result()->screening.band);
        result_->showResult(*workflow_->result(), true);
    });
    connect(result_, &ResultPage::nextTraveler, this, [this] {
        if (workflow_ && !workflow_->needsAcknowledgement())
            startNewEncounter();
    });
    connect(env_.writer, &enrollment::StationWriter::draftFound, this,
            &OfficerWorkspace::draftFound);
    connect(env_.writer, &enrollment::StationWriter::noDraft, this, [this](qint64 userId) {
        if (userId == actor_.userId && !workflow_)
            startNewEncounter();
    });
    connect(env_.writer, &enrollment::StationWriter::submitted, this, &OfficerWorkspace::submitted);
    connect(env_.writer, &enrollment::StationWriter::submitFailed, this,
            &OfficerWorkspace::submitFailed);
    connect(env_.writer, &enrollment::StationWriter::storageFailed, this,
            &OfficerWorkspace::notice);

    pages_->setCurrentWidget(waiting_);
    steps_->setVisible(false);
    navigation_->setVisible(false);
    env_.writer->findDraft(actor_.userId);
}

OfficerWorkspace::~OfficerWorkspace() {
    session_->attach(nullptr);
    // Whatever was entered is in the draft already; the last change is written before leaving.
    env_.writer->flush();
}

bool OfficerWorkspace::isOfferingResume() const {
    return pages_->currentWidget() == resume_;
}

void OfficerWorkspace::draftFound(qint64 userId, const QByteArray& draft) {
    if (userId != actor_.userId || workflow_)
        return;
    try {
        const auto w = EncounterWorkflow::fromDraft(draft, env_.today());
        int fingers = 0, eyes = 0;
        for (FingerPosition f : allSingleFingers())
            fingers += w->captures().isDone(enrollment::slotKey(f));
        for (IrisSide e : {IrisSide::Right, IrisSide::Left})
            eyes += w->captures().isDone(enrollment::slotKey(e));
        const Traveler& t = w->document().traveler();
        resumeText_->setText(
            tr("It was saved when the station stopped. Traveler: %1 %2. Started %3. Fingers done: "
               "%4 of 10, eyes done: %5 of 2. Step: %6.")
                .arg(t.givenNames, t.surname.isEmpty() ? tr("(no name yet)") : t.surname,
                     w->startedAt().toLocalTime().toString(QStringLiteral("HH:mm")))
                .arg(fingers)
                .arg(eyes)
                .arg(stepName(w->step())));
        pendingDraft_ = draft;
        pages_->setCurrentWidget(resume_);
        resume_->findChild<QPushButton*>(QStringLiteral("resumeDraft"))->setFocus();
        emit resumeOffered();
    } catch (const Error& e) {
        emit notice(tr("A saved encounter could not be resumed: %1").arg(e.message()));
        startNewEncounter();
    }
}

void OfficerWorkspace::resumeDraft() {
    if (pendingDraft_.isEmpty())
        return;
    try {
        adopt(EncounterWorkflow::fromDraft(pendingDraft_, env_.today()));
    } catch (const Error& e) {
        emit notice(e.message());
        startNewEncounter();
    }
    pendingDraft_.clear();
}

void OfficerWorkspace::discardDraft() {
    pendingDraft_.clear();
    env_.writer->discardDraft(actor_.userId);
    startNewEncounter();
}

void OfficerWorkspace::startNewEncounter() {
    adopt(std::make_unique<EncounterWorkflow>(session_->planForScanner()));
}

void OfficerWorkspace::adopt(std::unique_ptr<EncounterWorkflow> workflow) {
    session_->attach(nullptr);
    document_->bind(nullptr);
    fingerprints_->bind(nullptr);
    irises_->bind(nullptr);
    review_->bind(nullptr);
    steps_->bind(nullptr);
    workflow_ = std::move(workflow);
    EncounterWorkflow* w = workflow_.get();
    session_->attach(w);
    document_->bind(w);
    fingerprints_->bind(w);
    irises_->bind(w);
    review_->bind(w);
    steps_->bind(w);
    connect(w, &EncounterWorkflow::changed, this, &OfficerWorkspace::workflowChanged);
    connect(w, &EncounterWorkflow::stepChanged, this, &OfficerWorkspace::showStep);
    showStep();
    if (!w->isPristine())
        workflowChanged(); // a resumed draft is saved again at once (the same content)
}

void OfficerWorkspace::workflowChanged() {
    if (!workflow_)
        return;
    updateNavigation();
    // Every change is saved as a sealed draft, off the UI thread; not once the result is in.
    if (workflow_->step() != EncounterStep::Result && !workflow_->isPristine())
        env_.writer->saveDraft(actor_.userId, workflow_->snapshot());
}

void OfficerWorkspace::showStep() {
    if (!workflow_)
        return;
    const EncounterStep step = workflow_->step();
    const bool fullScreen = step == EncounterStep::Result;
    steps_->setVisible(!fullScreen);
    navigation_->setVisible(!fullScreen && step != EncounterStep::Submit);
    strip_->setVisible(!fullScreen);
    if (demo_)
        demo_->setVisible(!fullScreen && demoShown_);
    emit fullScreenChanged(fullScreen);
    switch (step) {
    case EncounterStep::Document:
        pages_->setCurrentWidget(document_);
        document_->focusMrz();
        break;
    case EncounterStep::Fingerprints:
        pages_->setCurrentWidget(fingerprints_);
        fingerprints_->setFocus();
        break;
    case EncounterStep::Irises:
        pages_->setCurrentWidget(irises_);
        irises_->setFocus();
        break;
    case EncounterStep::Review:
        pages_->setCurrentWidget(review_);
        review_->thumbnails()->setFocus();
        break;
    case EncounterStep::Submit:
        pages_->setCurrentWidget(submitting_);
        break;
    case EncounterStep::Result:
        pages_->setCurrentWidget(result_);
        if (workflow_->result())
            result_->showResult(*workflow_->result(), workflow_->isAcknowledged());
        break;
    }
    if (!paused_)
        session_->setActivity(step == EncounterStep::Fingerprints
                                  ? CaptureSession::Activity::Fingerprints
                              : step == EncounterStep::Irises ? CaptureSession::Activity::Irises
                                                              : CaptureSession::Activity::Idle);
    updateNavigation();
}

void OfficerWorkspace::updateNavigation() {
    if (!workflow_)
        return;
    const EncounterStep step = workflow_->step();
    back_->setEnabled(step != EncounterStep::Document && step != EncounterStep::Submit &&
                      step != EncounterStep::Result);
    QString why;
    switch (step) {
    case EncounterStep::Document:
        why = workflow_->whyNot(EncounterStep::Fingerprints);
        next_->setEnabled(why.isEmpty());
        break;
    case EncounterStep::Fingerprints:
    case EncounterStep::Irises:
        next_->setEnabled(true);
        break;
    case EncounterStep::Review:
        // The review page has its own Submit button (Ctrl+Enter); Next is not needed there.
        why = workflow_->whyNot(EncounterStep::Submit);
        next_->setEnabled(false);
        break;
    default:
        next_->setEnabled(false);
        break;
    }
    next_->setVisible(step != EncounterStep::Review);
    // The reason in the officer's language (the workflow's own reason is English, for logs).
    QString hint;
    if (!why.isEmpty() && step == EncounterStep::Document) {
        const QStringList missing =
            DocumentPage::translatedMissing(workflow_->document().missingFields());
        hint =
            missing.isEmpty()
                ? tr("Next is locked: confirm the details against the data page.")
                : tr("Next is locked: still needed: %1.").arg(missing.join(QStringLiteral(", ")));
    }
    navHint_->setText(hint);
}

void OfficerWorkspace::submit() {
    if (!workflow_ || !workflow_->beginSubmit())
        return;
    env_.writer->submit(actor_, workflow_->buildEncounter(env_.lane));
}

void OfficerWorkspace::submitted(const enrollment::SubmissionResult& result) {
    if (!workflow_ || result.encounterId != workflow_->encounterId())
        return;
    workflow_->submitted(result);
}

void OfficerWorkspace::submitFailed(const QString& encounterId, const QString& reason) {
    if (!workflow_ || encounterId != workflow_->encounterId())
        return;
    workflow_->submitFailed(reason);
}

void OfficerWorkspace::openException() {
    if (!workflow_)
        return;
    QStringList keys;
    if (workflow_->step() == EncounterStep::Irises) {
        keys << enrollment::slotKey(workflow_->currentIris());
        keys << enrollment::slotKey(workflow_->currentIris() == IrisSide::Right ? IrisSide::Left
                                                                                : IrisSide::Right);
    } else {
        const auto& plan = workflow_->fingerPlan();
        if (!plan.isEmpty())
            for (FingerPosition f : plan.at(workflow_->currentImpression()).fingers)
                keys << enrollment::slotKey(f);
        for (FingerPosition f : allSingleFingers())
            if (!keys.contains(enrollment::slotKey(f)))
                keys << enrollment::slotKey(f);
    }
    ExceptionDialog dialog(*workflow_, keys, this);
    dialog.exec();
}

void OfficerWorkspace::openSlot(const QString& key) {
    if (!workflow_)
        return;
    if (key.startsWith(QLatin1String("iris:"))) {
        if (workflow_->goTo(EncounterStep::Irises) || workflow_->step() == EncounterStep::Irises)
            workflow_->selectIris(parseIrisSide(key.mid(5)).value_or(IrisSide::Right));
        return;
    }
    const auto finger = fingerPositionFromKey(key.mid(7));
    if (!finger)
        return;
    if (workflow_->goTo(EncounterStep::Fingerprints) ||
        workflow_->step() == EncounterStep::Fingerprints) {
        const int i = workflow_->fingerPlan().impressionOf(*finger);
        if (i >= 0)
            workflow_->selectImpression(i);
    }
}

void OfficerWorkspace::setPaused(bool paused) {
    paused_ = paused;
    if (paused)
        session_->setActivity(CaptureSession::Activity::Idle);
    else
        showStep();
}

void OfficerWorkspace::toggleDemo() {
    if (!demo_)
        return;
    demoShown_ = !demoShown_;
    demo_->setVisible(demoShown_);
}

QString OfficerWorkspace::keyHelp() {
    return tr("Alt+1 … Alt+4\topen Document, Fingerprints, Irises, Review\n"
              "Page Down / Alt+N\tnext step\n"
              "Page Up / Alt+B\tprevious step\n"
              "Ctrl+M\tthe machine-readable zone\n"
              "F5\tcapture now\n"
              "F6\tretry (capture this presentation again)\n"
              "F7\trecord an exception (amputated, bandaged, unable)\n"
              "F8 / Shift+F8\tnext / previous presentation or eye\n"
              "Ctrl+Enter\tsubmit (Review), acknowledge (red result), resume (saved encounter)\n"
              "Ctrl+N\tnext traveler (after the result)\n"
              "Ctrl+L\tsign out;  Ctrl+Shift+L\tlock the station\n"
              "Ctrl+,\tsettings (language, large text)\n"
              "F12\tdemo controls (demo mode)");
}

void OfficerWorkspace::showKeys() {
    QDialog d(this);
    d.setWindowTitle(tr("Keys"));
    auto* text = new QLabel(keyHelp(), &d);
    setScaledFont(text, 1.15);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &d);
    connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    auto* l = new QVBoxLayout(&d);
    l->addWidget(text);
    l->addWidget(buttons);
    d.exec();
}

} // namespace umbral::ui
