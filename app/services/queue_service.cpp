#include "app/services/queue_service.h"

#include "app/services/access.h"
#include "storage/station_store.h"

namespace umbral::services {

std::vector<storage::QueueItem> QueueService::list(const Actor& actor, std::optional<storage::QueueState> state) {
    require(actor, Permission::ManageQueue, "list the outbound queue");
    return store_.queue().list(state);
}

int QueueService::retryFailed(const Actor& actor) {
    require(actor, Permission::ManageQueue, "retry failed transmissions");
    storage::Transaction tx(store_.db());
    const int n = store_.queue().retryFailed();
    store_.audit().append(actor.name, QStringLiteral("queue.retry"), QStringLiteral("outbound_queue"),
                          QStringLiteral("%1 rows").arg(n));
    tx.commit();
    return n;
}

} // namespace umbral::services
