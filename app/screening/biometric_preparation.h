#pragma once

// Checking and converting the biometric samples of a listed person at import (a
// SamplePreparer for WatchlistService): a fingerprint image gets its ISO/IEC 19794-2 template
// beside it (the image stays, for the supervisor's side-by-side view), an iris image gets its
// iris code; templates and codes are parsed. A sample that cannot be used refuses the package:
// a watchlist entry must not silently lose a biometric.

#include "app/core/watchlist_entry.h"

#include <QString>

namespace umbral::screening {

/// Returns what is wrong with the entry's samples, or an empty string after adding the derived
/// templates and codes.
QString prepareListedBiometrics(WatchlistEntry& entry);

} // namespace umbral::screening
