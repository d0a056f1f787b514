// The encounter workflow without widgets: the step machine and its guards, the document step
// (a damaged zone is never accepted silently), retries keeping the best capture, exceptions
// with reasons, slap plans with exceptions, a scanner swap, the irises, submission and the red
// result's acknowledgement, and the draft that carries all of it across a crash.
#include "app/core/errors.h"
#include "app/enrollment/encounter_workflow.h"

#include <QSignalSpy>
#include <QtTest>

using namespace umbral;
using namespace umbral::enrollment;

Q_DECLARE_METATYPE(umbral::enrollment::EncounterStep)

namespace {

const QDate kToday(2026, 11, 28);
const QString kCleanTd3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                         "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
// The same zone with the document number's check digit misprinted (6 -> 5).
const QString kWrongCheckDigitTd3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                                   "L898902C35UTO7408122F1204159ZE184226B<<<<<10");

Capture fingerCapture(FingerPosition finger, int quality) {
    Capture c;
    c.modality = Modality::Finger;
    c.finger = finger;
    c.image = QByteArray("png:") + toKey(finger).toUtf8() + ':' + QByteArray::number(quality);
    c.width = 400;
    c.height = 500;
    c.ppi = 500;
    c.quality = quality;
    c.deviceId = QStringLiteral("sim:slap");
    c.capturedAt = QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);
    return c;
}

Capture irisCapture(IrisSide side, int quality) {
    Capture c;
    c.modality = Modality::Iris;
    c.iris = side;
    c.image = QByteArray("png:iris:") + toKey(side).toUtf8() + ':' + QByteArray::number(quality);
    c.width = 640;
    c.height = 480;
    c.ppi = 0;
    c.quality = quality;
    c.deviceId = QStringLiteral("sim:iris");
    c.capturedAt = QDateTime(QDate(2026, 11, 28), QTime(10, 1), Qt::UTC);
    return c;
}

// One presentation of impression `index`: the slap image (if a slap) and each presented finger.
std::vector<Capture> presentation(const EncounterWorkflow& w, int index, int quality) {
    std::vector<Capture> out;
    const PlannedImpression& p = w.fingerPlan().at(index);
    if (p.isSlap())
        out.push_back(fingerCapture(p.impression, quality));
    for (FingerPosition f : w.presentedFingers(index))
        out.push_back(fingerCapture(f, quality));
    return out;
}

CapturePlan slapPlan() {
    return CapturePlan::forScanner({false, true, true});
}
CapturePlan singlePlan() {
    return CapturePlan::forScanner({true, false, false});
}

void captureEverything(EncounterWorkflow& w, int quality = 60) {
    for (int i = 0; i < w.fingerPlan().size(); ++i)
        w.offerFingerprints(presentation(w, i, quality));
    w.offerIrises({irisCapture(IrisSide::Right, quality), irisCapture(IrisSide::Left, quality)});
}

} // namespace

class TestEncounterWorkflow : public QObject {
    Q_OBJECT

private slots:
    void stepsOpenInOrder() {
        EncounterWorkflow w(slapPlan());
        QSignalSpy steps(&w, &EncounterWorkflow::stepChanged);
        QCOMPARE(w.step(), EncounterStep::Document);
        QVERIFY(!w.canEnter(EncounterStep::Fingerprints));
        QVERIFY(w.whyNot(EncounterStep::Fingerprints).contains("surname"));
        QVERIFY(!w.next());
        QVERIFY(!w.back());

        QCOMPARE(w.setMrz(kCleanTd3, kToday), DocumentEntry::MrzState::Clean);
        QVERIFY(w.next());
        QCOMPARE(w.step(), EncounterStep::Fingerprints);
        QVERIFY(w.next());
        QCOMPARE(w.step(), EncounterStep::Irises);
        QVERIFY(w.back());
        QCOMPARE(w.step(), EncounterStep::Fingerprints);
        // Review opens with captures missing (it shows what is missing); Submit does not.
        QVERIFY(w.goTo(EncounterStep::Review));
        QVERIFY(!w.goTo(EncounterStep::Submit));
        QVERIFY(!w.beginSubmit());
        QVERIFY(w.whyNot(EncounterStep::Submit).contains("right-thumb"));
        QVERIFY(w.whyNot(EncounterStep::Submit).contains("left iris"));
        QVERIFY(!w.goTo(EncounterStep::Result));
        QVERIFY(w.goTo(EncounterStep::Document));
        QCOMPARE(steps.count(), 5);
        QCOMPARE(steps.last().at(0).value<EncounterStep>(), EncounterStep::Document);
    }

