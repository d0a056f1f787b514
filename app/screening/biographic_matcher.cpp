#include "app/screening/biographic_matcher.h"

#include "app/core/travel_document.h"
#include "app/screening/string_similarity.h"

#include <QJsonArray>
#include <algorithm>

namespace umbral::screening {

QString toKey(TokenMatch m) {
    switch (m) {
    case TokenMatch::Exact: return QStringLiteral("exact");
    case TokenMatch::TransliterationVariant: return QStringLiteral("transliteration-variant");
    case TokenMatch::Glued: return QStringLiteral("particles-glued");
    case TokenMatch::JaroWinkler: return QStringLiteral("jaro-winkler");
    case TokenMatch::Phonetic: return QStringLiteral("phonetic");
    case TokenMatch::Initial: return QStringLiteral("initial");
    }
    return {};
}

QString toKey(FieldRelation r) {
    switch (r) {
    case FieldRelation::Unknown: return QStringLiteral("unknown");
    case FieldRelation::Same: return QStringLiteral("same");
    case FieldRelation::Different: return QStringLiteral("different");
    }
    return {};
}

TokenPair compareTokens(const NameToken& p, const NameToken& l) {
    TokenPair pair;
    pair.probe = p.text;
    pair.listed = l.text;
    pair.crossField = p.surname != l.surname;
    auto offer = [&](double s, TokenMatch m) {
        if (s > pair.similarity) {
            pair.similarity = s;
            pair.method = m;
        }
    };
    if (p.text == l.text) {
        offer(1.0, TokenMatch::Exact);
        return pair;
    }
    if (p.folded == l.folded)
        offer(0.97, TokenMatch::TransliterationVariant);
    if ((!p.glued.empty() && p.glued == l.text) || (!l.glued.empty() && l.glued == p.text) ||
        (!p.glued.empty() && p.glued == l.glued))
        offer(0.97, TokenMatch::Glued);
    if (pair.similarity >= 0.97)
        return pair;
    // An initial pairs with a name starting with that letter, and with nothing else.
    if (p.text.size() == 1 || l.text.size() == 1) {
        if (p.text.front() == l.text.front())
            offer(0.80, TokenMatch::Initial);
        return pair;
    }
    offer(std::max(jaroWinkler(p.text, l.text), jaroWinkler(p.folded, l.folded)), TokenMatch::JaroWinkler);
    // Same sound, spelled differently: as strong as a close spelling, never as an exact one.
    if (p.folded.size() >= 3 && l.folded.size() >= 3 && !p.phonetic.empty() && p.phonetic == l.phonetic)
        offer(0.90, TokenMatch::Phonetic);
    return pair;
}

NameComparison compareNames(const NormalizedName& probe, const NormalizedName& listed) {
    NameComparison result;
    result.listedName = listed.display();
    const int np = int(probe.tokens.size()), nl = int(listed.tokens.size());
    if (np == 0 || nl == 0) {
        result.unmatchedProbeTokens = np;
        result.unmatchedListedTokens = nl;
        return result;
    }
    // Every pair, then greedy one-to-one assignment by similarity (names have few tokens; the
    // greedy choice equals the optimum in all but contrived cases).
    std::vector<TokenPair> all;
    std::vector<std::pair<int, int>> index;
    all.reserve(std::size_t(np * nl));
    for (int i = 0; i < np; ++i)
        for (int j = 0; j < nl; ++j) {
            TokenPair t = compareTokens(probe.tokens[std::size_t(i)], listed.tokens[std::size_t(j)]);
            if (t.similarity >= kMinTokenSimilarity) {
                all.push_back(std::move(t));
                index.emplace_back(i, j);
            }
        }
    std::vector<int> order(all.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = int(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (all[std::size_t(a)].similarity != all[std::size_t(b)].similarity)
            return all[std::size_t(a)].similarity > all[std::size_t(b)].similarity;
        // Prefer pairs that keep surname with surname.
        return !all[std::size_t(a)].crossField && all[std::size_t(b)].crossField;
    });
    std::vector<bool> usedP(std::size_t(np), false), usedL(std::size_t(nl), false);
    double sum = 0.0;
    int crossing = 0;
    for (int k : order) {
        const auto [i, j] = index[std::size_t(k)];
        if (usedP[std::size_t(i)] || usedL[std::size_t(j)])
            continue;
        usedP[std::size_t(i)] = usedL[std::size_t(j)] = true;
        const TokenPair& t = all[std::size_t(k)];
        sum += t.similarity;
        crossing += t.crossField ? 1 : 0;
        if (probe.tokens[std::size_t(i)].surname)
            result.surnameMatched = true;
        result.pairs.push_back(t);
    }
    for (bool u : usedP)
        result.unmatchedProbeTokens += u ? 0 : 1;
    for (bool u : usedL)
        result.unmatchedListedTokens += u ? 0 : 1;
    const double coverShort = sum / double(std::min(np, nl));
    const double coverLong = sum / double(std::max(np, nl));
    result.score = 0.75 * coverShort + 0.25 * coverLong;
    // When either side does not know its surname, every token counts as surname: no penalty.
    const bool partsKnown = probe.partsKnown && listed.partsKnown;
    if (partsKnown && !result.surnameMatched)
        result.score *= 0.6;
    result.orderSwapped = partsKnown && !result.pairs.empty() && crossing * 2 > int(result.pairs.size());
    return result;
}

BiographicProbe BiographicProbe::fromTraveler(const Traveler& t) {
    BiographicProbe p;
    p.name = normalizeName(t.surname, t.givenNames);
    if (const auto d = parsePartialDate(t.dateOfBirth))
        p.dateOfBirth = *d;
    else
        p.dateOfBirthValid = false;
    p.nationality = (t.nationality.isEmpty() ? t.document.nationality : t.nationality).trimmed().toUpper();
    p.sex = t.sex.trimmed().toUpper();
    p.documentNumber = normalizeDocumentNumber(t.document.number);
    p.documentIssuer = t.document.issuingState.trimmed().toUpper();
    return p;
}

BiographicRecord BiographicRecord::fromEntry(const WatchlistEntry& e) {
    BiographicRecord r;
    for (const QString& n : e.names) {
        NormalizedName name = normalizeListedName(n);
        if (!name.empty())
            r.names.push_back(std::move(name));
    }
    if (const auto d = parsePartialDate(e.dateOfBirth))
        r.dateOfBirth = *d;
    r.nationality = e.nationality.trimmed().toUpper();
    r.sex = e.sex.trimmed().toUpper();
    for (const ListedDocument& d : e.documents) {
        const QString n = normalizeDocumentNumber(d.number);
        if (!n.isEmpty())
            r.documents.push_back({n, d.issuingState.trimmed().toUpper()});
    }
    return r;
}

namespace {
FieldRelation relate(const QString& a, const QString& b) {
    // "X" (unspecified sex) and "<" say nothing.
    if (a.isEmpty() || b.isEmpty() || a == QLatin1String("X") || b == QLatin1String("X") ||
        a == QLatin1String("<") || b == QLatin1String("<"))
        return FieldRelation::Unknown;
    return a == b ? FieldRelation::Same : FieldRelation::Different;
}
} // namespace

BiographicComparison compareBiographic(const BiographicProbe& probe, const BiographicRecord& record,
                                       const BiographicWeights& w) {
    BiographicComparison c;
    for (std::size_t i = 0; i < record.names.size(); ++i) {
        NameComparison n = compareNames(probe.name, record.names[i]);
        if (i == 0 || n.score > c.name.score) {
            n.aliasIndex = int(i);
            c.name = std::move(n);
        }
    }
    c.dateOfBirth = compareDates(probe.dateOfBirth, record.dateOfBirth);
    c.nationality = relate(probe.nationality, record.nationality);
    c.sex = relate(probe.sex, record.sex);
    if (!probe.documentNumber.isEmpty()) {
        for (const BiographicRecord::Document& d : record.documents) {
            // A number is unique only within its issuing state: a different issuer is a different document.
            if (d.number == probe.documentNumber &&
                (d.issuer.isEmpty() || probe.documentIssuer.isEmpty() || d.issuer == probe.documentIssuer)) {
                c.documentMatch = true;
                c.documentNumber = d.number;
                break;
            }
        }
    }
    double weight = w.name, total = w.name * c.name.score;
    if (c.dateOfBirth.known()) {
        weight += w.dateOfBirth;
        total += w.dateOfBirth * c.dateOfBirth.score;
    }
    if (c.nationality != FieldRelation::Unknown) {
        weight += w.nationality;
        total += w.nationality * (c.nationality == FieldRelation::Same ? 1.0 : 0.0);
    }
    if (c.sex != FieldRelation::Unknown) {
        weight += w.sex;
        total += w.sex * (c.sex == FieldRelation::Same ? 1.0 : 0.0);
    }
    c.score = weight > 0 ? total / weight : 0.0;
    return c;
}

QJsonObject BiographicComparison::toJson() const {
    QJsonArray pairs;
    for (const TokenPair& p : name.pairs)
        pairs.append(QJsonObject{{"probe", QString::fromStdString(p.probe)},
                                 {"listed", QString::fromStdString(p.listed)},
                                 {"similarity", p.similarity},
                                 {"method", toKey(p.method)},
                                 {"cross_field", p.crossField}});
    QJsonObject o{
        {"score", score},
        {"name", QJsonObject{{"score", name.score},
                             {"alias_index", name.aliasIndex},
                             {"listed_name", QString::fromStdString(name.listedName)},
                             {"pairs", pairs},
                             {"unmatched_probe_tokens", name.unmatchedProbeTokens},
                             {"unmatched_listed_tokens", name.unmatchedListedTokens},
                             {"order_swapped", name.orderSwapped},
                             {"surname_matched", name.surnameMatched}}},
        {"date_of_birth", QJsonObject{{"relation", toKey(dateOfBirth.relation)}, {"score", dateOfBirth.score}}},
        {"nationality", toKey(nationality)},
        {"sex", toKey(sex)},
        {"document_match", documentMatch},
    };
    if (documentMatch)
        o.insert("document_number", documentNumber);
    return o;
}

} // namespace umbral::screening
