#pragma once

#include "app/core/encounter.h"
#include "app/core/user.h"

namespace umbral::storage { class StationStore; }

namespace umbral::enrollment {

/// Submits encounters: the encounter, its sealed captures, its outbound-queue row and the audit
/// rows are written in ONE transaction (synchronous=FULL), so after submit() returns the
/// encounter survives a power cut, and after a crash it is either wholly there or not at all.
class EnrollmentService {
public:
    explicit EnrollmentService(storage::StationStore& store) : store_(store) {}

    /// Validates and writes. Fills in id, createdAt and the officer from `actor` when empty.
    /// Returns the transaction control number queued for the central system.
    QString submit(const Actor& actor, Encounter& encounter);
    /// As submit(), and deletes the actor's draft (EncounterRepository::saveDraft) in the same
    /// transaction: after a crash there is either the draft or the submitted encounter, never
    /// both and never neither.
    QString submitAndDiscardDraft(const Actor& actor, Encounter& encounter);

    /// The transaction control number for an encounter: unique per encounter, stable.
    static QString tcnFor(const QString& stationId, const QString& encounterId);

private:
    QString write(const Actor& actor, Encounter& encounter, bool discardDraft);

    storage::StationStore& store_;
};

} // namespace umbral::enrollment