    void documentStates_data() {
        QTest::addColumn<QString>("mrz");
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("completeWithoutConfirmation");
        QTest::addColumn<QString>("finding");
        QTest::newRow("clean zone")
            << kCleanTd3 << int(DocumentEntry::MrzState::Clean) << true << "expired";
        QTest::newRow("wrong check digit")
            << kWrongCheckDigitTd3 << int(DocumentEntry::MrzState::Damaged) << false
            << "document number check digit is wrong (line 2, position 10): 5 is "
               "printed, the data gives 6";
        QTest::newRow("half a zone")
            << kCleanTd3.left(50) << int(DocumentEntry::MrzState::Incomplete) << false << "";
        QTest::newRow("no zone") << "" << int(DocumentEntry::MrzState::Empty) << false << "";
    }
    void documentStates() {
        QFETCH(QString, mrz);
        QFETCH(int, state);
        QFETCH(bool, completeWithoutConfirmation);
        QFETCH(QString, finding);

        EncounterWorkflow w(slapPlan());
        QCOMPARE(int(w.setMrz(mrz, kToday)), state);
        QCOMPARE(w.document().isComplete(), completeWithoutConfirmation);
        QCOMPARE(w.canEnter(EncounterStep::Fingerprints), completeWithoutConfirmation);
        if (!finding.isEmpty())
            QVERIFY2(w.document().findings().join(" | ").contains(finding),
                     qPrintable(w.document().findings().join(" | ")));
        if (state == int(DocumentEntry::MrzState::Damaged)) {
            // The form is filled from the zone as printed; the officer confirms the data page.
            QCOMPARE(w.document().traveler().document.number, QStringLiteral("L898902C3"));
            w.confirmDocument(true);
            QVERIFY(w.document().isComplete());
            QVERIFY(w.next());
            // Reading the zone again withdraws the confirmation.
            w.setMrz(mrz, kToday);
            QVERIFY(!w.document().isConfirmed());
            QVERIFY(!w.document().isComplete());
        }
    }

    void handTypedFormNeedsConfirmation() {
        EncounterWorkflow w(singlePlan());
        Traveler t;
        t.surname = "GARCIA";
        t.givenNames = "ANA";
        t.dateOfBirth = "1980-05-01";
        t.sex = "F";
        t.nationality = "UTO";
        t.document.documentCode = "P";
        t.document.issuingState = "UTO";
        t.document.number = "X1234567";
        w.setTraveler(t);
        QVERIFY(w.document().missingFields().isEmpty());
        QVERIFY(w.document().needsConfirmation());
        QVERIFY(!w.document().isComplete());
        w.confirmDocument(true);
        QVERIFY(w.document().isComplete());
        t.sex = "Q";
        w.setTraveler(t);
        QCOMPARE(w.document().missingFields(), QStringList{"sex"});
        QVERIFY(!w.document().isConfirmed()); // a changed form withdraws the confirmation
    }

    void correctingACleanZoneNeedsConfirmation() {
        EncounterWorkflow w(slapPlan());
        w.setMrz(kCleanTd3, kToday);
        QVERIFY(!w.document().needsConfirmation());
        Traveler t = w.document().traveler();
        t.givenNames = "ANNA MARIA LOUISE"; // the data page shows a name the zone truncated
        w.setTraveler(t);
        QVERIFY(w.document().correctedFromMrz());
        QVERIFY(!w.document().isComplete());
        w.confirmDocument(true);
        QVERIFY(w.document().isComplete());
        QCOMPARE(w.document().traveler().document.mrz, kCleanTd3); // the zone stays as read
    }

    void retriesKeepTheBest() {
        EncounterWorkflow w(singlePlan());
        const QString slot = slotKey(FingerPosition::RightThumb);
        QCOMPARE(w.offerFingerprints({fingerCapture(FingerPosition::RightThumb, 30)}),
                 std::vector<QString>{slot});
        QCOMPARE(w.offerFingerprints({fingerCapture(FingerPosition::RightThumb, 55)}),
                 std::vector<QString>{slot});
        QVERIFY(w.offerFingerprints({fingerCapture(FingerPosition::RightThumb, 40)}).empty());
        QVERIFY(w.offerFingerprints({fingerCapture(FingerPosition::RightThumb, 55)})
                    .empty()); // a tie keeps the first
        const CaptureSlot& s = w.captures().slot(slot);
        QCOMPARE(s.attempts, 4);
        QCOMPARE(s.best->quality, 55);
        QCOMPARE(s.best->image, QByteArray("png:right-thumb:55"));
        // An unscored capture never replaces a scored one.
        Capture unscored = fingerCapture(FingerPosition::RightThumb, -1);
        QVERIFY(w.offerFingerprints({unscored}).empty());
        QCOMPARE(w.captures().slot(slot).best->quality, 55);
        // A capture without image is refused.
        Capture empty = fingerCapture(FingerPosition::RightIndex, 80);
        empty.image.clear();
        QVERIFY_THROWS_EXCEPTION(Error, w.offerFingerprints({empty}));
    }

