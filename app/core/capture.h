#pragma once

#include "app/core/finger_position.h"
#include "app/core/iris_side.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace umbral {

enum class Modality { Finger, Iris };

/// Why a biometric could not be captured. Recorded instead of an image, always with a reason.
enum class CaptureException { None, Amputated, Bandaged, UnableToPrint, Refused, Other };

QString toKey(Modality m);
QString toKey(CaptureException e);
std::optional<CaptureException> parseCaptureException(const QString& text);

/// One biometric sample of an encounter (or the recorded reason why there is none).
/// Images are kept losslessly encoded (PNG) in `image`; the bytes are sealed at rest.
struct Capture {
    qint64 id = 0;
    Modality modality = Modality::Finger;
    FingerPosition finger = FingerPosition::Unknown; ///< when modality is Finger
    IrisSide iris = IrisSide::Undefined;             ///< when modality is Iris
    QByteArray image;       ///< PNG bytes (8-bit grey); empty for an exception
    int width = 0;
    int height = 0;
    int ppi = 500;          ///< fingerprints: sampling resolution; irises: 0
    int quality = -1;       ///< 0-100 (NFIQ 2-compatible / ISO 29794-6 overall); -1 not scored
    int attempts = 1;       ///< captures tried, best kept
    CaptureException exception = CaptureException::None;
    QString exceptionReason; ///< the officer's words when exception != None
    QString deviceId;
    QDateTime capturedAt;

    bool isException() const { return exception != CaptureException::None; }
    /// "finger:right-index" / "iris:left": unique within an encounter.
    QString slotKey() const;
};

} // namespace umbral
