#include "app/services/alert_evidence.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/minutiae/iso19794_2.h"
#include "app/biometrics/iris/iris_code.h"
#include "app/biometrics/iris/iris_matching.h"
#include "app/biometrics/iris/iris_overlay.h"
#include "app/biometrics/iris/iris_segmentation.h"
#include "app/screening/biographic_matcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <optional>

namespace umbral::services {

namespace {

using storage::WatchlistSample;
using storage::WatchlistSampleFormat;

cv::Mat decodeGrey(const QByteArray& png) {
    if (png.isEmpty())
        return {};
    const cv::Mat buffer(1, int(png.size()), CV_8U, const_cast<char*>(png.constData()));
    return cv::imdecode(buffer, cv::IMREAD_GRAYSCALE);
}

QString relationWords(screening::FieldRelation r) {
    switch (r) {
    case screening::FieldRelation::Same:
        return QStringLiteral("same");
    case screening::FieldRelation::Different:
        return QStringLiteral("different");
    case screening::FieldRelation::Unknown:
        break;
    }
    return QStringLiteral("unknown on one side");
}

double relationSimilarity(screening::FieldRelation r) {
    switch (r) {
    case screening::FieldRelation::Same:
        return 1.0;
    case screening::FieldRelation::Different:
        return 0.0;
    case screening::FieldRelation::Unknown:
        break;
    }
    return -1.0;
}

QString dateWords(screening::DateRelation r) {
    switch (r) {
    case screening::DateRelation::Exact:
        return QStringLiteral("exact");
    case screening::DateRelation::Consistent:
        return QStringLiteral("consistent (one side partial)");
    case screening::DateRelation::DayMonthSwapped:
        return QStringLiteral("day and month swapped");
    case screening::DateRelation::OneDigitTypo:
        return QStringLiteral("one digit differs");
    case screening::DateRelation::Conflict:
        return QStringLiteral("different");
    case screening::DateRelation::Unknown:
        break;
    }
    return QStringLiteral("unknown on one side");
}

QString travelerName(const Traveler& t) {
    if (t.givenNames.isEmpty())
        return t.surname;
    return t.surname + QStringLiteral(", ") + t.givenNames;
}

void addBiographic(AlertEvidence& out, const Encounter& encounter, const WatchlistEntry& listed) {
    const auto probe = screening::BiographicProbe::fromTraveler(encounter.traveler);
    const auto record = screening::BiographicRecord::fromEntry(listed);
    const screening::BiographicComparison c = screening::compareBiographic(probe, record);
    out.biographicScore = c.score;

    BiographicFieldEvidence name;
    name.field = QStringLiteral("Name");
    name.traveler = travelerName(encounter.traveler);
    const int alias = c.name.aliasIndex;
    name.listed =
        alias >= 0 && alias < listed.names.size() ? listed.names.at(alias) : listed.names.value(0);
    if (alias > 0)
        name.listed += QStringLiteral(" (alias)");
    name.similarity = c.name.score;
    QStringList pairs;
    for (const auto& p : c.name.pairs)
        pairs << (p.method == screening::TokenMatch::Exact
                      ? QStringLiteral("%1 exact").arg(QString::fromStdString(p.probe))
                      : QStringLiteral("%1~%2 %3 (%4)")
                            .arg(QString::fromStdString(p.probe), QString::fromStdString(p.listed))
                            .arg(p.similarity, 0, 'f', 2)
                            .arg(screening::toKey(p.method)));
    name.relation =
        pairs.isEmpty() ? QStringLiteral("no token alike") : pairs.join(QStringLiteral(", "));
    if (c.name.orderSwapped)
        name.relation += QStringLiteral("; name order swapped");
    out.biographic.push_back(name);

    BiographicFieldEvidence dob;
    dob.field = QStringLiteral("Date of birth");
    dob.traveler = encounter.traveler.dateOfBirth;
    dob.listed = listed.dateOfBirth;
    dob.similarity = c.dateOfBirth.known() ? c.dateOfBirth.score : -1.0;
    dob.relation = dateWords(c.dateOfBirth.relation);
    out.biographic.push_back(dob);

    BiographicFieldEvidence nationality{
        QStringLiteral("Nationality"), encounter.traveler.nationality, listed.nationality,
        relationSimilarity(c.nationality), relationWords(c.nationality)};
    out.biographic.push_back(nationality);
    BiographicFieldEvidence sex{QStringLiteral("Sex"), encounter.traveler.sex, listed.sex,
                                relationSimilarity(c.sex), relationWords(c.sex)};
    out.biographic.push_back(sex);

    BiographicFieldEvidence document;
    document.field = QStringLiteral("Document");
    const TravelDocument& d = encounter.traveler.document;
    document.traveler = d.issuingState.isEmpty()
                            ? d.number
                            : QStringLiteral("%1 (%2)").arg(d.number, d.issuingState);
    QStringList docs;
    for (const ListedDocument& ld : listed.documents)
        docs << (ld.issuingState.isEmpty()
                     ? ld.number
                     : QStringLiteral("%1 (%2)").arg(ld.number, ld.issuingState));
    document.listed = docs.join(QStringLiteral(", "));
    if (d.number.isEmpty() || docs.isEmpty()) {
        document.relation = QStringLiteral("unknown on one side");
    } else {
        document.similarity = c.documentMatch ? 1.0 : 0.0;
        document.relation =
            c.documentMatch ? QStringLiteral("same number") : QStringLiteral("different");
    }
    out.biographic.push_back(document);
}

// The listed person's best sample at a position: an image when there is one (it can be drawn),
// otherwise a template or code.
const WatchlistSample* pickSample(const std::vector<WatchlistSample>& samples, bool iris,
                                  int position) {
    const WatchlistSample* best = nullptr;
    for (const WatchlistSample& s : samples) {
        if (s.iris != iris || s.position != position)
            continue;
        if (s.format == WatchlistSampleFormat::Image)
            return &s;
        if (!best)
            best = &s;
    }
    return best;
}

FingerEvidence compareFinger(const Capture& capture, const WatchlistSample& sample) {
    FingerEvidence f;
    f.position = capture.finger;
    f.listedPosition = FingerPosition(sample.position);
    try {
        cv::Mat probe = decodeGrey(capture.image);
        if (probe.empty())
            throw biometrics::BiometricError(biometrics::BiometricErrorCode::UnreadableFile,
                                             "the traveler's image does not decode");
        if (capture.ppi > 0 && capture.ppi != 500)
            probe = biometrics::resampleToPpi(probe, capture.ppi, 500.0);
        f.probe = probe;
        f.probeMinutiae = biometrics::extractMinutiae(probe).minutiae;

        if (sample.format == WatchlistSampleFormat::Image) {
            f.candidateSource = QStringLiteral("image");
            cv::Mat candidate = decodeGrey(sample.data);
            if (candidate.empty())
                throw biometrics::BiometricError(biometrics::BiometricErrorCode::UnreadableFile,
                                                 "the listed image does not decode");
            if (sample.ppi > 0 && sample.ppi != 500)
                candidate = biometrics::resampleToPpi(candidate, sample.ppi, 500.0);
            f.candidate = candidate;
            f.candidateFrame = candidate.size();
            f.candidateMinutiae = biometrics::extractMinutiae(candidate).minutiae;
        } else {
            f.candidateSource = QStringLiteral("ISO/IEC 19794-2 template");
            const auto* bytes = reinterpret_cast<const std::uint8_t*>(sample.data.constData());
            const auto record =
                biometrics::readFingerMinutiaeRecord({bytes, std::size_t(sample.data.size())});
            f.candidateMinutiae = biometrics::minutiaeAt500Ppi(record);
            // The frame the template declares, scaled to 500 ppi like its minutiae.
            const double scale =
                record.xResolutionPpcm > 0 ? 500.0 / (record.xResolutionPpcm * 2.54) : 1.0;
            f.candidateFrame = cv::Size(std::max(1, int(std::lround(record.imageWidth * scale))),
                                        std::max(1, int(std::lround(record.imageHeight * scale))));
        }
        const biometrics::FingerMatchTemplate a(f.probeMinutiae), b(f.candidateMinutiae);
        const biometrics::FingerComparison c = biometrics::compareFingers(a, b);
        f.score = c.score;
        f.pairedMinutiae = c.pairedMinutiae;
        if (!c.reason.empty())
            f.problem = QString::fromStdString(c.reason);
        else
            f.pairs = biometrics::matchedPairs(a, b);
    } catch (const std::exception& e) {
        f.problem = QString::fromUtf8(e.what());
    }
    return f;
}

IrisEvidence compareIris(const Capture& capture, const WatchlistSample& sample) {
    IrisEvidence e;
    e.side = capture.iris;
    e.threshold = biometrics::irisDecisionThreshold(1);
    try {
        const cv::Mat probe = decodeGrey(capture.image);
        if (probe.empty())
            throw biometrics::BiometricError(biometrics::BiometricErrorCode::UnreadableFile,
                                             "the traveler's image does not decode");
        const auto probeSeg = biometrics::segmentIris(probe);
        e.probeOverlay = biometrics::drawIrisSegmentation(probe, probeSeg);
        const biometrics::IrisTemplate probeCode = biometrics::encodeIris(probe, probeSeg);
        biometrics::IrisTemplate candidateCode;
        if (sample.format == WatchlistSampleFormat::Image) {
            e.candidateSource = QStringLiteral("image");
            const cv::Mat candidate = decodeGrey(sample.data);
            if (candidate.empty())
                throw biometrics::BiometricError(biometrics::BiometricErrorCode::UnreadableFile,
                                                 "the listed image does not decode");
            const auto seg = biometrics::segmentIris(candidate);
            e.candidateOverlay = biometrics::drawIrisSegmentation(candidate, seg);
            candidateCode = biometrics::encodeIris(candidate, seg);
        } else {
            e.candidateSource = QStringLiteral("iris code");
            candidateCode = biometrics::IrisTemplate::deserialise(
                std::vector<std::uint8_t>(sample.data.begin(), sample.data.end()));
        }
        const auto c = biometrics::compareIrisTemplates(probeCode, candidateCode);
        e.distance = c.distance;
        e.bitsCompared = c.bitsCompared;
    } catch (const std::exception& ex) {
        e.problem = QString::fromUtf8(ex.what());
    }
    return e;
}

} // namespace

AlertEvidence buildAlertEvidence(const Encounter& encounter, const WatchlistEntry& listed,
                                 const std::vector<storage::WatchlistSample>& samples,
                                 const std::vector<FingerPairing>& pairings) {
    AlertEvidence out;
    addBiographic(out, encounter, listed);
    auto capturedFinger = [&](FingerPosition p) -> const Capture* {
        for (const Capture& c : encounter.captures)
            if (c.modality == Modality::Finger && c.finger == p && !c.isException() &&
                !c.image.isEmpty())
                return &c;
        return nullptr;
    };
    std::vector<FingerPairing> fingers = pairings;
    if (fingers.empty())
        for (const Capture& c : encounter.captures)
            if (c.modality == Modality::Finger && isSingleFinger(c.finger))
                fingers.push_back({c.finger, c.finger});
    for (const FingerPairing& p : fingers) {
        const Capture* capture = capturedFinger(p.probe);
        const WatchlistSample* sample = pickSample(samples, false, int(p.listed));
        if (capture && sample)
            out.fingers.push_back(compareFinger(*capture, *sample));
    }
    for (const Capture& capture : encounter.captures) {
        if (capture.modality != Modality::Iris || capture.isException() || capture.image.isEmpty())
            continue;
        if (const WatchlistSample* s = pickSample(samples, true, int(capture.iris)))
            out.irises.push_back(compareIris(capture, *s));
    }
    return out;
}

std::vector<FingerPairing> fingerPairingsFromEvidence(const QByteArray& json) {
    std::vector<FingerPairing> out;
    const QJsonArray comparisons = QJsonDocument::fromJson(json)
                                       .object()
                                       .value("fingerprint")
                                       .toObject()
                                       .value("comparisons")
                                       .toArray();
    for (const QJsonValue& v : comparisons) {
        const QJsonObject c = v.toObject();
        const auto probe = fingerPositionFromKey(c.value("probe").toString());
        const auto listed = fingerPositionFromKey(c.value("listed").toString());
        if (!probe || !listed)
            continue;
        const bool seen = std::any_of(out.begin(), out.end(), [&](const FingerPairing& p) {
            return p.probe == *probe && p.listed == *listed;
        });
        if (!seen)
            out.push_back({*probe, *listed});
    }
    return out;
}

QStringList screeningReasonsFromEvidence(const QByteArray& json) {
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json).object().value("reasons").toArray())
        out << v.toString();
    return out;
}

QString falseMatchRateWords(double score) {
    if (score <= 0.0)
        return QStringLiteral("no evidence of a match");
    const double oneIn = std::pow(10.0, score / 20.0);
    if (oneIn >= 1e9)
        return QStringLiteral("false-match rate below 1 in a billion");
    QString n = QString::number(qint64(std::llround(oneIn)));
    // Thin spaces between thousands keep long numbers readable in any locale.
    for (int i = n.size() - 3; i > 0; i -= 3)
        n.insert(i, QChar(0x2009));
    return QStringLiteral("false-match rate about 1 in %1").arg(n);
}

} // namespace umbral::services
