#pragma once

// The biographic fields of a machine-readable zone (ICAO 9303 TD1, TD2, TD3 and the MRV
// visas) read by position, for screening a traveler from the command line. Check digits are
// not judged here: screening takes the zone as typed (the enrollment's MRZ step verifies them
// and shows the officer any that are wrong).

#include "app/core/traveler.h"

#include <QDate>
#include <QString>

namespace umbral::screening {

/// Reads `lines` (newline-separated, or the whole zone without breaks). `today` resolves
/// two-digit birth years (a date of birth is never in the future). Throws
/// umbral::Error(InvalidInput) when the text fits no ICAO layout, naming the lengths found.
Traveler travelerFromMrz(const QString& lines, const QDate& today = QDate::currentDate());

} // namespace umbral::screening
