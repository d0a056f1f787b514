#include "app/core/thread_priority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace umbral {

void lowerCurrentThreadPriority(int niceness) {
#ifdef __linux__
    // On Linux the nice value belongs to the thread (its tid), not to the whole process.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    if (::getpriority(PRIO_PROCESS, tid) < niceness)
        ::setpriority(PRIO_PROCESS, tid, niceness);
#else
    (void)niceness;
#endif
}

} // namespace umbral
