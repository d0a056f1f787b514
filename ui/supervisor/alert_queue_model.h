#pragma once

// The supervisors' alert queue: a table model over the alert summaries that filters (band,
// category, lane, age, state) and sorts them itself, and the counts shown above the table.
// Built for ten thousand alerts: each alert keeps its filter keys precomputed (integers, no
// QVariant and no date parsing while filtering).

#include "storage/alert_queue_repository.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QStringList>
#include <optional>
#include <vector>

namespace umbral::ui {

enum class AgeWindow { Any, LastHour, LastDay, LastWeek, OlderThanDay };
enum class StateFilter {
    NeedsDecision,
    AwaitingSecond,
    Open,
    Escalated,
    Confirmed,
    Dismissed,
    Decided,
    Any
};

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
QString bandWords(Band band);                           ///< "RED", "YELLOW"
QString categoryWords(WatchlistCategory c);             ///< "KST", "Criminal warrant", ...
QString stateWords(const storage::AlertSummary& alert); ///< "Open — awaiting 2nd supervisor (…)"
QString ageWords(qint64 seconds);                       ///< "45 s", "12 min", "3 h", "2 d"

/// The queue's table: every loaded alert, of which the rows are those that meet the criteria,
/// in the chosen order. Filtering and sorting rebuild the list of visible rows from precomputed
/// keys and reset the model: for the view that costs what one screenful costs, where removing
/// and inserting thousands of rows one range at a time (what a QSortFilterProxyModel does)
/// costs tens of milliseconds.
class AlertQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Id,
        BandColumn,
        Category,
        Severity,
        State,
        Lane,
        Age,
        Score,
        Encounter,
        EnrolledBy,
        ColumnCount
    };

    explicit AlertQueueModel(QObject* parent = nullptr);

    /// Replaces the alerts; `now` is the reference for ages.
    void setAlerts(std::vector<storage::AlertSummary> alerts, const QDateTime& now);
    /// Moves the reference time on (ages change; the age filter is applied again).
    void setNow(const QDateTime& now);
    void setCriteria(const AlertQueueCriteria& criteria);
    const AlertQueueCriteria& criteria() const { return criteria_; }

    /// Every loaded alert, newest first (as loaded).
    const std::vector<storage::AlertSummary>& alerts() const { return alerts_; }
    int totalCount() const { return int(alerts_.size()); }
    /// The alert shown in row `row`.
    const storage::AlertSummary& visibleAlert(int row) const {
        return alerts_[std::size_t(visible_[std::size_t(row)])];
    }
    /// The row showing `alertId`, or -1 when it is filtered out or not loaded.
    int visibleRowOf(qint64 alertId) const;
    const QStringList& lanes() const { return lanes_; }
    const AlertQueueCounts& counts() const { return counts_; }
    qint64 nowMs() const { return nowMs_; }

    /// Whether alert `index` (into alerts()) meets `criteria`; `laneIndex` from laneIndex().
    bool accepts(int index, const AlertQueueCriteria& criteria, int laneIndex) const;
    /// -1 for "any lane", else the index into lanes() (-2 when the lane is unknown).
    int laneIndex(const QString& lane) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Keys {
        qint64 createdMs = 0;
        int lane = 0;
        Band band = Band::Yellow;
        WatchlistCategory category = WatchlistCategory::Other;
        AlertState state = AlertState::Open;
        bool awaitingSecond = false;
    };
    /// Rebuilds visible_ (inside a reset).
    void rebuild();
    bool lessThan(int a, int b) const;

    std::vector<storage::AlertSummary> alerts_;
    std::vector<Keys> keys_;
    std::vector<int> visible_; ///< indices into alerts_, in display order
    QStringList lanes_;
    AlertQueueCounts counts_;
    AlertQueueCriteria criteria_;
    int sortColumn_ = Id;
    Qt::SortOrder sortOrder_ = Qt::DescendingOrder;
    qint64 nowMs_ = 0;
};

} // namespace umbral::ui
