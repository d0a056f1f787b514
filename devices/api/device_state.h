#pragma once

#include <QMetaType>
#include <QString>

namespace umbral::devices {

/// The lifecycle every device follows, whatever its backend.
///
/// ```
///                     open() ok
///   +--------------+ ----------------------> +------+   startPreview()   +------------+
///   | Disconnected |                         | Idle | -----------------> | Previewing |
///   +--------------+ <--- close() / unplug - +------+ <----- stop() ---- +------------+
///          ^  ^                               |  ^                          |
///          |  |                     capture() |  | capture done,            | capture()
///          |  |                               v  | failed or stop()         v
///          |  |                            +-----------+ <--------------------+
///          |  |                            | Capturing |   (done: back to Previewing
///          |  |                            +-----------+    when it came from there)
///          |  |                                  |
///          |  |   device failure in Idle, Previewing or Capturing
///          |  |                                  v
///          |  +-------- unplug / close() --- +-------+
///          |                                 | Error | --- stop() / open(): reopen ---> Idle
///          +------------ unplug ------------ +-------+
/// ```
///
/// Rules:
/// - `stop()` and unplugging are allowed in every state. `stop()` ends whatever runs and leaves
///   the device Idle (or Disconnected when it has gone); unplugging always ends in Disconnected,
///   and an operation that was running ends with a DeviceError (code Removed) first.
/// - A device failure (USB error, no answer, protocol violation) moves to Error and is reported
///   as a DeviceError; the device stays in Error until `stop()`/`open()` reopens it.
/// - Feedback the traveler can act on (TravelerFeedback) never changes the state.
/// - A capture that ends because nobody placed a finger or an eye in time is a failed capture
///   (DeviceError code CaptureTimeout) but not a device failure: the device returns to Idle or
///   Previewing, never to Error.
enum class DeviceState { Disconnected, Idle, Previewing, Capturing, Error };

/// "disconnected", "idle", "previewing", "capturing", "error" (used in logs and --json output).
QString toKey(DeviceState state);

} // namespace umbral::devices

Q_DECLARE_METATYPE(umbral::devices::DeviceState)
