#include "ui/supervisor/alert_queue_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <algorithm>

namespace umbral::ui {

QString bandWords(Band band) {
    switch (band) {
    case Band::Red:
        return QObject::tr("RED");
    case Band::Yellow:
        return QObject::tr("YELLOW");
    case Band::Green:
        return QObject::tr("GREEN");
    case Band::Pending:
        break;
    }
    return QObject::tr("PENDING");
}

QString categoryWords(WatchlistCategory c) {
    switch (c) {
    case WatchlistCategory::KnownOrSuspectedTerrorist:
        return QObject::tr("KST");
    case WatchlistCategory::CriminalWarrant:
        return QObject::tr("Criminal warrant");
    case WatchlistCategory::ImmigrationViolation:
        return QObject::tr("Immigration violation");
    case WatchlistCategory::Other:
        break;
    }
    return QObject::tr("Other");
}

QString stateWords(const storage::AlertSummary& a) {
    QString s;
    switch (a.state) {
    case AlertState::Open:
        s = QObject::tr("Open");
        break;
    case AlertState::Escalated:
        s = QObject::tr("Escalated");
        break;
    case AlertState::Confirmed:
        s = QObject::tr("Confirmed");
        break;
    case AlertState::Dismissed:
        s = QObject::tr("Dismissed");
        break;
    }
    if (a.awaitingSecond() && a.lastDecision)
        s += QObject::tr(" — awaiting 2nd supervisor (%1 proposed %2)")
                 .arg(a.lastDecisionBy, storage::toKey(*a.lastDecision));
    else if ((a.state == AlertState::Confirmed || a.state == AlertState::Dismissed) &&
             !a.decidedBy.isEmpty())
        s += QObject::tr(" by %1").arg(a.decidedBy);
    return s;
}

QString ageWords(qint64 seconds) {
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return QObject::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return QObject::tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return QObject::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return QObject::tr("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

AlertQueueModel::AlertQueueModel(QObject* parent) : QAbstractTableModel(parent) {}

void AlertQueueModel::setAlerts(std::vector<storage::AlertSummary> alerts, const QDateTime& now) {
    beginResetModel();
    alerts_ = std::move(alerts);
    nowMs_ = now.toMSecsSinceEpoch();
    lanes_.clear();
    keys_.clear();
    keys_.reserve(alerts_.size());
    counts_ = AlertQueueCounts{};
    for (const auto& a : alerts_) {
        Keys k;
        k.createdMs = a.createdAt.toMSecsSinceEpoch();
        k.lane = int(lanes_.indexOf(a.lane));
        if (k.lane < 0) {
            k.lane = int(lanes_.size());
            lanes_ << a.lane;
        }
        k.band = a.band;
        k.category = a.category;
        k.state = a.state;
        k.awaitingSecond = a.awaitingSecond();
        keys_.push_back(k);

        ++counts_.total;
        const bool needs = a.state == AlertState::Open || a.state == AlertState::Escalated;
        if (needs) {
            ++counts_.needsDecision;
            if (a.band == Band::Red)
                ++counts_.redNeedsDecision;
            else
                ++counts_.yellowNeedsDecision;
        }
        counts_.awaitingSecond += k.awaitingSecond ? 1 : 0;
        counts_.escalated += a.state == AlertState::Escalated ? 1 : 0;
        counts_.confirmed += a.state == AlertState::Confirmed ? 1 : 0;
        counts_.dismissed += a.state == AlertState::Dismissed ? 1 : 0;
    }
    rebuild();
    endResetModel();
}

void AlertQueueModel::setNow(const QDateTime& now) {
    beginResetModel();
    nowMs_ = now.toMSecsSinceEpoch();
    rebuild();
    endResetModel();
}

void AlertQueueModel::setCriteria(const AlertQueueCriteria& criteria) {
    beginResetModel();
    criteria_ = criteria;
    rebuild();
    endResetModel();
}

void AlertQueueModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= ColumnCount)
        return;
    beginResetModel();
    sortColumn_ = column;
    sortOrder_ = order;
    rebuild();
    endResetModel();
}

void AlertQueueModel::rebuild() {
    const int lane = laneIndex(criteria_.lane);
    visible_.clear();
    visible_.reserve(alerts_.size());
    for (int i = 0; i < int(alerts_.size()); ++i)
        if (accepts(i, criteria_, lane))
            visible_.push_back(i);
    // Stable, so equal keys keep the loaded order (newest first).
    if (sortOrder_ == Qt::AscendingOrder)
        std::stable_sort(visible_.begin(), visible_.end(),
                         [this](int a, int b) { return lessThan(a, b); });
    else
        std::stable_sort(visible_.begin(), visible_.end(),
                         [this](int a, int b) { return lessThan(b, a); });
}

int AlertQueueModel::visibleRowOf(qint64 alertId) const {
    for (std::size_t row = 0; row < visible_.size(); ++row)
        if (alerts_[std::size_t(visible_[row])].id == alertId)
            return int(row);
    return -1;
}

int AlertQueueModel::laneIndex(const QString& lane) const {
    if (lane.isEmpty())
        return -1;
    const int i = int(lanes_.indexOf(lane));
    return i < 0 ? -2 : i;
}

bool AlertQueueModel::accepts(int index, const AlertQueueCriteria& c, int laneIndex) const {
    const Keys& k = keys_[std::size_t(index)];
    if (c.band && k.band != *c.band)
        return false;
    if (c.category && k.category != *c.category)
        return false;
    if (laneIndex != -1 && k.lane != laneIndex)
        return false;
    const qint64 ageMs = nowMs_ - k.createdMs;
    constexpr qint64 hour = 3600LL * 1000, day = 24 * hour;
    switch (c.age) {
    case AgeWindow::Any:
        break;
    case AgeWindow::LastHour:
        if (ageMs > hour)
            return false;
        break;
    case AgeWindow::LastDay:
        if (ageMs > day)
            return false;
        break;
    case AgeWindow::LastWeek:
        if (ageMs > 7 * day)
            return false;
        break;
    case AgeWindow::OlderThanDay:
        if (ageMs <= day)
            return false;
        break;
    }
    switch (c.state) {
    case StateFilter::NeedsDecision:
        return k.state == AlertState::Open || k.state == AlertState::Escalated;
    case StateFilter::AwaitingSecond:
        return k.awaitingSecond;
    case StateFilter::Open:
        return k.state == AlertState::Open;
    case StateFilter::Escalated:
        return k.state == AlertState::Escalated;
    case StateFilter::Confirmed:
        return k.state == AlertState::Confirmed;
    case StateFilter::Dismissed:
        return k.state == AlertState::Dismissed;
    case StateFilter::Decided:
        return k.state == AlertState::Confirmed || k.state == AlertState::Dismissed;
    case StateFilter::Any:
        return true;
    }
    return true;
}

bool AlertQueueModel::lessThan(int left, int right) const {
    const auto& a = alerts_[std::size_t(left)];
    const auto& b = alerts_[std::size_t(right)];
    switch (sortColumn_) {
    case Id:
        return a.id < b.id;
    case BandColumn:
        return a.band < b.band;
    case Category:
        return int(a.category) < int(b.category);
    case Severity:
        return a.severity < b.severity;
    case State:
        return int(a.state) < int(b.state);
    case Lane:
        return a.lane < b.lane;
    case Age: // older first when ascending
        return keys_[std::size_t(left)].createdMs > keys_[std::size_t(right)].createdMs;
    case Score:
        return a.score < b.score;
    case Encounter:
        return a.encounterId < b.encounterId;
    case EnrolledBy:
        return a.officerName < b.officerName;
    }
    return left < right;
}

int AlertQueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(visible_.size());
}
int AlertQueueModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertQueueModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(visible_.size()))
        return {};
    const int source = visible_[std::size_t(index.row())];
    const auto& a = alerts_[std::size_t(source)];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id:
            return a.id;
        case BandColumn:
            return bandWords(a.band);
        case Category:
            return categoryWords(a.category);
        case Severity:
            return a.severity;
        case State:
            return stateWords(a);
        case Lane:
            return a.lane;
        case Age:
            return ageWords((nowMs_ - keys_[std::size_t(source)].createdMs) / 1000);
        case Score:
            return QString::number(a.score, 'f', 2);
        case Encounter:
            return a.encounterId.left(8);
        case EnrolledBy:
            return a.officerName;
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Encounter)
            return a.encounterId;
        if (index.column() == Age)
            return a.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        return data(index, Qt::DisplayRole);
    }
    // The band is written out in capitals; the tint and bold type only repeat it.
    if (index.column() == BandColumn) {
        if (role == Qt::BackgroundRole)
            return QBrush(a.band == Band::Red ? QColor(0xff, 0xcd, 0xd2)
                                              : QColor(0xff, 0xf1, 0x9c));
        if (role == Qt::ForegroundRole)
            return QBrush(a.band == Band::Red ? QColor(0x8b, 0x00, 0x00)
                                              : QColor(0x5c, 0x3c, 0x00));
        if (role == Qt::FontRole && a.band == Band::Red) {
            QFont f;
            f.setBold(true);
            return f;
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Id || index.column() == Severity || index.column() == Score))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant AlertQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Score)
        // The screening's one number for a candidate: two scales, said where they are read.
        return tr("Screening strength: -log10 of the false-match rate when a fingerprint or an "
                  "iris matched (9 = one in a billion), else the biographic score from 0 to 1.");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Alert");
    case BandColumn:
        return tr("Band");
    case Category:
        return tr("Category");
    case Severity:
        return tr("Sev.");
    case State:
        return tr("State");
    case Lane:
        return tr("Lane");
    case Age:
        return tr("Age");
    case Score:
        return tr("Score");
    case Encounter:
        return tr("Encounter");
    case EnrolledBy:
        return tr("Enrolled by");
    }
    return {};
}

} // namespace umbral::ui
