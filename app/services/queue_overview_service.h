#pragma once

#include "app/core/user.h"
#include "storage/outbound_queue.h"

#include <map>
#include <vector>

namespace umbral::storage {
class StationStore;
}

namespace umbral::services {

/// How many outbound-queue rows are in each state.
struct QueueCounts {
    qint64 pending = 0;
    qint64 sending = 0;
    qint64 acknowledged = 0;
    qint64 failed = 0;
    qint64 total() const { return pending + sending + acknowledged + failed; }
};

/// The outbound queue as the administrator's page shows it: counts by state, the rows that
/// need attention, and retrying the failed ones. ManageQueue on every call.
class QueueOverviewService {
public:
    explicit QueueOverviewService(storage::StationStore& store) : store_(store) {}

    QueueCounts counts(const Actor& actor);
    /// Rows not yet acknowledged (pending, sending, failed), oldest first, at most `limit`.
    std::vector<storage::QueueItem> unacknowledged(const Actor& actor, int limit = 1000);
    /// Failed rows back to pending (audited as queue.retry). Returns how many.
    int retryFailed(const Actor& actor);

private:
    storage::StationStore& store_;
};

} // namespace umbral::services
