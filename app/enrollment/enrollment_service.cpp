#include "app/enrollment/enrollment_service.h"

#include "app/core/errors.h"
#include "app/services/access.h"
#include "storage/station_store.h"

#include <QSet>

namespace umbral::enrollment {

QString EnrollmentService::tcnFor(const QString& stationId, const QString& encounterId) {
    QString id = encounterId;
    id.remove(QLatin1Char('-'));
    return stationId.left(16) + QLatin1Char('-') + id.toUpper();
}

QString EnrollmentService::submit(const Actor& actor, Encounter& e) { return write(actor, e, false); }

QString EnrollmentService::submitAndDiscardDraft(const Actor& actor, Encounter& e) { return write(actor, e, true); }

QString EnrollmentService::write(const Actor& actor, Encounter& e, bool discardDraft) {
    services::require(actor, Permission::EnrollTraveler, "enroll travelers");
    if (e.id.isEmpty())
        e.id = Encounter::newId();
    if (!e.createdAt.isValid())
        e.createdAt = QDateTime::currentDateTimeUtc();
    e.officerId = actor.userId;
    e.officerName = actor.name;
    if (e.lane.isEmpty())
        throw Error(ErrorCode::InvalidInput, QStringLiteral("an encounter needs the lane it was taken at"));
    QSet<QString> seenSlots;
    for (const Capture& c : e.captures) {
        if (seenSlots.contains(c.slotKey()))
            throw Error(ErrorCode::InvalidInput, QStringLiteral("two captures for %1").arg(c.slotKey()));
        seenSlots.insert(c.slotKey());
        if (c.isException() && c.exceptionReason.trimmed().isEmpty())
            throw Error(ErrorCode::InvalidInput,
                        QStringLiteral("the exception for %1 needs a reason").arg(c.slotKey()));
        if (!c.isException() && c.image.isEmpty())
            throw Error(ErrorCode::InvalidInput, QStringLiteral("the capture %1 has no image").arg(c.slotKey()));
    }
    const QString tcn = tcnFor(QStringLiteral("UMB"), e.id);
    storage::Transaction tx(store_.db());
    store_.encounters().insert(e);
    store_.queue().enqueue(e.id, tcn);
    if (discardDraft && actor.userId > 0)
        store_.encounters().deleteDraft(actor.userId);
    store_.audit().append(actor.name, QStringLiteral("encounter.submit"), e.id,
                          QStringLiteral("%1 captures, lane %2").arg(e.captures.size()).arg(e.lane));
    tx.commit();
    return tcn;
}

} // namespace umbral::enrollment
