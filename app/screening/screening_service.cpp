#include "app/screening/screening_service.h"

#include "app/core/errors.h"
#include "app/services/access.h"
#include "storage/station_store.h"

#include <QJsonDocument>

namespace umbral::screening {

ScreeningService::ScreeningService(storage::StationStore& store, ScreeningSettings settings, BiometricBackends backends)
    : store_(store), settings_(std::move(settings)), backends_(std::move(backends)) {}

std::shared_ptr<const ScreeningEngine> ScreeningService::engine() {
    std::lock_guard lock(mutex_);
    const auto versions = store_.watchlist().listVersions();
    if (!engine_ || engine_->versions() != versions)
        engine_ = ScreeningEngine::build(store_, settings_, backends_);
    return engine_;
}

void ScreeningService::invalidate() {
    std::lock_guard lock(mutex_);
    engine_.reset();
}

SampleSource ScreeningService::sampleSource() {
    return [this](qint64 ref) { return store_.watchlist().samples(ref); };
}

ScreeningResult ScreeningService::screenEncounter(const Actor& actor, const QString& encounterId) {
    services::require(actor, Permission::EnrollTraveler, "screen encounters");
    const auto encounter = store_.encounters().load(encounterId);
    if (!encounter)
        throw Error(ErrorCode::NotFound, QStringLiteral("no encounter %1").arg(encounterId));
    const auto snapshot = engine();
    ScreeningResult result;
    result.outcome = snapshot->screen(encounter->traveler, encounter->captures, sampleSource());
    const ScreeningOutcome& o = result.outcome;

    storage::Transaction tx(store_.db());
    storage::ScreeningRecord record;
    record.encounterId = encounterId;
    record.screenedAt = QDateTime::currentDateTimeUtc();
    record.screenedBy = actor.name;
    record.band = o.band;
    record.watchlistVersions = o.versionsText();
    record.candidateCount = int(o.candidates.size());
    record.durationMs = int(o.timings.totalMs + 0.5);
    record.summaryJson = QJsonDocument(o.toJson()).toJson(QJsonDocument::Compact);
    storage::AlertRepository alerts = store_.alerts();
    result.screeningId = alerts.insertScreening(record);
    storage::AuditLog audit = store_.audit();
    audit.append(actor.name, QStringLiteral("screening.run"), encounterId,
                 QStringLiteral("band %1, %2 candidates, watchlist %3").arg(toKey(o.band)).arg(o.candidates.size()).arg(o.versionsText()));
    for (const ScreeningCandidate& c : o.candidates) {
        if (c.band != Band::Red && c.band != Band::Yellow)
            continue;
        Alert a;
        a.encounterId = encounterId;
        a.screeningId = result.screeningId;
        a.listId = c.person.listId;
        a.watchlistEntryId = c.person.entryId;
        a.category = c.person.category;
        a.severity = c.person.severity;
        a.band = c.band;
        a.score = c.strength;
        QJsonObject evidence = c.toJson();
        evidence.insert("probes", o.toJson().value("probes"));
        evidence.insert("watchlist_versions", o.toJson().value("watchlist_versions"));
        evidence.insert("thresholds", QJsonObject{{"finger_red_fmr", settings_.fingerRedFmr},
                                                  {"finger_yellow_fmr", settings_.fingerYellowFmr},
                                                  {"iris_red_fmr", settings_.irisRedFmr},
                                                  {"iris_yellow_fmr", settings_.irisYellowFmr},
                                                  {"biographic_yellow", settings_.biographicYellow},
                                                  {"document_match_red", settings_.documentMatchRed},
                                                  {"corroborated_red", settings_.corroboratedRed}});
        a.evidenceJson = QJsonDocument(evidence).toJson(QJsonDocument::Compact);
        result.alertIds.push_back(alerts.insertAlert(a));
        audit.append(actor.name, QStringLiteral("alert.open"), QString::number(a.id),
                     QStringLiteral("%1 alert for encounter %2, list %3").arg(toKey(a.band), encounterId, a.listId));
    }
    store_.encounters().setBand(encounterId, o.band);
    tx.commit();
    return result;
}

ScreeningResult ScreeningService::screenTraveler(const Actor& actor, const Traveler& traveler, const std::vector<Capture>& captures) {
    services::require(actor, Permission::EnrollTraveler, "screen travelers");
    const auto snapshot = engine();
    ScreeningResult result;
    result.outcome = snapshot->screen(traveler, captures, sampleSource());
    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("screening.query"), QStringLiteral("traveler"),
                          QStringLiteral("band %1, %2 candidates, watchlist %3")
                              .arg(toKey(result.outcome.band)).arg(result.outcome.candidates.size()).arg(result.outcome.versionsText()));
    tx.commit();
    return result;
}

} // namespace umbral::screening
