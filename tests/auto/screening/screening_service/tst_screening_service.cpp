// Screening encounters end to end on the biographic side: the band lands on the encounter, the
// screening result and one alert per yellow or red candidate are written in the same
// transaction with their evidence sealed, the audit log names the user and no person; a
// namesake with another date of birth is not red, a document match is; the engine follows
// imports; the alert it wrote is decided through the one adjudication path (four-eyes, a reason,
// an audit row per change).
#include "app/enrollment/enrollment_service.h"
#include "app/services/adjudication_service.h"
#include "app/screening/screening_service.h"
#include "app/screening/watchlist_service.h"
#include "tests/auto/common/temp_station.h"
#include "tests/auto/screening/common/package_files.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace umbral;
using namespace umbral::screening;
using namespace umbral::testing;

class TestScreeningService : public QObject {
    Q_OBJECT

    const Actor admin{0, QStringLiteral("cli:test-admin"), Role::Administrator};
    Actor officer, supervisor, supervisor2;
    TempStation st_;
    QTemporaryDir files_;
    std::unique_ptr<SigningKey> key_;
    ScreeningSettings settings_;
    std::unique_ptr<ScreeningService> screening_;

    QString submit(const QString& surname, const QString& given, const QString& dob, const QString& doc = {},
                   const Actor* by = nullptr) {
        Encounter e;
        e.lane = QStringLiteral("LANE-01");
        e.traveler.surname = surname;
        e.traveler.givenNames = given;
        e.traveler.dateOfBirth = dob;
        e.traveler.nationality = QStringLiteral("UTO");
        e.traveler.sex = QStringLiteral("M");
        e.traveler.document.number = doc;
        e.traveler.document.issuingState = QStringLiteral("UTO");
        enrollment::EnrollmentService(*st_.store).submit(by ? *by : officer, e);
        return e.id;
    }

    void importList(qint64 version, const std::vector<PackageRecord>& records) {
        const QString file = files_.filePath(QStringLiteral("v%1.uwl").arg(version));
        writePackage(file, packageHeader("CRIM", version, qint64(records.size())), records, *key_);
        WatchlistService(*st_.store, settings_).import(admin, file);
    }

private slots:
    void initTestCase() {
        st_.open();
        key_ = std::make_unique<SigningKey>(SigningKey::generate());
        settings_.trustedKeys << QStringLiteral("crim:") + key_->publicKey().hex();
        auto add = [&](const char* name, Role role) {
            User u;
            u.name = QString::fromLatin1(name);
            u.displayName = u.name;
            u.role = role;
            u.createdAt = QDateTime::currentDateTimeUtc();
            const qint64 id = st_.store->users().add(u, QStringLiteral("x"));
            return Actor{id, u.name, role};
        };
        officer = add("officer1", Role::Officer);
        supervisor = add("super1", Role::Supervisor);
        supervisor2 = add("super2", Role::Supervisor);
        std::vector<PackageRecord> list;
        list.push_back(upsert(person("W1", "GARCÍA LÓPEZ, MARÍA JOSÉ", "1961-02-14", "P7654321", WatchlistCategory::CriminalWarrant, 4)));
        list.push_back(upsert(person("W2", "OKAFOR, CHIDI", "1984", {}, WatchlistCategory::KnownOrSuspectedTerrorist, 5)));
        list.push_back(upsert(person("W3", "NGUYEN, VAN AN", "1990-09-09", "UT1234567", WatchlistCategory::ImmigrationViolation, 2)));
        for (int i = 0; i < 50; ++i)
            list.push_back(upsert(person(QStringLiteral("F%1").arg(i), QStringLiteral("FILLER%1, PERSON").arg(i), "1950-01-01")));
        importList(1, list);
        screening_ = std::make_unique<ScreeningService>(*st_.store, settings_);
    }

    void nothingOnTheListIsGreen() {
        const QString id = submit("Tanaka", "Yuki", "1985-05-05", "UT9999999");
        const ScreeningResult r = screening_->screenEncounter(officer, id);
        QCOMPARE(r.band(), Band::Green);
        QVERIFY(r.alertIds.empty());
        QVERIFY(r.screeningId > 0);
        QCOMPARE(st_.store->encounters().load(id)->band, Band::Green);
        const auto rec = st_.store->alerts().latestScreening(id);
        QVERIFY(rec);
        QCOMPARE(rec->watchlistVersions, QStringLiteral("CRIM:1"));
        QCOMPARE(rec->screenedBy, officer.name);
    }

