#include "ui/admin/service_executor.h"

namespace umbral::ui {

ServiceExecutor::ServiceExecutor(QObject* parent) : QObject(parent) {
    pool_.setMaxThreadCount(1);
    // Keep the thread: a workspace calls often, and a fresh thread per call buys nothing.
    pool_.setExpiryTimeout(-1);
    pool_.setObjectName(QStringLiteral("umbral-services"));
}

ServiceExecutor::~ServiceExecutor() {
    pool_.waitForDone();
}

void ServiceExecutor::callStarted() {
    if (pending_++ == 0)
        emit busyChanged(true);
}

void ServiceExecutor::callFinished() {
    if (pending_ > 0 && --pending_ == 0)
        emit busyChanged(false);
}

} // namespace umbral::ui
