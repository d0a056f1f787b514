#pragma once

// The one worker thread on which the supervisor and administrator workspaces call services.
// Widgets never run SQL, a search or an evidence computation on the UI thread: they hand the
// work here and get the result back on the UI thread by a queued signal. One thread, so calls
// run one after another on one database connection; results come
// back in the order the calls were made. The store the calls use must be theirs alone
// (WorkspaceServices::store): the station opens its SQLite connections without a mutex.

#include "app/core/errors.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent>
#include <functional>
#include <optional>

namespace umbral::ui {

/// A call's result: the value, or the error in words (and its code when it was an
/// umbral::Error).
template <class R> struct ServiceOutcome {
    std::optional<R> value;
    QString error;
    std::optional<ErrorCode> code;
};

class ServiceExecutor : public QObject {
    Q_OBJECT
public:
    explicit ServiceExecutor(QObject* parent = nullptr);
    /// Waits for the call in progress (at shutdown only).
    ~ServiceExecutor() override;

    /// Runs `work` on the worker thread; then, on the UI thread and only if `receiver` still
    /// exists, `done` with the outcome. Exceptions thrown by `work` become the outcome's error.
    template <class R>
    void run(QObject* receiver, std::function<R()> work,
             std::function<void(const ServiceOutcome<R>&)> done) {
        // The watcher belongs to the executor (which outlives every page), so the call is
        // counted off even when the page that made it is gone; `done` runs only if it is not.
        auto* watcher = new QFutureWatcher<ServiceOutcome<R>>(this);
        QPointer<QObject> target(receiver);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done, target] {
            const ServiceOutcome<R> outcome = watcher->result();
            watcher->deleteLater();
            callFinished();
            if (target)
                done(outcome);
        });
        callStarted();
        watcher->setFuture(QtConcurrent::run(&pool_, [work] {
            ServiceOutcome<R> o;
            try {
                o.value = work();
            } catch (const Error& e) {
                o.error = e.message();
                o.code = e.code();
            } catch (const std::exception& e) {
                o.error = QString::fromUtf8(e.what());
            }
            return o;
        }));
    }

    /// Calls started and not yet delivered.
    int pendingCalls() const { return pending_; }
    /// Blocks until the worker is idle. For tests and shutdown only.
    void waitForIdle() { pool_.waitForDone(); }

signals:
    /// true when the first call starts, false when the last one is delivered.
    void busyChanged(bool busy);

private:
    void callStarted();
    void callFinished();

    QThreadPool pool_;
    int pending_ = 0;
};

} // namespace umbral::ui
