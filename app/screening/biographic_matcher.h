#pragma once

// Biographic comparison of a traveler with one listed person, with the per-field breakdown an
// officer and a supervisor read: which name tokens were paired and how alike they are, how the
// dates of birth relate, whether nationality, sex and a document agree.

#include "app/core/traveler.h"
#include "app/core/watchlist_entry.h"
#include "app/screening/date_of_birth.h"
#include "app/screening/name_normalization.h"

#include <QJsonObject>
#include <string>
#include <vector>

namespace umbral::screening {

/// How two name tokens were found alike.
enum class TokenMatch {
    Exact,                  ///< same MRZ spelling
    TransliterationVariant, ///< equal once AE/OE/UE/AA are folded (MUELLER / MULLER)
    Glued,                  ///< equal with the particles glued on (DE LA CRUZ / DELACRUZ)
    JaroWinkler,            ///< similar spelling (typo, one letter)
    Phonetic,               ///< same phonetic key (GONZALEZ / GONSALES)
    Initial,                ///< an initial against a name starting with it
};
QString toKey(TokenMatch m);

struct TokenPair {
    std::string probe;   ///< the traveler's token
    std::string listed;  ///< the listed name's token
    double similarity = 0.0;
    TokenMatch method = TokenMatch::Exact;
    bool crossField = false; ///< a surname paired with a given name (name order swapped)
};

struct NameComparison {
    double score = 0.0;  ///< [0, 1]
    int aliasIndex = 0;  ///< which of the listed names (0 = primary) scored best
    std::vector<TokenPair> pairs;
    int unmatchedProbeTokens = 0;
    int unmatchedListedTokens = 0;
    bool orderSwapped = false;   ///< most pairs cross surname and given names
    bool surnameMatched = false; ///< some surname token of the traveler found a partner
    std::string listedName;      ///< the listed name compared, MRZ form
};

enum class FieldRelation { Unknown, Same, Different };
QString toKey(FieldRelation r);

/// Weights of the fields in the biographic score. Fields unknown on either side are left out
/// and the remaining weights renormalised.
struct BiographicWeights {
    double name = 0.60;
    double dateOfBirth = 0.25;
    double nationality = 0.10;
    double sex = 0.05;
};

struct BiographicComparison {
    double score = 0.0; ///< weighted combination in [0, 1]
    NameComparison name;
    DateComparison dateOfBirth;
    FieldRelation nationality = FieldRelation::Unknown;
    FieldRelation sex = FieldRelation::Unknown;
    bool documentMatch = false; ///< a document number equal after normalisation, issuers compatible
    QString documentNumber;     ///< the matching number (normalised), when documentMatch

    /// The breakdown as JSON (personal data: only ever stored sealed).
    QJsonObject toJson() const;
};

/// The traveler's side, normalised once per screening.
struct BiographicProbe {
    NormalizedName name;
    PartialDate dateOfBirth;
    bool dateOfBirthValid = true; ///< false when the text did not parse (then treated unknown)
    QString nationality;
    QString sex;
    QString documentNumber; ///< normalizeDocumentNumber()
    QString documentIssuer;

    static BiographicProbe fromTraveler(const Traveler& traveler);
};

/// A listed person's side, normalised once when the watchlist is loaded.
struct BiographicRecord {
    std::vector<NormalizedName> names; ///< primary name first, then aliases
    PartialDate dateOfBirth;
    QString nationality;
    QString sex;
    struct Document { QString number; QString issuer; }; ///< number normalised
    std::vector<Document> documents;

    static BiographicRecord fromEntry(const WatchlistEntry& entry);
};

/// Similarity of two tokens and how it was found (0 when not alike at all).
TokenPair compareTokens(const NameToken& probe, const NameToken& listed);

/// Best pairing of the tokens of two names. The score rewards covering the shorter name (a
/// second surname or a middle name may be missing on one side) and, less, the longer one.
/// When neither of the traveler's surname tokens finds a partner the score is scaled by 0.6:
/// sharing only given names is weak evidence.
NameComparison compareNames(const NormalizedName& probe, const NormalizedName& listed);

/// The whole comparison: the best of the listed names and aliases, the other fields, the
/// document, and the weighted score.
BiographicComparison compareBiographic(const BiographicProbe& probe, const BiographicRecord& record,
                                       const BiographicWeights& weights = {});

/// Token pairs below this similarity are not paired.
inline constexpr double kMinTokenSimilarity = 0.80;

} // namespace umbral::screening
