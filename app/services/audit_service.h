#pragma once

#include "app/core/user.h"
#include "storage/audit_log.h"

namespace umbral::storage { class StationStore; }

namespace umbral::services {

/// Reading and verifying the audit log (supervisors and administrators). Reading it is itself
/// audited.
class AuditService {
public:
    explicit AuditService(storage::StationStore& store) : store_(store) {}
    std::vector<storage::AuditRecord> list(const Actor& actor, qint64 afterSeq = 0, int limit = 0);
    storage::AuditVerification verify(const Actor& actor);

private:
    storage::StationStore& store_;
};

} // namespace umbral::services
