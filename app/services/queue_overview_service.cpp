#include "app/services/queue_overview_service.h"

#include "app/services/access.h"
#include "app/services/queue_service.h"
#include "storage/station_store.h"

#include <algorithm>

namespace umbral::services {

QueueCounts QueueOverviewService::counts(const Actor& actor) {
    require(actor, Permission::ManageQueue, "count the outbound queue");
    auto queue = store_.queue();
    QueueCounts c;
    c.pending = queue.count(storage::QueueState::Pending);
    c.sending = queue.count(storage::QueueState::Sending);
    c.acknowledged = queue.count(storage::QueueState::Acknowledged);
    c.failed = queue.count(storage::QueueState::Failed);
    return c;
}

std::vector<storage::QueueItem> QueueOverviewService::unacknowledged(const Actor& actor,
                                                                     int limit) {
    require(actor, Permission::ManageQueue, "list the outbound queue");
    auto queue = store_.queue();
    std::vector<storage::QueueItem> out;
    // Failed first: they are what the administrator acts on.
    for (auto state : {storage::QueueState::Failed, storage::QueueState::Sending,
                       storage::QueueState::Pending}) {
        auto rows = queue.list(state, limit);
        out.insert(out.end(), rows.begin(), rows.end());
        if (limit > 0 && int(out.size()) >= limit) {
            out.resize(std::size_t(limit));
            break;
        }
    }
    return out;
}

int QueueOverviewService::retryFailed(const Actor& actor) {
    return QueueService(store_).retryFailed(actor);
}

} // namespace umbral::services
