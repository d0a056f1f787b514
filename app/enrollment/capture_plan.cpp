#include "app/enrollment/capture_plan.h"

#include <QStringList>

namespace umbral::enrollment {

CapturePlan CapturePlan::forScanner(const ScannerCapabilities& c) {
    std::vector<PlannedImpression> plan;
    if (c.fourFingerSlap) {
        for (FingerPosition slap : {FingerPosition::PlainRightFour, FingerPosition::PlainLeftFour})
            plan.push_back({slap, fingersInSlap(slap)});
        if (c.twoThumbs) {
            plan.push_back(
                {FingerPosition::PlainThumbs, fingersInSlap(FingerPosition::PlainThumbs)});
        } else {
            // A slap platen takes one thumb at a time as well as any single-finger scanner.
            plan.push_back({FingerPosition::RightThumb, {FingerPosition::RightThumb}});
            plan.push_back({FingerPosition::LeftThumb, {FingerPosition::LeftThumb}});
        }
    } else if (c.singleFinger) {
        for (FingerPosition f : allSingleFingers())
            plan.push_back({f, {f}});
    }
    return CapturePlan(std::move(plan));
}

int CapturePlan::impressionOf(FingerPosition finger) const {
    for (int i = 0; i < size(); ++i)
        for (FingerPosition f : impressions_[std::size_t(i)].fingers)
            if (f == finger)
                return i;
    return -1;
}

QString CapturePlan::describe() const {
    if (impressions_.empty())
        return QStringLiteral("no fingerprint capture");
    bool allSingle = true;
    QStringList counts;
    for (const PlannedImpression& p : impressions_) {
        allSingle = allSingle && !p.isSlap();
        counts << QString::number(p.fingers.size());
    }
    if (allSingle)
        return QStringLiteral("%1 single fingers").arg(impressions_.size());
    const QString joined = counts.join(QLatin1Char('-'));
    return joined == QLatin1String("4-4-2") ? QStringLiteral("4-4-2 slaps") : joined;
}

bool CapturePlan::operator==(const CapturePlan& other) const {
    if (impressions_.size() != other.impressions_.size())
        return false;
    for (std::size_t i = 0; i < impressions_.size(); ++i)
        if (impressions_[i].impression != other.impressions_[i].impression ||
            impressions_[i].fingers != other.impressions_[i].fingers)
            return false;
    return true;
}

} // namespace umbral::enrollment
