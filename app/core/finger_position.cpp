#include "app/core/finger_position.h"

#include <array>
#include <utility>

namespace umbral {

namespace {
constexpr std::array<std::pair<FingerPosition, const char*>, 14> kKeys{{
    {FingerPosition::Unknown, "unknown"},
    {FingerPosition::RightThumb, "right-thumb"},
    {FingerPosition::RightIndex, "right-index"},
    {FingerPosition::RightMiddle, "right-middle"},
    {FingerPosition::RightRing, "right-ring"},
    {FingerPosition::RightLittle, "right-little"},
    {FingerPosition::LeftThumb, "left-thumb"},
    {FingerPosition::LeftIndex, "left-index"},
    {FingerPosition::LeftMiddle, "left-middle"},
    {FingerPosition::LeftRing, "left-ring"},
    {FingerPosition::LeftLittle, "left-little"},
    {FingerPosition::PlainRightFour, "plain-right-four"},
    {FingerPosition::PlainLeftFour, "plain-left-four"},
    {FingerPosition::PlainThumbs, "plain-thumbs"},
}};
} // namespace

const std::vector<FingerPosition>& allSingleFingers() {
    static const std::vector<FingerPosition> fingers{
        FingerPosition::RightThumb, FingerPosition::RightIndex, FingerPosition::RightMiddle,
        FingerPosition::RightRing,  FingerPosition::RightLittle, FingerPosition::LeftThumb,
        FingerPosition::LeftIndex,  FingerPosition::LeftMiddle, FingerPosition::LeftRing,
        FingerPosition::LeftLittle};
    return fingers;
}

bool isSingleFinger(FingerPosition p) {
    const int v = static_cast<int>(p);
    return v >= 1 && v <= 10;
}

bool isSlap(FingerPosition p) {
    return p == FingerPosition::PlainRightFour || p == FingerPosition::PlainLeftFour ||
           p == FingerPosition::PlainThumbs;
}

std::vector<FingerPosition> fingersInSlap(FingerPosition slap) {
    switch (slap) {
    case FingerPosition::PlainRightFour:
        return {FingerPosition::RightIndex, FingerPosition::RightMiddle, FingerPosition::RightRing,
                FingerPosition::RightLittle};
    case FingerPosition::PlainLeftFour:
        return {FingerPosition::LeftLittle, FingerPosition::LeftRing, FingerPosition::LeftMiddle,
                FingerPosition::LeftIndex};
    case FingerPosition::PlainThumbs:
        return {FingerPosition::LeftThumb, FingerPosition::RightThumb};
    default:
        return {};
    }
}

FingerPosition slapFor(FingerPosition finger) {
    switch (finger) {
    case FingerPosition::RightThumb:
    case FingerPosition::LeftThumb:
        return FingerPosition::PlainThumbs;
    case FingerPosition::RightIndex:
    case FingerPosition::RightMiddle:
    case FingerPosition::RightRing:
    case FingerPosition::RightLittle:
        return FingerPosition::PlainRightFour;
    case FingerPosition::LeftIndex:
    case FingerPosition::LeftMiddle:
    case FingerPosition::LeftRing:
    case FingerPosition::LeftLittle:
        return FingerPosition::PlainLeftFour;
    default:
        return FingerPosition::Unknown;
    }
}

std::optional<Hand> handOf(FingerPosition p) {
    const int v = static_cast<int>(p);
    if ((v >= 1 && v <= 5) || p == FingerPosition::PlainRightFour)
        return Hand::Right;
    if ((v >= 6 && v <= 10) || p == FingerPosition::PlainLeftFour)
        return Hand::Left;
    return std::nullopt;
}

QString toKey(FingerPosition p) {
    for (const auto& [pos, key] : kKeys)
        if (pos == p)
            return QString::fromLatin1(key);
    return QStringLiteral("unknown");
}

std::optional<FingerPosition> fingerPositionFromKey(const QString& key) {
    for (const auto& [pos, k] : kKeys)
        if (key.compare(QLatin1String(k), Qt::CaseInsensitive) == 0)
            return pos;
    return std::nullopt;
}

std::optional<FingerPosition> parseFingerPosition(const QString& text) {
    bool ok = false;
    const int code = text.toInt(&ok);
    if (ok) {
        if ((code >= 1 && code <= 10) || (code >= 13 && code <= 15))
            return static_cast<FingerPosition>(code);
        return std::nullopt;
    }
    return fingerPositionFromKey(text.trimmed());
}

} // namespace umbral
