#pragma once

#include "app/core/encounter.h"

#include <QByteArray>
#include <optional>
#include <vector>

namespace umbral::storage {

class Database;
class KeyRing;

struct EncounterSummary {
    QString id;
    QString lane;
    qint64 officerId = 0;
    QString officerName;
    QDateTime createdAt;
    Band band = Band::Pending;
    int captureCount = 0;
};

/// Encounters and their captures. The traveler's biographic data, every image and every
/// exception reason are sealed (KeyRing::seal) with the row they belong to as context; the
/// document number is stored only as a keyed hash for look-up.
class EncounterRepository {
public:
    EncounterRepository(Database& db, const KeyRing& keys) : db_(db), keys_(keys) {}

    /// Inserts the encounter and all its captures (inside the caller's transaction).
    void insert(const Encounter& encounter);
    /// Loads and unseals; nullopt when there is no such encounter. Throws KeyFailure when a
    /// sealed column does not open.
    std::optional<Encounter> load(const QString& id) const;
    std::vector<EncounterSummary> list(int limit = 0) const;
    /// Encounter ids whose document number matches (after normalisation).
    std::vector<QString> findByDocumentNumber(const QString& number) const;
    void setBand(const QString& id, Band band);
    qint64 count() const;

    /// Sealed draft of the encounter a user is working on (one per user), for crash recovery.
    void saveDraft(qint64 userId, const QString& encounterId, const QByteArray& draft);
    std::optional<QByteArray> loadDraft(qint64 userId) const;
    void deleteDraft(qint64 userId);

    static QByteArray travelerToJson(const Traveler& t);
    static Traveler travelerFromJson(const QByteArray& json);

private:
    Database& db_;
    const KeyRing& keys_;
};

} // namespace umbral::storage
