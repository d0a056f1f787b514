#include "app/screening/finger_gallery.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/matching/cylinder_code.h"
#include "app/biometrics/fingerprint/minutiae/iso19794_2.h"
#include "app/screening/false_match_rates.h"

#include <QElapsedTimer>
#include <algorithm>
#include <atomic>
#include <iterator>
#include <map>
#include <optional>
#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <random>
#include <thread>
#include <unordered_map>

namespace umbral::screening {

namespace {
using biometrics::FingerMatchTemplate;

// Runs work(i) for i in [0, n) on `threads` threads, handing out indices one at a time.
template <typename F> void parallelFor(std::size_t n, unsigned threads, F&& work) {
    if (n == 0)
        return;
    threads = std::max(1u, std::min<unsigned>(threads, unsigned(n)));
    std::atomic<std::size_t> next{0};
    auto run = [&] {
        for (std::size_t i = next++; i < n; i = next++)
            work(i);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(run);
    run();
    for (auto& t : pool)
        t.join();
}

// The order in which a listed person's fingers stand in for the configured ones.
const std::vector<FingerPosition>& fallbackOrder() {
    static const std::vector<FingerPosition> order{
        FingerPosition::RightIndex, FingerPosition::LeftIndex, FingerPosition::RightThumb, FingerPosition::LeftThumb,
        FingerPosition::RightMiddle, FingerPosition::LeftMiddle, FingerPosition::RightRing, FingerPosition::LeftRing,
        FingerPosition::RightLittle, FingerPosition::LeftLittle};
    return order;
}

// Per listed person: the best comparison of each probe finger and how many it was the best of.
struct Best {
    FingerComparisonEvidence evidence;
    int count = 0;
};

FingerCandidate fuse(qint64 ref, const std::map<int, Best>& perProbe, const MccFingerprintGallery& gallery) {
    FingerCandidate c;
    c.entryRef = ref;
    std::vector<double> rates;
    for (const auto& [probe, b] : perProbe) {
        FingerComparisonEvidence e = b.evidence;
        e.comparisons = b.count;
        e.rate = bestOfRate(gallery.impostorTail(e.listed).fingerRate(e.score), b.count);
        rates.push_back(e.rate);
        c.comparisons.push_back(e);
    }
    c.fusedRate = fuseFalseMatchRates(rates);
    std::sort(c.comparisons.begin(), c.comparisons.end(),
              [](const FingerComparisonEvidence& a, const FingerComparisonEvidence& b) { return a.score > b.score; });
    return c;
}

void offer(std::map<int, Best>& perProbe, int probe, const FingerComparisonEvidence& e) {
    Best& b = perProbe[probe];
    ++b.count;
    if (b.count == 1 || e.score > b.evidence.score)
        b.evidence = e;
}

double msSince(const QElapsedTimer& t) { return double(t.nsecsElapsed()) / 1e6; }
} // namespace

FingerMatchTemplate fingerTemplateFromIso(const QByteArray& record) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(record.constData());
    const auto iso = biometrics::readFingerMinutiaeRecord(std::span<const std::uint8_t>(p, std::size_t(record.size())));
    return FingerMatchTemplate(biometrics::minutiaeAt500Ppi(iso));
}

MccFingerprintGallery::MccFingerprintGallery(Options options) : options_(std::move(options)) {}

unsigned MccFingerprintGallery::threads() const {
    return options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
}

std::vector<FingerPosition> MccFingerprintGallery::choosePositions(const std::vector<FingerPosition>& onFile) const {
    auto has = [&](FingerPosition p) { return std::find(onFile.begin(), onFile.end(), p) != onFile.end(); };
    std::vector<FingerPosition> chosen;
    for (FingerPosition p : options_.positions)
        if (has(p))
            chosen.push_back(p);
    if (chosen.empty()) {
        // Nobody on file at the configured positions: two other fingers stand in.
        for (FingerPosition p : fallbackOrder())
            if (chosen.size() < 2 && has(p))
                chosen.push_back(p);
    }
    return chosen;
}

void MccFingerprintGallery::addPerson(qint64 ref, const std::vector<std::pair<FingerPosition, FingerMatchTemplate>>& fingers) {
    std::vector<FingerPosition> onFile;
    for (const auto& f : fingers)
        onFile.push_back(f.first);
    const std::vector<FingerPosition> chosen = choosePositions(onFile);
    for (const auto& [position, finger] : fingers) {
        const bool unknown = !isSingleFinger(position);
        if (!unknown && std::find(chosen.begin(), chosen.end(), position) == chosen.end())
            continue;
        const int group = unknown ? 0 : int(position);
        galleries_[std::size_t(group)].add(std::uint64_t(ref), finger);
        int& m = multiplicity_[ref * 16 + group];
        m = m == 0 ? 1 : m + 1;
        const auto& c = finger.cylinders();
        encodedBytes_ += sizeof(c) + c.cells.capacity() * 8 + c.valid.capacity() * 8 +
                         (c.x.capacity() + c.y.capacity() + c.direction.capacity()) * 4 +
                         std::size_t(finger.minutiaCount()) * 32; // the 1:N screening codes
    }
}

std::unique_ptr<MccFingerprintGallery> MccFingerprintGallery::load(const storage::WatchlistRepository& repo, Options options) {
    auto gallery = std::make_unique<MccFingerprintGallery>(std::move(options));
    // Samples arrive in entry order: gather one person's, then choose. Parsing and encoding run
    // in parallel over batches of people.
    struct Person {
        qint64 ref;
        std::vector<std::pair<FingerPosition, QByteArray>> records;
    };
    std::vector<Person> batch;
    // A fixed-seed reservoir sample of every stored finger (all positions) for the impostor
    // calibration, chosen over the records in storage order so the same list gives the same
    // sample.
    constexpr std::size_t kReservoir = 600;
    std::vector<std::optional<SampledFinger>> reservoir(kReservoir);
    std::mt19937_64 rng(0x494D504F53544552ull); // "IMPOSTER"
    std::uint64_t seen = 0;
    constexpr std::size_t kNotSampled = std::size_t(-1);
    auto flush = [&] {
        // Only the records the gallery holds (or the sample takes) are parsed and encoded: the
        // other fingers are read from storage when someone is verified on every finger. For a
        // list of ten-prints that is a fifth of the work.
        std::vector<std::vector<std::size_t>> slot(batch.size());
        std::vector<std::vector<char>> inGallery(batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            std::vector<FingerPosition> onFile;
            for (const auto& r : batch[i].records)
                onFile.push_back(r.first);
            const std::vector<FingerPosition> chosen = gallery->choosePositions(onFile);
            for (const auto& r : batch[i].records) {
                const std::uint64_t k = seen < kReservoir ? seen : rng() % (seen + 1);
                ++seen;
                slot[i].push_back(k < kReservoir ? std::size_t(k) : kNotSampled);
                inGallery[i].push_back(!isSingleFinger(r.first) || std::find(chosen.begin(), chosen.end(), r.first) != chosen.end());
            }
        }
        std::vector<std::vector<std::optional<FingerMatchTemplate>>> built(batch.size());
        parallelFor(batch.size(), gallery->threads(), [&](std::size_t i) {
            built[i].resize(batch[i].records.size());
            for (std::size_t r = 0; r < batch[i].records.size(); ++r) {
                if (!inGallery[i][r] && slot[i][r] == kNotSampled)
                    continue;
                try {
                    built[i][r] = fingerTemplateFromIso(batch[i].records[r].second);
                } catch (const biometrics::BiometricError&) {
                    // Checked at import; a record that fails now is left out rather than stopping screening.
                }
            }
        });
        for (std::size_t i = 0; i < batch.size(); ++i) {
            std::vector<std::pair<FingerPosition, FingerMatchTemplate>> fingers;
            for (std::size_t r = 0; r < batch[i].records.size(); ++r) {
                if (!built[i][r])
                    continue;
                const FingerPosition pos = batch[i].records[r].first;
                if (inGallery[i][r])
                    fingers.emplace_back(pos, *built[i][r]);
                if (slot[i][r] != kNotSampled)
                    reservoir[slot[i][r]] = SampledFinger{batch[i].ref, pos, *built[i][r]};
            }
            gallery->addPerson(batch[i].ref, fingers);
        }
        batch.clear();
    };
    repo.forEachSample(false, storage::WatchlistSampleFormat::Iso19794_2, [&](const storage::WatchlistSample& s) {
        if (batch.empty() || batch.back().ref != s.entryRef) {
            if (batch.size() >= 2048)
                flush();
            batch.push_back({s.entryRef, {}});
        }
        batch.back().records.emplace_back(static_cast<FingerPosition>(s.position), s.data);
    });
    flush();
    std::vector<SampledFinger> sample;
    for (auto& f : reservoir)
        if (f)
            sample.push_back(std::move(*f));
    gallery->calibrate(sample);
    return gallery;
}

const ImpostorScoreTail& MccFingerprintGallery::impostorTail(FingerPosition listed) const {
    const ImpostorScoreTail& g = groupImpostors_[isSingleFinger(listed) ? std::size_t(listed) : 0];
    return g.measured() ? g : impostors_;
}

void MccFingerprintGallery::calibrate(const std::vector<SampledFinger>& sample) {
    // Pairs of different people, the same position (or an unknown one) first: that is what a
    // traveler's finger meets in the gallery. A list of a few people has too few of those, and
    // then fingers of different positions stand in (still impostors, somewhat less alike).
    std::vector<std::pair<std::size_t, std::size_t>> same, other;
    for (std::size_t a = 0; a < sample.size(); ++a)
        for (std::size_t b = a + 1; b < sample.size(); ++b) {
            if (sample[a].ref == sample[b].ref)
                continue;
            const bool comparable = sample[a].position == sample[b].position || !isSingleFinger(sample[a].position) ||
                                    !isSingleFinger(sample[b].position);
            (comparable ? same : other).emplace_back(a, b);
        }
    const std::size_t wanted = std::size_t(std::max(0, options_.impostorPairs));
    std::vector<std::pair<std::size_t, std::size_t>> pairs = same;
    if (pairs.size() < std::size_t(4 * ImpostorScoreTail::kMinPairs))
        pairs.insert(pairs.end(), other.begin(), other.end());
    std::mt19937_64 rng(0x43414C4942ull); // "CALIB": the same gallery gives the same rates
    std::shuffle(pairs.begin(), pairs.end(), rng);
    if (pairs.size() > wanted)
        pairs.resize(wanted);
    std::vector<double> scores(pairs.size());
    parallelFor(pairs.size(), threads(), [&](std::size_t i) {
        scores[i] = biometrics::compareFingers(sample[pairs[i].first].finger, sample[pairs[i].second].finger).score;
    });
    // Per gallery group: the pairs with a finger of that group (a list may mix populations by
    // position, e.g. prints of unknown position from one source and ten-prints from another).
    std::array<std::vector<double>, 11> byGroup;
    auto group = [](FingerPosition p) { return isSingleFinger(p) ? std::size_t(p) : std::size_t(0); };
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const std::size_t ga = group(sample[pairs[i].first].position), gb = group(sample[pairs[i].second].position);
        byGroup[ga].push_back(scores[i]);
        if (gb != ga)
            byGroup[gb].push_back(scores[i]);
    }
    for (std::size_t g = 0; g < byGroup.size(); ++g)
        groupImpostors_[g] = ImpostorScoreTail(std::move(byGroup[g]));
    impostors_ = ImpostorScoreTail(std::move(scores));
}

