#pragma once

// Alerts for the adjudication tests.
//
// The red alert of a watchlisted traveler, end to end through the real services: a listed
// person rendered from one synthetic identity (fingerprints and irises, as the simulated
// devices present them) is imported in a package signed with the demo key (templates and iris
// codes derived at import, as on a station); the same identity captured again (other
// impressions: placement, distortion, noise, pupil, lids) is enrolled by an officer
// (EnrollmentService) and screened (ScreeningService), which writes the alert with its
// evidence. Not yet here: the demo package generator (`umbralctl watchlist demo`) and the
// officer's capture workflow; this builds the same things from the same generators.
//
// Filler alerts (raiseAlert, addBackgroundAlerts) are written through the alert repository as
// the screening writes them, for tests about the queue and the four-eyes rules that need many
// alerts quickly and no evidence.

#include "app/core/encounter.h"
#include "app/core/user.h"
#include "app/core/watchlist_entry.h"
#include "app/enrollment/enrollment_service.h"
#include "app/screening/screening_service.h"
#include "app/screening/watchlist_package.h"
#include "app/screening/watchlist_service.h"
#include "app/services/adjudication_service.h"
#include "devices/simulated/finger_synthesis.h"
#include "devices/simulated/iris_synthesis.h"
#include "storage/station_store.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <opencv2/imgcodecs.hpp>

namespace umbral::testing {

inline QByteArray pngBytes(const cv::Mat& grey) {
    std::vector<uchar> buffer;
    cv::imencode(".png", grey, buffer);
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

/// The fingers both sides hold (the screening's default gallery positions).
inline const std::vector<FingerPosition>& fixtureFingers() {
    static const std::vector<FingerPosition> fingers{
        FingerPosition::RightIndex, FingerPosition::LeftIndex, FingerPosition::RightThumb,
        FingerPosition::LeftThumb};
    return fingers;
}

inline cv::Mat fingerImage(std::uint64_t identity, FingerPosition position,
                           std::uint64_t impression) {
    static devices::FingerprintSynthesizer synth;
    devices::CaptureRequest request;
    request.identitySeed = identity;
    request.position = devices::FrictionRidgePosition(int(position));
    request.impressionSeed = impression;
    return synth.capture(request).image;
}

inline cv::Mat irisImage(std::uint64_t identity, IrisSide side, std::uint64_t impression) {
    static devices::IrisSynthesizer synth;
    // Each eye is its own pattern: the identity of an eye is the person and the side.
    const std::uint64_t eye = identity * 2 + (side == IrisSide::Left ? 1 : 0);
    return synth
        .render(eye, devices::impressionSettings(devices::IrisQualityProfile::Good, impression))
        .image;
}

/// The listed person: identity `identity`, one impression of each fixture finger and both eyes.
inline WatchlistEntry listedPerson(std::uint64_t identity, const QString& entryId) {
    WatchlistEntry e;
    e.id = entryId;
    e.category = WatchlistCategory::KnownOrSuspectedTerrorist;
    e.severity = 5;
    e.names = {QStringLiteral("GARCIA LOPEZ, MARIA JOSE"), QStringLiteral("GARCIA, MARIA")};
    e.dateOfBirth = QStringLiteral("1980-05-07");
    e.nationality = QStringLiteral("ESP");
    e.sex = QStringLiteral("F");
    e.documents = {
        ListedDocument{QStringLiteral("X1234567"), QStringLiteral("ESP"), QStringLiteral("P")}};
    e.handlingInstructions = QStringLiteral("Do not alert the traveler. Call the duty supervisor.");
    for (FingerPosition p : fixtureFingers())
        e.fingers.push_back({p, pngBytes(fingerImage(identity, p, 1000 + int(p))), false, 500});
    for (IrisSide s : {IrisSide::Right, IrisSide::Left})
        e.irises.push_back({s, pngBytes(irisImage(identity, s, 2000 + int(s))), false});
    return e;
}

/// The traveler: the same identity, other impressions, and the biographic data of a passport
/// with the name written without the second surname and the date of birth day/month swapped.
inline Encounter travelerEncounter(std::uint64_t identity, const QString& lane) {
    Encounter e;
    e.lane = lane;
    e.traveler.surname = QStringLiteral("GARCIA");
    e.traveler.givenNames = QStringLiteral("MARIA JOSE");
    e.traveler.dateOfBirth = QStringLiteral("1980-07-05");
    e.traveler.sex = QStringLiteral("F");
    e.traveler.nationality = QStringLiteral("ESP");
    e.traveler.document.documentCode = QStringLiteral("P");
    e.traveler.document.issuingState = QStringLiteral("ESP");
    e.traveler.document.number = QStringLiteral("PA0987654");
    e.traveler.document.nationality = QStringLiteral("ESP");
    e.traveler.document.expiry = QStringLiteral("300101");
    for (FingerPosition p : fixtureFingers()) {
        const cv::Mat img = fingerImage(identity, p, 3000 + int(p));
        Capture c;
        c.modality = Modality::Finger;
        c.finger = p;
        c.image = pngBytes(img);
        c.width = img.cols;
        c.height = img.rows;
        c.ppi = 500;
        c.quality = 70;
        c.deviceId = QStringLiteral("sim:finger");
        c.capturedAt = QDateTime::currentDateTimeUtc();
        e.captures.push_back(c);
    }
    for (IrisSide s : {IrisSide::Right, IrisSide::Left}) {
        const cv::Mat img = irisImage(identity, s, 4000 + int(s));
        Capture c;
        c.modality = Modality::Iris;
        c.iris = s;
        c.image = pngBytes(img);
        c.width = img.cols;
        c.height = img.rows;
        c.ppi = 0;
        c.quality = 80;
        c.deviceId = QStringLiteral("sim:iris");
        c.capturedAt = QDateTime::currentDateTimeUtc();
        e.captures.push_back(c);
    }
    return e;
}

/// Screening settings of a demo station: the demo signing key is trusted.
inline screening::ScreeningSettings demoScreeningSettings() {
    screening::ScreeningSettings s;
    s.demoMode = true;
    return s;
}

/// Imports `entries` as a full package, version `version` of list `listId`, signed with the
/// demo key, through the watchlist service (one transaction; templates and codes derived).
inline screening::ImportResult importListed(storage::StationStore& store, const QString& listId,
                                            qint64 version,
                                            const std::vector<WatchlistEntry>& entries) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("package.uwl"));
    screening::PackageHeader header;
    header.listId = listId;
    header.version = version;
    header.issuer = QStringLiteral("Demo issuer");
    header.createdAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    header.expiresAt = QDateTime::currentDateTimeUtc().addDays(30);
    header.records = qint64(entries.size());
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            throw std::runtime_error("cannot write the test package");
        screening::PackageWriter writer(f, header, screening::SigningKey::demo());
        for (const WatchlistEntry& e : entries)
            writer.add({screening::RecordOp::Upsert, e});
        writer.finish();
    }
    return screening::WatchlistService(store, demoScreeningSettings())
        .import(Actor{0, QStringLiteral("cli:test-admin"), Role::Administrator}, path);
}

