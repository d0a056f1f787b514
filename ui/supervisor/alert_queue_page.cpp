#include "ui/supervisor/alert_queue_page.h"

#include "app/services/adjudication_service.h"
#include "storage/station_store.h"
#include "ui/admin/service_executor.h"

#include <QComboBox>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace umbral::ui {

namespace {
QComboBox* combo(QWidget* parent, const QString& objectName) {
    auto* c = new QComboBox(parent);
    c->setObjectName(objectName);
    c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return c;
}
} // namespace

AlertQueuePage::AlertQueuePage(const Actor& actor, const WorkspaceServices& services,
                               QWidget* parent)
    : QWidget(parent), actor_(actor), services_(services) {
    setObjectName(QStringLiteral("alertQueuePage"));
    model_ = new AlertQueueModel(this);

    band_ = combo(this, QStringLiteral("bandFilter"));
    band_->addItem(tr("Any band"), -1);
    band_->addItem(tr("RED"), int(Band::Red));
    band_->addItem(tr("YELLOW"), int(Band::Yellow));
    category_ = combo(this, QStringLiteral("categoryFilter"));
    category_->addItem(tr("Any category"), -1);
    for (WatchlistCategory c :
         {WatchlistCategory::KnownOrSuspectedTerrorist, WatchlistCategory::CriminalWarrant,
          WatchlistCategory::ImmigrationViolation, WatchlistCategory::Other})
        category_->addItem(categoryWords(c), int(c));
    lane_ = combo(this, QStringLiteral("laneFilter"));
    lane_->addItem(tr("Any lane"), QString());
    age_ = combo(this, QStringLiteral("ageFilter"));
    age_->addItem(tr("Any age"), int(AgeWindow::Any));
    age_->addItem(tr("Last hour"), int(AgeWindow::LastHour));
    age_->addItem(tr("Last 24 hours"), int(AgeWindow::LastDay));
    age_->addItem(tr("Last 7 days"), int(AgeWindow::LastWeek));
    age_->addItem(tr("Older than 24 hours"), int(AgeWindow::OlderThanDay));
    state_ = combo(this, QStringLiteral("stateFilter"));
    state_->addItem(tr("Needs a decision"), int(StateFilter::NeedsDecision));
    state_->addItem(tr("Awaiting 2nd supervisor"), int(StateFilter::AwaitingSecond));
    state_->addItem(tr("Open"), int(StateFilter::Open));
    state_->addItem(tr("Escalated"), int(StateFilter::Escalated));
    state_->addItem(tr("Confirmed"), int(StateFilter::Confirmed));
    state_->addItem(tr("Dismissed"), int(StateFilter::Dismissed));
    state_->addItem(tr("Decided"), int(StateFilter::Decided));
    state_->addItem(tr("Any state"), int(StateFilter::Any));

    auto* filters = new QHBoxLayout;
    auto addFilter = [&](const QString& label, QComboBox* box) {
        auto* l = new QLabel(label, this);
        l->setBuddy(box);
        filters->addWidget(l);
        filters->addWidget(box);
        filters->addSpacing(10);
    };
    addFilter(tr("&Band"), band_);
    addFilter(tr("&Category"), category_);
    addFilter(tr("&Lane"), lane_);
    addFilter(tr("A&ge"), age_);
    addFilter(tr("&State"), state_);
    filters->addStretch();

    counts_ = new QLabel(this);
    counts_->setObjectName(QStringLiteral("alertCounts"));
    counts_->setWordWrap(true);
    QFont big = counts_->font();
    big.setPointSizeF(big.pointSizeF() * 1.1);
    counts_->setFont(big);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("alertTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSortingEnabled(true);
    table_->sortByColumn(AlertQueueModel::Id, Qt::DescendingOrder);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    // Fixed row heights and column widths: nothing is measured per row, so ten thousand rows
    // cost no more to show than a screenful.
    const QFontMetrics fm(table_->font());
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(fm.height() + 8);
    const int widths[AlertQueueModel::ColumnCount] = {7, 8, 23, 5, 44, 13, 14, 6, 10, 12};
    for (int c = 0; c < AlertQueueModel::ColumnCount; ++c)
        table_->setColumnWidth(c, fm.averageCharWidth() * widths[c] + 12);
    table_->horizontalHeader()->setStretchLastSection(true);

    open_ = new QPushButton(tr("O&pen alert"), this); // Alt+O is "Sign out"
    open_->setObjectName(QStringLiteral("openAlert"));
    open_->setToolTip(tr("Open the selected alert (Enter)"));
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("alertRefresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Reload the queue (F5)"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("alertQueueStatus"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open_);
    buttons->addWidget(refresh);
    buttons->addStretch();
    buttons->addWidget(status_);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(counts_);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);

    for (QComboBox* box : {band_, category_, lane_, age_, state_})
        connect(box, &QComboBox::currentIndexChanged, this, &AlertQueuePage::criteriaChanged);
    connect(table_, &QTableView::activated, this,
            &AlertQueuePage::openSelected); // Enter, double-click
    connect(open_, &QPushButton::clicked, this, &AlertQueuePage::openSelected);
    connect(refresh, &QPushButton::clicked, this, &AlertQueuePage::reload);
    // Filtering and sorting reset the model: keep the selected alert selected.
    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = table_->currentIndex();
        currentBeforeReset_ = current.isValid() ? model_->visibleAlert(current.row()).id : 0;
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        if (currentBeforeReset_)
            selectAlert(currentBeforeReset_);
        updateCounts();
    });

    refreshTimer_ = new QTimer(this);
    refreshTimer_->setInterval(30000);
    connect(refreshTimer_, &QTimer::timeout, this, [this] {
        if (!loading_)
            reload();
    });
    refreshTimer_->start();

    setTabOrder(band_, category_);
    setTabOrder(category_, lane_);
    setTabOrder(lane_, age_);
    setTabOrder(age_, state_);
    setTabOrder(state_, table_);
    setTabOrder(table_, open_);
    setTabOrder(open_, refresh);
    setFocusProxy(table_);
    updateCounts();
    reload();
}

