#pragma once

// IrisSearch on the iris code matcher (umbral_iris): one gallery per eye, searched with the
// hardware popcount kernel over rotations on all cores. A listed person found through one eye
// is also compared on the other eye they have on file, so their fused rate weighs both.

#include "app/biometrics/iris/iris_matching.h"
#include "app/screening/biometric_search.h"
#include "app/screening/false_match_rates.h"

#include <unordered_map>

namespace umbral::screening {

class IrisCodeGallery : public IrisSearch {
public:
    struct Options {
        double candidateRate = 1e-2; ///< comparisons above this false-match rate are not candidates
        unsigned threads = 0;        ///< 0: all cores
        IrisImpostorModel model;
    };

    explicit IrisCodeGallery(Options options);
    /// Every stored iris code.
    static std::unique_ptr<IrisCodeGallery> load(const storage::WatchlistRepository& repo, Options options);
    void add(qint64 entryRef, IrisSide side, const biometrics::IrisTemplate& code);

    IrisSearchResult search(const std::vector<Capture>& irises, int maxCandidates) const override;
    /// The search on codes already encoded.
    IrisSearchResult searchCodes(const std::vector<std::pair<IrisSide, biometrics::IrisTemplate>>& probes,
                                 int maxCandidates) const;
    std::size_t templateCount() const override;
    std::size_t memoryBytes() const override;
    QString description() const override;

private:
    struct Side {
        biometrics::IrisGallery gallery;
        std::vector<qint64> refs;                                // per gallery index
        std::vector<biometrics::IrisTemplate> codes;             // per gallery index (for the other-eye check)
        std::unordered_map<qint64, std::vector<std::size_t>> byRef;
    };
    Side& side(IrisSide s) { return s == IrisSide::Left ? left_ : right_; }
    const Side& side(IrisSide s) const { return s == IrisSide::Left ? left_ : right_; }
    unsigned threads() const;

    Options options_;
    Side left_, right_;
    double candidateDistance_ = 0.0;
};

} // namespace umbral::screening
