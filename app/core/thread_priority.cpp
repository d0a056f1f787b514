#include "app/enrollment/thread_priority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace umbral::enrollment {

void lowerCurrentThreadPriority(int increment) {
#ifdef __linux__
    // On Linux the nice value belongs to the thread (its tid), not to the whole process.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    const int current = ::getpriority(PRIO_PROCESS, tid);
    ::setpriority(PRIO_PROCESS, tid, current + increment);
#else
    (void)increment;
#endif
}

} // namespace umbral::enrollment
