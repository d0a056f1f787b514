#include "app/enrollment/enrollment_settings.h"

#include <QSettings>

namespace umbral::enrollment {

EnrollmentSettings EnrollmentSettings::load(const QString& file) {
    EnrollmentSettings s;
    QSettings ini(file, QSettings::IniFormat);
    s.finger.threshold =
        qBound(0, ini.value("enrollment/finger_threshold", s.finger.threshold).toInt(), 100);
    s.finger.framesHeld =
        qBound(1, ini.value("enrollment/finger_frames_held", s.finger.framesHeld).toInt(), 60);
    s.iris.threshold =
        qBound(0, ini.value("enrollment/iris_threshold", s.iris.threshold).toInt(), 100);
    s.iris.framesHeld =
        qBound(1, ini.value("enrollment/iris_frames_held", s.iris.framesHeld).toInt(), 60);
    s.duplicateFingerScore = qBound(
        0.0, ini.value("enrollment/duplicate_finger_score", s.duplicateFingerScore).toDouble(),
        1000.0);
    return s;
}

} // namespace umbral::enrollment