    void exceptionsNeedAReason_data() {
        QTest::addColumn<QString>("slot");
        QTest::addColumn<int>("exception");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("amputated with reason")
            << slotKey(FingerPosition::LeftRing) << int(CaptureException::Amputated)
            << "amputated at the second joint" << true;
        QTest::newRow("bandaged with reason")
            << slotKey(FingerPosition::RightIndex) << int(CaptureException::Bandaged)
            << "cast on the right hand" << true;
        QTest::newRow("unable with reason")
            << slotKey(IrisSide::Left) << int(CaptureException::UnableToPrint)
            << "eye patch after surgery" << true;
        QTest::newRow("no reason")
            << slotKey(FingerPosition::LeftRing) << int(CaptureException::Amputated) << "" << false;
        QTest::newRow("blank reason") << slotKey(FingerPosition::LeftRing)
                                      << int(CaptureException::Bandaged) << "   " << false;
        QTest::newRow("no exception chosen") << slotKey(FingerPosition::LeftRing)
                                             << int(CaptureException::None) << "because" << false;
        QTest::newRow("a whole slap")
            << slotKey(FingerPosition::PlainLeftFour) << int(CaptureException::Bandaged)
            << "hand bandaged" << false;
    }
    void exceptionsNeedAReason() {
        QFETCH(QString, slot);
        QFETCH(int, exception);
        QFETCH(QString, reason);
        QFETCH(bool, accepted);
        EncounterWorkflow w(slapPlan());
        try {
            w.setException(slot, CaptureException(exception), reason);
            QVERIFY(accepted);
            QVERIFY(w.captures().isDone(slot));
            QCOMPARE(w.captures().slot(slot).exceptionReason, reason.trimmed());
        } catch (const Error& e) {
            QVERIFY2(!accepted, qPrintable(e.message()));
            QCOMPARE(e.code(), ErrorCode::InvalidInput);
            QVERIFY(!w.captures().isDone(slot));
        }
    }

    void exceptionKeepsTheCaptureAside() {
        EncounterWorkflow w(singlePlan());
        const QString slot = slotKey(FingerPosition::LeftIndex);
        w.offerFingerprints({fingerCapture(FingerPosition::LeftIndex, 25)});
        w.setException(slot, CaptureException::Bandaged, "fresh bandage");
        std::vector<Capture> submitted = w.captures().toCaptures();
        QCOMPARE(submitted.size(), std::size_t(1));
        QVERIFY(submitted[0].isException());
        QVERIFY(submitted[0].image.isEmpty());
        QCOMPARE(submitted[0].exceptionReason, QStringLiteral("fresh bandage"));
        QCOMPARE(submitted[0].finger, FingerPosition::LeftIndex);
        w.clearException(slot); // the officer changes their mind: the capture is still there
        submitted = w.captures().toCaptures();
        QVERIFY(!submitted[0].isException());
        QCOMPARE(submitted[0].quality, 25);
    }

    void slapsWithExceptions() {
        EncounterWorkflow w(slapPlan());
        w.setException(slotKey(FingerPosition::RightIndex), CaptureException::Amputated,
                       "missing since birth");
        QCOMPARE(w.presentedFingers(0), (std::vector<FingerPosition>{FingerPosition::RightMiddle,
                                                                     FingerPosition::RightRing,
                                                                     FingerPosition::RightLittle}));
        QCOMPARE(w.openFingers(0).size(), std::size_t(3));
        QCOMPARE(w.currentImpression(), 0);
        w.offerFingerprints(presentation(w, 0, 50));
        QVERIFY(w.openFingers(0).empty());
        QCOMPARE(w.currentImpression(), 1); // on to the left slap
        // A whole hand of exceptions: nothing to present, the impression is done.
        for (FingerPosition f : w.fingerPlan().at(1).fingers)
            w.setException(slotKey(f), CaptureException::Bandaged, "left hand in a cast");
        QVERIFY(w.presentedFingers(1).empty());
        QVERIFY(w.openFingers(1).empty());
        QCOMPARE(w.nextOpenImpression(0), std::optional<int>(2));
        w.selectImpression(2);
        w.offerFingerprints(presentation(w, 2, 50));
        QVERIFY(w.fingerprintsComplete());
        QVERIFY(!w.nextOpenImpression(0));
    }