    void namesakeWithAnotherDateOfBirthIsNotRed() {
        const QString id = submit("Garcia Lopez", "Maria Jose", "1992-06-30");
        const ScreeningResult r = screening_->screenEncounter(officer, id);
        QVERIFY(r.band() != Band::Red);
        QVERIFY(std::none_of(r.outcome.candidates.begin(), r.outcome.candidates.end(),
                             [](const ScreeningCandidate& c) { return c.band == Band::Red; }));
        // It was considered, with the date conflict in its breakdown.
        QVERIFY(!r.outcome.candidates.empty());
        QCOMPARE(r.outcome.candidates.front().person.entryId, QStringLiteral("W1"));
        QCOMPARE(toKey(r.outcome.candidates.front().biographic->dateOfBirth.relation), QStringLiteral("conflict"));
    }

    void sameNameAndDateIsYellowWithAnAlert() {
        const QString id = submit("Okafor", "Chidi", "1984-09-21");
        const ScreeningResult r = screening_->screenEncounter(officer, id);
        QCOMPARE(r.band(), Band::Yellow);
        QCOMPARE(r.alertIds.size(), std::size_t(1));
        const auto alert = st_.store->alerts().load(r.alertIds[0]);
        QVERIFY(alert);
        QCOMPARE(alert->encounterId, id);
        QCOMPARE(alert->watchlistEntryId, QStringLiteral("W2"));
        QCOMPARE(alert->category, WatchlistCategory::KnownOrSuspectedTerrorist);
        QCOMPARE(alert->state, AlertState::Open);
        QCOMPARE(alert->band, Band::Yellow);
        const QJsonObject evidence = QJsonDocument::fromJson(alert->evidenceJson).object();
        QCOMPARE(evidence.value("biographic").toObject().value("date_of_birth").toObject().value("relation").toString(),
                 QStringLiteral("consistent"));
        QVERIFY(!evidence.value("reasons").toArray().isEmpty());
        QVERIFY(evidence.contains("thresholds"));
        QCOMPARE(st_.store->encounters().load(id)->band, Band::Yellow);
    }

    void documentMatchIsRed() {
        const QString id = submit("Somebody", "Else", "1970-01-01", "UT-123 4567");
        const ScreeningResult r = screening_->screenEncounter(officer, id);
        QCOMPARE(r.band(), Band::Red);
        QCOMPARE(r.outcome.candidates.front().person.entryId, QStringLiteral("W3"));
        QVERIFY(r.outcome.candidates.front().reasons.join(' ').contains("document"));
        QCOMPARE(st_.store->alerts().load(r.alertIds[0])->band, Band::Red);
        // A different number of the same format is not a match.
        const ScreeningResult other = screening_->screenEncounter(officer, submit("Somebody", "Else", "1970-01-01", "UT1234568"));
        QCOMPARE(other.band(), Band::Green);
    }

    void personalDataStaysSealedAndOutOfTheAuditLog() {
        st_.store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        QFile db(st_.paths.databaseFile());
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray raw = db.readAll();
        for (const char* s : {"OKAFOR", "Okafor", "CHIDI", "7654321", "consistent", "GARCIA"})
            QVERIFY2(!raw.contains(s), s);
        bool sawRun = false, sawAlert = false;
        for (const auto& a : st_.store->audit().list()) {
            for (const char* s : {"OKAFOR", "Okafor", "GARC", "Garc", "Chidi", "7654321"})
                QVERIFY2(!a.detail.contains(QLatin1String(s)) && !a.subject.contains(QLatin1String(s)), s);
            sawRun |= a.action == QLatin1String("screening.run") && a.actor == officer.name;
            sawAlert |= a.action == QLatin1String("alert.open");
        }
        QVERIFY(sawRun && sawAlert);
        QVERIFY(st_.store->audit().verify().ok);
    }