/// Enrolls the traveler of `identity` as `officer` and screens the encounter. Returns the
/// alerts the screening raised; `encounterId` receives the encounter's id.
inline std::vector<qint64> enrollAndScreen(storage::StationStore& store, const Actor& officer,
                                           std::uint64_t identity, QString* encounterId = nullptr,
                                           const QString& lane = QStringLiteral("LANE-TEST")) {
    Encounter e = travelerEncounter(identity, lane);
    enrollment::EnrollmentService(store).submit(officer, e);
    if (encounterId)
        *encounterId = e.id;
    return screening::ScreeningService(store, demoScreeningSettings())
        .screenEncounter(officer, e.id)
        .alertIds;
}

/// Puts `entry` on list `listId` (version 1) of the station's watchlist directly (no package,
/// no derived templates): for tests that need a listed person but no biometric search.
inline void putOnWatchlist(storage::StationStore& store, const QString& listId,
                           const WatchlistEntry& entry) {
    storage::Transaction tx(store.db());
    store.watchlist().upsertEntry(listId, 1, entry);
    tx.commit();
}

/// Writes a screening result and one alert for `encounterId` against `entry`, as the screening
/// does: result, alert, the encounter's band and the audit row in one transaction.
inline qint64 raiseAlert(storage::StationStore& store, const QString& encounterId,
                         const QString& listId, const WatchlistEntry& entry, Band band,
                         double score, const QDateTime& at = {}) {
    QJsonObject evidence{{QStringLiteral("band"), toKey(band)},
                         {QStringLiteral("score"), score},
                         {QStringLiteral("entry"), entry.id}};
    storage::Transaction tx(store.db());
    storage::ScreeningRecord screening;
    screening.encounterId = encounterId;
    screening.screenedAt = at;
    screening.screenedBy = QStringLiteral("system:screening");
    screening.band = band;
    screening.watchlistVersions = listId + QStringLiteral(":1");
    screening.candidateCount = 1;
    screening.summaryJson = QJsonDocument(evidence).toJson(QJsonDocument::Compact);
    const qint64 screeningId = store.alerts().insertScreening(screening);
    Alert alert;
    alert.encounterId = encounterId;
    alert.screeningId = screeningId;
    alert.listId = listId;
    alert.watchlistEntryId = entry.id;
    alert.category = entry.category;
    alert.severity = entry.severity;
    alert.band = band;
    alert.score = score;
    alert.evidenceJson = screening.summaryJson;
    alert.createdAt = at;
    const qint64 id = store.alerts().insertAlert(alert);
    store.encounters().setBand(encounterId, band);
    store.audit().append(QStringLiteral("system:screening"), QStringLiteral("alert.open"),
                         QString::number(id), toKey(band));
    tx.commit();
    return id;
}