    void retryingAnImpressionKeepsTheBestPerFinger() {
        EncounterWorkflow w(slapPlan());
        std::vector<Capture> first = presentation(w, 0, 50);
        first[2].quality = 20; // the middle finger smudged
        w.offerFingerprints(first);
        w.selectImpression(0); // the officer goes back for another slap
        std::vector<Capture> second = presentation(w, 0, 35);
        second[2].quality = 70;
        const auto kept = w.offerFingerprints(second);
        QCOMPARE(kept, std::vector<QString>{slotKey(FingerPosition::RightMiddle)});
        QCOMPARE(w.captures().slot(slotKey(FingerPosition::RightIndex)).best->quality, 50);
        QCOMPARE(w.captures().slot(slotKey(FingerPosition::RightMiddle)).best->quality, 70);
        QCOMPARE(w.captures().slot(slotKey(FingerPosition::RightMiddle)).attempts, 2);
    }

    void scannerSwapKeepsCaptures() {
        EncounterWorkflow w(slapPlan());
        w.offerFingerprints(presentation(w, 0, 60)); // the right slap, then the slap scanner fails
        w.setFingerPlan(singlePlan());
        QCOMPARE(w.fingerPlan().size(), 10);
        QCOMPARE(w.currentImpression(), 0); // right thumb: not captured yet
        for (FingerPosition f : {FingerPosition::RightIndex, FingerPosition::RightMiddle,
                                 FingerPosition::RightRing, FingerPosition::RightLittle})
            QVERIFY(w.openFingers(w.fingerPlan().impressionOf(f)).empty());
        w.offerFingerprints({fingerCapture(FingerPosition::RightThumb, 60)});
        QCOMPARE(w.currentImpression(), 5); // skips the four captured fingers: left thumb next
    }

    void irises() {
        EncounterWorkflow w(slapPlan());
        QCOMPARE(w.currentIris(), IrisSide::Right);
        w.offerIrises({irisCapture(IrisSide::Right, 70)});
        QCOMPARE(w.currentIris(), IrisSide::Left);
        QVERIFY(!w.irisesComplete());
        w.setException(slotKey(IrisSide::Left), CaptureException::UnableToPrint, "prosthetic eye");
        QVERIFY(w.irisesComplete());
        Capture undefinedEye = irisCapture(IrisSide::Undefined, 50);
        QVERIFY_THROWS_EXCEPTION(Error, w.offerIrises({undefinedEye}));
        QVERIFY_THROWS_EXCEPTION(Error, w.offerFingerprints({irisCapture(IrisSide::Left, 50)}));
    }

    void warningsGoWhenTheSlotIsRecaptured() {
        EncounterWorkflow w(singlePlan());
        w.offerFingerprints({fingerCapture(FingerPosition::RightIndex, 50),
                             fingerCapture(FingerPosition::RightMiddle, 50)});
        w.setWarnings(
            CaptureWarning::Kind::SameFingerTwice,
            {{CaptureWarning::Kind::SameFingerTwice,
              {slotKey(FingerPosition::RightIndex), slotKey(FingerPosition::RightMiddle)}}});
        w.setWarnings(
            CaptureWarning::Kind::HandsSwapped,
            {{CaptureWarning::Kind::HandsSwapped, {slotKey(FingerPosition::PlainLeftFour)}}});
        QCOMPARE(w.warnings().size(), std::size_t(2));
        // Replacing one kind leaves the other.
        w.setWarnings(CaptureWarning::Kind::HandsSwapped, {});
        QCOMPARE(w.warnings().size(), std::size_t(1));
        QVERIFY(w.offerFingerprints({fingerCapture(FingerPosition::RightMiddle, 65)}).size() == 1);
        QVERIFY(w.warnings().empty());
    }

