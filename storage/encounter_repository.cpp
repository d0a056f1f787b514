#include "storage/encounter_repository.h"

#include "app/core/errors.h"
#include "storage/key_ring.h"
#include "storage/sqlite_database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace umbral::storage {

namespace {
QString iso(const QDateTime& t) { return t.toUTC().toString(Qt::ISODateWithMs); }
QDateTime fromIso(const QString& s) { return QDateTime::fromString(s, Qt::ISODateWithMs); }

QByteArray travelerContext(const QString& id) { return "encounter:" + id.toUtf8() + ":traveler"; }
QByteArray captureContext(const QString& id, const QString& slot, const char* column) {
    return "encounter:" + id.toUtf8() + ":capture:" + slot.toUtf8() + ":" + column;
}
QByteArray draftContext(qint64 userId) { return "draft:" + QByteArray::number(userId); }
} // namespace

QByteArray EncounterRepository::travelerToJson(const Traveler& t) {
    QJsonObject doc{{"code", t.document.documentCode}, {"issuer", t.document.issuingState},
                    {"number", t.document.number},     {"nationality", t.document.nationality},
                    {"expiry", t.document.expiry},     {"mrz", t.document.mrz}};
    QJsonObject o{{"surname", t.surname}, {"given", t.givenNames}, {"dob", t.dateOfBirth},
                  {"sex", t.sex},         {"nationality", t.nationality}, {"document", doc}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Traveler EncounterRepository::travelerFromJson(const QByteArray& json) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const QJsonObject d = o.value("document").toObject();
    Traveler t;
    t.surname = o.value("surname").toString();
    t.givenNames = o.value("given").toString();
    t.dateOfBirth = o.value("dob").toString();
    t.sex = o.value("sex").toString();
    t.nationality = o.value("nationality").toString();
    t.document.documentCode = d.value("code").toString();
    t.document.issuingState = d.value("issuer").toString();
    t.document.number = d.value("number").toString();
    t.document.nationality = d.value("nationality").toString();
    t.document.expiry = d.value("expiry").toString();
    t.document.mrz = d.value("mrz").toString();
    return t;
}

void EncounterRepository::insert(const Encounter& e) {
    const QString docNumber = normalizeDocumentNumber(e.traveler.document.number);
    Statement insertEncounter = db_.prepare(
        "INSERT INTO encounters(id, lane, officer_id, officer_name, created_at, doc_hash, "
        "traveler_sealed, band) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    // umbralctl acts as a local technician without a users row: officer_id is NULL then.
    if (e.officerId > 0)
        insertEncounter.bind(3, e.officerId);
    else
        insertEncounter.bindNull(3);
    insertEncounter.bind(1, e.id)
        .bind(2, e.lane)
        .bind(4, e.officerName)
        .bind(5, iso(e.createdAt))
        .bind(6, docNumber.isEmpty() ? QByteArray() : keys_.lookupHash(docNumber.toUtf8()))
        .bind(7, keys_.seal(travelerToJson(e.traveler), travelerContext(e.id)))
        .bind(8, toKey(e.band))
        .exec();
    Statement ins = db_.prepare(
        "INSERT INTO captures(encounter_id, slot, modality, position, width, height, ppi, quality, "
        "attempts, exception, exception_reason_sealed, device_id, captured_at, image_sealed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const Capture& c : e.captures) {
        const QString slot = c.slotKey();
        ins.reset();
        ins.bind(1, e.id)
            .bind(2, slot)
            .bind(3, toKey(c.modality))
            .bind(4, c.modality == Modality::Finger ? int(c.finger) : int(c.iris))
            .bind(5, c.width)
            .bind(6, c.height)
            .bind(7, c.ppi)
            .bind(8, c.quality)
            .bind(9, c.attempts)
            .bind(10, toKey(c.exception))
            .bind(11, c.exceptionReason.isEmpty()
                          ? QByteArray()
                          : keys_.seal(c.exceptionReason.toUtf8(), captureContext(e.id, slot, "reason")))
            .bind(12, c.deviceId)
            .bind(13, iso(c.capturedAt.isValid() ? c.capturedAt : e.createdAt))
            .bind(14, c.image.isEmpty() ? QByteArray() : keys_.seal(c.image, captureContext(e.id, slot, "image")));
        ins.exec();
    }
}

std::optional<Encounter> EncounterRepository::load(const QString& id) const {
    Statement s = db_.prepare("SELECT lane, officer_id, officer_name, created_at, traveler_sealed, band "
                              "FROM encounters WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    Encounter e;
    e.id = id;
    e.lane = s.text(0);
    e.officerId = s.int64(1);
    e.officerName = s.text(2);
    e.createdAt = fromIso(s.text(3));
    e.traveler = travelerFromJson(keys_.unseal(s.blob(4), travelerContext(id)));
    e.band = parseBand(s.text(5)).value_or(Band::Pending);

    Statement c = db_.prepare(
        "SELECT id, slot, modality, position, width, height, ppi, quality, attempts, exception, "
        "exception_reason_sealed, device_id, captured_at, image_sealed FROM captures "
        "WHERE encounter_id = ? ORDER BY id");
    c.bind(1, id);
    while (c.step()) {
        Capture cap;
        cap.id = c.int64(0);
        const QString slot = c.text(1);
        cap.modality = c.text(2) == QLatin1String("iris") ? Modality::Iris : Modality::Finger;
        if (cap.modality == Modality::Finger)
            cap.finger = static_cast<FingerPosition>(c.int64(3));
        else
            cap.iris = static_cast<IrisSide>(c.int64(3));
        cap.width = int(c.int64(4));
        cap.height = int(c.int64(5));
        cap.ppi = int(c.int64(6));
        cap.quality = int(c.int64(7));
        cap.attempts = int(c.int64(8));
        cap.exception = parseCaptureException(c.text(9)).value_or(CaptureException::Other);
        if (!c.isNull(10))
            cap.exceptionReason = QString::fromUtf8(keys_.unseal(c.blob(10), captureContext(id, slot, "reason")));
        cap.deviceId = c.text(11);
        cap.capturedAt = fromIso(c.text(12));
        if (!c.isNull(13))
            cap.image = keys_.unseal(c.blob(13), captureContext(id, slot, "image"));
        e.captures.push_back(std::move(cap));
    }
    return e;
}

std::vector<EncounterSummary> EncounterRepository::list(int limit) const {
    Statement s = db_.prepare(
        "SELECT e.id, e.lane, e.officer_id, e.officer_name, e.created_at, e.band, "
        "(SELECT count(*) FROM captures c WHERE c.encounter_id = e.id) FROM encounters e "
        "ORDER BY e.created_at DESC LIMIT ?");
    s.bind(1, limit > 0 ? qint64(limit) : qint64(-1));
    std::vector<EncounterSummary> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.int64(2), s.text(3), fromIso(s.text(4)),
                       parseBand(s.text(5)).value_or(Band::Pending), int(s.int64(6))});
    return out;
}

std::vector<QString> EncounterRepository::findByDocumentNumber(const QString& number) const {
    const QString n = normalizeDocumentNumber(number);
    std::vector<QString> ids;
    if (n.isEmpty())
        return ids;
    Statement s = db_.prepare("SELECT id FROM encounters WHERE doc_hash = ? ORDER BY created_at");
    s.bind(1, keys_.lookupHash(n.toUtf8()));
    while (s.step())
        ids.push_back(s.text(0));
    return ids;
}

void EncounterRepository::setBand(const QString& id, Band band) {
    db_.prepare("UPDATE encounters SET band = ? WHERE id = ?").bind(1, toKey(band)).bind(2, id).exec();
    if (db_.changes() == 0)
        throw Error(ErrorCode::NotFound, QStringLiteral("no encounter %1").arg(id));
}

qint64 EncounterRepository::count() const { return db_.scalarInt("SELECT count(*) FROM encounters"); }

void EncounterRepository::saveDraft(qint64 userId, const QString& encounterId, const QByteArray& draft) {
    db_.prepare("INSERT INTO encounter_drafts(user_id, encounter_id, updated_at, draft_sealed) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET encounter_id = excluded.encounter_id, "
                "updated_at = excluded.updated_at, draft_sealed = excluded.draft_sealed")
        .bind(1, userId)
        .bind(2, encounterId)
        .bind(3, iso(QDateTime::currentDateTimeUtc()))
        .bind(4, keys_.seal(draft, draftContext(userId)))
        .exec();
}

std::optional<QByteArray> EncounterRepository::loadDraft(qint64 userId) const {
    Statement s = db_.prepare("SELECT draft_sealed FROM encounter_drafts WHERE user_id = ?");
    s.bind(1, userId);
    if (!s.step())
        return std::nullopt;
    return keys_.unseal(s.blob(0), draftContext(userId));
}

void EncounterRepository::deleteDraft(qint64 userId) {
    db_.prepare("DELETE FROM encounter_drafts WHERE user_id = ?").bind(1, userId).exec();
}

} // namespace umbral::storage
