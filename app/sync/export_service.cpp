#include "app/sync/export_service.h"

#include "app/core/errors.h"
#include "app/services/access.h"
#include "storage/station_store.h"

namespace umbral::sync {

QByteArray transactionForQueueItem(storage::StationStore& store, const QString& encounterId, const QString& tcn,
                                   const TransactionParties& parties) {
    const auto encounter = store.encounters().load(encounterId);
    if (!encounter)
        throw Error(ErrorCode::NotFound, QStringLiteral("no encounter %1").arg(encounterId));
    return buildEncounterTransaction(*encounter, tcn, parties);
}

QByteArray exportEncounter(storage::StationStore& store, const Actor& actor, const QString& encounterId,
                           const TransactionParties& parties) {
    services::require(actor, Permission::ManageQueue, "export encounters");
    const auto item = store.queue().findByEncounter(encounterId);
    if (!item)
        throw Error(ErrorCode::NotFound, QStringLiteral("no submitted encounter %1").arg(encounterId));
    const QByteArray bytes = transactionForQueueItem(store, encounterId, item->tcn, parties);
    storage::Transaction tx(store.db());
    store.audit().append(actor.name, QStringLiteral("encounter.export"), encounterId,
                         QStringLiteral("TCN %1, %2 bytes").arg(item->tcn).arg(bytes.size()));
    tx.commit();
    return bytes;
}

} // namespace umbral::sync
