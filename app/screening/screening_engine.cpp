#include "app/screening/screening_engine.h"

#include "storage/station_store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <algorithm>
#include <future>

namespace umbral::screening {

namespace {
double msSince(const QElapsedTimer& t) { return double(t.nsecsElapsed()) / 1e6; }
} // namespace

QString ScreeningOutcome::versionsText() const {
    QStringList parts;
    for (const auto& [list, version] : watchlistVersions)
        parts << QStringLiteral("%1:%2").arg(list).arg(version);
    return parts.join(QLatin1Char(','));
}

QJsonObject ScreeningOutcome::toJson() const {
    QJsonArray cands, notes;
    for (const ScreeningCandidate& c : candidates)
        cands.append(c.toJson());
    for (const ProbeNote& n : probes)
        notes.append(QJsonObject{{"slot", n.slot}, {"used", n.used}, {"detail", n.detail}});
    QJsonObject versions;
    for (const auto& [list, version] : watchlistVersions)
        versions.insert(list, double(version));
    return QJsonObject{{"band", toKey(band)},
                       {"candidates", cands},
                       {"probes", notes},
                       {"watchlist_versions", versions},
                       {"fingerprints_screened", fingerprintsScreened},
                       {"irises_screened", irisesScreened},
                       {"finger_comparisons", double(fingerComparisons)},
                       {"iris_comparisons", double(irisComparisons)},
                       {"timings_ms", QJsonObject{{"biographic", timings.biographicMs},
                                                  {"finger_prepare", timings.fingerPrepareMs},
                                                  {"finger_search", timings.fingerSearchMs},
                                                  {"finger_verify", timings.fingerVerifyMs},
                                                  {"iris_prepare", timings.irisPrepareMs},
                                                  {"iris_search", timings.irisSearchMs},
                                                  {"total", timings.totalMs}}}};
}

std::shared_ptr<const ScreeningEngine> ScreeningEngine::build(storage::StationStore& store, const ScreeningSettings& settings,
                                                              const BiometricBackends& backends) {
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<ScreeningEngine> e(new ScreeningEngine());
    e->settings_ = settings;
    storage::WatchlistRepository repo = store.watchlist();
    e->versions_ = repo.listVersions();
    repo.forEachEntry([&](const storage::StoredWatchlistEntry& s) {
        const int index = int(e->people_.size());
        e->people_.push_back({s.ref, s.listId, s.entry.id, s.entry.category, s.entry.severity, s.entry.handlingInstructions});
        e->byRef_[s.ref] = index;
        e->biographic_.add(index, BiographicRecord::fromEntry(s.entry));
    });
    e->biographic_.build();
    if (backends.fingerprint)
        e->finger_ = backends.fingerprint(repo, settings);
    if (backends.iris)
        e->iris_ = backends.iris(repo, settings);
    e->buildMs_ = msSince(timer);
    return e;
}

std::size_t ScreeningEngine::memoryBytes() const {
    std::size_t bytes = biographic_.memoryBytes() + people_.capacity() * sizeof(ListedPerson) + byRef_.size() * 32;
    if (finger_)
        bytes += finger_->memoryBytes();
    if (iris_)
        bytes += iris_->memoryBytes();
    return bytes;
}

ScreeningOutcome ScreeningEngine::screen(const Traveler& traveler, const std::vector<Capture>& captures,
                                         const SampleSource& source) const {
    QElapsedTimer total;
    total.start();
    ScreeningOutcome out;
    out.watchlistVersions = versions_;
    std::vector<Capture> fingers, irises;
    for (const Capture& c : captures)
        (c.modality == Modality::Finger ? fingers : irises).push_back(c);

    // Irises on another thread while the fingers are searched here (the fingerprint
    // verification reads storage, which belongs to this thread).
    std::future<IrisSearchResult> irisFuture;
    if (iris_ && !irises.empty())
        irisFuture = std::async(std::launch::async, [&] { return iris_->search(irises, settings_.maxCandidates * 2); });

    QElapsedTimer t;
    t.start();
    BiographicSearchOptions bo;
    bo.maxCandidates = settings_.maxCandidates * 2;
    bo.minScore = settings_.biographicReport;
    const std::vector<BiographicCandidate> bio = biographic_.search(BiographicProbe::fromTraveler(traveler), bo);
    out.timings.biographicMs = msSince(t);

    FingerSearchResult fr;
    if (finger_ && !fingers.empty()) {
        fr = finger_->search(fingers, settings_.maxCandidates * 2, source);
        out.fingerprintsScreened = std::any_of(fr.probes.begin(), fr.probes.end(), [](const ProbeNote& n) { return n.used; });
        out.fingerComparisons = fr.comparisons;
        out.timings.fingerPrepareMs = fr.prepareMs;
        out.timings.fingerSearchMs = fr.searchMs;
        out.timings.fingerVerifyMs = fr.verifyMs;
        out.probes.insert(out.probes.end(), fr.probes.begin(), fr.probes.end());
    } else {
        for (const Capture& c : fingers)
            out.probes.push_back({c.slotKey(), false, QStringLiteral("no fingerprints on the watchlist")});
    }
    IrisSearchResult ir;
    if (irisFuture.valid()) {
        ir = irisFuture.get();
        out.irisesScreened = std::any_of(ir.probes.begin(), ir.probes.end(), [](const ProbeNote& n) { return n.used; });
        out.irisComparisons = ir.comparisons;
        out.timings.irisPrepareMs = ir.prepareMs;
        out.timings.irisSearchMs = ir.searchMs;
        out.probes.insert(out.probes.end(), ir.probes.begin(), ir.probes.end());
    } else {
        for (const Capture& c : irises)
            out.probes.push_back({c.slotKey(), false, QStringLiteral("no irises on the watchlist")});
    }

    // One candidate per listed person, with every kind of evidence found about them.
    std::unordered_map<int, ScreeningCandidate> merged;
    auto at = [&](int index) -> ScreeningCandidate& {
        auto [it, inserted] = merged.try_emplace(index);
        if (inserted)
            it->second.person = people_[std::size_t(index)];
        return it->second;
    };
    for (const BiographicCandidate& b : bio)
        at(b.entry).biographic = b.comparison;
    for (const FingerCandidate& f : fr.candidates)
        if (const auto it = byRef_.find(f.entryRef); it != byRef_.end())
            at(it->second).finger = f;
    for (const IrisCandidate& i : ir.candidates)
        if (const auto it = byRef_.find(i.entryRef); it != byRef_.end())
            at(it->second).iris = i;
    // A person found biometrically also gets their biographic comparison, whatever its score:
    // the supervisor needs to see that the names differ too.
    const BiographicProbe probe = BiographicProbe::fromTraveler(traveler);
    for (auto& [index, c] : merged)
        if (!c.biographic)
            c.biographic = compareBiographic(probe, biographic_.record(index));
    for (auto& [index, c] : merged) {
        decide(c, settings_);
        // Keep what reached a band, and biographic near misses (shown as considered).
        if (c.band != Band::Green || (c.biographic && c.biographic->score >= settings_.biographicReport))
            out.candidates.push_back(std::move(c));
    }
    std::sort(out.candidates.begin(), out.candidates.end(), strongerCandidate);
    if (int(out.candidates.size()) > settings_.maxCandidates)
        out.candidates.resize(std::size_t(settings_.maxCandidates));
    out.band = Band::Green;
    for (const ScreeningCandidate& c : out.candidates)
        if (c.band == Band::Red || (c.band == Band::Yellow && out.band == Band::Green))
            out.band = c.band;
    out.timings.totalMs = msSince(total);
    return out;
}

} // namespace umbral::screening