std::size_t MccFingerprintGallery::templateCount() const {
    std::size_t n = 0;
    for (const auto& g : galleries_)
        n += g.size();
    return n;
}

std::size_t MccFingerprintGallery::memoryBytes() const {
    return encodedBytes_ + multiplicity_.size() * 32;
}

QString MccFingerprintGallery::description() const {
    QStringList positions;
    for (FingerPosition p : options_.positions)
        positions << toKey(p);
    const QString impostors = impostors_.measured()
        ? QStringLiteral("impostor scores of the list measured on %1 pairs (median %2, tail %3 points per decade)")
              .arg(impostors_.pairs()).arg(impostors_.median(), 0, 'f', 1).arg(impostors_.scorePerDecade(), 0, 'f', 1)
        : QStringLiteral("too few people to measure the list's impostor scores: the matcher's calibration alone");
    return QStringLiteral("Minutia Cylinder-Code 1:N gallery, positions %1, %2 templates, verification of %3 people on every finger; %4")
        .arg(positions.join(QLatin1Char(','))).arg(templateCount()).arg(options_.shortlist).arg(impostors);
}

std::vector<MccFingerprintGallery::Probe> MccFingerprintGallery::prepare(const std::vector<Capture>& fingers,
                                                                         std::vector<ProbeNote>& notes) const {
    std::vector<const Capture*> usable;
    for (const Capture& c : fingers) {
        if (c.modality != Modality::Finger)
            continue;
        if (c.isException()) {
            notes.push_back({c.slotKey(), false, QStringLiteral("exception: %1").arg(toKey(c.exception))});
        } else if (isSlap(c.finger)) {
            notes.push_back({c.slotKey(), false, QStringLiteral("slap image: screened through its segmented fingers")});
        } else if (c.image.isEmpty()) {
            notes.push_back({c.slotKey(), false, QStringLiteral("no image")});
        } else {
            usable.push_back(&c);
        }
    }
    std::vector<std::optional<Probe>> built(usable.size());
    std::vector<QString> why(usable.size());
    parallelFor(usable.size(), threads(), [&](std::size_t i) {
        const Capture& c = *usable[i];
        try {
            const cv::Mat img = cv::imdecode(cv::Mat(1, int(c.image.size()), CV_8U, const_cast<char*>(c.image.constData())),
                                             cv::IMREAD_UNCHANGED);
            biometrics::MinutiaeExtractionOptions o;
            o.ppi = c.ppi > 0 ? c.ppi : 500;
            biometrics::requireGrey8(img, "fingerprint");
            const auto ex = biometrics::extractMinutiae(img, o);
            FingerMatchTemplate t(ex.minutiae);
            if (!t.unusableReason().empty())
                why[i] = QString::fromStdString(t.unusableReason());
            else
                built[i] = Probe{c.finger, std::move(t)};
        } catch (const biometrics::BiometricError& e) {
            why[i] = QString::fromUtf8(e.what());
        } catch (const cv::Exception&) {
            why[i] = QStringLiteral("the image does not decode");
        }
    });
    std::vector<Probe> probes;
    for (std::size_t i = 0; i < usable.size(); ++i) {
        if (built[i]) {
            notes.push_back({usable[i]->slotKey(), true, QStringLiteral("%1 minutiae").arg(built[i]->finger.minutiaCount())});
            probes.push_back(std::move(*built[i]));
        } else {
            notes.push_back({usable[i]->slotKey(), false, why[i]});
        }
    }
    return probes;
}