    void adjudication() {
        // The station has one way to decide an alert: services::AdjudicationService. Here it
        // decides an alert the screening wrote; its own tests cover every rule in depth.
        const QString id = submit("Okafor", "Chidi", "1984-01-01", {}, &supervisor);
        const ScreeningResult r = screening_->screenEncounter(supervisor, id);
        QCOMPARE(r.alertIds.size(), std::size_t(1));
        const qint64 alertId = r.alertIds[0];
        services::AdjudicationService alerts(*st_.store, services::AdjudicationSettings{});
        using storage::AlertDecision;
        auto refused = [&](const Actor& who, AlertDecision d, const QString& reason, ErrorCode code) {
            try {
                alerts.decide(who, alertId, d, reason);
                QFAIL("must be refused");
            } catch (const Error& e) {
                QCOMPARE(e.code(), code);
            }
        };
        refused(officer, AlertDecision::Dismiss, "not the listed person", ErrorCode::PermissionDenied); // role
        refused(supervisor, AlertDecision::Dismiss, "not the listed person", ErrorCode::PermissionDenied); // enrolled it
        refused(supervisor2, AlertDecision::Dismiss, "   ", ErrorCode::InvalidInput);                   // reason
        const services::AlertCase opened = alerts.open(supervisor2, alertId);
        QCOMPARE(opened.alert.encounterId, id);
        QCOMPARE(opened.alert.state, AlertState::Open);
        const services::DecisionOutcome dismissed =
            alerts.decide(supervisor2, alertId, AlertDecision::Dismiss, "Different person: birthmark, Okafor is common");
        QCOMPARE(dismissed.state, AlertState::Dismissed);
        QVERIFY(!dismissed.awaitingSecond);
        refused(supervisor2, AlertDecision::Confirm, "changed my mind", ErrorCode::Conflict); // final
        QStringList actions;
        for (const auto& a : st_.store->audit().list())
            if (a.subject == QString::number(alertId)) {
                actions << a.action;
                QVERIFY(!a.detail.contains("Okafor"));
            }
        QVERIFY2(actions.startsWith(QStringLiteral("alert.open")), qPrintable(actions.join(' ')));
        QVERIFY2(actions.contains(QStringLiteral("alert.view")), qPrintable(actions.join(' ')));
        QVERIFY2(actions.contains(QStringLiteral("alert.dismiss")), qPrintable(actions.join(' ')));
        QVERIFY(st_.store->audit().verify().ok);
    }

    void engineFollowsImports() {
        const QString id = submit("Brandnew", "Person", "1999-09-09");
        QCOMPARE(screening_->screenEncounter(officer, id).band(), Band::Green);
        std::vector<PackageRecord> v2{upsert(person("W9", "BRANDNEW, PERSON", "1999-09-09"))};
        const QString file = files_.filePath("v2.uwl");
        writePackage(file, packageHeader("CRIM", 2, 1, PackageKind::Delta, 1), v2, *key_);
        WatchlistService(*st_.store, settings_).import(admin, file);
        const ScreeningResult r = screening_->screenEncounter(officer, id);
        QCOMPARE(r.band(), Band::Yellow);
        QCOMPARE(r.outcome.versionsText(), QStringLiteral("CRIM:2"));
        // Re-screening keeps both results.
        QCOMPARE(st_.store->alerts().latestScreening(id)->band, Band::Yellow);
    }

    void queryStoresNothing() {
        Traveler t;
        t.surname = QStringLiteral("OKAFOR");
        t.givenNames = QStringLiteral("CHIDI");
        t.dateOfBirth = QStringLiteral("1984-09-21");
        const qint64 alertsBefore = st_.store->alerts().count();
        const ScreeningResult r = screening_->screenTraveler(officer, t, {});
        QCOMPARE(r.band(), Band::Yellow);
        QCOMPARE(r.screeningId, 0);
        QCOMPARE(st_.store->alerts().count(), alertsBefore);
        QCOMPARE(st_.store->audit().list().back().action, QStringLiteral("screening.query"));
        try {
            screening_->screenTraveler(admin, t, {});
            QFAIL("administrators do not screen travelers");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::PermissionDenied);
        }
    }
};

QTEST_GUILESS_MAIN(TestScreeningService)
#include "tst_screening_service.moc"
