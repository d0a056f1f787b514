// The station writer: drafts are sealed and saved off the UI thread (the newest state wins),
// found again after a restart, and dropped when their encounter was submitted already; a
// submission stores the encounter, its queue row and deletes the draft in one transaction, then
// screens; a failed submission keeps the draft.
#include "../../common/temp_station.h"
#include "app/core/errors.h"
#include "app/enrollment/enrollment_service.h"
#include "app/enrollment/station_writer.h"

#include <QSignalSpy>
#include <QtTest>

using namespace umbral;
using namespace umbral::enrollment;

namespace {

const QDate kToday(2026, 11, 28);
const QString kTd3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                    "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

Capture capture(Modality m, FingerPosition f, IrisSide s, int quality) {
    Capture c;
    c.modality = m;
    c.finger = f;
    c.iris = s;
    c.image = QByteArray(2048, char(quality));
    c.width = 32;
    c.height = 64;
    c.ppi = m == Modality::Finger ? 500 : 0;
    c.quality = quality;
    c.deviceId = "sim";
    c.capturedAt = QDateTime::currentDateTimeUtc();
    return c;
}

std::unique_ptr<EncounterWorkflow> completeWorkflow() {
    auto w = std::make_unique<EncounterWorkflow>(CapturePlan::forScanner({true, false, false}));
    w->setMrz(kTd3, kToday);
    for (FingerPosition f : allSingleFingers())
        w->offerFingerprints({capture(Modality::Finger, f, IrisSide::Undefined, 60)});
    w->offerIrises({capture(Modality::Iris, FingerPosition::Unknown, IrisSide::Right, 70),
                    capture(Modality::Iris, FingerPosition::Unknown, IrisSide::Left, 70)});
    return w;
}

class FixedScreener : public EncounterScreener {
public:
    explicit FixedScreener(std::optional<ScreeningOutcome> outcome)
        : outcome_(std::move(outcome)) {}
    ScreeningOutcome screen(storage::StationStore&, const Actor&, const Encounter&) override {
        if (!outcome_)
            throw Error(ErrorCode::Internal, "watchlist index not loaded");
        return *outcome_;
    }

private:
    std::optional<ScreeningOutcome> outcome_;
};

} // namespace

class TestStationWriter : public QObject {
    Q_OBJECT

    testing::TempStation station_;
    Actor officer_;

    std::unique_ptr<StationWriter>
    makeWriter(std::optional<ScreeningOutcome> outcome = ScreeningOutcome{}) {
        const storage::StationPaths paths = station_.paths;
        return std::make_unique<StationWriter>(
            [paths] {
                return std::make_unique<storage::StationStore>(
                    paths, storage::StationStore::Open::ExistingOnly,
                    storage::StationStore::Schema::RequireCurrent);
            },
            [outcome] { return std::make_unique<FixedScreener>(outcome); });
    }

private slots:
    void initTestCase() {
        station_.open();
        User u;
        u.name = "officer1";
        u.displayName = "Officer One";
        u.role = Role::Officer;
        officer_ = Actor{station_.store->users().add(u, "not-a-real-hash"), u.name, Role::Officer};
    }
    void init() { station_.store->encounters().deleteDraft(officer_.userId); }

    void draftIsSavedSealedAndFound() {
        auto writer = makeWriter();
        auto w = completeWorkflow();
        QSignalSpy saved(writer.get(), &StationWriter::draftSaved);
        writer->saveDraft(officer_.userId, w->snapshot());
        writer->flush();
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(0).toString(), w->encounterId());
        const auto stored = station_.store->encounters().loadDraft(officer_.userId);
        QVERIFY(stored.has_value());
        QCOMPARE(*stored, w->toDraft());