FingerSearchResult MccFingerprintGallery::search(const std::vector<Capture>& fingers, int maxCandidates,
                                                 const SampleSource& source) const {
    // The gallery holds only the configured positions (and unknown ones): the other fingers are
    // needed only to verify someone the gallery search found close enough, which is rare, so
    // they are extracted only then.
    QElapsedTimer t;
    t.start();
    std::vector<Capture> early, late;
    for (const Capture& c : fingers) {
        const bool galleryFinger = !isSingleFinger(c.finger) ||
                                   std::find(options_.positions.begin(), options_.positions.end(), c.finger) != options_.positions.end();
        (galleryFinger ? early : late).push_back(c);
    }
    std::vector<ProbeNote> notes;
    std::vector<Probe> probes = prepare(early, notes);
    if (probes.empty()) { // none of the gallery's fingers usable: every finger, across positions
        probes = prepare(late, notes);
        late.clear();
    }
    FingerSearchResult r;
    r.prepareMs = msSince(t);
    stageOne(probes, maxCandidates, r);
    const auto shortlisted = r.candidates.begin() + std::min<std::ptrdiff_t>(std::ptrdiff_t(r.candidates.size()), options_.shortlist);
    const bool verifying = source && std::any_of(r.candidates.begin(), shortlisted, [&](const FingerCandidate& c) {
        return c.fusedRate <= options_.verifyRate;
    });
    if (verifying && !late.empty()) {
        t.restart();
        std::vector<Probe> more = prepare(late, notes);
        std::move(more.begin(), more.end(), std::back_inserter(probes));
        r.prepareMs += msSince(t);
    } else {
        for (const Capture& c : late)
            if (c.modality == Modality::Finger)
                notes.push_back({c.slotKey(), false, QStringLiteral("not needed: nobody came close enough in the gallery search to be verified on every finger")});
    }
    verify(probes, maxCandidates, source, r);
    r.probes = std::move(notes);
    return r;
}

