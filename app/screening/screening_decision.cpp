#include "app/screening/screening_decision.h"

#include <QJsonArray>
#include <cmath>

namespace umbral::screening {

namespace {
int bandRank(Band b) { return b == Band::Red ? 3 : b == Band::Yellow ? 2 : b == Band::Green ? 1 : 0; }
QString rate(double r) { return QString::number(r, 'g', 2); }
} // namespace

void decide(ScreeningCandidate& c, const ScreeningSettings& s) {
    c.reasons.clear();
    bool red = false;
    int possible = 0; // kinds of evidence at least possible: fingerprint, iris, biographic
    if (c.finger) {
        const double r = c.finger->fusedRate;
        if (r <= s.fingerRedFmr) {
            red = true;
            c.reasons << QStringLiteral("fingerprint match: fused false-match rate %1 at or below the red rate %2").arg(rate(r), rate(s.fingerRedFmr));
        } else if (r <= s.fingerYellowFmr) {
            c.reasons << QStringLiteral("possible fingerprint match: fused false-match rate %1 at or below the yellow rate %2").arg(rate(r), rate(s.fingerYellowFmr));
        }
        possible += r <= s.fingerYellowFmr ? 1 : 0;
    }
    if (c.iris) {
        const double r = c.iris->fusedRate;
        if (r <= s.irisRedFmr) {
            red = true;
            c.reasons << QStringLiteral("iris match: fused false-match rate %1 at or below the red rate %2").arg(rate(r), rate(s.irisRedFmr));
        } else if (r <= s.irisYellowFmr) {
            c.reasons << QStringLiteral("possible iris match: fused false-match rate %1 at or below the yellow rate %2").arg(rate(r), rate(s.irisYellowFmr));
        }
        possible += r <= s.irisYellowFmr ? 1 : 0;
    }
    if (c.biographic) {
        if (c.biographic->documentMatch) {
            if (s.documentMatchRed) {
                red = true;
                c.reasons << QStringLiteral("document number match");
            } else {
                c.reasons << QStringLiteral("document number match (red only when document_match_red is set)");
                ++possible;
            }
        }
        if (c.biographic->score >= s.biographicYellow) {
            c.reasons << QStringLiteral("possible biographic match: score %1 at or above %2")
                             .arg(c.biographic->score, 0, 'f', 2).arg(s.biographicYellow, 0, 'f', 2);
            ++possible;
        }
    }
    if (!red && possible >= 2 && s.corroboratedRed) {
        red = true;
        c.reasons << QStringLiteral("two independent possible matches corroborate each other");
    }
    c.band = red ? Band::Red : possible > 0 ? Band::Yellow : Band::Green;
    if (c.band == Band::Green && c.reasons.isEmpty())
        c.reasons << QStringLiteral("below every threshold");
    double best = 1.0;
    if (c.finger)
        best = std::min(best, c.finger->fusedRate);
    if (c.iris)
        best = std::min(best, c.iris->fusedRate);
    c.strength = best < 1.0 ? -std::log10(best) : (c.biographic ? c.biographic->score : 0.0);
}

bool strongerCandidate(const ScreeningCandidate& a, const ScreeningCandidate& b) {
    if (bandRank(a.band) != bandRank(b.band))
        return bandRank(a.band) > bandRank(b.band);
    if (a.strength != b.strength)
        return a.strength > b.strength;
    return a.person.ref < b.person.ref;
}

QJsonObject ScreeningCandidate::toJson() const {
    QJsonObject o{{"list", person.listId},
                  {"entry", person.entryId},
                  {"category", toKey(person.category)},
                  {"severity", person.severity},
                  {"handling", person.handlingInstructions},
                  {"band", toKey(band)},
                  {"reasons", QJsonArray::fromStringList(reasons)},
                  {"strength", strength}};
    if (biographic)
        o.insert("biographic", biographic->toJson());
    if (finger) {
        QJsonArray comps;
        for (const FingerComparisonEvidence& e : finger->comparisons)
            comps.append(QJsonObject{{"probe", toKey(e.probe)},
                                     {"listed", toKey(e.listed)},
                                     {"score", e.score},
                                     {"false_match_rate", e.rate},
                                     {"comparisons", e.comparisons},
                                     {"paired_minutiae", e.pairedMinutiae},
                                     {"any_finger", e.anyFinger}});
        o.insert("fingerprint", QJsonObject{{"fused_false_match_rate", finger->fusedRate}, {"comparisons", comps}});
    }
    if (iris) {
        QJsonArray comps;
        for (const IrisComparisonEvidence& e : iris->comparisons)
            comps.append(QJsonObject{{"probe", toKey(e.probe)},
                                     {"listed", toKey(e.listed)},
                                     {"distance", e.distance},
                                     {"bits_compared", e.bitsCompared},
                                     {"rotation", e.rotation},
                                     {"false_match_rate", e.rate},
                                     {"comparisons", e.comparisons}});
        o.insert("iris", QJsonObject{{"fused_false_match_rate", iris->fusedRate}, {"comparisons", comps}});
    }
    return o;
}

} // namespace umbral::screening
