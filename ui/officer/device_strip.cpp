#include "ui/officer/device_strip.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>

namespace umbral::ui {

using enrollment::CaptureSession;

DeviceStrip::DeviceStrip(devices::DeviceManager& devices, CaptureSession* session, QWidget* parent)
    : QWidget(parent), devices_(devices), session_(session) {
    setObjectName(QStringLiteral("deviceStrip"));
    list_ = new QLabel(this);
    list_->setObjectName(QStringLiteral("deviceList"));
    list_->setTextFormat(Qt::RichText);
    list_->setWordWrap(true);
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("deviceNotice"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(list_, 1);
    layout->addWidget(notice_);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    setPalette(pal);
    connect(&devices_, &devices::DeviceManager::deviceArrived, this,
            [this](const devices::DeviceInfo& info) {
                notice(tr("\u2714 Connected: %1").arg(info.model));
                refresh();
            });
    connect(&devices_, &devices::DeviceManager::deviceRemoved, this, [this](const QString& id) {
        notice(tr("\u2716 Disconnected: %1").arg(id));
        refresh();
    });
    if (session)
        connect(session, &CaptureSession::devicesChanged, this, &DeviceStrip::refresh);
    refresh();
}

QString DeviceStrip::text() const {
    return list_->text() + QLatin1Char(' ') + notice_->text();
}

void DeviceStrip::notice(const QString& text) {
    notice_->setText(QStringLiteral("%1  %2").arg(
        QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")), text));
}

void DeviceStrip::refresh() {
    const QString scanner =
        session_ && session_->scannerInfo() ? session_->scannerInfo()->id : QString();
    const QString camera =
        session_ && session_->irisCameraInfo() ? session_->irisCameraInfo()->id : QString();
    QStringList items;
    for (const devices::DeviceInfo& info : devices_.devices()) {
        const bool inUse = info.id == scanner || info.id == camera;
        const QString kind = info.modality == devices::Modality::Iris ? tr("Iris camera")
                                                                      : tr("Fingerprint scanner");
        QString item = QStringLiteral("%1 %2: %3")
                           .arg(QStringLiteral("\u25CF"), kind, info.model.toHtmlEscaped());
        if (inUse)
            item = QStringLiteral("<b>%1 — %2</b>").arg(item, tr("IN USE"));
        items << item;
    }
    if (session_ && session_->scannerStatus() == CaptureSession::DeviceStatus::Removed)
        items << QStringLiteral("<b style='color:#b01e1e'>\u2716 %1</b>")
                     .arg(tr("Scanner in use DISCONNECTED"));
    if (session_ && session_->irisStatus() == CaptureSession::DeviceStatus::Removed)
        items << QStringLiteral("<b style='color:#b01e1e'>\u2716 %1</b>")
                     .arg(tr("Iris camera in use DISCONNECTED"));
    list_->setText(items.isEmpty()
                       ? tr("\u2716 No scanner or camera connected")
                       : tr("Devices: ") + items.join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

} // namespace umbral::ui