FingerSearchResult MccFingerprintGallery::searchPrepared(const std::vector<Probe>& probes, int maxCandidates,
                                                         const SampleSource& source) const {
    FingerSearchResult r;
    stageOne(probes, maxCandidates, r);
    verify(probes, maxCandidates, source, r);
    return r;
}

void MccFingerprintGallery::stageOne(const std::vector<Probe>& probes, int maxCandidates, FingerSearchResult& result) const {
    QElapsedTimer timer;
    timer.start();
    if (probes.empty())
        return;
    // Which gallery groups each probe finger meets.
    const bool fallback = std::none_of(probes.begin(), probes.end(), [&](const Probe& p) {
        return std::find(options_.positions.begin(), options_.positions.end(), p.position) != options_.positions.end();
    });
    // One 1:N search per traveler finger and gallery it meets; each search runs on all cores.
    std::unordered_map<qint64, std::map<int, Best>> people;
    biometrics::GallerySearchOptions go = options_.gallery;
    go.maxCandidates = std::size_t(std::max(options_.perFinger, maxCandidates));
    go.threads = threads();
    for (int p = 0; p < int(probes.size()); ++p) {
        const int pos = isSingleFinger(probes[std::size_t(p)].position) ? int(probes[std::size_t(p)].position) : 0;
        for (int g = 0; g <= 10; ++g) {
            const bool same = pos != 0 && g == pos;
            const bool any = g == 0 || pos == 0 || fallback;
            const auto& gallery = galleries_[std::size_t(g)];
            if ((!same && !any) || gallery.size() == 0)
                continue;
            result.comparisons += qint64(gallery.size());
            for (const biometrics::GalleryCandidate& c : gallery.search(probes[std::size_t(p)].finger, go)) {
                const qint64 ref = qint64(c.key);
                FingerComparisonEvidence e;
                e.probe = probes[std::size_t(p)].position;
                e.listed = static_cast<FingerPosition>(g);
                e.score = c.score;
                e.anyFinger = !same;
                Best& b = people[ref][p];
                // The person's best of their templates in this gallery; corrected for all of them.
                if (b.count == 0 || e.score > b.evidence.score)
                    b.evidence = e;
                const auto m = multiplicity_.find(ref * 16 + g);
                b.count = std::max(b.count, m == multiplicity_.end() ? 1 : m->second);
            }
        }
    }
    std::vector<FingerCandidate> stage1;
    stage1.reserve(people.size());
    for (const auto& [ref, perProbe] : people)
        stage1.push_back(fuse(ref, perProbe, *this));
    auto byRate = [](const FingerCandidate& a, const FingerCandidate& b) {
        return a.fusedRate != b.fusedRate ? a.fusedRate < b.fusedRate : a.entryRef < b.entryRef;
    };
    const std::size_t keep = std::min(stage1.size(), std::size_t(std::max(options_.shortlist, maxCandidates)));
    std::partial_sort(stage1.begin(), stage1.begin() + std::ptrdiff_t(keep), stage1.end(), byRate);
    stage1.resize(keep);
    result.candidates = std::move(stage1);
    result.searchMs = msSince(timer);
}

