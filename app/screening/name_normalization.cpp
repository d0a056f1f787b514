#include "app/screening/name_normalization.h"

#include "app/screening/string_similarity.h"

#include <QList>
#include <array>
#include <string_view>

namespace umbral::screening {

namespace {

// Latin national characters whose ICAO transliteration is not just the base letter. Upper-case
// code points; lower-case input is upper-cased first.
const char* latinSpecial(char32_t c) {
    switch (c) {
    case U'Ä': return "AE";
    case U'Å': return "AA";
    case U'Æ': return "AE";
    case U'Ö': return "OE";
    case U'Ø': return "OE";
    case U'Œ': return "OE";
    case U'Ü': return "UE";
    case U'ß': return "SS";
    case U'ẞ': return "SS";
    case U'Þ': return "TH";
    case U'Ð': return "D";
    case U'Đ': return "D";
    case U'Ħ': return "H";
    case U'ı': return "I";
    case U'Ĳ': return "IJ";
    case U'Ł': return "L";
    case U'Ŀ': return "L";
    case U'Ŋ': return "N";
    case U'Ŧ': return "T";
    default: return nullptr;
    }
}

// ICAO Doc 9303 Part 3 transliteration of Cyrillic (upper case; the language-specific
// exceptions are not applied: the language of a name is rarely known).
const char* cyrillic(char32_t c) {
    switch (c) {
    case U'А': return "A";
    case U'Б': return "B";
    case U'В': return "V";
    case U'Г': return "G";
    case U'Ґ': return "G";
    case U'Д': return "D";
    case U'Ѓ': return "G";
    case U'Ђ': return "D";
    case U'Е': return "E";
    case U'Ё': return "E";
    case U'Є': return "IE";
    case U'Ж': return "ZH";
    case U'З': return "Z";
    case U'Ѕ': return "DZ";
    case U'И': return "I";
    case U'І': return "I";
    case U'Ї': return "I";
    case U'Й': return "I";
    case U'Ј': return "J";
    case U'К': return "K";
    case U'Л': return "L";
    case U'Љ': return "LJ";
    case U'М': return "M";
    case U'Н': return "N";
    case U'Њ': return "NJ";
    case U'О': return "O";
    case U'П': return "P";
    case U'Р': return "R";
    case U'С': return "S";
    case U'Т': return "T";
    case U'Ћ': return "C";
    case U'Ќ': return "KJ";
    case U'У': return "U";
    case U'Ў': return "U";
    case U'Ф': return "F";
    case U'Х': return "KH";
    case U'Ц': return "TS";
    case U'Ч': return "CH";
    case U'Џ': return "DZ";
    case U'Ш': return "SH";
    case U'Щ': return "SHCH";
    case U'Ъ': return "IE";
    case U'Ы': return "Y";
    case U'Ь': return "";
    case U'Э': return "E";
    case U'Ю': return "IU";
    case U'Я': return "IA";
    default: return nullptr;
    }
}

// ICAO Doc 9303 Part 3 transliteration of Greek (upper case, after accents are removed).
const char* greek(char32_t c) {
    switch (c) {
    case U'Α': return "A";
    case U'Β': return "V";
    case U'Γ': return "G";
    case U'Δ': return "D";
    case U'Ε': return "E";
    case U'Ζ': return "Z";
    case U'Η': return "I";
    case U'Θ': return "TH";
    case U'Ι': return "I";
    case U'Κ': return "K";
    case U'Λ': return "L";
    case U'Μ': return "M";
    case U'Ν': return "N";
    case U'Ξ': return "X";
    case U'Ο': return "O";
    case U'Π': return "P";
    case U'Ρ': return "R";
    case U'Σ': return "S";
    case U'Τ': return "T";
    case U'Υ': return "Y";
    case U'Φ': return "F";
    case U'Χ': return "CH";
    case U'Ψ': return "PS";
    case U'Ω': return "O";
    default: return nullptr;
    }
}

// The upper-case base letter of a Greek character (accents removed), or 0 for anything else.
char32_t greekBase(char32_t c) {
    if (c < 0x0370 || c > 0x1FFF)
        return 0;
    const QString d = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KD);
    if (d.isEmpty())
        return 0;
    const char32_t base = char32_t(QChar::toUpper(d.toUcs4().front()));
    return greek(base) ? base : 0;
}

bool isSeparator(char32_t c) {
    return c == U' ' || c == U'<' || c == U',' || c == U'-' || c == U'\u2010' || c == U'\u2011' ||
           c == U'\u2013' || c == U'\t' || c == U'/' || c == U'.' || c == U'_' || c == U'\n';
}

bool isApostrophe(char32_t c) {
    return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'`' || c == U'\u00B4' || c == U'\u02BC';
}

void appendSeparator(std::string& out) {
    if (!out.empty() && out.back() != ' ')
        out += ' ';
}

// Appends the transliteration of one upper-case code point.
void appendLetter(std::string& out, char32_t c) {
    if (c >= U'A' && c <= U'Z') {
        out += char(c);
        return;
    }
    if (const char* s = latinSpecial(c)) {
        out += s;
        return;
    }
    if (const char* s = cyrillic(c)) {
        out += s;
        return;
    }
    // Everything else: canonical decomposition, keep the base letter (É -> E, Ñ -> N, Ş -> S,
    // Ά -> Α -> A), drop combining marks and anything without a Latin form.
    const QString decomposed = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KD);
    for (char32_t d : decomposed.toUcs4()) {
        if (d >= U'A' && d <= U'Z')
            out += char(d);
        else if (d >= U'a' && d <= U'z')
            out += char(d - 32);
        else if (const char* s = latinSpecial(d))
            out += s;
        else if (const char* g = greek(char32_t(QChar::toUpper(d))))
            out += g;
    }
}

