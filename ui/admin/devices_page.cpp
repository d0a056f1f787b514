#include "ui/admin/devices_page.h"

#include "app/services/device_admin_service.h"
#include "devices/api/device.h"
#include "devices/api/device_error.h"
#include "devices/api/device_manager.h"
#include "storage/station_store.h"
#include "ui/admin/service_executor.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <memory>

namespace umbral::ui {

namespace {
QString capabilities(const devices::DeviceInfo& d) {
    QStringList out;
    if (d.fingerprint) {
        const auto& f = *d.fingerprint;
        QStringList what;
        if (f.singleFinger)
            what << QObject::tr("single fingers");
        if (f.fourFingerSlap)
            what << QObject::tr("4-4-2 slaps");
        if (f.twoThumbs)
            what << QObject::tr("two thumbs");
        if (f.rolled)
            what << QObject::tr("rolled");
        out << QObject::tr("fingerprints: %1; %2 ppi; %3 x %4 px; preview %5/s")
                   .arg(what.join(QStringLiteral(", ")))
                   .arg(f.ppi)
                   .arg(f.imageSize.width())
                   .arg(f.imageSize.height())
                   .arg(f.previewRateHz, 0, 'f', 0);
    }
    if (d.iris) {
        const auto& i = *d.iris;
        out << QObject::tr("irises: %1 eye(s); %2 x %3 px; %4 nm; preview %5/s")
                   .arg(devices::toKey(i.coverage))
                   .arg(i.resolution.width())
                   .arg(i.resolution.height())
                   .arg(i.illuminationWavelengthNm)
                   .arg(i.previewRateHz, 0, 'f', 0);
    }
    return out.join(QLatin1Char('\n'));
}

QString orDash(const QString& s) {
    return s.isEmpty() ? QStringLiteral("—") : s;
}
} // namespace

DevicesPage::DevicesPage(const Actor& actor, const WorkspaceServices& services, QWidget* parent)
    : QWidget(parent), actor_(actor), services_(services) {
    setObjectName(QStringLiteral("devicesPage"));
    table_ = new QTableWidget(0, 5, this);
    table_->setObjectName(QStringLiteral("devicesTable"));
    table_->setHorizontalHeaderLabels(
        {tr("Device"), tr("Kind"), tr("Backend"), tr("Model"), tr("USB id")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);

    details_ = new QLabel(this);
    details_->setObjectName(QStringLiteral("deviceDetails"));
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    details_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    details_->setFrameShape(QFrame::StyledPanel);
    details_->setMargin(8);
    test_ = new QPushButton(tr("&Test capture"), this);
    test_->setObjectName(QStringLiteral("testCapture"));
    test_->setToolTip(tr("Capture one image with the selected device and show it"));
    testResult_ = new QLabel(this);
    testResult_->setObjectName(QStringLiteral("testCaptureResult"));
    testResult_->setWordWrap(true);
    testPicture_ = new QLabel(this);
    testPicture_->setObjectName(QStringLiteral("testCapturePicture"));
    testPicture_->setAlignment(Qt::AlignCenter);
    testPicture_->setMinimumSize(320, 240);
    testPicture_->setFrameShape(QFrame::StyledPanel);
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("devicesRefresh"));
    refresh->setShortcut(QKeySequence::Refresh);

    auto* side = new QVBoxLayout;
    side->addWidget(details_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(test_);
    buttons->addWidget(refresh);
    buttons->addStretch();
    side->addLayout(buttons);
    side->addWidget(testResult_);
    side->addWidget(testPicture_, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(table_, 3);
    layout->addLayout(side, 2);

    connect(table_, &QTableWidget::itemSelectionChanged, this, &DevicesPage::showDetails);
    connect(test_, &QPushButton::clicked, this, &DevicesPage::testCapture);
    connect(refresh, &QPushButton::clicked, this, &DevicesPage::reload);
    if (services_.devices) {
        // Arrival and removal, live.
        connect(services_.devices, &devices::DeviceManager::deviceArrived, this,
                &DevicesPage::reload);
        connect(services_.devices, &devices::DeviceManager::deviceRemoved, this,
                &DevicesPage::reload);
    }
    reload();
}

DevicesPage::~DevicesPage() {
    if (testing_)
        testing_->stop();
}

void DevicesPage::reload() {
    const QString keep = selectedDevice();
    if (!services_.devices) {
        table_->setRowCount(0);
        details_->setText(tr("This station runs without a device manager."));
        test_->setEnabled(false);
        return;
    }
    QList<devices::DeviceInfo> list;
    try {
        list = services::DeviceAdminService(*services_.devices).list(actor_);
    } catch (const Error& e) {
        details_->setText(tr("Error: %1").arg(e.message()));
        return;
    }
    table_->setRowCount(int(list.size()));
    for (int i = 0; i < int(list.size()); ++i) {
        const auto& d = list[i];
        const QStringList cells{d.id, devices::toKey(d.modality), devices::toKey(d.backend),
                                d.model, orDash(devices::usbIdText(d))};
        for (int c = 0; c < cells.size(); ++c)
            table_->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    table_->resizeColumnsToContents();
    if (!selectDevice(keep) && table_->rowCount() > 0)
        table_->selectRow(0);
    showDetails();
}

bool DevicesPage::selectDevice(const QString& id) {
    for (int i = 0; i < table_->rowCount(); ++i)
        if (table_->item(i, 0)->text() == id) {
            table_->selectRow(i);
            return true;
        }
    return false;
}

QString DevicesPage::selectedDevice() const {
    const auto rows =
        table_->selectionModel() ? table_->selectionModel()->selectedRows() : QModelIndexList{};
    return rows.isEmpty() ? QString() : table_->item(rows.front().row(), 0)->text();
}

int DevicesPage::deviceCount() const {
    return table_->rowCount();
}
QString DevicesPage::detailsText() const {
    return details_->text();
}
QString DevicesPage::testText() const {
    return testResult_->text();
}

void DevicesPage::showDetails() {
    const QString id = selectedDevice();
    test_->setEnabled(!id.isEmpty() && !testing_);
    if (id.isEmpty() || !services_.devices) {
        details_->setText(tr("Select a device."));
        return;
    }
    const auto d = services::DeviceAdminService(*services_.devices).details(actor_, id);
    if (!d) {
        details_->setText(tr("%1 is no longer connected.").arg(id));
        return;
    }
    details_->setText(tr("%1\nModel: %2\nKind: %3 · backend: %4\nUSB id: %5 · serial: %6 · "
                         "firmware: %7\nLocation: %8\n%9")
                          .arg(d->id, orDash(d->model), devices::toKey(d->modality),
                               devices::toKey(d->backend), orDash(devices::usbIdText(*d)),
                               orDash(d->serial), orDash(d->firmware), orDash(d->location),
                               capabilities(*d)));
}

void DevicesPage::testCapture() {
    const QString id = selectedDevice();
    if (id.isEmpty() || testing_ || !services_.devices)
        return;
    services::DeviceAdminService admin(*services_.devices);
    std::optional<devices::DeviceInfo> info;
    try {
        info = admin.details(actor_, id);
        testing_ = admin.deviceForTestCapture(actor_, id);
    } catch (const Error& e) {
        testResult_->setText(tr("Error: %1").arg(e.message()));
        return;
    }
    if (!info) {
        testing_.reset();
        testResult_->setText(tr("Error: %1 is no longer connected.").arg(id));
        return;
    }
    const devices::CaptureSpec spec = services::DeviceAdminService::testCaptureSpec(*info);
    test_->setEnabled(false);
    testPicture_->clear();
    testResult_->setText(
        tr("Capturing %1 with %2… present a finger or an eye (up to %3 s).")
            .arg(spec.describe(), id)
            .arg(std::chrono::duration_cast<std::chrono::seconds>(spec.timeout).count()));
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    // The device answers on its own thread; the signals arrive here queued.
    connect(testing_.get(), &devices::Device::captureCompleted, this,
            [this, id, timer](const devices::Frame& f) {
                testImage_ = QImage(f.image.data, f.image.cols, f.image.rows, int(f.image.step),
                                    QImage::Format_Grayscale8)
                                 .copy();
                testPicture_->setPixmap(QPixmap::fromImage(
                    testImage_.scaled(testPicture_->size().boundedTo(QSize(480, 480)),
                                      Qt::KeepAspectRatio, Qt::SmoothTransformation)));
                const QString outcome = tr("ok %1x%2%3 in %4 ms")
                                            .arg(f.image.cols)
                                            .arg(f.image.rows)
                                            .arg(f.ppi > 0 ? tr(" %1 ppi").arg(f.ppi) : QString())
                                            .arg(timer->elapsed());
                testResult_->setText(tr("✔ Test capture ok: %1 x %2 pixels%3, in %4 s.")
                                         .arg(f.image.cols)
                                         .arg(f.image.rows)
                                         .arg(f.ppi > 0 ? tr(" at %1 ppi").arg(f.ppi) : QString())
                                         .arg(double(timer->elapsed()) / 1000.0, 0, 'f', 1));
                finishTest(id, true, outcome);
            });
    connect(testing_.get(), &devices::Device::captureFailed, this,
            [this, id](const devices::DeviceError& e) {
                testResult_->setText(tr("✘ Test capture failed: %1").arg(e.describe()));
                finishTest(id, false, tr("failed: %1").arg(e.describe()));
            });
    testing_->capture(spec);
}

void DevicesPage::finishTest(const QString& id, bool ok, const QString& outcome) {
    if (testing_) {
        disconnect(testing_.get(), nullptr, this, nullptr);
        testing_->stop();
        testing_.reset();
    }
    showDetails();
    // The audit row is SQL: on the worker.
    services_.executor->run<bool>(
        this,
        [store = services_.store, actor = actor_, id, outcome] {
            services::DeviceAdminService::auditTestCapture(*store, actor, id, outcome);
            return true;
        },
        [this, ok](const ServiceOutcome<bool>& o) {
            if (!o.value)
                testResult_->setText(testResult_->text() +
                                     tr("\nError: the test was not recorded: %1").arg(o.error));
            emit testCaptureFinished(ok);
        });
}

} // namespace umbral::ui