void MccFingerprintGallery::verify(const std::vector<Probe>& probes, int maxCandidates, const SampleSource& source,
                                   FingerSearchResult& result) const {
    QElapsedTimer timer;
    timer.start();
    std::vector<FingerCandidate>& stage1 = result.candidates;
    auto byRate = [](const FingerCandidate& a, const FingerCandidate& b) {
        return a.fusedRate != b.fusedRate ? a.fusedRate < b.fusedRate : a.entryRef < b.entryRef;
    };

    // Stage 2: every finger on file of the shortlisted people.
    if (source) {
        std::vector<std::vector<storage::WatchlistSample>> samples(stage1.size());
        for (std::size_t i = 0; i < stage1.size(); ++i)
            if (i < std::size_t(options_.shortlist) && stage1[i].fusedRate <= options_.verifyRate)
                samples[i] = source(stage1[i].entryRef); // storage: on this thread
        std::vector<qint64> counts(stage1.size(), 0);
        parallelFor(stage1.size(), threads(), [&](std::size_t i) {
            std::map<int, Best> perProbe;
            for (const storage::WatchlistSample& s : samples[i]) {
                if (s.iris || s.format != storage::WatchlistSampleFormat::Iso19794_2)
                    continue;
                FingerMatchTemplate listed;
                try {
                    listed = fingerTemplateFromIso(s.data);
                } catch (const biometrics::BiometricError&) {
                    continue;
                }
                const auto listedPos = static_cast<FingerPosition>(s.position);
                for (int p = 0; p < int(probes.size()); ++p) {
                    const FingerPosition probePos = probes[std::size_t(p)].position;
                    const bool any = !isSingleFinger(probePos) || !isSingleFinger(listedPos);
                    if (!any && probePos != listedPos)
                        continue;
                    const auto cmp = biometrics::compareFingers(probes[std::size_t(p)].finger, listed);
                    ++counts[i];
                    FingerComparisonEvidence e;
                    e.probe = probePos;
                    e.listed = listedPos;
                    e.score = cmp.score;
                    e.pairedMinutiae = cmp.pairedMinutiae;
                    e.anyFinger = any;
                    offer(perProbe, p, e);
                }
            }
            // A person whose stored templates no longer parse keeps the stage-1 evidence.
            if (!perProbe.empty())
                stage1[i] = fuse(stage1[i].entryRef, perProbe, *this);
        });
        for (qint64 c : counts)
            result.comparisons += c;
        std::sort(stage1.begin(), stage1.end(), byRate);
    }
    if (int(stage1.size()) > maxCandidates)
        stage1.resize(std::size_t(maxCandidates));
    result.verifyMs = msSince(timer);
}

} // namespace umbral::screening
