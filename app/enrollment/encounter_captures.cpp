#include "app/enrollment/encounter_captures.h"

#include "app/core/errors.h"

namespace umbral::enrollment {

QString slotKey(FingerPosition finger) {
    return QStringLiteral("finger:") + toKey(finger);
}
QString slotKey(IrisSide side) {
    return QStringLiteral("iris:") + toKey(side);
}

bool EncounterCaptures::offer(Capture capture) {
    if (capture.image.isEmpty())
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("a capture for %1 without an image").arg(capture.slotKey()));
    CaptureSlot& s = slots_[capture.slotKey()];
    ++s.attempts;
    const bool better = !s.best || capture.quality > s.best->quality;
    if (better) {
        capture.exception = CaptureException::None;
        capture.exceptionReason.clear();
        s.best = std::move(capture);
    }
    return better;
}

void EncounterCaptures::setException(const QString& key, CaptureException exception,
                                     const QString& reason) {
    if (exception == CaptureException::None)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("choose which exception applies to %1").arg(key));
    if (reason.trimmed().isEmpty())
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("an exception for %1 needs a reason").arg(key));
    const bool slapSlot = key == slotKey(FingerPosition::PlainRightFour) ||
                          key == slotKey(FingerPosition::PlainLeftFour) ||
                          key == slotKey(FingerPosition::PlainThumbs);
    if (slapSlot ||
        !(key.startsWith(QLatin1String("finger:")) || key.startsWith(QLatin1String("iris:"))))
        throw Error(
            ErrorCode::InvalidInput,
            QStringLiteral("exceptions are recorded per finger or eye, not for %1").arg(key));
    CaptureSlot& s = slots_[key];
    s.exception = exception;
    s.exceptionReason = reason.trimmed();
    s.exceptionAt = QDateTime::currentDateTimeUtc();
}

void EncounterCaptures::clearException(const QString& key) {
    auto it = slots_.find(key);
    if (it == slots_.end())
        return;
    it->second.exception = CaptureException::None;
    it->second.exceptionReason.clear();
    it->second.exceptionAt = {};
}

const CaptureSlot& EncounterCaptures::slot(const QString& key) const {
    static const CaptureSlot kEmpty;
    auto it = slots_.find(key);
    return it == slots_.end() ? kEmpty : it->second;
}

std::vector<QString> EncounterCaptures::keys() const {
    std::vector<QString> out;
    for (const auto& [key, s] : slots_)
        out.push_back(key);
    return out;
}

std::vector<Capture> EncounterCaptures::toCaptures() const {
    std::vector<Capture> out;
    for (const auto& [key, s] : slots_) {
        if (s.hasException()) {
            Capture c;
            if (key.startsWith(QLatin1String("iris:"))) {
                c.modality = Modality::Iris;
                c.iris = parseIrisSide(key.mid(5)).value_or(IrisSide::Undefined);
                c.ppi = 0;
            } else {
                c.modality = Modality::Finger;
                c.finger = fingerPositionFromKey(key.mid(7)).value_or(FingerPosition::Unknown);
            }
            c.exception = s.exception;
            c.exceptionReason = s.exceptionReason;
            c.attempts = s.attempts;
            c.quality = -1;
            c.capturedAt = s.exceptionAt;
            out.push_back(std::move(c));
        } else if (s.best) {
            Capture c = *s.best;
            c.attempts = s.attempts;
            out.push_back(std::move(c));
        }
    }
    return out;
}

void EncounterCaptures::restore(const QString& key, CaptureSlot slot) {
    slots_[key] = std::move(slot);
}

} // namespace umbral::enrollment
