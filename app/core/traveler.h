#pragma once

#include "app/core/travel_document.h"

#include <QString>
#include <QStringList>

namespace umbral {

/// Biographic data of the person enrolled. Personal data: sealed at rest, never logged.
struct Traveler {
    QString surname;         ///< primary identifier, as on the document
    QString givenNames;      ///< secondary identifier
    QString dateOfBirth;     ///< YYYY-MM-DD, or partial ("1980", "1980-05")
    QString sex;             ///< "M", "F", "X"
    QString nationality;     ///< ICAO 3-letter code
    TravelDocument document;
};

} // namespace umbral
