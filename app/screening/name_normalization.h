#pragma once

// Names the way a machine-readable zone writes them (ICAO Doc 9303 Part 3, section 6):
// upper-case A-Z only; Latin national characters transliterated (Ä -> AE, Å -> AA, Ö -> OE,
// Ü -> UE, ß -> SS, Æ -> AE, Ø -> OE, Þ -> TH, Œ -> OE, Ñ -> N, other diacritics dropped);
// Cyrillic and Greek by the ICAO tables; the legacy MRZ spellings NXX, AXX, OXX, UXX read back
// as N, AE, OE, UE; apostrophes dropped (O'BRIEN -> OBRIEN); hyphens, commas, spaces and '<'
// separate tokens. Particles (DE, DEL, LA, VAN, VON, AL, BIN, ...) are kept apart from the
// tokens that identify a person, and also glued to the token they precede (DE LA CRUZ ->
// DELACRUZ), because some records write them joined.

#include <QString>
#include <string>
#include <string_view>
#include <vector>

namespace umbral::screening {

/// Free text to MRZ characters: A-Z and single spaces between tokens, no leading or trailing
/// space. Characters that have no Latin transliteration (Arabic, CJK, digits) are dropped.
std::string transliterateToMrz(const QString& text);

/// The token with the transliteration variants folded away (AE -> A, OE -> O, UE -> U,
/// AA -> A), so MUELLER and MULLER, or HAAKON and HAKON, compare equal. Applied to both sides
/// of a comparison, so it never makes two different names more alike than their letters are.
std::string foldTransliterationVariants(std::string_view token);

/// True for the particles of surnames and given names in the languages border records mix:
/// DE, DEL, DELA, LA, LAS, LOS, LO, DA, DAS, DO, DOS, DI, DU, DES, VAN, VON, DER, DEN, TER,
/// TEN, LE, LES, Y, E, AL, EL, BIN, BINT, IBN.
bool isNameParticle(std::string_view token);

/// One identifying token of a name.
struct NameToken {
    std::string text;     ///< MRZ form, e.g. "MUNOZ"
    std::string folded;   ///< foldTransliterationVariants(text)
    std::string phonetic; ///< phoneticKey(folded)
    std::string glued;    ///< with the particles before it glued on ("DELACRUZ"), else empty
    bool surname = true;  ///< from the surname (primary identifier) part
};

/// A person's name split into identifying tokens: surname tokens first, then given names.
struct NormalizedName {
    std::vector<NameToken> tokens;
    std::vector<std::string> particles; ///< the particles found (shown in evidence)
    /// False when the text did not say which part is the surname (free text without a comma
    /// or MRZ "<<"); all tokens are then marked surname.
    bool partsKnown = true;

    bool empty() const { return tokens.empty(); }
    /// "GARCIA LOPEZ, MARIA" built from the tokens, for evidence.
    std::string display() const;
};

/// Normalises a surname and given names held apart (a traveler read from a document).
NormalizedName normalizeName(const QString& surname, const QString& givenNames);

/// Normalises a name written as "SURNAME, GIVEN NAMES", as an MRZ name field
/// "SURNAME<<GIVEN<NAMES", or as free text (order unknown).
NormalizedName normalizeListedName(const QString& name);

} // namespace umbral::screening
