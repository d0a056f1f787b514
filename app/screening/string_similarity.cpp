#include "app/screening/string_similarity.h"

#include <algorithm>
#include <array>

namespace umbral::screening {

namespace {
constexpr std::size_t kMaxLength = 64;

bool isVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y'; }
} // namespace

double jaroWinkler(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty())
        return 0.0;
    if (a == b)
        return 1.0;
    a = a.substr(0, kMaxLength);
    b = b.substr(0, kMaxLength);
    if (a.size() > b.size())
        std::swap(a, b);
    // Characters match when equal and no further apart than half the longer length, minus one.
    const int window = std::max(0, int(b.size()) / 2 - 1);
    std::array<bool, kMaxLength> usedA{}, usedB{};
    int matches = 0;
    for (int i = 0; i < int(a.size()); ++i) {
        const int lo = std::max(0, i - window), hi = std::min(int(b.size()) - 1, i + window);
        for (int j = lo; j <= hi; ++j) {
            if (!usedB[j] && a[i] == b[j]) {
                usedA[i] = usedB[j] = true;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0)
        return 0.0;
    int transpositions = 0;
    for (int i = 0, j = 0; i < int(a.size()); ++i) {
        if (!usedA[i])
            continue;
        while (!usedB[j])
            ++j;
        if (a[i] != b[j])
            ++transpositions;
        ++j;
    }
    const double m = matches;
    const double jaro = (m / double(a.size()) + m / double(b.size()) + (m - transpositions / 2) / m) / 3.0;
    if (jaro <= 0.7)
        return jaro;
    int prefix = 0;
    while (prefix < 4 && prefix < int(a.size()) && a[prefix] == b[prefix])
        ++prefix;
    return jaro + prefix * 0.1 * (1.0 - jaro);
}

double jaroWinklerUpperBound(std::size_t lengthA, std::size_t lengthB) {
    if (lengthA == 0 || lengthB == 0)
        return 0.0;
    const double shorter = double(std::min(std::min(lengthA, lengthB), kMaxLength));
    const double longer = double(std::min(std::max(lengthA, lengthB), kMaxLength));
    const double jaro = (1.0 + shorter / longer + 1.0) / 3.0;
    return jaro + std::min(4.0, shorter) * 0.1 * (1.0 - jaro);
}

std::string phoneticKey(std::string_view in) {
    // 1. Rewrite letter groups into one sound class each.
    std::string s;
    s.reserve(in.size() + 2);
    const auto at = [&](std::size_t i) { return i < in.size() ? in[i] : '\0'; };
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i], n = at(i + 1);
        switch (c) {
        case 'P':
            if (n == 'H') { s += 'F'; ++i; } else s += 'P';
            break;
        case 'S':
            if (n == 'C' && at(i + 2) == 'H') { s += 'X'; i += 2; }   // German SCH
            else if (n == 'H') { s += 'X'; ++i; }                    // SH
            else s += 'S';
            break;
        case 'C':
            if (n == 'H') { s += 'X'; ++i; }                          // CH as in CHAVEZ
            else if (n == 'K') { s += 'K'; ++i; }
            else if (n == 'E' || n == 'I' || n == 'Y') s += 'S';      // soft C
            else s += 'K';
            break;
        case 'Q':
            s += 'K';
            if (n == 'U') ++i;
            break;
        case 'K':
            s += 'K';
            if (n == 'H') ++i; // KH (Arabic, Russian transliterations)
            break;
        case 'G':
            if (n == 'H') { s += 'G'; ++i; }
            else if (n == 'E' || n == 'I') s += 'J';                  // GE, GI sound like J
            else if (n == 'U' && (at(i + 2) == 'E' || at(i + 2) == 'I')) { s += 'G'; ++i; } // GUI, GUE
            else s += 'G';
            break;
        case 'T':
            if (n == 'H') { s += 'T'; ++i; }
            else if (n == 'Z') { s += 'S'; ++i; }                     // German TZ
            else s += 'T';
            break;
        case 'D':
            if (n == 'H') ++i; // DH
            s += 'D';
            break;
        case 'Z':
            s += 'S';
            break;
        case 'X':
            s += (i == 0) ? 'S' : 'K';
            if (i != 0) s += 'S';
            break;
        case 'V':
        case 'W':
            s += 'B';
            break;
        case 'J':
            s += 'J';
            break;
        case 'L':
            if (n == 'L') { s += 'I'; ++i; } else s += 'L';           // Spanish LL sounds like Y
            break;
        case 'H':
            break; // silent on its own
        default:
            s += c;
        }
    }
    // 2. Keep a marker for a leading vowel, drop the other vowels, collapse repeats.
    std::string key;
    key.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (isVowel(c)) {
            if (i == 0)
                key += 'A';
            continue;
        }
        if (!key.empty() && key.back() == c)
            continue;
        key += c;
    }
    return key;
}

} // namespace umbral::screening