// The legacy MRZ spellings of national characters (NXX for Ñ and so on).
void undoLegacyMrzSpellings(std::string& token) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kLegacy{{
        {"NXX", "N"}, {"AXX", "AE"}, {"OXX", "OE"}, {"UXX", "UE"}}};
    for (const auto& [from, to] : kLegacy) {
        std::size_t pos;
        while ((pos = token.find(from)) != std::string::npos)
            token.replace(pos, from.size(), to);
    }
}

std::vector<std::string> splitTokens(const std::string& text) {
    std::vector<std::string> tokens;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        if (end > start) {
            std::string t = text.substr(start, end - start);
            undoLegacyMrzSpellings(t);
            tokens.push_back(std::move(t));
        }
        start = end + 1;
    }
    return tokens;
}

void appendPart(NormalizedName& name, const QString& part, bool surname) {
    std::string glue;
    for (std::string& t : splitTokens(transliterateToMrz(part))) {
        if (isNameParticle(t)) {
            name.particles.push_back(t);
            glue += t;
            continue;
        }
        NameToken token;
        token.folded = foldTransliterationVariants(t);
        token.phonetic = phoneticKey(token.folded);
        if (!glue.empty())
            token.glued = glue + t;
        token.text = std::move(t);
        token.surname = surname;
        name.tokens.push_back(std::move(token));
        glue.clear();
    }
    // A part made only of particles ("DE LA") still identifies something: keep it glued.
    if (!glue.empty() && glue.size() > 1 && name.tokens.empty()) {
        NameToken token;
        token.text = glue;
        token.folded = foldTransliterationVariants(glue);
        token.phonetic = phoneticKey(token.folded);
        token.surname = surname;
        name.tokens.push_back(std::move(token));
    }
}

} // namespace

std::string transliterateToMrz(const QString& text) {
    std::string out;
    out.reserve(std::size_t(text.size()) + 4);
    const QList<uint> codes = text.toUcs4();
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const char32_t c = codes[i];
        // Greek passports write the digraph OY as OU (ELOT 743), as in PAPADOPOULOS.
        if (greekBase(c) == U'Ο' && i + 1 < codes.size() && greekBase(codes[i + 1]) == U'Υ') {
            out += "OU";
            ++i;
            continue;
        }
        if (isSeparator(c)) {
            appendSeparator(out);
            continue;
        }
        if (isApostrophe(c))
            continue;
        // ß has no single upper-case character; keep it as it is.
        const char32_t upper = (c == U'ß' || c == U'ı') ? c : char32_t(QChar::toUpper(c));
        appendLetter(out, upper);
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string foldTransliterationVariants(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (std::size_t i = 0; i < token.size(); ++i) {
        const char c = token[i];
        const char n = i + 1 < token.size() ? token[i + 1] : '\0';
        out += c;
        // AE, OE, UE -> A, O, U; AA -> A. The E (or second A) is skipped.
        if ((c == 'A' || c == 'O' || c == 'U') && n == 'E')
            ++i;
        else if (c == 'A' && n == 'A')
            ++i;
    }
    return out;
}

bool isNameParticle(std::string_view t) {
    static constexpr std::array<std::string_view, 29> kParticles{
        "DE",  "DEL", "DELA", "LA",  "LAS", "LOS", "LO",  "DA",  "DAS", "DO",
        "DOS", "DI",  "DU",   "DES", "VAN", "VON", "DER", "DEN", "TER", "TEN",
        "LE",  "LES", "Y",    "E",   "AL",  "EL",  "BIN", "BINT", "IBN"};
    for (std::string_view p : kParticles)
        if (t == p)
            return true;
    return false;
}

std::string NormalizedName::display() const {
    std::string surnames, given;
    for (const NameToken& t : tokens) {
        std::string& part = t.surname ? surnames : given;
        if (!part.empty())
            part += ' ';
        part += t.text;
    }
    return given.empty() ? surnames : surnames + ", " + given;
}

NormalizedName normalizeName(const QString& surname, const QString& givenNames) {
    NormalizedName name;
    appendPart(name, surname, true);
    appendPart(name, givenNames, false);
    return name;
}

NormalizedName normalizeListedName(const QString& text) {
    const int mrzSplit = text.indexOf(QStringLiteral("<<"));
    if (mrzSplit >= 0)
        return normalizeName(text.left(mrzSplit), text.mid(mrzSplit + 2));
    const int comma = text.indexOf(QLatin1Char(','));
    if (comma >= 0)
        return normalizeName(text.left(comma), text.mid(comma + 1));
    NormalizedName name = normalizeName(text, QString());
    name.partsKnown = false;
    return name;
}

} // namespace umbral::screening
