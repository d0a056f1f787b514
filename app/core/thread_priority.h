#pragma once

namespace umbral::enrollment {

/// Makes the calling thread yield to the UI thread when the cores are busy: raises its nice
/// value by `increment` (Linux: per thread). Background work (scoring, drafts, the duplicate
/// check) then never keeps the UI thread waiting for a core on a two-core station. Does nothing
/// where per-thread nice values do not exist.
void lowerCurrentThreadPriority(int increment);

} // namespace umbral::enrollment
