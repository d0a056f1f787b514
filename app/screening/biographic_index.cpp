#include "app/screening/biographic_index.h"

#include "app/screening/string_similarity.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace umbral::screening {

namespace {
std::uint64_t keyHash(char kind, std::string_view text) {
    // FNV-1a over a one-letter kind prefix and the text: cheap, and collisions only cost a
    // wasted similarity check, never a missed match.
    std::uint64_t h = 1469598103934665603ULL;
    auto mix = [&](unsigned char c) {
        h ^= c;
        h *= 1099511628211ULL;
    };
    mix(static_cast<unsigned char>(kind));
    for (char c : text)
        mix(static_cast<unsigned char>(c));
    return h;
}

NameToken bareToken(const std::string& text, bool surname) {
    NameToken t;
    t.text = text;
    t.folded = foldTransliterationVariants(text);
    t.phonetic = phoneticKey(t.folded);
    t.surname = surname;
    return t;
}
} // namespace

std::vector<std::uint64_t> blockingKeys(const NameToken& token) {
    std::vector<std::uint64_t> keys;
    keys.push_back(keyHash('T', token.text));
    keys.push_back(keyHash('F', token.folded));
    if (token.phonetic.size() >= 2)
        keys.push_back(keyHash('P', token.phonetic));
    if (token.folded.size() >= 4) {
        keys.push_back(keyHash('D', token.folded));
        std::string del;
        for (std::size_t i = 0; i < token.folded.size(); ++i) {
            if (i > 0 && token.folded[i] == token.folded[i - 1])
                continue; // deleting either letter of a double gives the same string
            del = token.folded;
            del.erase(i, 1);
            keys.push_back(keyHash('D', del));
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

int BiographicIndex::intern(const NameToken& token, int entry) {
    auto [it, inserted] = vocabularyIds_.try_emplace(token.text, int(vocabulary_.size()));
    if (inserted) {
        vocabulary_.push_back({bareToken(token.text, token.surname), 0.0f});
        postings_.emplace_back();
    }
    std::vector<int>& p = postings_[std::size_t(it->second)];
    if (p.empty() || p.back() != entry)
        p.push_back(entry);
    return it->second;
}

void BiographicIndex::add(int entry, BiographicRecord record) {
    if (entry != int(records_.size()))
        throw std::invalid_argument("BiographicIndex::add: entries must be added in index order");
    for (const NormalizedName& name : record.names)
        for (const NameToken& t : name.tokens) {
            intern(t, entry);
            if (!t.glued.empty())
                intern(bareToken(t.glued, t.surname), entry);
        }
    for (const BiographicRecord::Document& d : record.documents)
        documents_[d.number.toStdString()].push_back(entry);
    records_.push_back(std::move(record));
    built_ = false;
}

void BiographicIndex::addKeys(int id) {
    for (std::uint64_t k : blockingKeys(vocabulary_[std::size_t(id)].token))
        blocking_[k].push_back(id);
}

void BiographicIndex::build() {
    blocking_.clear();
    const double n = std::max<double>(1.0, double(records_.size()));
    for (std::size_t id = 0; id < vocabulary_.size(); ++id) {
        // Postings are appended in entry order, so they are sorted; an entry with the same token
        // twice (alias) was de-duplicated on insertion.
        vocabulary_[id].weight = float(std::log(1.0 + n / double(std::max<std::size_t>(1, postings_[id].size()))));
        addKeys(int(id));
    }
    built_ = true;
}

std::vector<BiographicCandidate> BiographicIndex::search(const BiographicProbe& probe,
                                                         const BiographicSearchOptions& options) const {
    if (!built_)
        throw std::logic_error("BiographicIndex::search before build()");
    // 1. Vote: each traveler token adds, to every person holding a similar vocabulary token,
    //    similarity x rarity (the best such token per traveler token and person counts once).
    std::vector<float> votes(records_.size(), 0.0f);
    std::vector<int> touched;
    std::vector<float> best(records_.size(), 0.0f);
    std::vector<int> seen;
    std::vector<int> vocabHits;
    for (const NameToken& pt : probe.name.tokens) {
        if (pt.text.size() < 2)
            continue; // initials vote for half the list
        std::vector<NameToken> forms{pt};
        if (!pt.glued.empty())
            forms.push_back(bareToken(pt.glued, pt.surname));
        vocabHits.clear();
        for (const NameToken& form : forms)
            for (std::uint64_t k : blockingKeys(form)) {
                const auto it = blocking_.find(k);
                if (it != blocking_.end())
                    vocabHits.insert(vocabHits.end(), it->second.begin(), it->second.end());
            }
        std::sort(vocabHits.begin(), vocabHits.end());
        vocabHits.erase(std::unique(vocabHits.begin(), vocabHits.end()), vocabHits.end());
        seen.clear();
        for (int id : vocabHits) {
            const VocabularyToken& v = vocabulary_[std::size_t(id)];
            double s = 0.0;
            for (const NameToken& form : forms)
                s = std::max(s, compareTokens(form, v.token).similarity);
            if (s < kMinTokenSimilarity)
                continue;
            const float vote = float(s) * v.weight;
            for (int e : postings_[std::size_t(id)]) {
                if (best[std::size_t(e)] == 0.0f)
                    seen.push_back(e);
                best[std::size_t(e)] = std::max(best[std::size_t(e)], vote);
            }
        }
        for (int e : seen) {
            if (votes[std::size_t(e)] == 0.0f)
                touched.push_back(e);
            votes[std::size_t(e)] += best[std::size_t(e)];
            best[std::size_t(e)] = 0.0f;
        }
    }
    // 2. Shortlist: the best-voted people, plus every holder of the traveler's document number.
    std::vector<int> shortlist = touched;
    const std::size_t keep = std::size_t(std::max(1, options.shortlist));
    if (shortlist.size() > keep) {
        std::nth_element(shortlist.begin(), shortlist.begin() + std::ptrdiff_t(keep), shortlist.end(),
                         [&](int a, int b) { return votes[std::size_t(a)] > votes[std::size_t(b)]; });
        shortlist.resize(keep);
    }
    if (!probe.documentNumber.isEmpty()) {
        const auto it = documents_.find(probe.documentNumber.toStdString());
        if (it != documents_.end())
            shortlist.insert(shortlist.end(), it->second.begin(), it->second.end());
    }
    std::sort(shortlist.begin(), shortlist.end());
    shortlist.erase(std::unique(shortlist.begin(), shortlist.end()), shortlist.end());

    // 3. The full comparison with breakdown.
    std::vector<BiographicCandidate> out;
    for (int e : shortlist) {
        BiographicComparison c = compareBiographic(probe, records_[std::size_t(e)], options.weights);
        if (c.documentMatch || c.score >= options.minScore)
            out.push_back({e, std::move(c)});
    }
    std::sort(out.begin(), out.end(), [](const BiographicCandidate& a, const BiographicCandidate& b) {
        if (a.comparison.score != b.comparison.score)
            return a.comparison.score > b.comparison.score;
        if (a.comparison.documentMatch != b.comparison.documentMatch)
            return a.comparison.documentMatch;
        return a.entry < b.entry;
    });
    if (int(out.size()) > options.maxCandidates) {
        // Never cut off a document match.
        auto cut = out.begin() + options.maxCandidates;
        std::stable_partition(cut, out.end(), [](const BiographicCandidate& c) { return c.comparison.documentMatch; });
        out.erase(std::find_if(cut, out.end(), [](const BiographicCandidate& c) { return !c.comparison.documentMatch; }),
                  out.end());
    }
    return out;
}

std::size_t BiographicIndex::memoryBytes() const {
    std::size_t bytes = records_.capacity() * sizeof(BiographicRecord);
    for (const BiographicRecord& r : records_) {
        bytes += r.names.capacity() * sizeof(NormalizedName) + r.documents.capacity() * sizeof(BiographicRecord::Document);
        for (const NormalizedName& n : r.names) {
            bytes += n.tokens.capacity() * sizeof(NameToken);
            for (const NameToken& t : n.tokens)
                bytes += t.text.capacity() + t.folded.capacity() + t.phonetic.capacity() + t.glued.capacity();
        }
    }
    bytes += vocabulary_.capacity() * sizeof(VocabularyToken);
    for (const auto& p : postings_)
        bytes += p.capacity() * sizeof(int) + sizeof(p);
    for (const auto& [k, v] : blocking_)
        bytes += sizeof(k) + sizeof(v) + v.capacity() * sizeof(int) + 16;
    bytes += vocabularyIds_.size() * (sizeof(std::string) + 32);
    return bytes;
}

} // namespace umbral::screening
