#pragma once

// Similarity of short upper-case ASCII strings (name tokens after MRZ normalisation).

#include <string>
#include <string_view>

namespace umbral::screening {

/// Jaro-Winkler similarity in [0, 1] (Winkler 1990: prefix scale 0.1, at most 4 prefix
/// characters, boost only when the Jaro similarity exceeds 0.7). 1 for equal strings, 0 when
/// either is empty. Strings longer than 64 characters are compared on their first 64.
double jaroWinkler(std::string_view a, std::string_view b);

/// The largest Jaro-Winkler similarity two strings of these lengths can reach (all characters
/// of the shorter one matching, a full prefix): a cheap filter before jaroWinkler().
double jaroWinklerUpperBound(std::size_t lengthA, std::size_t lengthB);

/// A phonetic key for Latin-script names after MRZ normalisation (A-Z only), built for the
/// spellings border records mix up: silent H, B/V/W, C/K/Q/S/Z, PH/F, TH/T, KH/K, GH/G,
/// GE/GI/J, X/KS, LL/Y, doubled letters, and vowels after the first letter. GONZALEZ and
/// GONSALES, MOHAMMED and MUHAMMAD, HERNANDEZ and ERNANDES have the same key. Empty for an
/// empty token.
std::string phoneticKey(std::string_view token);

} // namespace umbral::screening
