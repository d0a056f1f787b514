#pragma once

#include "app/core/user.h"
#include "app/sync/encounter_transaction.h"

namespace umbral::storage { class StationStore; }

namespace umbral::sync {

/// The transaction of a submitted encounter, for `umbralctl export` and the sync worker: loads
/// and unseals the encounter (an access by a named user, audited), takes the TCN of its queue
/// row and builds the ANSI/NIST-ITL transaction. Administrators only.
QByteArray exportEncounter(storage::StationStore& store, const Actor& actor, const QString& encounterId,
                           const TransactionParties& parties);

/// The builder the sync worker uses (no actor: the worker is the system, audited as system:sync
/// when the row is acknowledged).
QByteArray transactionForQueueItem(storage::StationStore& store, const QString& encounterId, const QString& tcn,
                                   const TransactionParties& parties);

} // namespace umbral::sync
