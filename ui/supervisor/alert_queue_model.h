#pragma once

// The supervisors' alert queue: a table model over the alert summaries, the filter criteria
// (band, category, lane, age, state) and the proxy that applies them, and the counts shown
// above the table. Built for ten thousand alerts: each row keeps its filter keys precomputed
// (integers, no QVariant and no date parsing while filtering), and the proxy reads them
// directly from the source model.

#include "storage/alert_queue_repository.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <optional>
#include <vector>

namespace umbral::ui {

enum class AgeWindow { Any, LastHour, LastDay, LastWeek, OlderThanDay };
enum class StateFilter { NeedsDecision, AwaitingSecond, Open, Escalated, Confirmed, Dismissed, Decided, Any };

/// What the queue shows. The default: every alert that still needs a decision.
struct AlertQueueCriteria {
    std::optional<Band> band;
    std::optional<WatchlistCategory> category;
    QString lane; ///< empty: every lane
    AgeWindow age = AgeWindow::Any;
    StateFilter state = StateFilter::NeedsDecision;
};

/// Counts over every loaded alert (not only the filtered ones).
struct AlertQueueCounts {
    int total = 0;
    int needsDecision = 0; ///< open or escalated
    int redNeedsDecision = 0;
    int yellowNeedsDecision = 0;
    int awaitingSecond = 0;
    int escalated = 0;
    int confirmed = 0;
    int dismissed = 0;
};

/// Words for the queue and the alert view.
QString bandWords(Band band);                 ///< "RED", "YELLOW"
QString categoryWords(WatchlistCategory c);   ///< "KST", "Criminal warrant", ...
QString stateWords(const storage::AlertSummary& alert); ///< "Open — awaiting 2nd supervisor (…)"
QString ageWords(qint64 seconds);             ///< "45 s", "12 min", "3 h", "2 d"

class AlertQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, BandColumn, Category, Severity, State, Lane, Age, Score, Encounter, EnrolledBy, ColumnCount };

    explicit AlertQueueModel(QObject* parent = nullptr);

    /// Replaces the alerts; `now` is the reference for ages.
    void setAlerts(std::vector<storage::AlertSummary> alerts, const QDateTime& now);
    /// Moves the reference time on (ages change; nothing is reloaded).
    void setNow(const QDateTime& now);
    const storage::AlertSummary& alert(int row) const { return alerts_.at(std::size_t(row)); }
    int rowOf(qint64 alertId) const;
    const QStringList& lanes() const { return lanes_; }
    const AlertQueueCounts& counts() const { return counts_; }
    qint64 nowMs() const { return nowMs_; }

    /// Whether row `row` meets `criteria` (the proxy's test, exposed for benchmarks).
    bool accepts(int row, const AlertQueueCriteria& criteria, int laneIndex) const;
    /// -1 for "any lane", else the index into lanes() (-2 when the lane is unknown).
    int laneIndex(const QString& lane) const;
    /// Orders rows for a column (numbers by value, text by text).
    bool lessThan(int left, int right, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    /// The lane list was rebuilt (emitted inside a reset, before the proxy refilters).
    void lanesChanged();

private:
    struct Keys {
        qint64 createdMs = 0;
        int lane = 0;
        Band band = Band::Yellow;
        WatchlistCategory category = WatchlistCategory::Other;
        AlertState state = AlertState::Open;
        bool awaitingSecond = false;
    };
    std::vector<storage::AlertSummary> alerts_;
    std::vector<Keys> keys_;
    QStringList lanes_;
    AlertQueueCounts counts_;
    qint64 nowMs_ = 0;
};

/// The filter and sort over AlertQueueModel.
class AlertQueueFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AlertQueueFilter(QObject* parent = nullptr);
    void setQueueModel(AlertQueueModel* model);
    void setCriteria(const AlertQueueCriteria& criteria);
    const AlertQueueCriteria& criteria() const { return criteria_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    AlertQueueModel* model_ = nullptr;
    AlertQueueCriteria criteria_;
    int laneIndex_ = -1;
};

} // namespace umbral::ui
