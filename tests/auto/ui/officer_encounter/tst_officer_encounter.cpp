// The officer's desktop end to end on the simulated devices, driven from the keyboard: sign in,
// the passport zone sent by a (simulated) keyboard-wedge reader, every finger and both irises
// captured automatically, review, submit, the full-screen result, and the encounter found in the
// outbound queue. Also: a scanner unplugged in the middle of capture, a damaged zone, exceptions,
// the lock screen, and an encounter resumed after the station stopped. Screenshots of every
// step are written to UMBRAL_TEST_OUTPUT (officer-*.png).
#include "../officer_station.h"
#include "app/enrollment/demo_travelers.h"
#include "app/enrollment/encounter_captures.h"
#include "ui/lock_page.h"
#include "ui/officer/capture_panel.h"
#include "ui/officer/demo_panel.h"
#include "ui/officer/device_strip.h"
#include "ui/officer/document_page.h"
#include "ui/officer/exception_dialog.h"
#include "ui/officer/fingerprint_page.h"
#include "ui/officer/iris_page.h"
#include "ui/officer/live_preview.h"
#include "ui/officer/result_page.h"
#include "ui/officer/review_page.h"
#include "ui/officer/step_indicator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace umbral;
using enrollment::CaptureSession;
using enrollment::EncounterStep;

namespace {

void shot(QWidget* w, const QString& name) {
    QVERIFY(w->grab().save(QString(UMBRAL_TEST_OUTPUT) + QStringLiteral("/officer-") + name +
                           QStringLiteral(".png")));
}

int doneFingers(const enrollment::EncounterWorkflow& w) {
    int n = 0;
    for (FingerPosition f : allSingleFingers())
        n += w.captures().isDone(enrollment::slotKey(f));
    return n;
}

// A keyboard-wedge passport reader types the zone line by line, each followed by Enter.
void wedgeReader(QWidget* target, const QString& mrz) {
    const QStringList lines = mrz.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QTest::keyClicks(target, lines[i]);
        if (i + 1 < lines.size())
            QTest::keyClick(target, Qt::Key_Return);
    }
}

} // namespace

