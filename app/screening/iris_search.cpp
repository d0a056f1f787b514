#include "app/screening/iris_search.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"

#include <QElapsedTimer>
#include <algorithm>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <thread>

namespace umbral::screening {

namespace {
double msSince(const QElapsedTimer& t) { return double(t.nsecsElapsed()) / 1e6; }
} // namespace

IrisCodeGallery::IrisCodeGallery(Options options) : options_(options) {
    // The largest distance whose rate is still a candidate: rates grow with the distance.
    double lo = 0.0, hi = 0.5;
    for (int i = 0; i < 50; ++i) {
        const double mid = (lo + hi) / 2;
        (irisFalseMatchRate(mid, options_.model) <= options_.candidateRate ? lo : hi) = mid;
    }
    candidateDistance_ = lo;
}

unsigned IrisCodeGallery::threads() const {
    return options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
}

void IrisCodeGallery::add(qint64 ref, IrisSide s, const biometrics::IrisTemplate& code) {
    if (s != IrisSide::Left && s != IrisSide::Right)
        return;
    Side& g = side(s);
    g.byRef[ref].push_back(g.gallery.add(code));
    g.refs.push_back(ref);
    g.codes.push_back(code);
}

std::unique_ptr<IrisCodeGallery> IrisCodeGallery::load(const storage::WatchlistRepository& repo, Options options) {
    auto gallery = std::make_unique<IrisCodeGallery>(options);
    repo.forEachSample(true, storage::WatchlistSampleFormat::IrisCode, [&](const storage::WatchlistSample& s) {
        try {
            const std::vector<std::uint8_t> bytes(s.data.begin(), s.data.end());
            gallery->add(s.entryRef, static_cast<IrisSide>(s.position), biometrics::IrisTemplate::deserialise(bytes));
        } catch (const biometrics::BiometricError&) {
            // Checked at import; a code that fails now is left out rather than stopping screening.
        }
    });
    return gallery;
}

std::size_t IrisCodeGallery::templateCount() const { return left_.refs.size() + right_.refs.size(); }

std::size_t IrisCodeGallery::memoryBytes() const {
    std::size_t bytes = 0;
    for (const Side* s : {&left_, &right_})
        bytes += s->gallery.size() * 2 * biometrics::kIrisCodeWords * 8 + s->codes.capacity() * sizeof(biometrics::IrisTemplate) +
                 s->refs.capacity() * 8 + s->byRef.size() * 64;
    return bytes;
}

QString IrisCodeGallery::description() const {
    return QStringLiteral("iris codes (%1 bits, rotations +-%2, popcount path %3), %4 left and %5 right codes")
        .arg(biometrics::kIrisCodeBits).arg(biometrics::kDefaultMaxShift).arg(QLatin1String(biometrics::irisPopcountPath()))
        .arg(left_.refs.size()).arg(right_.refs.size());
}

IrisSearchResult IrisCodeGallery::search(const std::vector<Capture>& irises, int maxCandidates) const {
    QElapsedTimer t;
    t.start();
    std::vector<ProbeNote> notes;
    std::vector<std::pair<IrisSide, biometrics::IrisTemplate>> probes;
    for (const Capture& c : irises) {
        if (c.modality != Modality::Iris)
            continue;
        if (c.isException()) {
            notes.push_back({c.slotKey(), false, QStringLiteral("exception: %1").arg(toKey(c.exception))});
            continue;
        }
        if (c.iris != IrisSide::Left && c.iris != IrisSide::Right) {
            notes.push_back({c.slotKey(), false, QStringLiteral("the eye is not labelled left or right")});
            continue;
        }
        try {
            const cv::Mat img = cv::imdecode(cv::Mat(1, int(c.image.size()), CV_8U, const_cast<char*>(c.image.constData())),
                                             cv::IMREAD_UNCHANGED);
            biometrics::requireGrey8(img, "iris");
            const biometrics::IrisTemplate code = biometrics::encodeIris(img);
            notes.push_back({c.slotKey(), true, QStringLiteral("%1 valid bits").arg(code.validBits())});
            probes.emplace_back(c.iris, code);
        } catch (const biometrics::BiometricError& e) {
            notes.push_back({c.slotKey(), false, QString::fromUtf8(e.what())});
        } catch (const cv::Exception&) {
            notes.push_back({c.slotKey(), false, QStringLiteral("the image does not decode")});
        }
    }
    const double prepareMs = msSince(t);
    IrisSearchResult r = searchCodes(probes, maxCandidates);
    r.probes = std::move(notes);
    r.prepareMs = prepareMs;
    return r;
}

IrisSearchResult IrisCodeGallery::searchCodes(const std::vector<std::pair<IrisSide, biometrics::IrisTemplate>>& probes,
                                              int maxCandidates) const {
    IrisSearchResult result;
    QElapsedTimer t;
    t.start();
    // Per listed person, per probe eye: the best comparison and how many it was the best of.
    std::map<qint64, std::map<int, IrisComparisonEvidence>> people;
    auto record = [&](qint64 ref, int probe, IrisSide probeSide, IrisSide listedSide, const biometrics::IrisComparison& c, int count) {
        IrisComparisonEvidence e;
        e.probe = probeSide;
        e.listed = listedSide;
        e.distance = c.distance;
        e.bitsCompared = c.bitsCompared;
        e.rotation = c.shift;
        e.comparisons = count;
        e.rate = bestOfRate(irisFalseMatchRate(c.distance, options_.model), count);
        auto& slot = people[ref];
        const auto it = slot.find(probe);
        if (it == slot.end() || e.distance < it->second.distance)
            slot[probe] = e;
    };
    const std::size_t perEye = std::size_t(std::max(1, maxCandidates)) * 4;
    for (int p = 0; p < int(probes.size()); ++p) {
        const auto& [probeSide, code] = probes[std::size_t(p)];
        const Side& g = side(probeSide);
        result.comparisons += qint64(g.gallery.size());
        for (const auto& hit : g.gallery.search(code, candidateDistance_, perEye, biometrics::kDefaultMaxShift, threads())) {
            const qint64 ref = g.refs[hit.index];
            record(ref, p, probeSide, probeSide, hit.comparison, int(g.byRef.at(ref).size()));
        }
    }
    // The other eye of everyone found through one.
    for (auto& [ref, perProbe] : people) {
        for (int p = 0; p < int(probes.size()); ++p) {
            if (perProbe.count(p))
                continue;
            const auto& [probeSide, code] = probes[std::size_t(p)];
            const Side& g = side(probeSide);
            const auto it = g.byRef.find(ref);
            if (it == g.byRef.end())
                continue;
            biometrics::IrisComparison best;
            for (std::size_t index : it->second) {
                const auto c = biometrics::compareIrisTemplates(code, g.codes[index]);
                ++result.comparisons;
                if (c.distance < best.distance)
                    best = c;
            }
            record(ref, p, probeSide, probeSide, best, int(it->second.size()));
        }
    }
    for (const auto& [ref, perProbe] : people) {
        IrisCandidate c;
        c.entryRef = ref;
        std::vector<double> rates;
        for (const auto& [p, e] : perProbe) {
            c.comparisons.push_back(e);
            rates.push_back(e.rate);
        }
        c.fusedRate = fuseFalseMatchRates(rates);
        result.candidates.push_back(std::move(c));
    }
    std::sort(result.candidates.begin(), result.candidates.end(), [](const IrisCandidate& a, const IrisCandidate& b) {
        return a.fusedRate != b.fusedRate ? a.fusedRate < b.fusedRate : a.entryRef < b.entryRef;
    });
    if (int(result.candidates.size()) > maxCandidates)
        result.candidates.resize(std::size_t(maxCandidates));
    result.searchMs = msSince(t);
    return result;
}

} // namespace umbral::screening
