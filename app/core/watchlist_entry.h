#pragma once

#include "app/core/finger_position.h"
#include "app/core/iris_side.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <vector>

namespace umbral {

/// Why a person is listed.
enum class WatchlistCategory { KnownOrSuspectedTerrorist, CriminalWarrant, ImmigrationViolation, Other };

/// One listed person as carried in a signed watchlist package.
struct WatchlistEntry {
    QString id;                 ///< issuer's identifier
    WatchlistCategory category = WatchlistCategory::Other;
    int severity = 0;           ///< 1 (low) .. 5 (highest)
    QStringList names;          ///< "SURNAME, GIVEN NAMES"; the first is the primary name
    QString dateOfBirth;        ///< YYYY-MM-DD or partial
    QString nationality;
    QString sex;
    QStringList documentNumbers;
    QString handlingInstructions;
    struct FingerSample { FingerPosition position; QByteArray data; bool isTemplate; };
    struct IrisSample { IrisSide side; QByteArray data; bool isCode; };
    std::vector<FingerSample> fingers;
    std::vector<IrisSample> irises;
};

} // namespace umbral
