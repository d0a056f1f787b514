#include "app/enrollment/submission.h"

namespace umbral::enrollment {

QString toKey(CaptureWarning::Kind kind) {
    return kind == CaptureWarning::Kind::HandsSwapped ? QStringLiteral("hands-swapped")
                                                      : QStringLiteral("same-finger-twice");
}

} // namespace umbral::enrollment
