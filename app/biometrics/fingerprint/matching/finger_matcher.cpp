#include "app/biometrics/fingerprint/matching/finger_matcher.h"

#include "app/biometrics/fingerprint/matching/cylinder_code.h"
#include "app/biometrics/fingerprint/matching/cylinder_similarity.h"
#include "app/biometrics/fingerprint/matching/score_calibration.h"

namespace umbral::biometrics {

using namespace matching_detail;

namespace {

const std::shared_ptr<const TemplateData>& emptyData() {
    static const auto empty = std::make_shared<const TemplateData>();
    return empty;
}

ComparisonWorkspace& threadWorkspace() {
    thread_local ComparisonWorkspace work;
    return work;
}

} // namespace

FingerMatchTemplate::FingerMatchTemplate() : data_(emptyData()) {}

FingerMatchTemplate::FingerMatchTemplate(std::span<const Minutia> minutiae)
    : data_(std::make_shared<const TemplateData>(TemplateData{
          std::vector<Minutia>(minutiae.begin(), minutiae.end()), buildCylinders(minutiae)})) {}

const std::vector<Minutia>& FingerMatchTemplate::minutiae() const {
    return data_->minutiae;
}

const CylinderSet& FingerMatchTemplate::cylinders() const {
    return data_->cylinders;
}

int FingerMatchTemplate::minutiaCount() const {
    return data_->cylinders.minutiaCount;
}

int FingerMatchTemplate::cylinderCount() const {
    return static_cast<int>(data_->cylinders.size());
}

std::string FingerMatchTemplate::unusableReason() const {
    if (data_->cylinders.minutiaCount == 0)
        return "the fingerprint has no minutiae";
    if (cylinderCount() < kMinComparableCylinders)
        return "the fingerprint has too few usable minutiae (" + std::to_string(cylinderCount()) +
               " with enough neighbours, at least " + std::to_string(kMinComparableCylinders) +
               " are needed)";
    return {};
}

FingerComparison compareFingers(const FingerMatchTemplate& a, const FingerMatchTemplate& b) {
    FingerComparison result;
    for (const FingerMatchTemplate* t : {&a, &b}) {
        std::string why = t->unusableReason();
        if (!why.empty()) {
            result.reason = (t == &a ? "first: " : "second: ") + why;
            return result;
        }
    }
    const CylinderComparison c =
        compareCylinders(a.cylinders(), b.cylinders(), threadWorkspace(), true);
    result.similarity = c.score;
    result.pairedMinutiae = static_cast<int>(c.pairs.size());
    result.score = calibratedScore(c.score);
    return result;
}

std::vector<MatchedMinutiaPair> matchedPairs(const FingerMatchTemplate& a,
                                             const FingerMatchTemplate& b) {
    std::vector<MatchedMinutiaPair> out;
    if (!a.unusableReason().empty() || !b.unusableReason().empty())
        return out;
    const CylinderSet& ca = a.cylinders();
    const CylinderSet& cb = b.cylinders();
    const CylinderComparison c = compareCylinders(ca, cb, threadWorkspace(), true);
    for (const MinutiaPair& p : c.pairs)
        out.push_back({ca.x[static_cast<std::size_t>(p.a)], ca.y[static_cast<std::size_t>(p.a)],
                       cb.x[static_cast<std::size_t>(p.b)], cb.y[static_cast<std::size_t>(p.b)],
                       p.relaxed});
    return out;
}

} // namespace umbral::biometrics