void AlertQueuePage::reload() {
    loading_ = true;
    status_->setText(tr("Loading…"));
    services_.executor->run<std::vector<storage::AlertSummary>>(
        this,
        [store = services_.store, settings = services_.adjudication, actor = actor_] {
            return services::AdjudicationService(*store, settings).queue(actor, kMaxAlerts);
        },
        [this](const ServiceOutcome<std::vector<storage::AlertSummary>>& o) {
            loading_ = false;
            if (!o.value) {
                status_->setText(tr("Error: the alerts could not be loaded: %1").arg(o.error));
                return;
            }
            model_->setAlerts(*o.value, QDateTime::currentDateTimeUtc());
            // Keep the lane choice; offer the lanes seen.
            const QString lane = lane_->currentData().toString();
            QSignalBlocker block(lane_);
            lane_->clear();
            lane_->addItem(tr("Any lane"), QString());
            QStringList lanes = model_->lanes();
            lanes.sort();
            for (const QString& l : lanes)
                lane_->addItem(l, l);
            lane_->setCurrentIndex(std::max(0, lane_->findData(lane)));
            status_->setText(
                tr("Updated %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
            updateCounts();
            emit loaded(model_->rowCount());
        });
}

AlertQueueCriteria AlertQueuePage::criteria() const {
    return model_->criteria();
}

void AlertQueuePage::setCriteria(const AlertQueueCriteria& c) {
    const QSignalBlocker b1(band_), b2(category_), b3(lane_), b4(age_), b5(state_);
    band_->setCurrentIndex(std::max(0, band_->findData(c.band ? int(*c.band) : -1)));
    category_->setCurrentIndex(
        std::max(0, category_->findData(c.category ? int(*c.category) : -1)));
    lane_->setCurrentIndex(std::max(0, lane_->findData(c.lane)));
    age_->setCurrentIndex(std::max(0, age_->findData(int(c.age))));
    state_->setCurrentIndex(std::max(0, state_->findData(int(c.state))));
    criteriaChanged();
}

void AlertQueuePage::criteriaChanged() {
    AlertQueueCriteria c;
    if (const int b = band_->currentData().toInt(); b >= 0)
        c.band = Band(b);
    if (const int cat = category_->currentData().toInt(); cat >= 0)
        c.category = WatchlistCategory(cat);
    c.lane = lane_->currentData().toString();
    c.age = AgeWindow(age_->currentData().toInt());
    c.state = StateFilter(state_->currentData().toInt());
    model_->setCriteria(c);
}

int AlertQueuePage::visibleAlerts() const {
    return model_->rowCount();
}

const storage::AlertSummary& AlertQueuePage::visibleAlert(int row) const {
    return model_->visibleAlert(row);
}

bool AlertQueuePage::selectAlert(qint64 alertId) {
    const int row = model_->visibleRowOf(alertId);
    if (row < 0)
        return false;
    const QModelIndex index = model_->index(row, 0);
    table_->setCurrentIndex(index);
    table_->selectRow(index.row());
    table_->scrollTo(index);
    return true;
}

void AlertQueuePage::openSelected() {
    const QModelIndex current = table_->currentIndex();
    if (!current.isValid()) {
        status_->setText(tr("Select an alert first."));
        return;
    }
    emit openAlertRequested(visibleAlert(current.row()).id);
}

void AlertQueuePage::updateCounts() {
    const AlertQueueCounts& c = model_->counts();
    counts_->setText(tr("<b>Needs a decision: %1</b> (RED %2, YELLOW %3) · awaiting 2nd "
                        "supervisor: %4 · escalated: %5 · "
                        "confirmed: %6 · dismissed: %7 — showing %8 of %9")
                         .arg(c.needsDecision)
                         .arg(c.redNeedsDecision)
                         .arg(c.yellowNeedsDecision)
                         .arg(c.awaitingSecond)
                         .arg(c.escalated)
                         .arg(c.confirmed)
                         .arg(c.dismissed)
                         .arg(model_->rowCount())
                         .arg(c.total));
    open_->setEnabled(model_->rowCount() > 0);
}

QString AlertQueuePage::countsText() const {
    return counts_->text();
}
QString AlertQueuePage::statusText() const {
    return status_->text();
}

} // namespace umbral::ui
