#pragma once

#include <QDate>
#include <QString>

namespace umbral {

/// A machine-readable travel document as read from its MRZ (ICAO 9303) and corrected by the
/// officer. Dates are kept as written in the MRZ (YYMMDD, possibly with '<' for unknown parts).
struct TravelDocument {
    QString documentCode;   ///< "P", "I", "A", "C", "V" (first letter(s) of the MRZ)
    QString issuingState;   ///< ICAO 3-letter code
    QString number;         ///< document number, MRZ filler removed
    QString nationality;    ///< ICAO 3-letter code
    QString expiry;         ///< YYMMDD
    QString mrz;            ///< the raw MRZ lines, newline separated
};

} // namespace umbral

namespace umbral {

/// A document number as compared everywhere: upper case, letters and digits only (MRZ filler
/// '<', spaces and dashes removed).
inline QString normalizeDocumentNumber(const QString& number) {
    QString out;
    out.reserve(number.size());
    for (QChar c : number)
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out.append(c.toUpper());
    return out;
}

} // namespace umbral
