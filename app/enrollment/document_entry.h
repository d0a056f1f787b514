#pragma once

#include "app/biometrics/mrz/mrz_record.h"
#include "app/core/traveler.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <optional>

namespace umbral::enrollment {

/// The Document step: the machine-readable zone as typed or sent by a keyboard-wedge reader,
/// the form filled from it and corrected by the officer, and the officer's confirmation.
///
/// A zone that is not clean (a wrong check digit, a damaged character) is never accepted
/// silently: it is reported finding by finding, and the step is complete only once the officer
/// confirms having checked the data page (`confirmChecked`). So is a form typed by hand without
/// any zone. A new zone or a changed form withdraws the confirmation.
class DocumentEntry {
public:
    enum class MrzState {
        Empty,      ///< no zone entered
        Incomplete, ///< text that is not (yet) a zone: wrong line count or length
        Clean,      ///< a zone with every check digit valid and no damaged character
        Damaged     ///< a zone with a wrong check digit or a character that breaks the format
    };

    /// Reads `text` as a zone. When it parses, the form is filled from it (a new zone replaces
    /// the officer's corrections). Returns the new state.
    MrzState setMrz(const QString& text, const QDate& today);
    QString mrzText() const { return mrzText_; }
    MrzState mrzState() const { return state_; }
    const std::optional<biometrics::MrzRecord>& record() const { return record_; }
    /// Why the text is not a zone (state Incomplete).
    QString mrzError() const { return mrzError_; }
    /// Every failed check digit and every damaged character, in words (English).
    QStringList findings() const;

    const Traveler& traveler() const { return traveler_; }
    /// The officer's form. Changing it withdraws the confirmation.
    void setTraveler(const Traveler& traveler);
    /// True when the form differs from what the zone says.
    bool correctedFromMrz() const;

    /// Fields that must be filled and are not, or are malformed (English names).
    QStringList missingFields() const;
    /// The officer has compared a damaged zone (or a hand-typed form) with the data page.
    void confirmChecked(bool confirmed);
    bool isConfirmed() const { return confirmed_; }
    /// True when this zone or form needs the officer's confirmation before it is accepted.
    bool needsConfirmation() const;
    /// Complete: no missing field, and either a clean zone the form agrees with or the
    /// officer's confirmation.
    bool isComplete() const;

    /// The traveler as the zone gives it.
    static Traveler travelerFrom(const biometrics::MrzRecord& record);

    /// Restores a saved entry (drafts) without re-deciding anything.
    void restore(const QString& mrzText, const QDate& today, const Traveler& traveler,
                 bool confirmed);

private:
    QString mrzText_;
    MrzState state_ = MrzState::Empty;
    std::optional<biometrics::MrzRecord> record_;
    QString mrzError_;
    Traveler traveler_;
    bool confirmed_ = false;
};

} // namespace umbral::enrollment
