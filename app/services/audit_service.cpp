#include "app/services/audit_service.h"

#include "app/services/access.h"
#include "storage/station_store.h"

namespace umbral::services {

std::vector<storage::AuditRecord> AuditService::list(const Actor& actor, qint64 afterSeq, int limit) {
    require(actor, Permission::ViewAuditLog, "read the audit log");
    auto rows = store_.audit().list(afterSeq, limit);
    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("audit.read"), QStringLiteral("audit_log"),
                          QStringLiteral("%1 rows").arg(rows.size()));
    tx.commit();
    return rows;
}

storage::AuditVerification AuditService::verify(const Actor& actor) {
    require(actor, Permission::ViewAuditLog, "verify the audit log");
    // Verify first, then record that we did: the verification covers the log as it was found.
    const auto result = store_.audit().verify();
    storage::Transaction tx(store_.db());
    store_.audit().append(actor.name, QStringLiteral("audit.verify"), QStringLiteral("audit_log"),
                          result.ok ? QStringLiteral("ok, %1 rows").arg(result.rowsChecked)
                                    : QStringLiteral("broken at row %1").arg(result.firstBrokenSeq));
    tx.commit();
    return result;
}

} // namespace umbral::services
