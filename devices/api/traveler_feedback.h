#pragma once

#include <QMetaType>
#include <QString>

namespace umbral::devices {

/// Something the traveler can act on, reported while a device previews or captures. This is
/// not an error: the device is working and waits for the traveler (compare libfprint's
/// FpDeviceRetry versus FP_DEVICE_ERROR_*). Device failures are DeviceError.
enum class TravelerFeedback {
    None,           ///< nothing to ask; the presentation is fine
    PlaceFinger,    ///< no finger on the platen yet
    FingerTooShort, ///< finger lifted before the image settled
    CentreFinger,   ///< finger off-centre or only partly on the platen
    PressHarder,    ///< contact too light
    PressLighter,   ///< contact too heavy, ridges merge
    HoldStill,      ///< movement during the capture
    RemoveFinger,   ///< lift the finger before the next capture
    LookAtCamera,   ///< no eye in view, or gaze off-axis
    MoveCloser,     ///< eye too far: iris too small or out of focus
    MoveBack,       ///< eye too close
    OpenEyesWider,  ///< eyelids cover too much of the iris
};

/// A short English instruction for the officer to read out, e.g. "Press harder".
QString toText(TravelerFeedback feedback);
/// A stable machine name, e.g. "press-harder" (used in --json output).
QString toKey(TravelerFeedback feedback);

} // namespace umbral::devices

Q_DECLARE_METATYPE(umbral::devices::TravelerFeedback)
