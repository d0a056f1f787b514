#pragma once

#include "app/core/capture.h"
#include "app/core/traveler.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace umbral {

/// Screening outcome shown to the officer.
enum class Band { Pending, Green, Yellow, Red };
QString toKey(Band band);
std::optional<Band> parseBand(const QString& text);

/// One traveler's pass through the lane: biographic data, captures, and the screening band.
struct Encounter {
    QString id;            ///< UUID, text form without braces
    QString lane;          ///< station lane identifier
    qint64 officerId = 0;  ///< the enrolling user (four-eyes rule)
    QString officerName;
    QDateTime createdAt;   ///< UTC
    Traveler traveler;
    std::vector<Capture> captures;
    Band band = Band::Pending;

    /// A new random encounter id.
    static QString newId();
};

} // namespace umbral
