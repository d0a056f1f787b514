#pragma once

#include "app/core/finger_position.h"
#include "app/core/iris_side.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace umbral {

/// Why a person is listed.
enum class WatchlistCategory { KnownOrSuspectedTerrorist, CriminalWarrant, ImmigrationViolation, Other };
/// "kst", "criminal-warrant", "immigration-violation", "other": used in packages, JSON and the CLI.
QString toKey(WatchlistCategory category);
std::optional<WatchlistCategory> parseWatchlistCategory(const QString& text);

/// A travel or identity document a listed person is known to hold.
struct ListedDocument {
    QString number;       ///< as issued; compared after normalizeDocumentNumber()
    QString issuingState; ///< ICAO 3-letter code, empty when unknown
    QString type;         ///< "P", "I", ... empty when unknown
};

/// One listed person as carried in a signed watchlist package.
struct WatchlistEntry {
    QString id;                 ///< issuer's identifier, unique within its list
    WatchlistCategory category = WatchlistCategory::Other;
    int severity = 0;           ///< 1 (low) .. 5 (highest)
    QStringList names;          ///< "SURNAME, GIVEN NAMES"; the first is the primary name, the rest aliases
    QString dateOfBirth;        ///< YYYY-MM-DD or partial (YYYY-MM, YYYY)
    QString nationality;        ///< ICAO 3-letter code
    QString sex;                ///< "M", "F", "X" or empty
    std::vector<ListedDocument> documents;
    QString handlingInstructions; ///< what the officer is told to do on a hit
    /// A fingerprint as an image (PNG, 8-bit grey, `ppi`) or an ISO/IEC 19794-2 template.
    struct FingerSample { FingerPosition position; QByteArray data; bool isTemplate; int ppi = 500; };
    /// An iris as an image (PNG, 8-bit grey near-infrared) or an iris code.
    struct IrisSample { IrisSide side; QByteArray data; bool isCode; };
    std::vector<FingerSample> fingers;
    std::vector<IrisSample> irises;
};

} // namespace umbral
