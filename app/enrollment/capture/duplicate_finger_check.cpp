#include "app/enrollment/capture/duplicate_finger_check.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/fingerprint/matching/finger_matcher.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"
#include "app/enrollment/encounter_captures.h"

#include <map>
#include <opencv2/imgcodecs.hpp>

namespace umbral::enrollment {

struct DuplicateFingerCheck::Cache {
    mutable std::mutex mutex;
    // slot key -> (image hash, template)
    std::map<QString, std::pair<size_t, std::shared_ptr<biometrics::FingerMatchTemplate>>>
        templates;
    std::map<std::pair<QString, QString>, double> scores;
};

DuplicateFingerCheck::DuplicateFingerCheck(double minScore)
    : minScore_(minScore), cache_(std::make_unique<Cache>()) {}
DuplicateFingerCheck::~DuplicateFingerCheck() = default;

namespace {
std::shared_ptr<biometrics::FingerMatchTemplate> makeTemplate(const Capture& c) {
    const std::vector<uchar> bytes(c.image.begin(), c.image.end());
    const cv::Mat grey = cv::imdecode(bytes, cv::IMREAD_GRAYSCALE);
    if (grey.empty())
        return nullptr;
    try {
        biometrics::MinutiaeExtractionOptions options;
        options.ppi = c.ppi > 0 ? c.ppi : 500;
        const auto extraction = biometrics::extractMinutiae(grey, options);
        return std::make_shared<biometrics::FingerMatchTemplate>(extraction.minutiae);
    } catch (const biometrics::BiometricError&) {
        return nullptr;
    }
}
} // namespace

std::vector<CaptureWarning> DuplicateFingerCheck::check(const std::vector<Capture>& captures) {
    std::vector<std::pair<QString, std::shared_ptr<biometrics::FingerMatchTemplate>>> prints;
    for (const Capture& c : captures) {
        if (c.modality != Modality::Finger || !isSingleFinger(c.finger) || c.isException() ||
            c.image.isEmpty())
            continue;
        const QString key = c.slotKey();
        const size_t hash = qHash(c.image);
        std::shared_ptr<biometrics::FingerMatchTemplate> t;
        {
            std::lock_guard lock(cache_->mutex);
            auto it = cache_->templates.find(key);
            if (it != cache_->templates.end() && it->second.first == hash)
                t = it->second.second;
        }
        if (!t) {
            t = makeTemplate(c); // the expensive part, outside the lock
            std::lock_guard lock(cache_->mutex);
            cache_->templates[key] = {hash, t};
        }
        if (t && t->unusableReason().empty())
            prints.emplace_back(key, t);
    }
    std::vector<CaptureWarning> warnings;
    for (std::size_t i = 0; i < prints.size(); ++i)
        for (std::size_t j = i + 1; j < prints.size(); ++j) {
            const double score =
                biometrics::compareFingers(*prints[i].second, *prints[j].second).score;
            {
                std::lock_guard lock(cache_->mutex);
                cache_->scores[{prints[i].first, prints[j].first}] = score;
            }
            if (score >= minScore_)
                warnings.push_back(
                    {CaptureWarning::Kind::SameFingerTwice, {prints[i].first, prints[j].first}});
        }
    return warnings;
}

double DuplicateFingerCheck::lastScore(const QString& a, const QString& b) const {
    std::lock_guard lock(cache_->mutex);
    for (const auto& key : {std::make_pair(a, b), std::make_pair(b, a)}) {
        auto it = cache_->scores.find(key);
        if (it != cache_->scores.end())
            return it->second;
    }
    return -1;
}

} // namespace umbral::enrollment
