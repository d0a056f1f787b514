#pragma once

namespace umbral {

/// Makes the calling thread yield to the UI thread when the cores are busy: raises its nice
/// value to `niceness` (Linux: per thread), unless it is already that nice or nicer. Background
/// work (scoring, drafts, the duplicate check, simulated devices rendering their frames) then
/// never keeps the UI thread waiting for a core on a two-core station. Idempotent: a pooled
/// thread that runs the same kind of task again keeps the same value. Does nothing where
/// per-thread nice values do not exist.
void lowerCurrentThreadPriority(int niceness);

} // namespace umbral