    void submitAndResult_data() {
        QTest::addColumn<int>("band");
        QTest::addColumn<bool>("screened");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("mustAcknowledge");
        QTest::newRow("green") << int(Band::Green) << true << "" << false;
        QTest::newRow("yellow") << int(Band::Yellow) << true << "" << false;
        QTest::newRow("red") << int(Band::Red) << true << "" << true;
        QTest::newRow("no watchlist") << int(Band::Pending) << false << "" << false;
        QTest::newRow("screening failed")
            << int(Band::Pending) << false << "index not loaded" << true;
    }
    void submitAndResult() {
        QFETCH(int, band);
        QFETCH(bool, screened);
        QFETCH(QString, error);
        QFETCH(bool, mustAcknowledge);
        EncounterWorkflow w(slapPlan());
        w.setMrz(kCleanTd3, kToday);
        captureEverything(w);
        QVERIFY(w.goTo(EncounterStep::Review));
        QVERIFY(w.canEnter(EncounterStep::Submit));
        QVERIFY(w.beginSubmit());
        QVERIFY(w.isSubmitting());
        QVERIFY(!w.goTo(EncounterStep::Document)); // nothing moves while the submission runs
        w.submitFailed("disk full");
        QCOMPARE(w.step(), EncounterStep::Review);
        QCOMPARE(w.lastSubmitError(), QStringLiteral("disk full"));
        QVERIFY(w.next()); // Review -> Submit again
        SubmissionResult r;
        r.encounterId = w.encounterId();
        r.tcn = "UMB-1";
        r.screening.band = Band(band);
        r.screening.screened = screened;
        r.screening.error = error;
        if (Band(band) == Band::Yellow || Band(band) == Band::Red)
            r.screening.category = WatchlistCategory::CriminalWarrant;
        w.submitted(r);
        QCOMPARE(w.step(), EncounterStep::Result);
        QCOMPARE(w.needsAcknowledgement(), mustAcknowledge);
        w.acknowledgeResult();
        QVERIFY(!w.needsAcknowledgement());
        QVERIFY(!w.back());
        QVERIFY(!w.goTo(EncounterStep::Document));
        QVERIFY(!w.canEnter(EncounterStep::Review));
    }

    void encounterCarriesEverything() {
        EncounterWorkflow w(slapPlan());
        w.setMrz(kCleanTd3, kToday);
        w.setException(slotKey(FingerPosition::LeftLittle), CaptureException::Amputated,
                       "lost in an accident");
        captureEverything(w, 55);
        const Encounter e = w.buildEncounter("LANE-07");
        QCOMPARE(e.id, w.encounterId());
        QCOMPARE(e.lane, QStringLiteral("LANE-07"));
        QCOMPARE(e.traveler.surname, QStringLiteral("ERIKSSON"));
        QCOMPARE(e.traveler.document.number, QStringLiteral("L898902C3"));
        // Ten fingers (one an exception), the three slap images, two irises.
        QCOMPARE(e.captures.size(), std::size_t(15));
        int exceptions = 0, slaps = 0;
        for (const Capture& c : e.captures) {
            exceptions += c.isException();
            slaps += isSlap(c.finger) && c.modality == Modality::Finger;
            if (!c.isException())
                QCOMPARE(c.quality, 55);
        }
        QCOMPARE(exceptions, 1);
        QCOMPARE(slaps, 3);
    }

    void everyChangeIsSignalled() {
        EncounterWorkflow w(slapPlan());
        QSignalSpy changed(&w, &EncounterWorkflow::changed);
        w.setMrz(kCleanTd3, kToday);
        w.next();
        w.offerFingerprints(presentation(w, 0, 50));
        w.setException(slotKey(FingerPosition::LeftIndex), CaptureException::Bandaged, "cut");
        w.clearException(slotKey(FingerPosition::LeftIndex));
        w.selectImpression(2);
        w.offerIrises({irisCapture(IrisSide::Right, 50)});
        QCOMPARE(changed.count(), 7);
    }