class TestOfficerEncounter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }

    // The whole walk, on a station with the demo watchlist (two listed people): the traveler
    // is not listed, so the result is green (the screening calibrates its fingerprint rates on
    // the listed people's impostor scores, so synthetic prints of different people do not make
    // an unlisted traveler yellow; see docs/screening.md).
    void wholeEncounterFromLoginToQueue() {
        testing::OfficerStation s(true, 2);
        s.window->grab().save(QString(UMBRAL_TEST_OUTPUT) + "/officer-0-login.png");
        const QString travelerKey = QStringLiteral("lindqvist");
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        ui::OfficerWorkspace* o = s.officer();
        o->demoPanel()->present(travelerKey);
        QCOMPARE(o->workflow()->step(), EncounterStep::Document);

        // Document: the reader types the zone into the focused zone field.
        auto* mrz = o->findChild<QPlainTextEdit*>("mrzInput");
        QTRY_VERIFY(mrz->hasFocus());
        const QString zone = enrollment::demoMrz(*enrollment::findDemoTraveler(travelerKey));
        wedgeReader(mrz, zone);
        QTRY_COMPARE(o->workflow()->document().mrzState(),
                     enrollment::DocumentEntry::MrzState::Clean);
        QCOMPARE(o->findChild<QLineEdit*>("surname")->text(), QStringLiteral("LINDQVIST"));
        QCOMPARE(o->findChild<QLineEdit*>("documentNumber")->text(), QStringLiteral("UT4481207"));
        QVERIFY(o->documentPage()->verdictText().contains("check digit"));
        shot(s.window.get(), "1-document");

        // Fingerprints: auto-capture of every presentation.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown);
        QTRY_COMPARE(o->workflow()->step(), EncounterStep::Fingerprints);
        QCOMPARE(o->session()->activity(), CaptureSession::Activity::Fingerprints);
        QSignalSpy captured(o->session(), &CaptureSession::captureStored);
        QVERIFY(captured.wait(60000));
        // The screen while a presentation is scored: boxes, numbers, words (screenshot).
        QSignalSpy quality(o->session(), &CaptureSession::fingerQuality);
        QTRY_VERIFY_WITH_TIMEOUT(
            !o->fingerprintPage()->readingTexts().isEmpty() && quality.count() >= 3, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(o->fingerprintPage()->preview()->framesPainted() > 3, 10000);
        shot(s.window.get(), "2-fingerprints");
        QTRY_VERIFY_WITH_TIMEOUT(o->workflow()->fingerprintsComplete(), 240000);
        QCOMPARE(doneFingers(*o->workflow()), 10);
        QVERIFY(o->stepIndicator()->text().contains("10 of 10"));

        // Irises.
        QTest::keyClick(o, Qt::Key_PageDown);
        QTRY_COMPARE(o->workflow()->step(), EncounterStep::Irises);
        QSignalSpy iris(o->session(), &CaptureSession::irisQuality);
        QTRY_VERIFY_WITH_TIMEOUT(iris.count() >= 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(o->irisPage()->preview()->framesPainted() > 3, 10000);
        shot(s.window.get(), "3-irises");
        QTRY_VERIFY_WITH_TIMEOUT(o->workflow()->irisesComplete(), 120000);

        // Review: every capture with its score.
        QTest::keyClick(o, Qt::Key_PageDown);
        QTRY_COMPARE(o->workflow()->step(), EncounterStep::Review);
        auto* thumbnails = o->reviewPage()->thumbnails();
        QCOMPARE(thumbnails->count(), 12);
        for (int i = 0; i < thumbnails->count(); ++i)
            QVERIFY2(QRegularExpression("\\d+ [\u2714\u25B2\u2716]")
                         .match(thumbnails->item(i)->text())
                         .hasMatch(),
                     qPrintable(thumbnails->item(i)->text()));
        QTest::qWait(300); // thumbnails decode off the UI thread; the screenshot wants them
        shot(s.window.get(), "4-review");

        // Submit (Ctrl+Enter) and the result.
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QTRY_VERIFY(o->workflow()->step() == EncounterStep::Submit ||
                    o->workflow()->step() == EncounterStep::Result);
        if (o->workflow()->step() == EncounterStep::Submit)
            shot(s.window.get(), "5-submitting");
        QTRY_COMPARE_WITH_TIMEOUT(o->workflow()->step(), EncounterStep::Result, 30000);
        QVERIFY(!s.window->workspace()
                     ->findChild<QWidget*>("workspaceHeading")
                     ->isVisible()); // full screen
        shot(s.window.get(), "6-result");
        const QString encounterId = o->workflow()->encounterId();
        const auto& result = *o->workflow()->result();
        QVERIFY(result.screening.screened);
        QCOMPARE(result.screening.band, Band::Green);
        QVERIFY(o->resultPage()->bandText().contains("GREEN"));
        QVERIFY(s.window->findChild<QPushButton*>("nextTraveler")->isVisible());

        // The encounter is in the outbound queue, with its captures, and the draft is gone.
        const auto queued = s.station.store->queue().findByEncounter(encounterId);
        QVERIFY(queued.has_value());
        QCOMPARE(queued->tcn, result.tcn);
        const auto stored = s.station.store->encounters().load(encounterId);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->traveler.surname, QStringLiteral("LINDQVIST"));
        QCOMPARE(stored->officerName, QStringLiteral("officer"));
        QCOMPARE(stored->lane, QStringLiteral("LANE-07"));
        int fingers = 0, irises = 0;
        for (const Capture& c : stored->captures) {
            fingers +=
                c.modality == Modality::Finger && isSingleFinger(c.finger) && !c.image.isEmpty();
            irises += c.modality == Modality::Iris && !c.image.isEmpty();
        }
        QCOMPARE(fingers, 10);
        QCOMPARE(irises, 2);
        QVERIFY(!s.station.store->encounters().loadDraft(stored->officerId).has_value());

        // Next traveler.
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::Key_N));
        QTRY_COMPARE(o->workflow()->step(), EncounterStep::Document);
        QVERIFY(o->workflow()->encounterId() != encounterId);
    }

    // A traveler on the demo watchlist: the full-screen red result with the instruction, the
    // category and the alert number, not the watchlist record; it stays until acknowledged.
    void listedTravelerGivesARedResultThatMustBeAcknowledged() {
        testing::OfficerStation s(true, 2);
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        ui::OfficerWorkspace* o = s.officer();
        o->demoPanel()->present(QStringLiteral("listed-1"));
        o->demoPanel()->findChild<QPushButton*>("demoScanPassport")->click();
        QTRY_VERIFY(o->workflow()->document().isComplete());
        const QString surname = o->workflow()->document().traveler().surname;
        QTest::keyClick(o, Qt::Key_PageDown);
        QTRY_VERIFY_WITH_TIMEOUT(o->workflow()->fingerprintsComplete(), 240000);
        QTest::keyClick(o, Qt::Key_PageDown);
        QTRY_VERIFY_WITH_TIMEOUT(o->workflow()->irisesComplete(), 120000);
        QTest::keyClick(o, Qt::Key_PageDown);
        QTRY_COMPARE(o->workflow()->step(), EncounterStep::Review);
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QTRY_COMPARE_WITH_TIMEOUT(o->workflow()->step(), EncounterStep::Result, 60000);
        const auto& r = *o->workflow()->result();
        QCOMPARE(r.screening.band, Band::Red);
        QVERIFY(r.screening.alertId > 0);
        QCOMPARE(r.screening.category,
                 std::optional<WatchlistCategory>(WatchlistCategory::KnownOrSuspectedTerrorist));
        auto* page = o->resultPage();
        QVERIFY(page->bandText().contains("RED"));
        QVERIFY(page->instructionText().contains("DO NOT TELL THE TRAVELER"));
        QVERIFY(page->instructionText().contains("supervisor"));
        // The category and the alert number; not the record (no listed name, no entry id, no
        // handling text of the list).
        QStringList shown;
        for (QLabel* l : page->findChildren<QLabel*>())
            shown << l->text();
        const QString all = shown.join(' ');
        QVERIFY(all.contains("Known or suspected terrorist"));
        QVERIFY(all.contains(QString::number(r.screening.alertId)));
        QVERIFY(!all.contains("DEMO-"));
        QVERIFY(!all.contains(surname));
        QVERIFY(!all.contains("Keep the documents"));
        // Must be acknowledged: no way on until it is.
        auto* next = s.window->findChild<QPushButton*>("nextTraveler");
        auto* ack = s.window->findChild<QPushButton*>("acknowledgeResult");
        QVERIFY(ack->isVisible());
        QVERIFY(!next->isVisible());
        QVERIFY(o->workflow()->needsAcknowledgement());
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::Key_N));
        QCOMPARE(o->workflow()->step(), EncounterStep::Result); // Ctrl+N does nothing yet
        shot(s.window.get(), "6-result-red");
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QTRY_VERIFY(!o->workflow()->needsAcknowledgement());
        QTRY_VERIFY(next->isVisible());
        shot(s.window.get(), "6-result-red-acknowledged");
        // The acknowledgement is in the audit log, and the encounter in the outbound queue.
        s.writer->flush();
        bool audited = false;
        for (const auto& row : s.station.store->audit().list())
            audited = audited || (row.action == "encounter.result-acknowledged" &&
                                  row.subject == o->workflow()->encounterId());
        QVERIFY(audited);
        QVERIFY(s.station.store->queue().findByEncounter(o->workflow()->encounterId()).has_value());
        QCOMPARE(s.station.store->encounters().load(o->workflow()->encounterId())->band, Band::Red);
    }

    // Every result the officer can see, full screen: a word and a symbol on its colour, the
    // instruction, and whether it must be acknowledged before the next traveler.
    void resultScreens_data() {
        QTest::addColumn<int>("band");
        QTest::addColumn<bool>("screened");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("instruction");
        QTest::addColumn<bool>("mustAcknowledge");
        QTest::newRow("green") << int(Band::Green) << true << ""
                               << "GREEN"
                               << "Continue with the traveler" << false;
        QTest::newRow("yellow") << int(Band::Yellow) << true << ""
                                << "YELLOW"
                                << "secondary inspection" << false;
        QTest::newRow("red") << int(Band::Red) << true << ""
                             << "RED"
                             << "DO NOT TELL THE TRAVELER" << true;
        QTest::newRow("not-screened") << int(Band::Pending) << false << ""
                                      << "NOT SCREENED"
                                      << "NOT screened" << false;
        QTest::newRow("screening-failed")
            << int(Band::Pending) << false << "watchlist index not loaded"
            << "NOT SCREENED"
            << "Screening did not run" << true;
    }
    void resultScreens() {
        QFETCH(int, band);
        QFETCH(bool, screened);
        QFETCH(QString, error);
        QFETCH(QString, word);
        QFETCH(QString, instruction);
        QFETCH(bool, mustAcknowledge);
        ui::ResultPage page;
        page.resize(1360, 800);
        page.show();
        enrollment::SubmissionResult r;
        r.encounterId = "0b6c5e1a-4f1e-4c7b-9d55-2d6f1f3e9a10";
        r.tcn = "UMB-0B6C5E1A4F1E4C7B9D552D6F1F3E9A10";
        r.screening.band = Band(band);
        r.screening.screened = screened;
        r.screening.error = error;
        if (Band(band) == Band::Yellow || Band(band) == Band::Red) {
            r.screening.category = Band(band) == Band::Red
                                       ? WatchlistCategory::KnownOrSuspectedTerrorist
                                       : WatchlistCategory::ImmigrationViolation;
            r.screening.alertId = 12;
        }
        page.showResult(r, false);
        QVERIFY2(page.bandText().contains(word), qPrintable(page.bandText()));
        QVERIFY2(page.instructionText().contains(instruction), qPrintable(page.instructionText()));
        QCOMPARE(page.findChild<QPushButton*>("acknowledgeResult")->isVisibleTo(&page),
                 mustAcknowledge);
        QCOMPARE(page.findChild<QPushButton*>("nextTraveler")->isVisibleTo(&page),
                 !mustAcknowledge);
        // A symbol beside the word: the band never rests on colour alone.
        QVERIFY(QRegularExpression("^[✔▲✖⚠?] ").match(page.bandText()).hasMatch());
        QTest::qWait(50);
        shot(&page, QStringLiteral("result-") + QTest::currentDataTag());
        if (mustAcknowledge) {
            page.showResult(r, true);
            QVERIFY(page.findChild<QPushButton*>("nextTraveler")->isVisibleTo(&page));
        }
    }

    // Spanish and large text, chosen in the settings while an encounter is open: the screens
    // come back in Spanish with the encounter as it was.
    void spanishAndLargeText() {
        testing::OfficerStation s;
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        s.officer()->demoPanel()->findChild<QPushButton*>("demoScanPassport")->click();
        QTRY_VERIFY(s.officer()->workflow()->document().isComplete());
        const QString id = s.officer()->workflow()->encounterId();
        const double before = QApplication::font().pointSizeF();
        s.window->applyUiSettings({QStringLiteral("es"), true});
        QVERIFY(QApplication::font().pointSizeF() > before * 1.3);
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        ui::OfficerWorkspace* o = s.officer();
        QCOMPARE(o->workflow()->encounterId(), id); // the same encounter, from its draft
        QCOMPARE(s.window->workspace()->heading(), QStringLiteral("Puesto del agente"));
        QVERIFY(o->findChild<QLabel*>("mrzState")
                    ->text()
                    .contains(QStringLiteral("dígitos de control")));
        o->workflow()->next();
        QSignalSpy quality(o->session(), &CaptureSession::fingerQuality);
        QTRY_VERIFY_WITH_TIMEOUT(
            quality.count() >= 3 && o->fingerprintPage()->preview()->framesPainted() > 3, 30000);
        QVERIFY(o->fingerprintPage()->readingTexts().join(' ').contains(
            QRegularExpression("Buena|Aceptable|Mala|No se ve")));
        shot(s.window.get(), "es-large-fingerprints");
        s.window->applyUiSettings({QStringLiteral("en"), false});
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        QCOMPARE(s.window->workspace()->heading(), QStringLiteral("Officer workspace"));
    }

    void damagedZoneIsShownAndMustBeConfirmed() {
        testing::OfficerStation s;
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        ui::OfficerWorkspace* o = s.officer();
        QString zone = enrollment::demoMrz(*enrollment::findDemoTraveler("baptiste"));
        zone[45 + 9] = zone[45 + 9] == QLatin1Char('0')
                           ? QLatin1Char('1')
                           : QLatin1Char('0'); // document number check digit
        wedgeReader(o->findChild<QPlainTextEdit*>("mrzInput"), zone);
        QTRY_COMPARE(o->workflow()->document().mrzState(),
                     enrollment::DocumentEntry::MrzState::Damaged);
        QVERIFY(o->documentPage()->verdictText().contains("WRONG"));
        QVERIFY(o->findChild<QLabel*>("mrzState")->text().contains("damaged"));
        auto* next = o->findChild<QPushButton*>("stepNext");
        QVERIFY(!next->isEnabled());
        QVERIFY(o->findChild<QLabel*>("navigationHint")->text().contains("data page"));
        shot(s.window.get(), "document-damaged-zone");
        // The officer checks the data page and confirms (keyboard: Alt+C toggles the box).
        auto* confirm = o->findChild<QCheckBox*>("confirmDocument");
        QVERIFY(confirm->isVisible());
        QTest::keyClick(s.window.get(), Qt::Key_C, Qt::AltModifier);
        QTRY_VERIFY(o->workflow()->document().isConfirmed());
        QVERIFY(next->isEnabled());
    }

    void scannerUnpluggedDuringCaptureKeepsWhatWasCaptured() {
        testing::OfficerStation s;
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        ui::OfficerWorkspace* o = s.officer();
        o->demoPanel()->findChild<QPushButton*>("demoScanPassport")->click();
        QTRY_VERIFY(o->workflow()->document().isComplete());
        QVERIFY(o->workflow()->next());
        QTRY_VERIFY_WITH_TIMEOUT(doneFingers(*o->workflow()) >= 2, 120000);
        // Pull the scanner out (the demo panel's switch unplugs the simulated scanners).
        o->demoPanel()->findChild<QCheckBox*>("demoScannerPlugged")->setChecked(false);
        QTRY_COMPARE_WITH_TIMEOUT(o->session()->scannerStatus(),
                                  CaptureSession::DeviceStatus::Removed, 10000);
        const int kept = doneFingers(*o->workflow());
        QVERIFY(kept >= 2);
        QVERIFY(o->fingerprintPage()->panel()->deviceStatusText().contains("DISCONNECTED"));
        QVERIFY(o->deviceStrip()->text().contains("DISCONNECTED"));
        QTest::qWait(200);
        shot(s.window.get(), "fingerprints-scanner-unplugged");
        QCOMPARE(doneFingers(*o->workflow()), kept);
        // Plugged back in: capture continues where it stopped.
        o->demoPanel()->findChild<QCheckBox*>("demoScannerPlugged")->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(o->session()->scannerStatus(),
                                  CaptureSession::DeviceStatus::Previewing, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(doneFingers(*o->workflow()) > kept, 60000);
    }

    void exceptionIsRecordedWithAReason() {
        testing::OfficerStation s;
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        ui::OfficerWorkspace* o = s.officer();
        o->demoPanel()->findChild<QPushButton*>("demoScanPassport")->click();
        QTRY_VERIFY(o->workflow()->document().isComplete());
        o->workflow()->next();
        // F7 opens the dialog; the first finger of the current presentation is preselected.
        bool handled = false;
        QTimer poll;
        poll.setInterval(20);
        QObject::connect(&poll, &QTimer::timeout, [&] {
            auto* dialog = o->findChild<ui::ExceptionDialog*>();
            if (!dialog || !dialog->isVisible() || handled)
                return;
            handled = true;
            auto* record = dialog->findChild<QPushButton*>("recordExceptionButton");
            QVERIFY(!record->isEnabled()); // no reason yet
            auto* kind = dialog->findChild<QComboBox*>("exceptionKind");
            kind->setCurrentIndex(kind->findText("Bandaged"));
            QTest::keyClicks(dialog->findChild<QLineEdit*>("exceptionReason"), "cast on the thumb");
            QVERIFY(record->isEnabled());
            dialog->grab().save(QString(UMBRAL_TEST_OUTPUT) + "/officer-exception-dialog.png");
            QTest::keyClick(dialog->findChild<QLineEdit*>("exceptionReason"), Qt::Key_Return);
        });
        poll.start();
        QTest::keyClick(o, Qt::Key_F7);
        QTRY_VERIFY(handled);
        const QString first =
            enrollment::slotKey(o->workflow()->fingerPlan().at(0).fingers.front());
        QTRY_VERIFY(o->workflow()->captures().slot(first).hasException());
        QCOMPARE(o->workflow()->captures().slot(first).exceptionReason,
                 QStringLiteral("cast on the thumb"));
    }

    void lockScreenKeepsTheWork() {
        testing::OfficerStation s;
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        ui::OfficerWorkspace* o = s.officer();
        o->demoPanel()->findChild<QPushButton*>("demoScanPassport")->click();
        QTRY_VERIFY(o->workflow()->document().isComplete());
        const QString id = o->workflow()->encounterId();
        o->workflow()->next();
        QTRY_COMPARE(o->session()->activity(), CaptureSession::Activity::Fingerprints);
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
        QVERIFY(s.window->isLocked());
        QCOMPARE(o->session()->activity(),
                 CaptureSession::Activity::Idle); // no capture while locked
        shot(s.window.get(), "locked");
        auto* pw = s.window->findChild<QLineEdit*>("unlockPassword");
        QTest::keyClicks(pw, "wrong");
        QTest::keyClick(pw, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!s.window->lockPage()->errorText().isEmpty(), 10000);
        QVERIFY(s.window->isLocked());
        QTest::keyClicks(pw, "officer-demo");
        QTest::keyClick(pw, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!s.window->isLocked(), 10000);
        QCOMPARE(s.officer()->workflow()->encounterId(), id);
        QCOMPARE(o->session()->activity(), CaptureSession::Activity::Fingerprints);
    }

    void idleStationLocks() {
        testing::OfficerStation s;
        s.window->setIdleLockSeconds(
            1); // the shortest the settings allow is 30 s; the window takes any
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(s.window->isLocked(), 10000);
        QVERIFY(s.window->lockPage()->isVisible());
    }

    void stationStopsAndTheEncounterIsResumed() {
        testing::OfficerStation s;
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->workflow(), 20000);
        ui::OfficerWorkspace* o = s.officer();
        o->demoPanel()->findChild<QPushButton*>("demoScanPassport")->click();
        QTRY_VERIFY(o->workflow()->document().isComplete());
        o->workflow()->next();
        QTRY_VERIFY_WITH_TIMEOUT(doneFingers(*o->workflow()) >= 3, 120000);
        const QString id = o->workflow()->encounterId();
        const int fingers = doneFingers(*o->workflow());
        s.writer->flush();
        // The station stops (the draft is in the database, sealed); a new window starts.
        s.window.reset();
        s.openWindow();
        s.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(s.officer() && s.officer()->isOfferingResume(), 20000);
        shot(s.window.get(), "resume-offered");
        QTest::keySequence(s.window.get(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QTRY_VERIFY(s.officer()->workflow());
        QCOMPARE(s.officer()->workflow()->encounterId(), id);
        QVERIFY(doneFingers(*s.officer()->workflow()) >= fingers);
        QCOMPARE(s.officer()->workflow()->step(), EncounterStep::Fingerprints);
    }
};

QTEST_MAIN(TestOfficerEncounter)
#include "tst_officer_encounter.moc"
