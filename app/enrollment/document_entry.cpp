#include "app/enrollment/document_entry.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/mrz/mrz_parser.h"

#include <QRegularExpression>

namespace umbral::enrollment {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

bool sameTraveler(const Traveler& a, const Traveler& b) {
    return a.surname == b.surname && a.givenNames == b.givenNames &&
           a.dateOfBirth == b.dateOfBirth && a.sex == b.sex && a.nationality == b.nationality &&
           a.document.documentCode == b.document.documentCode &&
           a.document.issuingState == b.document.issuingState &&
           normalizeDocumentNumber(a.document.number) ==
               normalizeDocumentNumber(b.document.number) &&
           a.document.expiry == b.document.expiry;
}

} // namespace

Traveler DocumentEntry::travelerFrom(const biometrics::MrzRecord& r) {
    Traveler t;
    t.surname = q(r.primaryIdentifier);
    t.givenNames = q(r.secondaryIdentifier);
    t.dateOfBirth = q(r.dateOfBirth.iso());
    t.sex = q(r.sex);
    t.nationality = q(r.nationality);
    t.document.documentCode = q(r.documentCode);
    t.document.issuingState = q(r.issuingState);
    t.document.number = q(r.documentNumber);
    t.document.nationality = q(r.nationality);
    t.document.expiry = q(r.dateOfExpiry.raw);
    QStringList lines;
    for (const std::string& l : r.lines)
        lines << q(l);
    t.document.mrz = lines.join(QLatin1Char('\n'));
    return t;
}

DocumentEntry::MrzState DocumentEntry::setMrz(const QString& text, const QDate& today) {
    mrzText_ = text;
    confirmed_ = false;
    mrzError_.clear();
    if (text.trimmed().isEmpty()) {
        record_.reset();
        state_ = MrzState::Empty;
        traveler_.document.mrz.clear();
        return state_;
    }
    try {
        record_ =
            biometrics::parseMrz(text.toStdString(), {today.year(), today.month(), today.day()});
    } catch (const biometrics::BiometricError& e) {
        record_.reset();
        mrzError_ = QString::fromUtf8(e.what());
        state_ = MrzState::Incomplete;
        return state_;
    }
    traveler_ = travelerFrom(*record_);
    state_ = record_->isClean() ? MrzState::Clean : MrzState::Damaged;
    return state_;
}

QStringList DocumentEntry::findings() const {
    QStringList out;
    if (!record_)
        return out;
    for (const biometrics::MrzCheckDigit& c : record_->checks) {
        if (c.ok())
            continue;
        const QString where =
            QStringLiteral("line %1, position %2").arg(c.line + 1).arg(c.column + 1);
        if (c.status == biometrics::CheckDigitStatus::Wrong)
            out << QStringLiteral(
                       "The %1 check digit is wrong (%2): %3 is printed, the data gives %4.")
                       .arg(q(toString(c.field)), where, QString(QLatin1Char(c.printed)))
                       .arg(*c.computed);
        else
            out << QStringLiteral("The %1 check digit cannot be read (%2): '%3' is printed.")
                       .arg(q(toString(c.field)), where, QString(QLatin1Char(c.printed)));
    }
    for (const biometrics::MrzProblem& p : record_->problems)
        out << q(p.message).left(1).toUpper() + q(p.message).mid(1) + QLatin1Char('.');
    if (record_->expired)
        out << QStringLiteral("The document expired on %1.").arg(q(record_->dateOfExpiry.iso()));
    return out;
}

void DocumentEntry::setTraveler(const Traveler& traveler) {
    if (sameTraveler(traveler, traveler_) && traveler.document.mrz == traveler_.document.mrz)
        return;
    const QString mrz = traveler_.document.mrz;
    traveler_ = traveler;
    traveler_.document.mrz = mrz; // the zone is what was read, never what was typed in the form
    confirmed_ = false;
}

bool DocumentEntry::correctedFromMrz() const {
    return record_ && !sameTraveler(travelerFrom(*record_), traveler_);
}

QStringList DocumentEntry::missingFields() const {
    QStringList missing;
    static const QRegularExpression documentCode(QStringLiteral("^[A-Z]{1,2}$"));
    static const QRegularExpression code(QStringLiteral("^[A-Z]{1,3}$"));
    static const QRegularExpression date(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
    if (traveler_.surname.trimmed().isEmpty())
        missing << QStringLiteral("surname");
    if (normalizeDocumentNumber(traveler_.document.number).isEmpty())
        missing << QStringLiteral("document number");
    if (!documentCode.match(traveler_.document.documentCode).hasMatch())
        missing << QStringLiteral("document code");
    if (!code.match(traveler_.document.issuingState).hasMatch())
        missing << QStringLiteral("issuing state");
    if (!code.match(traveler_.nationality).hasMatch())
        missing << QStringLiteral("nationality");
    if (!date.match(traveler_.dateOfBirth).hasMatch())
        missing << QStringLiteral("date of birth");
    if (traveler_.sex != QLatin1String("M") && traveler_.sex != QLatin1String("F") &&
        traveler_.sex != QLatin1String("X"))
        missing << QStringLiteral("sex");
    return missing;
}

bool DocumentEntry::needsConfirmation() const {
    return state_ != MrzState::Clean || correctedFromMrz();
}

void DocumentEntry::confirmChecked(bool confirmed) {
    confirmed_ = confirmed;
}

bool DocumentEntry::isComplete() const {
    if (!missingFields().isEmpty())
        return false;
    return !needsConfirmation() || confirmed_;
}

void DocumentEntry::restore(const QString& mrzText, const QDate& today, const Traveler& traveler,
                            bool confirmed) {
    setMrz(mrzText, today);
    const QString mrz = traveler_.document.mrz;
    traveler_ = traveler;
    traveler_.document.mrz = mrz;
    confirmed_ = confirmed;
}

} // namespace umbral::enrollment
