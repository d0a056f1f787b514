#include "app/sync/encounter_transaction.h"

#include "app/core/errors.h"
#include "app/interchange/an2k_transaction_builder.h"
#include "app/interchange/interchange_error.h"

#include <QSettings>
#include <opencv2/imgcodecs.hpp>

namespace umbral::sync {

namespace ix = umbral::interchange;

TransactionParties TransactionParties::load(const QString& settingsFile) {
    TransactionParties p;
    QSettings ini(settingsFile, QSettings::IniFormat);
    p.originatingAgency = ini.value("interchange/originating_agency", p.originatingAgency).toString();
    p.destinationAgency = ini.value("interchange/destination_agency", p.destinationAgency).toString();
    return p;
}

QString transliterateToAscii(const QString& text) {
    QString upper = text.toUpper();
    upper.replace(QStringLiteral("Æ"), QStringLiteral("AE"));
    upper.replace(QStringLiteral("Œ"), QStringLiteral("OE"));
    upper.replace(QStringLiteral("Ø"), QStringLiteral("O"));
    upper.replace(QStringLiteral("ß"), QStringLiteral("SS"));
    upper.replace(QStringLiteral("ẞ"), QStringLiteral("SS"));
    upper.replace(QStringLiteral("Þ"), QStringLiteral("TH"));
    upper.replace(QStringLiteral("Ð"), QStringLiteral("D"));
    const QString decomposed = upper.normalized(QString::NormalizationForm_KD);
    QString out;
    for (QChar c : decomposed) {
        const ushort u = c.unicode();
        if ((u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == ' ' || u == '-' || u == '\'')
            out.append(c);
        else if (u == '<' || u == ',')
            out.append(QLatin1Char(' '));
    }
    return out.simplified();
}

namespace {

cv::Mat decodeCapture(const Capture& c) {
    const std::vector<uchar> bytes(c.image.begin(), c.image.end());
    cv::Mat img = cv::imdecode(bytes, cv::IMREAD_GRAYSCALE);
    if (img.empty())
        throw Error(ErrorCode::CorruptData, QStringLiteral("the image of %1 does not decode").arg(c.slotKey()));
    return img;
}

std::string ccyymmdd(const QDateTime& t) { return t.toUTC().toString(QStringLiteral("yyyyMMdd")).toStdString(); }

// "1980-05-17", "1980-05", "1980" -> "19800517", "19800500", "19800000".
std::string dateOfBirth(const QString& dob) {
    const QStringList parts = dob.split(QLatin1Char('-'));
    if (parts.isEmpty() || parts[0].size() != 4)
        return {};
    QString out = parts[0];
    out += parts.size() > 1 ? parts[1].rightJustified(2, QLatin1Char('0')) : QStringLiteral("00");
    out += parts.size() > 2 ? parts[2].rightJustified(2, QLatin1Char('0')) : QStringLiteral("00");
    return out.toStdString();
}

ix::Sex sexOf(const QString& s) {
    if (s == QLatin1String("M"))
        return ix::Sex::Male;
    if (s == QLatin1String("F"))
        return ix::Sex::Female;
    return ix::Sex::Unspecified;
}

} // namespace

QByteArray buildEncounterTransaction(const Encounter& e, const QString& tcn, const TransactionParties& parties) {
    ix::TransactionContent content;
    content.header.controlNumber = tcn.toStdString();
    content.header.originatingAgency = parties.originatingAgency.toStdString();
    content.header.destinationAgency = parties.destinationAgency.toStdString();
    content.header.date = ccyymmdd(e.createdAt);
    content.header.gmt = e.createdAt.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toStdString() + "Z";

    const Traveler& t = e.traveler;
    content.traveler.surname = transliterateToAscii(t.surname).toStdString();
    content.traveler.givenNames = transliterateToAscii(t.givenNames).toStdString();
    content.traveler.dateOfBirth = dateOfBirth(t.dateOfBirth);
    content.traveler.nationality = t.nationality.toStdString();
    content.traveler.sex = sexOf(t.sex);
    content.traveler.document.type = t.document.documentCode.toStdString();
    content.traveler.document.number = normalizeDocumentNumber(t.document.number).toStdString();
    content.traveler.document.issuingState = t.document.issuingState.toStdString();
    if (!t.document.expiry.isEmpty()) {
        try {
            content.traveler.document.expiryDate = ix::mrzDateToCcyymmdd(
                t.document.expiry.toStdString(), e.createdAt.date().year(), ix::MrzDateKind::Expiry);
        } catch (const ix::InterchangeError&) {
            // An unreadable expiry is left out rather than invented.
        }
    }

    std::vector<ix::MissingFinger> missing[16];
    for (const Capture& c : e.captures) {
        if (c.modality != Modality::Finger || !c.isException())
            continue;
        const auto slap = isSlap(c.finger) ? c.finger : slapFor(c.finger);
        missing[int(slap)].push_back({int(c.finger), c.exception == CaptureException::Amputated
                                                          ? ix::MissingReason::Amputated
                                                          : ix::MissingReason::UnableToPrint});
    }
    for (const Capture& c : e.captures) {
        if (c.isException())
            continue;
        if (c.modality == Modality::Finger) {
            ix::FingerprintCapture f;
            f.position = int(c.finger);
            f.image = decodeCapture(c);
            f.ppi = c.ppi;
            f.captureDate = ccyymmdd(c.capturedAt.isValid() ? c.capturedAt : e.createdAt);
            if (isSlap(c.finger)) {
                f.missing = missing[int(c.finger)];
            } else if (c.quality >= 0) {
                f.quality.push_back({int(c.finger), c.quality, std::nullopt});
            }
            content.fingerprints.push_back(std::move(f));
        } else {
            ix::IrisCapture i;
            i.eye = int(c.iris);
            i.image = decodeCapture(c);
            i.captureDate = ccyymmdd(c.capturedAt.isValid() ? c.capturedAt : e.createdAt);
            if (c.quality >= 0)
                i.qualityScore = c.quality;
            content.irises.push_back(std::move(i));
        }
    }
    try {
        const std::vector<std::uint8_t> bytes = ix::buildTransactionBytes(content);
        return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
    } catch (const ix::InterchangeError& err) {
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("encounter %1 cannot be written as ANSI/NIST-ITL: %2").arg(e.id, QString::fromUtf8(err.what())));
    }
}

} // namespace umbral::sync
