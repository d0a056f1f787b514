#pragma once

#include <QString>
#include <optional>
#include <vector>

namespace umbral {

/// Finger positions with the ANSI/NIST-ITL 1-2011 finger position codes (Table 8): 1-10 the ten
/// fingers, 13/14/15 the plain slaps (right four, left four, both thumbs).
enum class FingerPosition : int {
    Unknown = 0,
    RightThumb = 1,
    RightIndex = 2,
    RightMiddle = 3,
    RightRing = 4,
    RightLittle = 5,
    LeftThumb = 6,
    LeftIndex = 7,
    LeftMiddle = 8,
    LeftRing = 9,
    LeftLittle = 10,
    PlainRightFour = 13,
    PlainLeftFour = 14,
    PlainThumbs = 15,
};

enum class Hand { Right, Left };

/// The ten single fingers in ANSI/NIST order.
const std::vector<FingerPosition>& allSingleFingers();
bool isSingleFinger(FingerPosition p);
bool isSlap(FingerPosition p);
/// The fingers a slap shows, in the order they appear left to right in the image (as the
/// traveler's hand lies on the glass, palm down): left hand little..index, right hand index..little.
std::vector<FingerPosition> fingersInSlap(FingerPosition slap);
/// Which slap captures this finger (13, 14 or 15).
FingerPosition slapFor(FingerPosition finger);
std::optional<Hand> handOf(FingerPosition p);
/// Stable English identifier ("right-index", "plain-left-four") used in files, JSON and the CLI.
QString toKey(FingerPosition p);
std::optional<FingerPosition> fingerPositionFromKey(const QString& key);
/// Parses "2", "right-index" (case-insensitive); nullopt when neither.
std::optional<FingerPosition> parseFingerPosition(const QString& text);

} // namespace umbral