    void draftRoundTrip() {
        EncounterWorkflow w(slapPlan());
        w.setMrz(kWrongCheckDigitTd3, kToday);
        Traveler t = w.document().traveler();
        t.document.number = "L898902C3";
        t.givenNames = "ANNA MARIA";
        w.setTraveler(t);
        w.confirmDocument(true);
        w.next();
        w.setException(slotKey(FingerPosition::RightRing), CaptureException::Bandaged,
                       "bandage, right ring");
        std::vector<Capture> slap = presentation(w, 0, 48);
        w.offerFingerprints(slap);
        w.offerFingerprints(presentation(w, 0, 30)); // a weaker retry: counted, not kept
        w.selectImpression(2);
        w.offerIrises({irisCapture(IrisSide::Right, 66)});
        w.setWarnings(
            CaptureWarning::Kind::HandsSwapped,
            {{CaptureWarning::Kind::HandsSwapped, {slotKey(FingerPosition::PlainRightFour)}}});
        w.goTo(EncounterStep::Irises);
        const QByteArray draft = w.toDraft();

        const auto r = EncounterWorkflow::fromDraft(draft, kToday);
        QCOMPARE(r->encounterId(), w.encounterId());
        QCOMPARE(r->startedAt(), w.startedAt());
        QCOMPARE(r->step(), EncounterStep::Irises);
        QCOMPARE(r->document().mrzText(), kWrongCheckDigitTd3);
        QCOMPARE(r->document().mrzState(), DocumentEntry::MrzState::Damaged);
        QVERIFY(r->document().isConfirmed());
        QVERIFY(r->document().isComplete());
        QCOMPARE(r->document().traveler().givenNames, QStringLiteral("ANNA MARIA"));
        QCOMPARE(r->document().traveler().document.mrz, w.document().traveler().document.mrz);
        QVERIFY(r->fingerPlan() == w.fingerPlan());
        QCOMPARE(r->currentImpression(), 2);
        QCOMPARE(r->currentIris(), IrisSide::Left);
        QCOMPARE(r->captures().keys(), w.captures().keys());
        for (const QString& key : w.captures().keys()) {
            const CaptureSlot& a = w.captures().slot(key);
            const CaptureSlot& b = r->captures().slot(key);
            QCOMPARE(b.attempts, a.attempts);
            QCOMPARE(int(b.exception), int(a.exception));
            QCOMPARE(b.exceptionReason, a.exceptionReason);
            QCOMPARE(b.best.has_value(), a.best.has_value());
            if (a.best) {
                QCOMPARE(b.best->image, a.best->image);
                QCOMPARE(b.best->quality, a.best->quality);
                QCOMPARE(b.best->capturedAt, a.best->capturedAt);
                QCOMPARE(b.best->deviceId, a.best->deviceId);
            }
        }
        QCOMPARE(r->captures().slot(slotKey(FingerPosition::RightIndex)).attempts, 2);
        QCOMPARE(r->warnings().size(), std::size_t(1));
        QCOMPARE(r->warnings()[0].slotKeys, QStringList{slotKey(FingerPosition::PlainRightFour)});
        // Nothing is lost or invented: the restored workflow writes the same draft.
        QCOMPARE(r->toDraft(), draft);
    }

    void interruptedSubmissionResumesInReview() {
        EncounterWorkflow w(slapPlan());
        w.setMrz(kCleanTd3, kToday);
        captureEverything(w);
        w.goTo(EncounterStep::Review);
        QVERIFY(w.beginSubmit());
        const auto r = EncounterWorkflow::fromDraft(w.toDraft(), kToday);
        QCOMPARE(r->step(), EncounterStep::Review);
        QCOMPARE(r->encounterId(), w.encounterId());
        QVERIFY(r->canEnter(EncounterStep::Submit));
    }

    void corruptDraftsAreRefused_data() {
        QTest::addColumn<QByteArray>("draft");
        EncounterWorkflow w(singlePlan());
        w.offerFingerprints({fingerCapture(FingerPosition::RightThumb, 50)});
        const QByteArray good = w.toDraft();
        QTest::newRow("not JSON") << QByteArray("\x01\x02garbage");
        QTest::newRow("a JSON array") << QByteArray("[1,2,3]");
        QTest::newRow("unknown version")
            << QByteArray(good).replace("\"version\":1", "\"version\":99");
        QTest::newRow("no encounter id")
            << QByteArray(good).replace(w.encounterId().toLatin1(), "");
        QTest::newRow("unknown step")
            << QByteArray(good).replace("\"step\":\"document\"", "\"step\":\"elsewhere\"");
        QByteArray noImage = good;
        const int at = noImage.indexOf("\"png\":\"") + 7;
        noImage.remove(at, noImage.indexOf('"', at) - at);
        QTest::newRow("capture without image") << noImage;
    }
    void corruptDraftsAreRefused() {
        QFETCH(QByteArray, draft);
        try {
            EncounterWorkflow::fromDraft(draft, kToday);
            QFAIL("a corrupt draft was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::CorruptData);
        }
    }

    void pristine() {
        EncounterWorkflow w(slapPlan());
        QVERIFY(w.isPristine());
        w.setMrz("P<UTO", kToday);
        QVERIFY(!w.isPristine());
    }
};

QTEST_GUILESS_MAIN(TestEncounterWorkflow)
#include "tst_encounter_workflow.moc"