/// Enrolls the traveler of `identity` as `officer` and raises a red alert against `entry`
/// (already on list `listId`). Returns the alert id; `encounterId` receives the encounter's.
inline qint64 enrollAndAlert(storage::StationStore& store, const Actor& officer,
                             std::uint64_t identity, const QString& listId,
                             const WatchlistEntry& entry, Band band = Band::Red,
                             QString* encounterId = nullptr,
                             const QString& lane = QStringLiteral("LANE-TEST")) {
    Encounter e = travelerEncounter(identity, lane);
    enrollment::EnrollmentService(store).submit(officer, e);
    if (encounterId)
        *encounterId = e.id;
    return raiseAlert(store, e.id, listId, entry, band, band == Band::Red ? 0.97 : 0.82);
}

/// `count` more alerts of every kind, as a busy checkpoint has them: biographic-only encounters
/// on lanes LANE-01..04 by `officer`, red or yellow, each category, raised up to ten days ago;
/// the older ones mostly decided by `decider`. Deterministic for `seed`.
inline void addBackgroundAlerts(storage::StationStore& store, const Actor& officer,
                                const Actor& decider, int count, std::uint32_t seed) {
    std::uint32_t x = seed * 2654435761u + 1;
    auto next = [&x](std::uint32_t n) {
        x = x * 1664525u + 1013904223u;
        return (x >> 8) % n;
    };
    const WatchlistCategory categories[] = {
        WatchlistCategory::KnownOrSuspectedTerrorist, WatchlistCategory::CriminalWarrant,
        WatchlistCategory::ImmigrationViolation, WatchlistCategory::Other};
    const QStringList surnames{"NOVAK",    "OKAFOR", "SILVA",  "HASSAN",
                               "KOWALSKI", "NGUYEN", "PETROV", "MENDEZ"};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < count; ++i) {
        Encounter e;
        e.lane = QStringLiteral("LANE-0%1").arg(1 + next(4));
        e.traveler.surname = surnames[int(next(std::uint32_t(surnames.size())))];
        e.traveler.givenNames = QStringLiteral("TRAVELER %1").arg(i);
        e.traveler.nationality = QStringLiteral("UTO");
        e.createdAt = now.addSecs(-qint64(next(10 * 86400)));
        enrollment::EnrollmentService(store).submit(officer, e);
        WatchlistEntry listed;
        listed.id = QStringLiteral("BG-%1").arg(i, 4, 10, QLatin1Char('0'));
        listed.category = categories[next(4)];
        listed.severity = 1 + int(next(5));
        const Band band = next(4) == 0 ? Band::Red : Band::Yellow;
        const qint64 id = raiseAlert(store, e.id, QStringLiteral("BG"), listed, band,
                                     0.70 + next(30) / 100.0, e.createdAt.addSecs(2));
        const qint64 ageHours = e.createdAt.secsTo(now) / 3600;
        if (ageHours > 6 && next(5) != 0) {
            const auto decision =
                next(6) == 0 ? storage::AlertDecision::Confirm : storage::AlertDecision::Dismiss;
            services::AdjudicationService(store, {}).decide(
                decider, id, decision, QStringLiteral("checked against the listed record"));
        }
    }
}

} // namespace umbral::testing
