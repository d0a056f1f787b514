#pragma once

// An in-memory index of the listed people's biographic data for fast fuzzy search.
//
// A full comparison with every listed person would cost about 100 ms per traveler on a
// 100 000-entry list. Instead the index keeps the vocabulary of distinct name tokens and, for
// each, the people whose names contain it (postings). A traveler's token finds the vocabulary
// tokens it may match through blocking keys: the exact spelling, the folded spelling, the
// phonetic key and every one-letter deletion of the folded spelling (the symmetric-deletion
// trick: two strings one edit apart share a deletion). Those are confirmed with the real token
// similarity, their postings vote for people weighted by how rare the token is, and only the
// best-voted people (plus anyone holding the traveler's document number) get the full
// comparison with the per-field breakdown.

#include "app/screening/biographic_matcher.h"

#include <QHash>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace umbral::screening {

struct BiographicSearchOptions {
    int maxCandidates = 10;      ///< best results returned
    int shortlist = 256;         ///< people given the full comparison after the vote
    double minScore = 0.70;      ///< results below this score are dropped (document matches never)
    BiographicWeights weights;
};

struct BiographicCandidate {
    int entry = 0; ///< the index given to add()
    BiographicComparison comparison;
};

class BiographicIndex {
public:
    /// Adds a listed person under a dense index (0, 1, 2, ...) chosen by the caller.
    void add(int entry, BiographicRecord record);
    /// Builds the vocabulary, postings and blocking keys. Call once after the last add().
    void build();

    /// The best candidates, score descending (document matches first among equals).
    /// Thread-safe after build().
    std::vector<BiographicCandidate> search(const BiographicProbe& probe,
                                            const BiographicSearchOptions& options) const;

    int size() const { return int(records_.size()); }
    int vocabularySize() const { return int(vocabulary_.size()); }
    const BiographicRecord& record(int entry) const { return records_[std::size_t(entry)]; }
    /// Approximate heap bytes held (records, vocabulary, postings, keys).
    std::size_t memoryBytes() const;

private:
    struct VocabularyToken {
        NameToken token; ///< `glued` empty: a vocabulary token stands for itself
        float weight = 0; ///< inverse document frequency
    };
    int intern(const NameToken& token, int entry);
    void addKeys(int vocabularyId);

    std::vector<BiographicRecord> records_;
    std::vector<VocabularyToken> vocabulary_;
    std::vector<std::vector<int>> postings_; ///< per vocabulary token: entries, ascending, unique
    std::unordered_map<std::string, int> vocabularyIds_;
    std::unordered_map<std::uint64_t, std::vector<int>> blocking_; ///< key hash -> vocabulary ids
    std::unordered_map<std::string, std::vector<int>> documents_;  ///< number -> entries
    bool built_ = false;
};

/// The blocking keys of a token (exposed for tests): hashes of the spelling, folded spelling,
/// phonetic key and one-letter deletions of the folded spelling.
std::vector<std::uint64_t> blockingKeys(const NameToken& token);

} // namespace umbral::screening
