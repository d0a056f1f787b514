#pragma once

#include "app/core/encounter.h"

#include <QByteArray>
#include <QString>

namespace umbral::sync {

/// Who the transactions are from and for (Type-1 ORI and DAI), from [interchange] in umbral.conf.
struct TransactionParties {
    QString originatingAgency = QStringLiteral("UMBRAL00"); ///< the station's agency identifier
    QString destinationAgency = QStringLiteral("CENTRAL");
    static TransactionParties load(const QString& settingsFile);
};

/// The ANSI/NIST-ITL 1-2011 transaction of one submitted encounter: Type-1 with the queue's TCN,
/// the Type-2 profile record (biographic data transliterated to ASCII as an MRZ writes it), one
/// Type-14 per fingerprint capture (WSQ at 0.75 bpp, quality in 14.024) and one Type-17 per iris
/// (lossless PNG). Captures recorded as exceptions carry no image: a finger missing from a slap
/// is written in 14.018 (amputated or unable to print). Throws umbral::Error (InvalidInput) naming
/// the capture when something cannot be written.
QByteArray buildEncounterTransaction(const Encounter& encounter, const QString& tcn,
                                     const TransactionParties& parties);

/// ASCII as an MRZ would write it: diacritics removed, Ñ -> N, Æ -> AE, Ø -> O, ß -> SS, upper case,
/// anything else outside A-Z, 0-9, space, '-' and '\'' dropped.
QString transliterateToAscii(const QString& text);

} // namespace umbral::sync