        QSignalSpy found(writer.get(), &StationWriter::draftFound);
        writer->findDraft(officer_.userId);
        QVERIFY(found.wait(5000));
        const auto resumed = EncounterWorkflow::fromDraft(found.at(0).at(1).toByteArray(), kToday);
        QCOMPARE(resumed->encounterId(), w->encounterId());
        QVERIFY(resumed->fingerprintsComplete());
        QVERIFY(resumed->irisesComplete());
    }

    void newestDraftWins() {
        auto writer = makeWriter();
        EncounterWorkflow w(CapturePlan::forScanner({true, false, false}));
        for (int i = 0; i < 40; ++i) {
            w.setMrz(QStringLiteral("P<UTO%1").arg(i), kToday);
            writer->saveDraft(officer_.userId, w.snapshot());
        }
        writer->flush();
        const auto stored = station_.store->encounters().loadDraft(officer_.userId);
        QVERIFY(stored.has_value());
        QCOMPARE(EncounterWorkflow::fromDraft(*stored, kToday)->document().mrzText(),
                 QStringLiteral("P<UTO39"));
    }

    void noDraftWithoutOne() {
        auto writer = makeWriter();
        QSignalSpy none(writer.get(), &StationWriter::noDraft);
        writer->findDraft(officer_.userId);
        QVERIFY(none.wait(5000));
        QCOMPARE(none.at(0).at(0).toLongLong(), officer_.userId);
    }

    void submissionStoresQueuesAndDropsTheDraft_data() {
        QTest::addColumn<int>("band");
        QTest::newRow("green") << int(Band::Green);
        QTest::newRow("red") << int(Band::Red);
    }
    void submissionStoresQueuesAndDropsTheDraft() {
        QFETCH(int, band);
        ScreeningOutcome outcome;
        outcome.band = Band(band);
        if (outcome.band == Band::Red) {
            outcome.category = WatchlistCategory::KnownOrSuspectedTerrorist;
            outcome.alertId = 7;
        }
        auto writer = makeWriter(outcome);
        auto w = completeWorkflow();
        writer->saveDraft(officer_.userId, w->snapshot());
        QSignalSpy submitted(writer.get(), &StationWriter::submitted);
        writer->submit(officer_, w->buildEncounter("LANE-01"));
        QVERIFY(submitted.wait(10000));
        const auto result = submitted.at(0).at(0).value<SubmissionResult>();
        QCOMPARE(result.encounterId, w->encounterId());
        QVERIFY(!result.tcn.isEmpty());
        QCOMPARE(result.screening.band, Band(band));
        QVERIFY(result.screening.error.isEmpty());

        const auto queued = station_.store->queue().findByEncounter(w->encounterId());
        QVERIFY(queued.has_value());
        QCOMPARE(queued->tcn, result.tcn);
        const auto stored = station_.store->encounters().load(w->encounterId());
        QVERIFY(stored.has_value());
        QCOMPARE(stored->band, Band(band));
        QCOMPARE(stored->officerId, officer_.userId);
        QCOMPARE(stored->captures.size(), std::size_t(12));
        QVERIFY(!station_.store->encounters().loadDraft(officer_.userId).has_value());
    }

    // The workflow can still change while its submission runs (a duplicate check finishing,
    // warnings): a draft saved then must not outlive the submission, or a restart would offer
    // to resume an encounter already sent.
    void draftSavedDuringTheSubmissionIsNotWritten() {
        auto writer = makeWriter(ScreeningOutcome{});
        auto w = completeWorkflow();
        QSignalSpy submitted(writer.get(), &StationWriter::submitted);
        writer->submit(officer_, w->buildEncounter("LANE-01"));
        writer->saveDraft(officer_.userId, w->snapshot());
        QVERIFY(submitted.wait(10000));
        writer->saveDraft(officer_.userId, w->snapshot());
        writer->flush();
        QVERIFY(station_.store->encounters().load(w->encounterId()).has_value());
        QVERIFY(!station_.store->encounters().loadDraft(officer_.userId).has_value());
    }

    void screeningFailureStillStoresTheEncounter() {
        auto writer = makeWriter(std::nullopt);
        auto w = completeWorkflow();
        QSignalSpy submitted(writer.get(), &StationWriter::submitted);
        writer->submit(officer_, w->buildEncounter("LANE-01"));
        QVERIFY(submitted.wait(10000));
        const auto result = submitted.at(0).at(0).value<SubmissionResult>();
        QCOMPARE(result.screening.band, Band::Pending);
        QVERIFY(result.screening.error.contains("watchlist index not loaded"));
        QVERIFY(station_.store->queue().findByEncounter(w->encounterId()).has_value());
    }

    void failedSubmissionKeepsTheDraft() {
        auto writer = makeWriter();
        auto w = completeWorkflow();
        writer->saveDraft(officer_.userId, w->snapshot());
        writer->flush();
        QSignalSpy failed(writer.get(), &StationWriter::submitFailed);
        writer->submit(officer_, w->buildEncounter(QString())); // no lane: refused
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).toString(), w->encounterId());
        QVERIFY(failed.at(0).at(1).toString().contains("lane"));
        QVERIFY(!station_.store->queue().findByEncounter(w->encounterId()).has_value());
        QVERIFY(station_.store->encounters().loadDraft(officer_.userId).has_value());
    }

    void draftOfASubmittedEncounterIsDropped() {
        auto writer = makeWriter();
        auto w = completeWorkflow();
        writer->saveDraft(officer_.userId, w->snapshot());
        writer->flush();
        // The encounter was committed but the station died before the draft went (an older
        // version, or a submission made elsewhere): resuming it would enrol the traveler twice.
        Encounter e = w->buildEncounter("LANE-01");
        EnrollmentService(*station_.store).submit(officer_, e);
        QVERIFY(station_.store->encounters().loadDraft(officer_.userId).has_value());
        QSignalSpy none(writer.get(), &StationWriter::noDraft);
        writer->findDraft(officer_.userId);
        QVERIFY(none.wait(5000));
        QVERIFY(!station_.store->encounters().loadDraft(officer_.userId).has_value());
    }

    void resubmittingTheSameEncounterIsRefused() {
        auto writer = makeWriter();
        auto w = completeWorkflow();
        QSignalSpy submitted(writer.get(), &StationWriter::submitted);
        QSignalSpy failed(writer.get(), &StationWriter::submitFailed);
        writer->submit(officer_, w->buildEncounter("LANE-01"));
        writer->submit(officer_, w->buildEncounter("LANE-01"));
        QTRY_COMPARE_WITH_TIMEOUT(submitted.count() + failed.count(), 2, 10000);
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(station_.store->queue().list().size(),
                 station_.store->encounters().list().size()); // one queue row per encounter
    }
};

QTEST_GUILESS_MAIN(TestStationWriter)
#include "tst_station_writer.moc"
