#pragma once

#include "app/core/capture.h"
#include "app/enrollment/submission.h"

#include <QHash>
#include <memory>
#include <mutex>
#include <vector>

namespace umbral::enrollment {

/// Finds a finger presented twice: two finger slots whose prints are the same finger (the
/// traveler put the index down again for the middle finger, or a slap was repeated with the
/// other hand's slot). Every pair of captured single fingers is compared with the station's
/// matcher; a pair scoring at least `minScore` is reported. The default, 100, was chosen on
/// FVC2002 DB1_B: 95 % of same-finger pairs reach it and none of the 2 880 pairs of different
/// fingers does; different fingers of one synthetic identity stay below 80
/// (docs/officer-desktop.md).
///
/// Thread-safe: call it from a worker thread with a snapshot of the captures. Minutiae
/// templates are cached per slot and image, so each new capture costs one extraction.
class DuplicateFingerCheck {
public:
    explicit DuplicateFingerCheck(double minScore = 100.0);
    ~DuplicateFingerCheck();

    std::vector<CaptureWarning> check(const std::vector<Capture>& captures);
    /// The score of the last comparison of `a` and `b` (slot keys), for tests; -1 when unknown.
    double lastScore(const QString& a, const QString& b) const;

private:
    struct Cache;
    double minScore_;
    std::unique_ptr<Cache> cache_;
};

} // namespace umbral::enrollment
