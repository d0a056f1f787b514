#pragma once

#include "app/core/user.h"
#include "storage/outbound_queue.h"

namespace umbral::storage { class StationStore; }

namespace umbral::services {

/// The outbound queue as administrators see it.
class QueueService {
public:
    explicit QueueService(storage::StationStore& store) : store_(store) {}
    std::vector<storage::QueueItem> list(const Actor& actor, std::optional<storage::QueueState> state = {});
    /// Failed rows back to pending; audited.
    int retryFailed(const Actor& actor);

private:
    storage::StationStore& store_;
};

} // namespace umbral::services
