#include "app/biometrics/fingerprint/matching/finger_gallery.h"

#include "app/biometrics/fingerprint/matching/cylinder_code.h"
#include "app/biometrics/fingerprint/matching/screening_code.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>

namespace umbral::biometrics {

using namespace matching_detail;

struct FingerGallery::Data {
    std::vector<std::uint64_t> keys;
    std::vector<FingerMatchTemplate> templates;
    ScreeningStore screening; // fingerprint i of the gallery is entry i of the store
};

namespace {

// Runs body(begin, end) over [0, n) split into `threads` contiguous ranges, on as many threads
// (the calling thread takes the first range).
template <class Body> void parallelFor(std::size_t n, unsigned threads, const Body& body) {
    threads = std::max(
        1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(n, 1))));
    if (threads == 1) {
        body(std::size_t{0}, n);
        return;
    }
    std::vector<std::thread> workers;
    workers.reserve(threads - 1);
    const std::size_t chunk = (n + threads - 1) / threads;
    for (unsigned t = 1; t < threads; ++t) {
        const std::size_t begin = std::min(n, t * chunk), end = std::min(n, begin + chunk);
        workers.emplace_back([&body, begin, end] { body(begin, end); });
    }
    body(0, std::min(n, chunk));
    for (auto& w : workers)
        w.join();
}

unsigned threadCount(unsigned requested) {
    if (requested > 0)
        return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

// Full 1:1 comparisons of the probe with the listed gallery fingerprints, in parallel.
std::vector<GalleryCandidate> rescore(const std::vector<std::uint64_t>& keys,
                                      const std::vector<FingerMatchTemplate>& templates,
                                      const FingerMatchTemplate& probe,
                                      const std::vector<std::uint32_t>& which, unsigned threads) {
    std::vector<GalleryCandidate> out(which.size());
    std::vector<char> usable(which.size(), 0);
    parallelFor(which.size(), threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const FingerComparison c = compareFingers(probe, templates[which[i]]);
            out[i] = {keys[which[i]], c.score, c.similarity};
            usable[i] = c.reason.empty();
        }
    });
    std::vector<GalleryCandidate> kept;
    kept.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        if (usable[i])
            kept.push_back(out[i]);
    return kept;
}

} // namespace

FingerGallery::FingerGallery() : data_(std::make_unique<Data>()) {}
FingerGallery::~FingerGallery() = default;
FingerGallery::FingerGallery(FingerGallery&&) noexcept = default;
FingerGallery& FingerGallery::operator=(FingerGallery&&) noexcept = default;

void FingerGallery::reserve(std::size_t fingerprints) {
    data_->keys.reserve(fingerprints);
    data_->templates.reserve(fingerprints);
    data_->screening.reserve(fingerprints, fingerprints * 40);
}

void FingerGallery::add(std::uint64_t key, const FingerMatchTemplate& fingerprint) {
    data_->keys.push_back(key);
    data_->templates.push_back(fingerprint);
    data_->screening.add(screeningCodes(fingerprint.minutiae()));
}

std::size_t FingerGallery::size() const {
    return data_->keys.size();
}

std::vector<GalleryCandidate> FingerGallery::search(const FingerMatchTemplate& probe,
                                                    const GallerySearchOptions& options) const {
    const Data& d = *data_;
    const std::size_t n = d.keys.size();
    if (n == 0 || !probe.unusableReason().empty() || options.maxCandidates == 0)
        return {};
    const unsigned threads = threadCount(options.threads);

    std::vector<std::uint32_t> shortlist;
    if (options.exhaustive) {
        shortlist.resize(n);
        std::iota(shortlist.begin(), shortlist.end(), 0u);
    } else {
        const ScreeningProbe screening(probe.minutiae());
        std::vector<float> scores(n, 0.0f);
        parallelFor(n, threads, [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i)
                scores[i] = screening.score(d.screening.view(i));
        });
        const auto wanted = std::min<std::size_t>(
            n, std::max<std::size_t>({options.minShortlist, options.maxCandidates,
                                      static_cast<std::size_t>(std::ceil(
                                          options.shortlistShare * static_cast<double>(n)))}));
        shortlist.resize(n);
        std::iota(shortlist.begin(), shortlist.end(), 0u);
        // Ties broken by position so the shortlist does not depend on the thread count.
        const auto better = [&scores](std::uint32_t l, std::uint32_t r) {
            return scores[l] != scores[r] ? scores[l] > scores[r] : l < r;
        };
        std::nth_element(shortlist.begin(),
                         shortlist.begin() + static_cast<std::ptrdiff_t>(wanted - 1),
                         shortlist.end(), better);
        shortlist.resize(wanted);
    }

    std::vector<GalleryCandidate> candidates =
        rescore(d.keys, d.templates, probe, shortlist, threads);
    std::erase_if(candidates, [&](const GalleryCandidate& c) {
        return c.score < options.minScore || c.score <= 0.0;
    });
    const std::size_t keep = std::min(options.maxCandidates, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                      candidates.end(), [](const GalleryCandidate& l, const GalleryCandidate& r) {
                          return l.similarity != r.similarity ? l.similarity > r.similarity
                                                              : l.key < r.key;
                      });
    candidates.resize(keep);
    return candidates;
}

} // namespace umbral::biometrics
