#pragma once

#include "app/core/capture.h"

#include <QDateTime>
#include <QString>
#include <map>
#include <optional>
#include <vector>

namespace umbral::enrollment {

/// "finger:right-index", "finger:plain-right-four", "iris:left": the slot keys of Capture::slotKey.
QString slotKey(FingerPosition finger);
QString slotKey(IrisSide side);

/// One slot of an encounter (a finger, a slap, an eye): its best capture so far, the attempts
/// made, and the exception recorded instead of a capture.
struct CaptureSlot {
    std::optional<Capture> best;
    int attempts = 0;
    CaptureException exception = CaptureException::None;
    QString exceptionReason;
    QDateTime exceptionAt; ///< when the exception was recorded (UTC)

    bool hasException() const { return exception != CaptureException::None; }
    /// A capture or an exception stands for this slot.
    bool isDone() const { return best.has_value() || hasException(); }
};

/// The captures of one encounter, slot by slot. Retries keep the best: a new capture replaces
/// the kept one only when it scores higher. An exception stands instead of a capture while it is
/// recorded; a capture taken before it is kept aside and comes back when the exception is
/// cleared (nothing the traveler gave is thrown away by a change of mind).
class EncounterCaptures {
public:
    /// Counts an attempt for the capture's slot and keeps the capture when the slot has none or
    /// it scores higher than the one kept (an unscored capture never replaces a scored one).
    /// Returns true when kept. Throws umbral::Error (InvalidInput) for a capture without image.
    bool offer(Capture capture);

    /// Records why a finger or an eye cannot be captured. Throws umbral::Error (InvalidInput)
    /// for CaptureException::None, an empty reason, or a slap slot (exceptions are per finger).
    void setException(const QString& slot, CaptureException exception, const QString& reason);
    void clearException(const QString& slot);

    /// The slot (an empty one when nothing happened to it yet).
    const CaptureSlot& slot(const QString& key) const;
    bool isDone(const QString& key) const { return slot(key).isDone(); }
    /// Keys of every slot that has anything (a capture, an exception or an attempt).
    std::vector<QString> keys() const;

    /// The captures to submit: for every slot, the exception (with its reason) if one stands,
    /// else the best capture; `attempts` filled in. Slots with neither are left out.
    std::vector<Capture> toCaptures() const;
    /// Restores a slot exactly (drafts).
    void restore(const QString& key, CaptureSlot slot);

private:
    std::map<QString, CaptureSlot> slots_;
};

} // namespace umbral::enrollment
